// Prices actually paid, read from the cost records, keyed by the catalogue item they stand beside:
// the Atlas node-hour price from invoice lines (fitAtlasHourlyPrice) and the EC2 instance-hour price
// after Savings Plans (effective cost ÷ hours, summed in SQL).
import { addUtcDays, isoDay, startOfUtcDay } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';
import { divideDecimal, normalizeDecimal } from '../money/decimal';
import { fitAtlasHourlyPrice, type TInvoiceLine } from '../planning/calibration';
import type { TPaidPriceItem } from '../scenarios/build-evaluate-input';

export type TPaidPrice = TPaidPriceItem & { basis: string; from: string; to: string };

export const PAID_PRICE_WINDOW_DAYS = 90;

/** "Atlas AWS Instance M30 (EU_WEST_3)" → eu-west-3, when the row has no region of its own. */
export function atlasRegion(regionId: string | null, description: string): string | null {
  if (regionId) return regionId;
  const m = /\(([A-Z]{2}_[A-Z]+_\d)\)/.exec(description);
  return m ? m[1].toLowerCase().replace(/_/g, '-') : null;
}

/** The tier of an Atlas instance line, from its SKU (ATLAS_AWS_INSTANCE_M30) or its description. */
export function atlasTier(skuId: string | null, description: string): string | null {
  const fromSku = skuId ? /INSTANCE_(M\d+)\b/.exec(skuId) : null;
  if (fromSku) return fromSku[1];
  const m = /\bInstance (M\d+)\b/i.exec(description);
  return m ? m[1].toUpperCase() : null;
}

async function atlasPaid(from: Date, to: Date): Promise<TPaidPrice[]> {
  const { rows } = await pool().query<{
    description: string; sku_id: string | null; region_id: string | null; quantity: string; amount: string; currency: string; day: Date;
  }>(
    `SELECT charge_description AS description, sku_id, region_id, pricing_quantity::text AS quantity,
            effective_cost::text AS amount, billing_currency AS currency, charge_period_start AS day
       FROM cost_record
      WHERE provider_name = 'MongoDB Atlas' AND charge_category = 'Usage' AND pricing_quantity > 0
        AND (sku_id LIKE '%INSTANCE%' OR charge_description ILIKE '%instance%')
        AND charge_period_start >= $1 AND charge_period_start < $2`,
    [from, to],
  );
  const groups = new Map<string, { tier: string; region: string; lines: TInvoiceLine[]; last: Date }>();
  for (const r of rows) {
    const tier = atlasTier(r.sku_id, r.description);
    const region = atlasRegion(r.region_id, r.description);
    if (!tier || !region) continue;
    const key = `${tier}@${region}`;
    const g = groups.get(key) ?? { tier, region, lines: [], last: r.day };
    g.lines.push({ description: r.description, quantity: r.quantity, amount: r.amount, currency: r.currency, tier });
    if (r.day > g.last) g.last = r.day;
    groups.set(key, g);
  }
  const out: TPaidPrice[] = [];
  for (const g of groups.values()) {
    try {
      const fit = fitAtlasHourlyPrice({ lines: g.lines, tier: g.tier });
      out.push({
        id: `atlas:${g.tier}@${g.region}`, unitPrice: normalizeDecimal(fit.unitPrice), currency: fit.currency, effectiveDate: isoDay(g.last),
        source: `Paid: ${fit.basis} in ${g.region}, ${isoDay(from)} to ${isoDay(to)}`, basis: fit.basis, n: fit.n, from: isoDay(from), to: isoDay(to),
      });
    } catch (e) {
      // mixed currencies in one group: no single paid price to show
      if (!(e instanceof AppError)) throw e;
    }
  }
  return out;
}

async function ec2Paid(from: Date, to: Date): Promise<TPaidPrice[]> {
  const { rows } = await pool().query<{ type: string; region_id: string; currency: string; amount: string; hours: string; n: string; last: Date }>(
    `SELECT substring(charge_description from 'Linux ([a-z0-9-]+\\.[a-z0-9]+) Instance Hour') AS type, region_id,
            billing_currency AS currency, sum(effective_cost)::text AS amount, sum(pricing_quantity)::text AS hours,
            count(*)::text AS n, max(charge_period_start) AS last
       FROM cost_record
      WHERE provider_name = 'AWS' AND charge_category = 'Usage' AND pricing_quantity > 0 AND region_id IS NOT NULL
        AND charge_description ~ 'Linux [a-z0-9-]+\\.[a-z0-9]+ Instance Hour'
        AND charge_period_start >= $1 AND charge_period_start < $2
      GROUP BY 1, 2, 3`,
    [from, to],
  );
  return rows
    .filter((r) => r.type && Number(r.hours) > 0)
    .map((r) => {
      const unitPrice = divideDecimal(r.amount, r.hours, 6);
      const basis = `${r.n} cost records of ${r.type} in ${r.region_id}: ${normalizeDecimal(r.amount)} ${r.currency} effective cost (after Savings Plans and reservations) for ${normalizeDecimal(r.hours)} instance-hours`;
      return {
        id: `aws:ec2:${r.type}@${r.region_id}`, unitPrice, currency: r.currency, effectiveDate: isoDay(r.last),
        source: `Paid: ${basis}, ${isoDay(from)} to ${isoDay(to)}`, basis, n: Number(r.n), from: isoDay(from), to: isoDay(to),
      };
    });
}

/**
 * Paid prices over the last `days` before `now` whose catalogue item exists (a price paid for an
 * item the model does not use is of no help beside the list price).
 */
export async function getPaidPrices(options: { now: Date; days?: number; catalogueIds?: Set<string> }): Promise<TPaidPrice[]> {
  const to = addUtcDays(startOfUtcDay(options.now), 1);
  const from = addUtcDays(to, -(options.days ?? PAID_PRICE_WINDOW_DAYS));
  const [atlas, ec2] = await Promise.all([atlasPaid(from, to), ec2Paid(from, to)]);
  const all = [...atlas, ...ec2].sort((a, b) => a.id.localeCompare(b.id));
  return options.catalogueIds ? all.filter((p) => options.catalogueIds!.has(p.id)) : all;
}
