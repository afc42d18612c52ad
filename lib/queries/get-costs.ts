// Cost totals by period and dimension, from the daily rollup, converted to one currency with the
// stored FX rates (the latest rate on or before each day). Used by pages, the API and reports alike.
import { z } from 'zod';
import { ZDay } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';
import { costFilterPairs, NONE, scopedKey, ZScopedKey } from './cost-keys';
import { cachedByDataVersion } from './data-version';

export const GROUP_BYS = ['provider', 'service', 'region', 'account', 'category', 'none'] as const;
export const GRANULARITIES = ['day', 'month'] as const;
export type TGroupBy = (typeof GROUP_BYS)[number];
// A tag key to group by, as groupBy=tag:KEY (the key may hold ':' itself: all after the first).
export type TTagGroupBy = `tag:${string}`;
export type TCostGroupBy = TGroupBy | TTagGroupBy;
export const TAG_PREFIX = 'tag:';

export const isTagGroupBy = (groupBy: TCostGroupBy): groupBy is TTagGroupBy => groupBy.startsWith(TAG_PREFIX);
export const tagKeyOf = (groupBy: TTagGroupBy): string => groupBy.slice(TAG_PREFIX.length);

export const ZGroupBy = z
  .union([
    z.enum(GROUP_BYS),
    z.templateLiteral([TAG_PREFIX, z.string().min(1).max(256)]),
  ], { error: `must be one of ${GROUP_BYS.join(', ')}, or tag:KEY` })
  .describe('a dimension, or tag:KEY for the values of a resource tag (records without the tag form the group (none))');

// The columns a group is made of (service, region and account ids belong to a provider: the pair
// is the group, see cost-keys.ts) and, for accounts, the name that labels it. cost_daily's key
// holds every one of these columns, so each group is a sum of whole rollup rows.
const GROUP_SQL: Record<TGroupBy, { a: string; b: string; name: string }> = {
  provider: { a: 'provider_name', b: "''", name: 'NULL::text' },
  service: { a: 'provider_name', b: 'service_name', name: 'NULL::text' },
  region: { a: 'provider_name', b: 'region_id', name: 'NULL::text' },
  account: { a: 'provider_name', b: 'sub_account_id', name: "max(NULLIF(sub_account_name, ''))" },
  category: { a: 'service_category', b: "''", name: 'NULL::text' },
  none: { a: "''", b: "''", name: 'NULL::text' },
};

export const ZCostFilters = z.object({
  provider: z.string().min(1).optional().describe('a provider name, as groupBy=provider gives it (AWS, MongoDB Atlas, …)'),
  service: ZScopedKey('AWS:Amazon EC2').optional(),
  region: ZScopedKey('AWS:eu-west-3').optional(),
  account: ZScopedKey('AWS:123456789012').optional(),
  category: z.string().min(1).optional().describe('a FOCUS service category (Compute, Storage, …); (none) for records without one'),
});

