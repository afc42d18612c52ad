// Price look-ups the rules share, read from the planning price catalogue (the same prices as scenarios).
import { HOURS_PER_MONTH } from '../../planning/sizing/common';
import { findPrice, indexCatalogue, type TPriceCatalogue, type TPriceIndex } from '../../planning/price-catalogue';

export type TMonthlyPrice = { amount: number; currency: string; estimate: boolean; source: string };

const indexes = new WeakMap<TPriceCatalogue, TPriceIndex>();

function indexOf(catalogue: TPriceCatalogue): TPriceIndex {
  let index = indexes.get(catalogue);
  if (!index) {
    index = indexCatalogue(catalogue);
    indexes.set(catalogue, index);
  }
  return index;
}

/** Monthly on-demand price of `quantity` units of an hourly sku in a region; null when the catalogue lacks it. */
export function monthlyPrice(catalogue: TPriceCatalogue | undefined, sku: string, region: string | null | undefined, quantity: number): TMonthlyPrice | null {
  if (!catalogue) return null;
  const index = indexOf(catalogue);
  if (!index.bySku.has(sku)) return null;
  const { item } = findPrice(index, sku, region ?? null);
  return { amount: Number(item.unitPrice) * quantity * HOURS_PER_MONTH, currency: item.currency, estimate: item.estimate, source: item.source };
}
