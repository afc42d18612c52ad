// How current each provider's costs are: the last day with costs, the recent days the provider
// still marks as estimated (their amounts may change), and the last successful sync or import.
import { addIsoDays } from '../dates';
import { pool } from '../db';
import { providerId } from '../format/palette';

export type TProviderFreshness = { provider: string; lastDay: string | null; estimatedDays: string[]; lastSyncAt: string | null };

export async function getDataFreshness(options: { asOf: string; provider?: string; lookbackDays?: number }): Promise<TProviderFreshness[]> {
  const since = addIsoDays(options.asOf, -(options.lookbackDays ?? 35));
  const [days, estimated, syncs] = await Promise.all([
    pool().query<{ provider: string; last_day: string }>(
      `SELECT provider_name AS provider, to_char(max(day), 'YYYY-MM-DD') AS last_day
         FROM cost_daily WHERE day < $1::date AND ($2::text IS NULL OR provider_name = $2)
        GROUP BY 1 ORDER BY 1`,
      [options.asOf, options.provider ?? null],
    ),
    // the range bounds are timestamps so that the planner prunes cost_record's monthly partitions
    pool().query<{ provider: string; day: string }>(
      `SELECT DISTINCT provider_name AS provider, to_char((charge_period_start AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
         FROM cost_record
        WHERE is_estimated AND charge_period_start >= ($1::date)::timestamp AT TIME ZONE 'UTC'
          AND charge_period_start < ($2::date)::timestamp AT TIME ZONE 'UTC'
          AND ($3::text IS NULL OR provider_name = $3)
        ORDER BY 1, 2`,
      [since, options.asOf, options.provider ?? null],
    ),
    pool().query<{ provider: string; finished_at: Date }>(
      `SELECT c.provider, max(r.finished_at) AS finished_at
         FROM sync_run r JOIN connection c ON c.id = r.connection_id
        WHERE r.status = 'succeeded' AND r.finished_at IS NOT NULL
        GROUP BY 1`,
    ),
  ]);
  const estimatedBy = new Map<string, string[]>();
  for (const r of estimated.rows) estimatedBy.set(r.provider, [...(estimatedBy.get(r.provider) ?? []), r.day]);
  // a connection names its provider by id ("atlas"), costs by FOCUS name ("MongoDB Atlas")
  const syncBy = new Map(syncs.rows.map((r) => [providerId(r.provider), r.finished_at.toISOString()]));
  return days.rows.map((r) => ({ provider: r.provider, lastDay: r.last_day, estimatedDays: estimatedBy.get(r.provider) ?? [], lastSyncAt: syncBy.get(providerId(r.provider)) ?? null }));
}
