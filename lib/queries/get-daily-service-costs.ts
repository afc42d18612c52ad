// Daily effective cost by provider, service and region over a window, converted to one currency with
// the stored FX rates (the rate of each day): the recommendations' spend facts and their bench read it.
import { pool } from '../db';
import { fxRateSql } from '../money/fx';

export type TDailyServiceCost = { day: string; provider: string; service: string; region: string; cost: number };
export type TDailyServiceCosts = { currency: string; rows: TDailyServiceCost[]; missingRates: string[] };

export async function getDailyServiceCosts(options: { from: Date; to: Date; currency: string }): Promise<TDailyServiceCosts> {
  const rate = fxRateSql({ currencyExpr: 'billing_currency', dayExpr: 'day', quoteParam: '$3' });
  const { rows } = await pool().query<{ day: string; provider: string; service: string; region: string; cost: string | null; currency: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, provider_name AS provider, service_name AS service, region_id AS region,
            billing_currency AS currency, sum(effective_cost * ${rate})::text AS cost
       FROM cost_daily WHERE day >= $1::date AND day < $2::date
      GROUP BY day, provider_name, service_name, region_id, billing_currency
      ORDER BY day`,
    [options.from, options.to, options.currency],
  );
  const missing = new Set<string>();
  const out: TDailyServiceCost[] = [];
  for (const r of rows) {
    if (r.cost === null) {
      missing.add(`${r.currency}@${r.day}`);
      continue;
    }
    out.push({ day: r.day, provider: r.provider, service: r.service, region: r.region, cost: Number(r.cost) });
  }
  return { currency: options.currency, rows: out, missingRates: [...missing].sort() };
}
