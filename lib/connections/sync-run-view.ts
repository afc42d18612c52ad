// A sync_run row as the API, the CLI and the UI show it.
import type { TSyncRunView } from '../api/schemas/connections';
import type { SyncRun } from '../generated/prisma/client';

type TRunRow = SyncRun & { connection?: { name: string } | null };

function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function toSyncRunView(row: TRunRow): TSyncRunView {
  const details = (row.details ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    connectionId: row.connectionId,
    connectionName: row.connection?.name ?? null,
    kind: row.kind,
    source: row.source,
    trigger: typeof details.trigger === 'string' ? details.trigger : null,
    status: row.status as TSyncRunView['status'],
    windowStart: row.windowStart?.toISOString() ?? null,
    windowEnd: row.windowEnd?.toISOString() ?? null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    rowsInserted: row.rowsInserted,
    rowsUpdated: row.rowsUpdated,
    rowsUnchanged: row.rowsUnchanged,
    rowsRefused: row.rowsRefused,
    apiRequests: row.apiRequests,
    apiCost: trimDecimal(row.apiCost.toFixed()),
    apiCostCurrency: row.apiCostCurrency,
    error: row.error,
    errorStatus: typeof details.errorStatus === 'string' ? details.errorStatus : null,
    details,
  };
}
