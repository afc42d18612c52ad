// Adds a connection: settings and credentials validated by the provider's schemas, credentials
// encrypted, the change audited by setting and credential names (never a secret's value).
import crypto from 'node:crypto';
import { ZCreateConnection, type TConnectionView, type TCreateConnection } from '../api/schemas/connections';
import { audit } from '../audit';
import { credentialHint, parseConnectionConfig } from '../connectors/registry';
import { prisma } from '../db';
import { AppError } from '../errors';
import { logger } from '../logger';
import type { TAuditActor } from './audit-actor';
import { sealCredentials } from './connection-config';
import { toConnectionView } from './connection-view';
import { scheduleFor } from './schedule';
import { parseInput, withoutEmpty } from './validate';

export async function assertNameFree(name: string, exceptId?: string) {
  const other = await prisma.connection.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId)
    throw new AppError('CONFLICT', `a connection named "${name}" already exists`, [{ field: 'name', message: 'already used' }]);
}

export async function createConnection(actor: TAuditActor, input: TCreateConnection): Promise<TConnectionView> {
  const data = parseInput(ZCreateConnection, input);
  const config = parseConnectionConfig(data.provider, {
    settings: withoutEmpty(data.settings),
    credentials: withoutEmpty(data.credentials),
  });
  const settings = (config.settings ?? {}) as Record<string, unknown>;
  const credentials = (config.credentials ?? {}) as Record<string, unknown>;
  const syncCron = scheduleFor(data.provider, settings, data.syncCron);
  await assertNameFree(data.name);

  const id = crypto.randomUUID();
  const row = await prisma.connection.create({
    data: {
      id,
      provider: data.provider,
      name: data.name,
      settings: settings as object,
      credentialsEnc: sealCredentials(id, credentials),
      credentialsHint: credentialHint(credentials),
      syncCron,
      enabled: data.enabled,
    },
  });
  await audit(actor, 'connection.create', { type: 'connection', id }, {
    provider: data.provider,
    name: data.name,
    settings,
    credentials: Object.keys(credentials).filter((k) => credentials[k] !== undefined),
    syncCron,
    enabled: data.enabled,
  });
  logger.info({ connectionId: id, provider: data.provider }, 'connection created');
  return toConnectionView(row, null);
}
