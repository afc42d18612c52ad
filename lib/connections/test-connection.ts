// Test connection: the connector's own check, answered with the status vocabulary that tells the
// user what to fix. A stored configuration that no longer decrypts or validates is a status too.
import { audit } from '../audit';
import { getConnector, redactUrlCredentials } from '../connectors/registry';
import { ConnectorError, type TConnectionStatus } from '../connectors/types';
import { isAppError } from '../errors';
import { logger } from '../logger';
import type { TAuditActor } from './audit-actor';
import { loadConnectionConfig } from './connection-config';
import { findConnection } from './find-connection';
import { CredentialsDecryptError } from '../crypto/credentials';

export async function testConnection(
  ref: string,
  options: { actor?: TAuditActor; timeoutMs?: number } = {},
): Promise<TConnectionStatus & { connectionId: string; name: string }> {
  const row = await findConnection(ref);
  const tested = await runTest(row, options.timeoutMs ?? 30_000);
  const status = { ...tested, message: redactUrlCredentials(tested.message) };
  if (options.actor) await audit(options.actor, 'connection.test', { type: 'connection', id: row.id }, { name: row.name, status: status.status });
  logger.info({ connectionId: row.id, provider: row.provider, status: status.status }, 'connection tested');
  return { ...status, connectionId: row.id, name: row.name };
}

async function runTest(row: Parameters<typeof loadConnectionConfig>[0], timeoutMs: number): Promise<TConnectionStatus> {
  let config: ReturnType<typeof loadConnectionConfig>;
  try {
    config = loadConnectionConfig(row);
  } catch (e) {
    if (e instanceof CredentialsDecryptError || isAppError(e)) return { status: 'invalid_configuration', message: e.message };
    throw e;
  }
  try {
    return await getConnector(row.provider).test(config, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    if (e instanceof ConnectorError) return { status: e.status, message: e.message };
    if ((e as Error)?.name === 'TimeoutError') return { status: 'unreachable', message: `no answer within ${Math.round(timeoutMs / 1000)} s` };
    return { status: 'unexpected_response', message: (e as Error)?.message ?? String(e) };
  }
}
