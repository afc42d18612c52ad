// Daily effective cost of what a recommendation acted on, from the bill: rows of one resource (by id or
// name), or of some services of a provider (a commitment pool), converted to one currency.
import { pool } from '../db';
import { fxRateSql } from '../money/fx';

export type TResourceCostScope = { resourceIds: string[]; resourceNames: string[] } | { provider: string; services: string[] | null };

export async function getResourceDailyCosts(options: { scope: TResourceCostScope; from: Date; to: Date; currency: string }): Promise<{ day: string; cost: number }[]> {
  const day = `date_trunc('day', charge_period_start AT TIME ZONE 'UTC')::date`;
  const rate = fxRateSql({ currencyExpr: 'billing_currency', dayExpr: day, quoteParam: '$3' });
  const params: unknown[] = [options.from, options.to, options.currency];
  let where: string;
  if ('resourceIds' in options.scope) {
    params.push(options.scope.resourceIds, options.scope.resourceNames);
    where = `(resource_id = ANY($4::text[]) OR resource_name = ANY($5::text[]))`;
  } else {
    params.push(options.scope.provider);
    where = `provider_name = $4`;
    if (options.scope.services) {
      params.push(options.scope.services);
      where += ` AND service_name = ANY($5::text[])`;
    }
  }
  const { rows } = await pool().query<{ day: string; cost: number }>(
    `SELECT to_char(${day}, 'YYYY-MM-DD') AS day, sum(effective_cost * ${rate})::float8 AS cost
       FROM cost_record WHERE charge_period_start >= $1 AND charge_period_start < $2 AND ${where}
      GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ day: r.day, cost: Number(r.cost ?? 0) }));
}
