// What each inventoried resource cost over a window, from the cost records that name it: by FOCUS
// ResourceId (the connectors write the same id as the resource's external id: Atlas
// "project/cluster", a Cloudflare zone id, an S3 bucket ARN), else by ResourceName within the same
// provider. Converted to one currency with the stored FX rates, as the costs reader does.
import { parseIsoDay } from '../dates';
import { pool } from '../db';
import { providerId } from '../format/palette';

export type TResourceCost =
  | { amount: number; matchedBy: 'id' | 'name'; records: number }
  | { amount: null; reason: 'no-records' | 'no-fx'; currency?: string };

type TResourceRef = { id: string; provider: string; external_id: string; name: string };
type TCostGroup = { provider_name: string; resource_id: string | null; resource_name: string | null; amount: string | null; records: number; missing: string | null };

/**
 * A cost record goes to at most one resource, so that no amount is counted twice: to the resource
 * whose external id is its ResourceId; failing that, to the one resource of its provider whose name
 * is its ResourceName (two resources of one provider with one name get neither: which one is
 * unknowable).
 */
export function assignResourceCosts(resources: TResourceRef[], groups: TCostGroup[]): Map<string, TResourceCost> {
  const byExternal = new Map(resources.map((r) => [r.external_id, r.id]));
  const byName = new Map<string, string | null>();
  for (const r of resources) {
    const key = `${providerId(r.provider)}|${r.name}`;
    byName.set(key, byName.has(key) ? null : r.id);
  }
  const totals = new Map<string, { amount: number; id: boolean; records: number; missing: string | null }>();
  for (const g of groups) {
    const viaId = g.resource_id !== null ? byExternal.get(g.resource_id) : undefined;
    const viaName = viaId === undefined && g.resource_name !== null ? byName.get(`${providerId(g.provider_name)}|${g.resource_name}`) : undefined;
    const target = viaId ?? viaName ?? null;
    if (target === null) continue;
    const t = totals.get(target) ?? { amount: 0, id: false, records: 0, missing: null };
    t.amount += Number(g.amount ?? 0);
    t.records += g.records;
    t.id ||= viaId !== undefined;
    t.missing ??= g.missing;
    totals.set(target, t);
  }
  const out = new Map<string, TResourceCost>();
  for (const r of resources) {
    const t = totals.get(r.id);
    if (!t) out.set(r.id, { amount: null, reason: 'no-records' });
    else if (t.missing) out.set(r.id, { amount: null, reason: 'no-fx', currency: t.missing });
    else out.set(r.id, { amount: t.amount, matchedBy: t.id ? 'id' : 'name', records: t.records });
  }
  return out;
}

/** Effective cost of each resource over [from, to) (UTC days), keyed by the resource's id. */
export async function getResourceCosts(input: { from: string; to: string; currency: string }): Promise<Map<string, TResourceCost>> {
  const db = pool();
  const resources = await db.query<TResourceRef>(`SELECT id, provider, external_id, name FROM resource`);
  if (!resources.rows.length) return new Map();
  // only the records that could name a resource are read; each (day, currency) converts once
  const groups = await db.query<TCostGroup>(
    `WITH c AS (
       SELECT c.provider_name, c.resource_id, c.resource_name, c.billing_currency AS cur,
              (c.charge_period_start AT TIME ZONE 'UTC')::date AS day,
              sum(c.effective_cost) AS effective, count(*)::int AS records
         FROM cost_record c
        WHERE c.charge_period_start >= $1 AND c.charge_period_start < $2
          AND (c.resource_id = ANY($4::text[]) OR c.resource_name = ANY($5::text[]))
        GROUP BY 1, 2, 3, 4, 5
     ),
     rates AS MATERIALIZED (
       SELECT p.day, p.cur,
              CASE WHEN p.cur = $3 THEN 1::numeric ELSE COALESCE(
                (SELECT r.rate FROM fx_rate r WHERE r.base = p.cur AND r.quote = $3 AND r.date <= p.day ORDER BY r.date DESC LIMIT 1),
                (SELECT 1 / r.rate FROM fx_rate r WHERE r.base = $3 AND r.quote = p.cur AND r.date <= p.day AND r.rate > 0 ORDER BY r.date DESC LIMIT 1)) END AS rate
         FROM (SELECT DISTINCT day, cur FROM c) p
     )
     SELECT c.provider_name, c.resource_id, c.resource_name,
            round(sum(c.effective * rates.rate), 10)::text AS amount, sum(c.records)::int AS records,
            min(CASE WHEN rates.rate IS NULL THEN c.cur END) AS missing
       FROM c JOIN rates USING (day, cur)
      GROUP BY 1, 2, 3`,
    [
      parseIsoDay(input.from),
      parseIsoDay(input.to),
      input.currency,
      resources.rows.map((r) => r.external_id),
      resources.rows.map((r) => r.name),
    ],
  );
  return assignResourceCosts(resources.rows, groups.rows);
}