// The query's fields, without the rule between them (an object with a refinement cannot be
// extended: the table download extends this one).
export const ZCostQueryFields = ZCostFilters.extend({
  from: ZDay,
  to: ZDay,
  granularity: z.enum(GRANULARITIES).default('month'),
  groupBy: ZGroupBy.default('provider'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
});

// The rule between the range's ends, for every schema built on the fields: .refine(...toAfterFrom)
export const toAfterFrom: [(q: { from: string; to: string }) => boolean, { message: string; path: string[] }] = [
  (q) => q.from < q.to,
  { message: 'must be after from (to is exclusive)', path: ['to'] },
];

export const ZCostQuery = ZCostQueryFields.refine(...toAfterFrom);

export type TCostQuery = z.infer<typeof ZCostQuery>;
export type TCostRow = { period: string; key: string; label: string; billedCost: string; effectiveCost: string };
export type TCostResult = {
  currency: string;
  granularity: TCostQuery['granularity'];
  groupBy: TCostQuery['groupBy'];
  rows: TCostRow[];
};

// The per-day sums a query groups: from the rollup for its dimensions; for a tag, from cost_record
// itself, since tags are no part of cost_daily's key (a tag's groups summed from the rollup could
// not be exact). Both give (day, a, b, name, cur, billed, effective) over [from, to) as UTC days,
// the rollup's own day, so that every grouping of a period adds up to the same total.
function aggregateSql(query: TCostQuery, params: unknown[]): string {
  const filters: string[] = [];
  if (isTagGroupBy(query.groupBy)) {
    for (const [column, value] of costFilterPairs(query)) {
      params.push(value);
      // cost_record keeps NULL where cost_daily keeps ''
      filters.push(`AND ${column === 'provider_name' ? column : `coalesce(${column}, '')`} = $${params.length}`);
    }
    params.push(tagKeyOf(query.groupBy));
    const tag = `$${params.length}::text`;
    // the range bounds are timestamps so that the planner prunes cost_record's monthly partitions
    return `
      SELECT (charge_period_start AT TIME ZONE 'UTC')::date AS day, coalesce(tags ->> ${tag}, '') AS a, ''::text AS b,
             NULL::text AS name, billing_currency AS cur, sum(billed_cost) AS billed, sum(effective_cost) AS effective
        FROM cost_record
       WHERE charge_period_start >= ($1::date)::timestamp AT TIME ZONE 'UTC'
         AND charge_period_start < ($2::date)::timestamp AT TIME ZONE 'UTC' ${filters.join(' ')}
       GROUP BY 1, 2, 3, 5`;
  }
  const { a, b, name } = GROUP_SQL[query.groupBy];
  for (const [column, value] of costFilterPairs(query)) {
    params.push(value);
    filters.push(`AND ${column} = $${params.length}`);
  }
  return `
      SELECT day, ${a} AS a, ${b} AS b, ${name} AS name, billing_currency AS cur,
             sum(billed_cost) AS billed, sum(effective_cost) AS effective
        FROM cost_daily
       WHERE day >= $1::date AND day < $2::date ${filters.join(' ')}
       GROUP BY 1, 2, 3, 5`;
}

async function readCosts(query: TCostQuery): Promise<TCostResult> {
  const params: unknown[] = [query.from, query.to, query.currency];
  const agg = aggregateSql(query, params);
  // rates is MATERIALIZED: inlined, its subqueries ran once per row of agg it joins, three times
  // over (1 945 × 3 on the demo's 13 months by provider), where once per (day, currency) is
  // enough (389): 12–20 ms instead of 59–86 ms in EXPLAIN ANALYZE here.
  const sql = `
    WITH agg AS (${agg}
    ),
    rates AS MATERIALIZED (
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
           agg.a, agg.b, max(agg.name) AS name,
           round(sum(agg.billed * rates.rate), 10)::text AS billed,
           round(sum(agg.effective * rates.rate), 10)::text AS effective,
           string_agg(DISTINCT CASE WHEN rates.rate IS NULL THEN agg.cur || ' on ' || agg.day::text END, ', ') AS missing
      FROM agg JOIN rates USING (day, cur)
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3`;
  type TRow = { period: string; a: string; b: string; name: string | null; billed: string | null; effective: string | null; missing: string | null };
  const result = await pool().query<TRow>(sql, params);
  const missing = result.rows.find((r) => r.missing);
  if (missing) {
    throw new AppError(
      'UNPROCESSABLE',
      `no FX rate to ${query.currency} for ${missing.missing?.split(', ')[0]}: add one with npm run cli -- fx:set ${missing.missing?.slice(0, 3)} ${query.currency} RATE --date YYYY-MM-DD`,
      [{ field: 'currency', message: 'no FX rate for some amounts' }],
    );
  }
  const labels = groupLabels(query.groupBy, result.rows);
  return {
    currency: query.currency,
    granularity: query.granularity,
    groupBy: query.groupBy,
    rows: result.rows.map((r) => {
      const key = groupKey(query.groupBy, r.a, r.b);
      return { period: r.period, key, label: labels.get(key)!, billedCost: r.billed ?? '0', effectiveCost: r.effective ?? '0' };
    }),
  };
}

// Answers are kept per question until the cost data changes (see data-version.ts).
// (at most 500 answers and 200,000 rows in all, some tens of MB)
export const getCosts = cachedByDataVersion(readCosts, { max: 500, weigh: (r) => r.rows.length, maxWeight: 200_000 });

export function groupKey(groupBy: TCostGroupBy, a: string, b: string): string {
  if (isTagGroupBy(groupBy)) return a === '' ? NONE : a;
  switch (groupBy) {
    case 'service':
    case 'region':
    case 'account':
      return scopedKey(a, b);
    case 'category':
      return a === '' ? NONE : a;
    case 'none':
      return 'total';
    default:
      return a;
  }
}

// One label per key, the same in every period, and no two keys of an answer with the same label:
// an account's label says its provider ("MongoDB Atlas · ec-prod", the name or else the id); a
// service or region says it only when another provider has one of the same name in the answer
// ("AWS · global"); names that still meet (two accounts of a provider with one name) get the id,
// and anything else that still meets gets its key.
export function groupLabels(groupBy: TCostGroupBy, rows: { a: string; b: string; name: string | null }[]): Map<string, string> {
  type TGroup = { provider: string; id: string; name: string; label: string };
  const groups = new Map<string, TGroup>();
  for (const r of rows) {
    const key = groupKey(groupBy, r.a, r.b);
    const g = groups.get(key);
    if (g) {
      if (r.name && r.name > g.name) g.name = r.name;
      continue;
    }
    const id = groupBy === 'provider' || groupBy === 'category' || isTagGroupBy(groupBy) ? r.a : r.b;
    groups.set(key, { provider: r.a, id, name: r.name ?? '', label: '' });
  }
  const shown = (v: string) => v || NONE;
  for (const g of groups.values()) {
    if (groupBy === 'none') g.label = 'Total';
    else if (groupBy === 'account') g.label = `${g.provider} · ${shown(g.name || g.id)}`;
    else g.label = shown(g.id);
  }
  const qualify = (how: (key: string, g: TGroup) => string) => {
    const seen = new Map<string, number>();
    for (const g of groups.values()) seen.set(g.label, (seen.get(g.label) ?? 0) + 1);
    for (const [key, g] of groups) if (seen.get(g.label)! > 1) g.label = how(key, g);
  };
  if (groupBy === 'service' || groupBy === 'region') qualify((_, g) => `${g.provider} · ${shown(g.id)}`);
  if (groupBy === 'account') qualify((_, g) => `${g.provider} · ${shown(g.name || g.id)} (${shown(g.id)})`);
  qualify((key, g) => `${g.label} [${key}]`);
  return new Map([...groups].map(([key, g]) => [key, g.label]));
}
