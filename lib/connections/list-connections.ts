// Connections with their last run, for the settings page, the API and the CLI.
import type { TConnectionView } from '../api/schemas/connections';
import { prisma } from '../db';
import type { SyncRun } from '../generated/prisma/client';
import { toConnectionView } from './connection-view';
import { findConnection } from './find-connection';

export async function latestRun(connectionId: string): Promise<SyncRun | null> {
  return prisma.syncRun.findFirst({ where: { connectionId }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] });
}

export async function listConnections(now = new Date()): Promise<TConnectionView[]> {
  const rows = await prisma.connection.findMany({ orderBy: { name: 'asc' } });
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // the newest run of each connection in one query
  const last = await prisma.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (connection_id) id::text AS id FROM sync_run
     WHERE connection_id = ANY(${ids}::uuid[])
     ORDER BY connection_id, started_at DESC, id DESC`;
  const runs = last.length ? await prisma.syncRun.findMany({ where: { id: { in: last.map((l) => l.id) } } }) : [];
  const byConnection = new Map(runs.map((r) => [r.connectionId, r]));
  return rows.map((r) => toConnectionView(r, byConnection.get(r.id) ?? null, now));
}

export async function getConnection(ref: string, now = new Date()): Promise<TConnectionView> {
  const row = await findConnection(ref);
  return toConnectionView(row, await latestRun(row.id), now);
}
