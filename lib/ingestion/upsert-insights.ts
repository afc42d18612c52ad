// Provider insights (forecasts, the provider's own recommendations, coverage) kept as returned,
// replaced by (connection, kind, key) on each sync.
import type pg from 'pg';
import type { TProviderInsight } from '../connectors/types';

export type TInsightUpsertResult = { upserted: number; deleted: number };

// `fetchedAt`: when the provider was asked (default now; the demo gives its own clock's).
// `replaceKinds`: kinds this sync fetched in full; stored insights of those kinds that the sync no
// longer returned (an RI recommendation that went away) are deleted.
export async function upsertInsights(
  client: pg.PoolClient | pg.Client,
  options: { connectionId: string; insights: readonly TProviderInsight[]; replaceKinds?: readonly string[]; fetchedAt?: Date },
): Promise<TInsightUpsertResult> {
  const unique = new Map<string, TProviderInsight>();
  for (const i of options.insights) unique.set(`${i.kind}\u0000${i.key}`, i);
  const list = [...unique.values()];
  let upserted = 0;
  if (list.length) {
    const res = await client.query(
      `INSERT INTO provider_insight (connection_id, kind, key, period_start, period_end, payload, fetched_at)
       SELECT $1::uuid, kind, key, period_start, period_end, payload, COALESCE($7::timestamptz, now())
         FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::jsonb[])
              AS x(kind, key, period_start, period_end, payload)
       ON CONFLICT (connection_id, kind, key) DO UPDATE SET
         period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
         payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at`,
      [
        options.connectionId,
        list.map((i) => i.kind),
        list.map((i) => i.key),
        list.map((i) => i.periodStart ?? null),
        list.map((i) => i.periodEnd ?? null),
        list.map((i) => JSON.stringify(i.payload ?? null)),
        options.fetchedAt ?? null,
      ],
    );
    upserted = res.rowCount ?? 0;
  }
  let deleted = 0;
  if (options.replaceKinds?.length) {
    const res = await client.query(
      `DELETE FROM provider_insight p
        WHERE p.connection_id = $1::uuid AND p.kind = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM unnest($3::text[], $4::text[]) AS k(kind, key) WHERE k.kind = p.kind AND k.key = p.key)`,
      [options.connectionId, options.replaceKinds, list.map((i) => i.kind), list.map((i) => i.key)],
    );
    deleted = res.rowCount ?? 0;
  }
  return { upserted, deleted };
}
