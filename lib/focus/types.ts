// FOCUS-shaped records as connectors, file imports and the demo hand them to ingestion.
// Amounts and quantities are decimal strings (never floats); times are UTC Dates, periods [start, end).
export const CHARGE_CATEGORIES = ['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'] as const;
export type TChargeCategory = (typeof CHARGE_CATEGORIES)[number];

export type TFocusRecord = {
  billedCost: string;
  effectiveCost: string;
  listCost: string;
  contractedCost?: string | null;
  billingCurrency: string;
  billingAccountId: string;
  billingAccountName?: string | null;
  subAccountId?: string | null;
  subAccountName?: string | null;
  billingPeriodStart: Date;
  billingPeriodEnd: Date;
  chargePeriodStart: Date;
  chargePeriodEnd: Date;
  chargeCategory: TChargeCategory;
  chargeClass?: 'Correction' | null;
  chargeDescription?: string | null;
  chargeFrequency?: 'One-Time' | 'Recurring' | 'Usage-Based' | null;
  providerName: string;
  publisherName?: string | null;
  invoiceIssuerName?: string | null;
  serviceName?: string | null;
  serviceCategory?: string | null;
  regionId?: string | null;
  regionName?: string | null;
  availabilityZone?: string | null;
  resourceId?: string | null;
  resourceName?: string | null;
  resourceType?: string | null;
  skuId?: string | null;
  skuPriceId?: string | null;
  pricingCategory?: string | null;
  pricingQuantity?: string | null;
  pricingUnit?: string | null;
  listUnitPrice?: string | null;
  contractedUnitPrice?: string | null;
  consumedQuantity?: string | null;
  consumedUnit?: string | null;
  commitmentDiscountId?: string | null;
  commitmentDiscountCategory?: string | null;
  commitmentDiscountType?: string | null;
  commitmentDiscountStatus?: string | null;
  tags?: Record<string, string> | null;
  // not FOCUS: the provider may still revise this row (AWS "Estimated" days)
  isEstimated?: boolean;
};

// A resource as a connector sees it; (provider, externalId) identifies it.
export type TResourceInput = {
  provider: string;
  kind: 'app' | 'node-pool' | 'database' | 'cache' | 'cdn' | 'storage' | 'monitoring' | 'compute' | 'other';
  externalId: string;
  name: string;
  region?: string | null;
  size?: string | null;
  // capacity figures keyed by the metric they bound, e.g. { memory_used_bytes: 8589934592 }
  capacity?: Record<string, number>;
  attributes?: Record<string, unknown>;
};

export type TSampleInput = {
  provider: string;
  resourceExternalId: string;
  metric: string;
  unit: string;
  ts: Date;
  value: number;
};
