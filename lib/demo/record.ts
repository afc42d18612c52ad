// Builds demo FOCUS rows: quantities come from the model (numbers), money is computed from them
// with exact decimal arithmetic, as a provider's bill would be.
import { startOfUtcMonth } from '../dates';
import type { TChargeCategory, TFocusRecord } from '../focus/types';
import { decimalFromNumber, multiplyDecimal, normalizeDecimal } from '../money/decimal';

export type TDemoProvider = Pick<
  TFocusRecord,
  'providerName' | 'publisherName' | 'invoiceIssuerName' | 'billingAccountId' | 'billingAccountName' | 'billingCurrency'
>;

export type TDemoCharge = {
  provider: TDemoProvider;
  start: Date;
  end: Date;
  category?: TChargeCategory;
  frequency?: TFocusRecord['chargeFrequency'];
  description: string;
  service: string;
  serviceCategory: string;
  region?: { id: string; name: string } | null;
  availabilityZone?: string | null;
  subAccount?: { id: string; name: string } | null;
  resource?: { id: string; name?: string; type?: string } | null;
  sku?: { id: string; priceId?: string } | null;
  pricingCategory?: 'Standard' | 'Committed' | 'Dynamic' | 'Other' | null;
  // usage: quantity × unit price
  quantity?: number;
  unit?: string;
  listUnitPrice?: string;
  effectiveUnitPrice?: string; // below list when a discount applies
  billedZero?: boolean; // covered by a commitment billed on its own row
  // fees, taxes and credits: explicit amounts
  amount?: { billed: string; effective?: string; list?: string };
  commitment?: { id: string; category: 'Spend' | 'Usage'; type: string; status: 'Used' | 'Unused' } | null;
  env: 'prod' | 'staging';
  team: string;
  isEstimated?: boolean;
};

export const DEMO_TAG = 'tourmalet:demo';

export function demoTags(env: string, team: string): Record<string, string> {
  return { [DEMO_TAG]: 'true', env, team };
}

const money = (v: string) => normalizeDecimal(multiplyDecimal(v, '1', 10));

export function charge(c: TDemoCharge): TFocusRecord {
  let billed: string;
  let effective: string;
  let list: string;
  let quantity: string | null = null;
  if (c.amount) {
    billed = money(c.amount.billed);
    effective = money(c.amount.effective ?? c.amount.billed);
    list = money(c.amount.list ?? c.amount.billed);
  } else {
    if (c.quantity === undefined || !c.listUnitPrice) throw new Error(`demo charge "${c.description}" has no amount`);
    quantity = decimalFromNumber(c.quantity, 6);
    list = multiplyDecimal(quantity, c.listUnitPrice, 10);
    effective = multiplyDecimal(quantity, c.effectiveUnitPrice ?? c.listUnitPrice, 10);
    billed = c.billedZero ? '0' : effective;
  }
  const billingPeriodStart = startOfUtcMonth(c.start);
  return {
    ...c.provider,
    billedCost: billed,
    effectiveCost: effective,
    listCost: list,
    contractedCost: c.effectiveUnitPrice && quantity ? effective : null,
    subAccountId: c.subAccount?.id ?? null,
    subAccountName: c.subAccount?.name ?? null,
    billingPeriodStart,
    billingPeriodEnd: startOfUtcMonth(billingPeriodStart, 1),
    chargePeriodStart: c.start,
    chargePeriodEnd: c.end,
    chargeCategory: c.category ?? 'Usage',
    chargeClass: null,
    chargeDescription: c.description,
    chargeFrequency: c.frequency ?? (c.category && c.category !== 'Usage' ? 'One-Time' : 'Usage-Based'),
    serviceName: c.service,
    serviceCategory: c.serviceCategory,
    regionId: c.region?.id ?? null,
    regionName: c.region?.name ?? null,
    availabilityZone: c.availabilityZone ?? null,
    resourceId: c.resource?.id ?? null,
    resourceName: c.resource?.name ?? null,
    resourceType: c.resource?.type ?? null,
    skuId: c.sku?.id ?? null,
    skuPriceId: c.sku?.priceId ?? null,
    pricingCategory: c.pricingCategory ?? (quantity ? 'Standard' : null),
    pricingQuantity: quantity,
    pricingUnit: quantity ? (c.unit ?? null) : null,
    listUnitPrice: quantity ? (c.listUnitPrice ?? null) : null,
    contractedUnitPrice: quantity ? (c.effectiveUnitPrice ?? null) : null,
    consumedQuantity: quantity,
    consumedUnit: quantity ? (c.unit ?? null) : null,
    commitmentDiscountId: c.commitment?.id ?? null,
    commitmentDiscountCategory: c.commitment?.category ?? null,
    commitmentDiscountType: c.commitment?.type ?? null,
    commitmentDiscountStatus: c.commitment?.status ?? null,
    tags: demoTags(c.env, c.team),
    isEstimated: c.isEstimated ?? false,
  };
}
