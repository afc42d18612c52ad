// Daily spend series of a scope, one per group, in one currency, split by FOCUS ChargeFrequency so that the
// forecast takes recurring and one-time charges by their calendar: totals from the cost reader (cost_daily),
// the calendar charges from cost_record (few rows, read through a partial index on them).
import { z } from 'zod';
import { pool } from '../db';
import { AppError } from '../errors';
import type { TSpendPoint } from '../forecast/forecast-spend';
import { costFilterPairs, ZScopedKey } from './cost-keys';
import { getCosts, groupKey, groupLabels, type TCostGroupBy } from './get-costs';

export const SERIES_GROUP_BYS = ['none', 'provider', 'service', 'region', 'account'] as const;
export type TSeriesGroupBy = (typeof SERIES_GROUP_BYS)[number];

export const ZSpendScope = z.object({
  provider: z.string().min(1).max(200).optional().describe('a provider name (AWS, MongoDB Atlas, …)'),
  service: ZScopedKey('AWS:Amazon EC2').optional(),
  region: ZScopedKey('AWS:eu-west-3').optional(),
  account: ZScopedKey('AWS:123456789012').optional(),
  tag: z
    .object({ key: z.string().min(1).max(256), value: z.string().max(256) })
    .strict()
    .optional()
    .describe('a resource tag and its value'),
});
export type TSpendScope = z.infer<typeof ZSpendScope>;

export type TSpendSeries = { key: string; label: string; points: TSpendPoint[] };

type TCalendarRow = { day: string; a: string; b: string; frequency: string; amount: string | null; missing: string | null };

// Recurring and one-time charges by (day, group, frequency), converted like the cost reader converts.
async function readCalendarCharges(options: {
  scope: TSpendScope;
  groupBy: TSeriesGroupBy;
  currency: string;
  from: string;
  to: string;
}): Promise<TCalendarRow[]> {
  const params: unknown[] = [options.from, options.to, options.currency];
  const filters: string[] = [];
  for (const [column, value] of costFilterPairs(options.scope)) {
    params.push(value);
    filters.push(`AND ${column === 'provider_name' ? column : `coalesce(${column}, '')`} = $${params.length}`);
  }
  if (options.scope.tag) {
    params.push(options.scope.tag.key, options.scope.tag.value);
    filters.push(`AND coalesce(tags ->> $${params.length - 1}::text, '') = $${params.length}`);
  }
  const group: Record<TSeriesGroupBy, [string, string]> = {
    none: ["''", "''"],
    provider: ['provider_name', "''"],
    service: ['provider_name', "coalesce(service_name, '')"],
    region: ['provider_name', "coalesce(region_id, '')"],
    account: ['provider_name', "coalesce(sub_account_id, '')"],
  };
  const [a, b] = group[options.groupBy];
  const sql = `
    WITH agg AS (
      SELECT (charge_period_start AT TIME ZONE 'UTC')::date AS day, ${a} AS a, ${b} AS b, charge_frequency AS frequency,
             billing_currency AS cur, sum(effective_cost) AS amount
        FROM cost_record
       WHERE charge_frequency IN ('Recurring', 'One-Time')
         AND charge_period_start >= ($1::date)::timestamp AT TIME ZONE 'UTC'
         AND charge_period_start < ($2::date)::timestamp AT TIME ZONE 'UTC' ${filters.join(' ')}
       GROUP BY 1, 2, 3, 4, 5
    ),
    rates AS MATERIALIZED (
      SELECT p.day, p.cur,
             CASE WHEN p.cur = $3 THEN 1::numeric ELSE COALESCE(
               (SELECT r.rate FROM fx_rate r WHERE r.base = p.cur AND r.quote = $3 AND r.date <= p.day ORDER BY r.date DESC LIMIT 1),
               (SELECT 1 / r.rate FROM fx_rate r WHERE r.base = $3 AND r.quote = p.cur AND r.date <= p.day AND r.rate > 0
                 ORDER BY r.date DESC LIMIT 1)) END AS rate
        FROM (SELECT DISTINCT day, cur FROM agg) p
    )
    SELECT to_char(agg.day, 'YYYY-MM-DD') AS day, agg.a, agg.b, agg.frequency,
           round(sum(agg.amount * rates.rate), 10)::text AS amount,
           string_agg(DISTINCT CASE WHEN rates.rate IS NULL THEN agg.cur || ' on ' || agg.day::text END, ', ') AS missing
      FROM agg JOIN rates USING (day, cur)
     GROUP BY 1, 2, 3, 4`;
  const { rows } = await pool().query<TCalendarRow>(sql, params);
  const missing = rows.find((r) => r.missing);
  if (missing) {
    throw new AppError('UNPROCESSABLE', `no FX rate to ${options.currency} for ${missing.missing}`, [
      { field: 'currency', message: 'no FX rate for some amounts' },
    ]);
  }
  return rows;
}

