// The run log: syncs (and imports) newest first.
import type { TSyncRunView } from '../api/schemas/connections';
import { prisma } from '../db';
import { toSyncRunView } from './sync-run-view';

export async function listSyncRuns(query: {
  connectionId?: string;
  kind?: 'sync' | 'import' | 'demo';
  limit?: number;
}): Promise<TSyncRunView[]> {
  const rows = await prisma.syncRun.findMany({
    where: { connectionId: query.connectionId, kind: query.kind },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: query.limit ?? 50,
    include: { connection: { select: { name: true } } },
  });
  return rows.map(toSyncRunView);
}

export async function getSyncRun(id: string): Promise<TSyncRunView | null> {
  const row = await prisma.syncRun.findUnique({ where: { id }, include: { connection: { select: { name: true } } } });
  return row ? toSyncRunView(row) : null;
}
