// Price items the sizing rules read, and the lookups they use. The default data is in price-data.ts.
import { z } from 'zod';
import { DEFAULT_PRICE_ITEMS } from './price-data';

export const PRICE_KINDS = [
  'compute-instance',
  'cluster-fee',
  'fargate',
  'load-balancer',
  'block-storage',
  'database-node',
  'database-storage',
  'database-backup',
  'cache-node',
  'cache-memory',
  'minimum-charge',
  'cdn-egress',
  'cdn-requests',
  'cdn-plan',
  'free-allowance',
  'data-transfer',
  'object-storage',
  'object-requests',
  'metrics',
  'logs',
  'platform-fee',
  'alerting-user',
  'commitment',
] as const;
export type TPriceKind = (typeof PRICE_KINDS)[number];

export const ZPriceItem = z.object({
  id: z.string().min(1),
  /** The product without its region: lookups ask for (sku, region). */
  sku: z.string().min(1),
  provider: z.string().min(1),
  kind: z.enum(PRICE_KINDS),
  name: z.string().min(1),
  region: z.string().nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  unit: z.string().min(1),
  unitPrice: z.string().regex(/^\d+(\.\d+)?$/, 'unitPrice must be a non-negative decimal string'),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string(),
  estimate: z.boolean(),
  /** For tiered prices: the band of monthly quantity this price applies to, [fromGB, toGB). */
  tier: z.object({ from: z.number().nonnegative(), to: z.number().positive().nullable() }).optional(),
  /** Quantity included free each month (free tiers, plan allowances). */
  includedQuantity: z.number().nonnegative().optional(),
});
export type TPriceItem = z.infer<typeof ZPriceItem>;
export const ZPriceCatalogue = z.array(ZPriceItem);
export type TPriceCatalogue = TPriceItem[];

export const DEFAULT_PRICE_CATALOGUE: TPriceCatalogue = DEFAULT_PRICE_ITEMS;

export const PRICING_OPTIONS = ['on-demand', '1y', '3y'] as const;
export type TPricingOption = (typeof PRICING_OPTIONS)[number];

export type TPriceIndex = { bySku: Map<string, TPriceItem[]> };

export function indexCatalogue(catalogue: TPriceCatalogue): TPriceIndex {
  const bySku = new Map<string, TPriceItem[]>();
  for (const item of catalogue) {
    const list = bySku.get(item.sku);
    if (list) list.push(item);
    else bySku.set(item.sku, [item]);
  }
  return { bySku };
}

export type TPriceMatch = { item: TPriceItem; regionFallback: string | null };

/**
 * Finds the price of a sku in a region; falls back to `fallbackRegion`, then to any region,
 * and says so, because a model run must not fail for want of one regional price.
 */
export function findPrice(index: TPriceIndex, sku: string, region: string | null, fallbackRegion?: string): TPriceMatch {
  const list = index.bySku.get(sku);
  if (!list || list.length === 0) throw new Error(`price catalogue has no item for ${sku}`);
  const exact = list.find((i) => i.region === region);
  if (exact) return { item: exact, regionFallback: null };
  const global = list.find((i) => i.region === null);
  if (global) return { item: global, regionFallback: null };
  const fb = (fallbackRegion && list.find((i) => i.region === fallbackRegion)) || list[0];
  return { item: fb, regionFallback: fb.region };
}

/** All tiers of a tiered sku, ordered by their lower bound. */
export function findTiers(index: TPriceIndex, sku: string): TPriceItem[] {
  const list = (index.bySku.get(sku) ?? []).filter((i) => i.tier);
  if (list.length === 0) throw new Error(`price catalogue has no tiers for ${sku}`);
  return [...list].sort((a, b) => a.tier!.from - b.tier!.from);
}

/** Replaces list prices by the prices actually paid (from invoices), keeping the list price's metadata. */
export function withPaidPrices(
  catalogue: TPriceCatalogue,
  paid: { id: string; unitPrice: string; currency?: string; effectiveDate: string; source: string }[],
): TPriceCatalogue {
  const byId = new Map(paid.map((p) => [p.id, p]));
  return catalogue.map((item) => {
    const p = byId.get(item.id);
    if (!p) return item;
    return { ...item, unitPrice: p.unitPrice, currency: p.currency ?? item.currency, effectiveDate: p.effectiveDate, source: p.source, estimate: false };
  });
}
