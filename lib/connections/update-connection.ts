// Changes a connection. Settings merge into the stored ones (null removes a key); credentials are
// write-only: a key given with a value replaces that credential, an empty or absent one keeps it,
// and removeCredentials forgets the named ones. The result is validated as a whole again.
import { ZUpdateConnection, type TConnectionView, type TUpdateConnection } from '../api/schemas/connections';
import { audit } from '../audit';
import { credentialHint, parseConnectionConfig } from '../connectors/registry';
import type { TProvider } from '../connectors/types';
import { CredentialsDecryptError } from '../crypto/credentials';
import { prisma } from '../db';
import { AppError } from '../errors';
import { logger } from '../logger';
import type { TAuditActor } from './audit-actor';
import { sealCredentials, storedCredentials } from './connection-config';
import { toConnectionView } from './connection-view';
import { assertNameFree } from './create-connection';
import { findConnection } from './find-connection';
import { latestRun } from './list-connections';
import { scheduleFor } from './schedule';
import { parseInput, withoutEmpty } from './validate';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateConnection(actor: TAuditActor, ref: string, input: TUpdateConnection): Promise<TConnectionView> {
  const patch = parseInput(ZUpdateConnection, input);
  const row = await findConnection(ref);
  const provider = row.provider as TProvider;

  const oldSettings = (row.settings ?? {}) as Record<string, unknown>;
  const mergedSettings: Record<string, unknown> = { ...oldSettings };
  for (const [k, v] of Object.entries(patch.settings ?? {})) {
    if (v === null || v === '') delete mergedSettings[k];
    else mergedSettings[k] = v;
  }

  const given = withoutEmpty(patch.credentials ?? {});
  let oldCredentials: Record<string, unknown>;
  try {
    oldCredentials = storedCredentials(row);
  } catch (e) {
    // credentials sealed under another key can only be replaced, not merged into
    if (!(e instanceof CredentialsDecryptError) || Object.keys(given).length === 0) {
      throw new AppError('UNPROCESSABLE', (e as Error).message, [{ field: 'credentials', message: 'enter the credentials again' }], { cause: e });
    }
    oldCredentials = {};
  }
  const mergedCredentials: Record<string, unknown> = { ...oldCredentials, ...given };
  for (const k of patch.removeCredentials ?? []) delete mergedCredentials[k];

  const config = parseConnectionConfig(provider, { settings: mergedSettings, credentials: mergedCredentials });
  const settings = (config.settings ?? {}) as Record<string, unknown>;
  const credentials = (config.credentials ?? {}) as Record<string, unknown>;

  const name = patch.name ?? row.name;
  if (name !== row.name) await assertNameFree(name, row.id);
  const syncCron =
    patch.syncCron === undefined
      ? provider === 'redis'
        ? scheduleFor(provider, settings, null)
        : row.syncCron
      : scheduleFor(provider, settings, patch.syncCron);
  const enabled = patch.enabled ?? row.enabled;

  const credentialsChanged = [
    ...Object.keys(given).filter((k) => !same(given[k], oldCredentials[k])),
    ...(patch.removeCredentials ?? []).filter((k) => k in oldCredentials),
  ];
  const settingsChanged = [...new Set([...Object.keys(oldSettings), ...Object.keys(settings)])].filter(
    (k) => !same(oldSettings[k], settings[k]),
  );

  // stored secrets must not follow the connection to a new host: changing an address needs them again
  const addressChanged = settingsChanged.filter((k) => /url|endpoint/i.test(k));
  const storedSecretsKept = Object.keys(credentials).some((k) => !(k in given));
  if (addressChanged.length && storedSecretsKept) {
    throw new AppError('BAD_REQUEST', `changing ${addressChanged.join(', ')} needs the credentials again`, [
      { field: 'credentials', message: `enter the credentials again when ${addressChanged.join(', ')} changes` },
    ]);
  }

  const updated = await prisma.connection.update({
    where: { id: row.id },
    data: {
      name,
      settings: settings as object,
      ...(credentialsChanged.length || !same(oldCredentials, credentials)
        ? { credentialsEnc: sealCredentials(row.id, credentials), credentialsHint: credentialHint(credentials) }
        : {}),
      syncCron,
      enabled,
    },
  });
  await audit(actor, 'connection.update', { type: 'connection', id: row.id }, {
    provider,
    name,
    ...(name !== row.name ? { renamedFrom: row.name } : {}),
    settings: Object.fromEntries(settingsChanged.map((k) => [k, settings[k] ?? null])),
    credentials: credentialsChanged,
    ...(syncCron !== row.syncCron ? { syncCron } : {}),
    ...(enabled !== row.enabled ? { enabled } : {}),
  });
  logger.info({ connectionId: row.id, provider, settingsChanged, credentialsChanged }, 'connection updated');
  return toConnectionView(updated, await latestRun(row.id));
}
