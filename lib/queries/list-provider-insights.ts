// Provider-computed insights (AWS RI and Savings Plans recommendations, reservation utilisation and
// coverage) as stored by the last sync of each connection.
import { prisma } from '../db';

export type TProviderInsightRow = { connectionId: string; kind: string; key: string; periodStart: string | null; periodEnd: string | null; fetchedAt: string; payload: unknown };

export async function listProviderInsights(options: { kinds: string[]; fetchedBefore?: Date }): Promise<TProviderInsightRow[]> {
  const rows = await prisma.providerInsight.findMany({
    where: { kind: { in: options.kinds }, ...(options.fetchedBefore ? { fetchedAt: { lt: options.fetchedBefore } } : {}) },
    orderBy: [{ fetchedAt: 'desc' }],
  });
  return rows.map((r) => ({
    connectionId: r.connectionId, kind: r.kind, key: r.key,
    periodStart: r.periodStart?.toISOString() ?? null, periodEnd: r.periodEnd?.toISOString() ?? null,
    fetchedAt: r.fetchedAt.toISOString(), payload: r.payload,
  }));
}