/**
 * The daily series of a scope over [from, to), one per group of `groupBy`: each day's usage, recurring and
 * one-time spend as separate points (usage = the day's total less its calendar charges).
 */
export async function readSpendSeries(options: {
  scope: TSpendScope;
  groupBy: TSeriesGroupBy;
  currency: string;
  from: string;
  to: string;
}): Promise<TSpendSeries[]> {
  const { scope, currency, from, to } = options;
  if (scope.tag && options.groupBy !== 'none') {
    throw new AppError('BAD_REQUEST', 'a tag scope is forecast as a whole: groupBy must be none', [
      { field: 'groupBy', message: 'must be none with a tag scope' },
    ]);
  }
  const groupBy: TCostGroupBy = scope.tag ? `tag:${scope.tag.key}` : options.groupBy;
  const { provider, service, region, account } = scope;
  const [costs, calendar] = await Promise.all([
    getCosts({ from, to, granularity: 'day', groupBy, currency, provider, service, region, account }),
    readCalendarCharges(options),
  ]);
  const rows = scope.tag
    ? costs.rows.filter((r) => r.key === (scope.tag!.value === '' ? '(none)' : scope.tag!.value)).map((r) => ({ ...r, key: 'total', label: 'Total' }))
    : costs.rows;
  const labels = options.groupBy === 'none' ? new Map([['total', 'Total']]) : groupLabels(options.groupBy, calendar.map((c) => ({ ...c, name: null })));
  const byKey = new Map<string, { label: string; total: Map<string, number>; recurring: Map<string, number>; oneTime: Map<string, number> }>();
  const entry = (key: string, label: string) => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { label, total: new Map(), recurring: new Map(), oneTime: new Map() }));
    return e;
  };
  for (const r of rows) {
    const e = entry(r.key, r.label);
    e.total.set(r.period, (e.total.get(r.period) ?? 0) + Number(r.effectiveCost));
  }
  for (const c of calendar) {
    const key = groupKey(options.groupBy, c.a, c.b);
    const e = entry(key, labels.get(key) ?? key);
    const target = c.frequency === 'Recurring' ? e.recurring : e.oneTime;
    target.set(c.day, (target.get(c.day) ?? 0) + Number(c.amount ?? 0));
  }
  return [...byKey].map(([key, e]) => {
    const points: TSpendPoint[] = [];
    for (const [day, total] of e.total) {
      const recurring = e.recurring.get(day) ?? 0;
      const oneTime = e.oneTime.get(day) ?? 0;
      points.push({ day, amount: total - recurring - oneTime, frequency: 'usage' });
      if (recurring !== 0) points.push({ day, amount: recurring, frequency: 'recurring' });
      if (oneTime !== 0) points.push({ day, amount: oneTime, frequency: 'one-time' });
    }
    return { key, label: e.label, points };
  });
}

/** The first day without cost data, as the forecast's default asOf: the day after the last day in cost_daily. */
export async function firstUnknownDay(): Promise<string | null> {
  const { rows } = await pool().query<{ day: string | null }>(`SELECT to_char(max(day) + 1, 'YYYY-MM-DD') AS day FROM cost_daily`);
  return rows[0].day;
}
