// A connection as anyone may see it: settings and the last 4 characters of each credential,
// never the credentials themselves.
import type { TConnectionView } from '../api/schemas/connections';
import { getConnector } from '../connectors/registry';
import type { TProvider } from '../connectors/types';
import type { Connection, SyncRun } from '../generated/prisma/client';
import { effectiveSchedule, nextSyncAt } from './schedule';
import { toSyncRunView } from './sync-run-view';

export function toConnectionView(row: Connection, lastRun: SyncRun | null, now = new Date()): TConnectionView {
  return {
    id: row.id,
    provider: row.provider as TProvider,
    providerLabel: getConnector(row.provider).label,
    name: row.name,
    settings: (row.settings ?? {}) as Record<string, unknown>,
    credentialsHint: (row.credentialsHint ?? {}) as Record<string, string>,
    syncCron: effectiveSchedule(row),
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastRun: lastRun ? toSyncRunView({ ...lastRun, connection: { name: row.name } }) : null,
    nextSyncAt: nextSyncAt(row, lastRun?.startedAt ?? null, now)?.toISOString() ?? null,
  };
}
