// Usage-level cost rows (cost_record) for one set of services, grouped by day, resource, SKU and
// whether a commitment already covered them: the commitment baseline (eligible on-demand usage, with
// what existing Savings Plans and reservations cover taken off) is built from these.
import { pool } from '../db';
import { fxRateSql } from '../money/fx';

export type TUsageTypeCost = {
  day: string;
  provider: string;
  service: string;
  region: string | null;
  resourceId: string | null;
  resourceType: string | null;
  skuId: string | null;
  pricingUnit: string | null;
  /** FOCUS PricingCategory: Standard (on demand), Committed, Dynamic (spot), Other. */
  pricingCategory: string | null;
  /** A commitment discount applied to the row (covered usage). */
  committed: boolean;
  chargeCategory: string;
  /** One of the rows' descriptions (they name the instance type on EC2 hours). */
  description: string | null;
  quantity: number;
  /** List (on-demand) and effective cost, converted. */
  listCost: number;
  effectiveCost: number;
};

export async function getUsageTypeCosts(options: { from: Date; to: Date; currency: string; providers: string[]; services?: string[] }): Promise<TUsageTypeCost[]> {
  const day = `date_trunc('day', charge_period_start AT TIME ZONE 'UTC')::date`;
  const rate = fxRateSql({ currencyExpr: 'billing_currency', dayExpr: day, quoteParam: '$3' });
  const params: unknown[] = [options.from, options.to, options.currency, options.providers];
  let services = '';
  if (options.services) {
    params.push(options.services);
    services = `AND service_name = ANY($${params.length}::text[])`;
  }
  const { rows } = await pool().query(
    `SELECT to_char(${day}, 'YYYY-MM-DD') AS day, provider_name AS provider, service_name AS service, region_id AS region,
            resource_id, resource_type, sku_id, pricing_unit, pricing_category, commitment_discount_id IS NOT NULL AS committed,
            charge_category, min(charge_description) AS description, coalesce(sum(coalesce(consumed_quantity, pricing_quantity)), 0)::float8 AS quantity,
            sum(list_cost * ${rate})::float8 AS list_cost, sum(effective_cost * ${rate})::float8 AS effective_cost
       FROM cost_record
      WHERE charge_period_start >= $1 AND charge_period_start < $2 AND provider_name = ANY($4::text[]) ${services}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({
    day: r.day, provider: r.provider, service: r.service, region: r.region, resourceId: r.resource_id, resourceType: r.resource_type,
    skuId: r.sku_id, pricingUnit: r.pricing_unit, pricingCategory: r.pricing_category, committed: r.committed, chargeCategory: r.charge_category, description: r.description,
    quantity: Number(r.quantity), listCost: Number(r.list_cost ?? 0), effectiveCost: Number(r.effective_cost ?? 0),
  }));
}
