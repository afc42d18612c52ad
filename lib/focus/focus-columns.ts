// FOCUS column names across versions (0.5 → 1.3) and how each maps onto TFocusRecord.
import type { TFocusRecord } from './types';

export type TFieldKind = 'decimal' | 'datetime' | 'text' | 'chargeCategory' | 'chargeClass' | 'chargeFrequency' | 'currency' | 'tags';

export type TFocusField = {
  field: keyof TFocusRecord;
  // the FOCUS 1.2 column name first (used for export and in messages), then older/newer spellings
  columns: string[];
  kind: TFieldKind;
  required?: boolean;
};

export const FOCUS_FIELDS: TFocusField[] = [
  { field: 'availabilityZone', columns: ['AvailabilityZone'], kind: 'text' },
  { field: 'billedCost', columns: ['BilledCost'], kind: 'decimal', required: true },
  { field: 'billingAccountId', columns: ['BillingAccountId'], kind: 'text', required: true },
  { field: 'billingAccountName', columns: ['BillingAccountName'], kind: 'text' },
  { field: 'billingCurrency', columns: ['BillingCurrency'], kind: 'currency', required: true },
  { field: 'billingPeriodEnd', columns: ['BillingPeriodEnd'], kind: 'datetime', required: true },
  { field: 'billingPeriodStart', columns: ['BillingPeriodStart'], kind: 'datetime', required: true },
  { field: 'chargeCategory', columns: ['ChargeCategory', 'ChargeType'], kind: 'chargeCategory', required: true },
  { field: 'chargeClass', columns: ['ChargeClass'], kind: 'chargeClass' },
  { field: 'chargeDescription', columns: ['ChargeDescription'], kind: 'text' },
  { field: 'chargeFrequency', columns: ['ChargeFrequency'], kind: 'chargeFrequency' },
  { field: 'chargePeriodEnd', columns: ['ChargePeriodEnd'], kind: 'datetime', required: true },
  { field: 'chargePeriodStart', columns: ['ChargePeriodStart'], kind: 'datetime', required: true },
  { field: 'commitmentDiscountCategory', columns: ['CommitmentDiscountCategory'], kind: 'text' },
  { field: 'commitmentDiscountId', columns: ['CommitmentDiscountId'], kind: 'text' },
  { field: 'commitmentDiscountStatus', columns: ['CommitmentDiscountStatus'], kind: 'text' },
  { field: 'commitmentDiscountType', columns: ['CommitmentDiscountType'], kind: 'text' },
  { field: 'consumedQuantity', columns: ['ConsumedQuantity', 'UsageQuantity'], kind: 'decimal' },
  { field: 'consumedUnit', columns: ['ConsumedUnit', 'UsageUnit'], kind: 'text' },
  { field: 'contractedCost', columns: ['ContractedCost'], kind: 'decimal' },
  { field: 'contractedUnitPrice', columns: ['ContractedUnitPrice'], kind: 'decimal' },
  { field: 'effectiveCost', columns: ['EffectiveCost', 'AmortizedCost'], kind: 'decimal', required: true },
  { field: 'invoiceIssuerName', columns: ['InvoiceIssuerName', 'InvoiceIssuer'], kind: 'text' },
  // ListCost is mandatory in FOCUS; files without it get BilledCost (see parse-focus-csv.ts)
  { field: 'listCost', columns: ['ListCost'], kind: 'decimal' },
  { field: 'listUnitPrice', columns: ['ListUnitPrice'], kind: 'decimal' },
  { field: 'pricingCategory', columns: ['PricingCategory'], kind: 'text' },
  { field: 'pricingQuantity', columns: ['PricingQuantity'], kind: 'decimal' },
  { field: 'pricingUnit', columns: ['PricingUnit'], kind: 'text' },
  // FOCUS 1.3 replaces ProviderName/PublisherName with ServiceProviderName/HostProviderName
  { field: 'providerName', columns: ['ProviderName', 'ServiceProviderName', 'Provider'], kind: 'text', required: true },
  { field: 'publisherName', columns: ['PublisherName', 'Publisher'], kind: 'text' },
  { field: 'regionId', columns: ['RegionId', 'Region'], kind: 'text' },
  { field: 'regionName', columns: ['RegionName'], kind: 'text' },
  { field: 'resourceId', columns: ['ResourceId'], kind: 'text' },
  { field: 'resourceName', columns: ['ResourceName'], kind: 'text' },
  { field: 'resourceType', columns: ['ResourceType'], kind: 'text' },
  { field: 'serviceCategory', columns: ['ServiceCategory'], kind: 'text' },
  { field: 'serviceName', columns: ['ServiceName'], kind: 'text' },
  { field: 'skuId', columns: ['SkuId'], kind: 'text' },
  { field: 'skuPriceId', columns: ['SkuPriceId'], kind: 'text' },
  { field: 'subAccountId', columns: ['SubAccountId'], kind: 'text' },
  { field: 'subAccountName', columns: ['SubAccountName'], kind: 'text' },
  { field: 'tags', columns: ['Tags'], kind: 'tags' },
];

// When a file has no provider column of its own, the one who issued the invoice stands in.
export const PROVIDER_FALLBACK_COLUMNS = ['InvoiceIssuerName', 'InvoiceIssuer', 'HostProviderName'];

export function columnKey(name: string): string {
  return name.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}
