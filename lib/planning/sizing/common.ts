// Shared pieces of the sizing rules: price resolution, line building and reasoning formatting.
import { COEFFICIENTS, type TCoefficientId, type TCoefficientPoint } from '../coefficients';
import { NUMERIC_DRIVERS, type TDriverKey, type TDriverPoint } from '../drivers';
import { moneyFromNumber, multiplyExact } from '../../money/decimal';
import { findPrice, type TPriceIndex, type TPricingOption } from '../price-catalogue';
import type { TLine, TReasoningInput, TReasoningStep, TResourceClass } from '../types';

/** Average hours in a month (8,760 / 12), the convention of AWS and Atlas monthly estimates. */
export const HOURS_PER_MONTH = 730;
/** Average days in a month (365 / 12). */
export const DAYS_PER_MONTH = 365 / 12;

export type TPriceEnv = {
  index: TPriceIndex;
  /** Rate converting one unit of a currency into the output currency. */
  fx: Record<string, number>;
  currency: string;
};

export type TResolvedPrice = {
  sku: string;
  itemId: string;
  name: string;
  unit: string;
  currency: string;
  listUnitPrice: string;
  unitPrice: string;
  commitment: string | null;
  fx: number;
  /** unitPrice in the output currency, as a float for the hot path. */
  out: number;
  regionFallback: string | null;
  estimate: boolean;
  includedQuantity: number;
};

export function fxRate(env: TPriceEnv, currency: string): number {
  if (currency === env.currency) return 1;
  const r = env.fx[currency];
  if (r === undefined || !(r > 0)) throw new Error(`fx.${currency} is missing: a rate from ${currency} to ${env.currency} is needed`);
  return r;
}

export function resolvePrice(
  env: TPriceEnv,
  sku: string,
  region: string | null,
  opts: { fallbackRegion?: string; commitmentSku?: string | null } = {},
): TResolvedPrice {
  const { item, regionFallback } = findPrice(env.index, sku, region, opts.fallbackRegion);
  let unitPrice = item.unitPrice;
  let commitment: string | null = null;
  if (opts.commitmentSku) {
    const c = findPrice(env.index, opts.commitmentSku, null).item;
    unitPrice = multiplyExact(item.unitPrice, c.unitPrice);
    commitment = `${c.name} ×${c.unitPrice}`;
  }
  const fx = fxRate(env, item.currency);
  return {
    sku,
    itemId: item.id,
    name: item.name,
    unit: item.unit,
    currency: item.currency,
    listUnitPrice: item.unitPrice,
    unitPrice,
    commitment,
    fx,
    out: Number(unitPrice) * fx,
    regionFallback,
    estimate: item.estimate,
    includedQuantity: item.includedQuantity ?? 0,
  };
}

/** The commitment multiplier sku for a pricing option, or null on demand. */
export function commitmentSku(base: string, pricing: TPricingOption): string | null {
  return pricing === 'on-demand' ? null : `${base}:${pricing}`;
}

/** Human number: thousands separators, at most 3 significant decimals. */
export function fmt(x: number, maxDecimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? Math.min(1, maxDecimals) : abs >= 1 ? maxDecimals : Math.max(maxDecimals, 3);
  return x.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

export const fmtGB = (gb: number) => (gb >= 1000 ? `${fmt(gb / 1000)} TB` : `${fmt(gb)} GB`);
export const fmtBytes = (b: number) => (b >= 1e6 ? `${fmt(b / 1e6)} MB` : `${fmt(b / 1e3)} KB`);

const driverUnit = new Map<string, string>(NUMERIC_DRIVERS.map((d) => [d.key, d.unit]));
const driverId = new Map<string, string>(NUMERIC_DRIVERS.map((d) => [d.key, d.id]));

export const use = {
  driver(key: TDriverKey | 'regionCount', d: TDriverPoint): TReasoningInput {
    if (key === 'regionCount') return { kind: 'driver', id: 'regions', value: d.regionCount, unit: 'regions' };
    return { kind: 'driver', id: driverId.get(key) ?? key, value: d[key], unit: driverUnit.get(key) ?? '' };
  },
  coef(id: TCoefficientId, c: TCoefficientPoint): TReasoningInput {
    return { kind: 'coefficient', id, value: c[id], unit: COEFFICIENTS[id].unit };
  },
  price(p: TResolvedPrice): TReasoningInput {
    return { kind: 'price', id: p.itemId, value: p.unitPrice, unit: `${p.currency}/${p.unit}` };
  },
  option(id: string, value: string | number): TReasoningInput {
    return { kind: 'option', id, value, unit: '' };
  },
  derived(id: string, value: number, unit: string): TReasoningInput {
    return { kind: 'derived', id, value, unit };
  },
};

export function step(text: string, ...uses: TReasoningInput[]): TReasoningStep {
  return { text, uses };
}

/** Sentence describing how a unit price was obtained (list price, commitment, region fallback). */
export function priceStep(p: TResolvedPrice, what: string): TReasoningStep {
  const parts = [`${what}: ${p.name} at ${p.listUnitPrice} ${p.currency}/${p.unit}`];
  if (p.commitment) parts.push(`${p.commitment} → ${p.unitPrice} ${p.currency}/${p.unit}`);
  if (p.regionFallback) parts.push(`no price for the chosen region in the catalogue, ${p.regionFallback}’s is used`);
  return step(parts.join('; ') + (p.estimate ? ' (estimate)' : ''), use.price(p));
}

export function makeLine(args: {
  key: string;
  resourceClass: TResourceClass;
  item: string;
  quantity: number;
  unit: string;
  price: TResolvedPrice;
  /** Cost in the output currency; defaults to quantity × price. */
  cost: number;
  /** A blended unit price (tiered prices), in the price's currency. */
  unitPrice?: string;
  reasoning: TReasoningStep[];
}): TLine {
  return {
    key: args.key,
    resourceClass: args.resourceClass,
    item: args.item,
    quantity: Number(args.quantity.toPrecision(12)),
    unit: args.unit,
    unitPrice: args.unitPrice ?? args.price.unitPrice,
    currency: args.price.currency,
    listUnitPrice: args.unitPrice && !args.price.commitment ? args.unitPrice : args.price.listUnitPrice,
    priceItemId: args.price.itemId,
    monthlyCost: moneyFromNumber(args.cost),
    reasoning: args.reasoning,
  };
}

/** ceil that forgives float noise (16.000000000002 pods is 16 pods). */
export function ceilSafe(x: number): number {
  return Math.ceil(x - 1e-9);
}
