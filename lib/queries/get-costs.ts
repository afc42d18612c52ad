// Cost totals by period and dimension, from the daily rollup, converted to one currency with the
// stored FX rates (the latest rate on or before each day). Used by pages, the API and reports alike.
import { z } from 'zod';
import { ZDay } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';
import { cachedByDataVersion } from './data-version';

export const GROUP_BYS = ['provider', 'service', 'region', 'account', 'category', 'none'] as const;
export const GRANULARITIES = ['day', 'month'] as const;

const KEY_SQL: Record<(typeof GROUP_BYS)[number], { key: string; label: string }> = {
  provider: { key: 'provider_name', label: 'max(provider_name)' },
  service: { key: 'service_name', label: 'max(service_name)' },
  region: { key: 'region_id', label: 'max(region_id)' },
  account: { key: 'sub_account_id', label: "max(NULLIF(sub_account_name, ''))" },
  category: { key: 'service_category', label: 'max(service_category)' },
  none: { key: "'total'", label: "'Total'" },
};

export const ZCostFilters = z.object({
  provider: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  account: z.string().min(1).optional(),
});

export const ZCostQuery = ZCostFilters.extend({
  from: ZDay,
  to: ZDay,
  granularity: z.enum(GRANULARITIES).default('month'),
  groupBy: z.enum(GROUP_BYS).default('provider'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
}).refine((q) => q.from < q.to, { message: 'must be after from (to is exclusive)', path: ['to'] });

export type TCostQuery = z.infer<typeof ZCostQuery>;
export type TCostRow = { period: string; key: string; label: string; billedCost: string; effectiveCost: string };
export type TCostResult = {
  currency: string;
  granularity: TCostQuery['granularity'];
  groupBy: TCostQuery['groupBy'];
  rows: TCostRow[];
};

async function readCosts(query: TCostQuery): Promise<TCostResult> {
  const { key, label } = KEY_SQL[query.groupBy];
  const params: unknown[] = [query.from, query.to, query.currency];
  const filters: string[] = [];
  const filterColumns = { provider: 'provider_name', service: 'service_name', region: 'region_id', account: 'sub_account_id' } as const;
  for (const [name, column] of Object.entries(filterColumns)) {
    const value = query[name as keyof typeof filterColumns];
    if (value) {
      params.push(value);
      filters.push(`AND ${column} = $${params.length}`);
    }
  }
  const sql = `
    WITH agg AS (
      SELECT day, ${key} AS key, ${label} AS label, billing_currency AS cur,
             sum(billed_cost) AS billed, sum(effective_cost) AS effective
        FROM cost_daily
       WHERE day >= $1::date AND day < $2::date ${filters.join(' ')}
       GROUP BY 1, 2, 4
    ),
    rates AS (
      SELECT p.day, p.cur,
             CASE WHEN p.cur = $3 THEN 1::numeric ELSE COALESCE(
               (SELECT r.rate FROM fx_rate r
                 WHERE r.base = p.cur AND r.quote = $3 AND r.date <= p.day
                 ORDER BY r.date DESC LIMIT 1),
               -- the inverse pair serves too (a EUR→USD rate converts USD to EUR)
               (SELECT 1 / r.rate FROM fx_rate r
                 WHERE r.base = $3 AND r.quote = p.cur AND r.date <= p.day AND r.rate > 0
                 ORDER BY r.date DESC LIMIT 1)) END AS rate
        FROM (SELECT DISTINCT day, cur FROM agg) p
    )
    SELECT to_char(date_trunc('${query.granularity}', agg.day), 'YYYY-MM-DD') AS period,
           agg.key, max(agg.label) AS label,
           round(sum(agg.billed * rates.rate), 10)::text AS billed,
           round(sum(agg.effective * rates.rate), 10)::text AS effective,
           string_agg(DISTINCT CASE WHEN rates.rate IS NULL THEN agg.cur || ' on ' || agg.day::text END, ', ') AS missing
      FROM agg JOIN rates USING (day, cur)
     GROUP BY 1, 2
     ORDER BY 1, 2`;
  const result = await pool().query<{ period: string; key: string; label: string | null; billed: string | null; effective: string | null; missing: string | null }>(sql, params);
  const missing = result.rows.find((r) => r.missing);
  if (missing) {
    throw new AppError(
      'UNPROCESSABLE',
      `no FX rate to ${query.currency} for ${missing.missing?.split(', ')[0]}: add one with npm run cli -- fx:set ${missing.missing?.slice(0, 3)} ${query.currency} RATE --date YYYY-MM-DD`,
      [{ field: 'currency', message: 'no FX rate for some amounts' }],
    );
  }
  return {
    currency: query.currency,
    granularity: query.granularity,
    groupBy: query.groupBy,
    rows: result.rows.map((r) => ({
      period: r.period,
      key: r.key === '' ? '(none)' : r.key,
      label: r.label || (r.key === '' ? '(none)' : r.key),
      billedCost: r.billed ?? '0',
      effectiveCost: r.effective ?? '0',
    })),
  };
}

// Answers are kept per question until the cost data changes (see data-version.ts).
export const getCosts = cachedByDataVersion(readCosts, { max: 500 });
