// The catalogue as the prices page and GET /api/v1/prices show it: each price with the price
// actually paid beside it where cost records tell.
import { PAID_PRICE_WINDOW_DAYS, getPaidPrices, type TPaidPrice } from './get-paid-prices';
import { listPriceRows, type TPriceRow } from './list-prices';

export type TPriceView = TPriceRow & { paid: TPaidPrice | null };

export async function getPriceCatalogueView(options: { now: Date }): Promise<{ prices: TPriceView[]; paidWindowDays: number }> {
  const [rows, paid] = await Promise.all([listPriceRows(), getPaidPrices({ now: options.now })]);
  const byId = new Map(paid.map((p) => [p.id, p]));
  return { prices: rows.map((r) => ({ ...r, paid: byId.get(r.id) ?? null })), paidWindowDays: PAID_PRICE_WINDOW_DAYS };
}

/** Price ids hold ':' and '@' ("aws:ec2:m6i.large@eu-west-3"): accept them encoded or not. */
export function priceIdParam(raw: string | string[] | undefined): string {
  const v = String(raw ?? '');
  try {
    return v.includes('%') ? decodeURIComponent(v) : v;
  } catch {
    return v;
  }
}
