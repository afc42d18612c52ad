// How a TFocusRecord maps onto cost_record columns, shared by the COPY encoder and the merge SQL.
import type { TFocusRecord } from '../focus/types';
import { canonicalTags } from './natural-key';

type TValue = string | null;
type TColumn = { column: string; field: keyof TFocusRecord | null; value: (r: TFocusRecord) => TValue };

const text = (field: keyof TFocusRecord): TColumn => ({
  column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  field,
  value: (r) => {
    const v = r[field];
    return v === null || v === undefined ? null : String(v);
  },
});

const time = (field: keyof TFocusRecord): TColumn => ({
  ...text(field),
  value: (r) => {
    const v = r[field];
    if (v === null || v === undefined) return null;
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw new RangeError(`${field} is not a valid date`);
    return v.toISOString();
  },
});

// Every column a source provides (natural_key and source are added by the encoder; ingested_at
// and updated_at come from the database).
export const RECORD_COLUMNS: readonly TColumn[] = [
  time('chargePeriodStart'),
  time('chargePeriodEnd'),
  time('billingPeriodStart'),
  time('billingPeriodEnd'),
  text('billedCost'),
  text('effectiveCost'),
  text('listCost'),
  text('contractedCost'),
  text('billingCurrency'),
  text('billingAccountId'),
  text('billingAccountName'),
  text('subAccountId'),
  text('subAccountName'),
  text('chargeCategory'),
  text('chargeClass'),
  text('chargeDescription'),
  text('chargeFrequency'),
  text('providerName'),
  text('publisherName'),
  text('invoiceIssuerName'),
  text('serviceName'),
  text('serviceCategory'),
  text('regionId'),
  text('regionName'),
  text('availabilityZone'),
  text('resourceId'),
  text('resourceName'),
  text('resourceType'),
  text('skuId'),
  text('skuPriceId'),
  text('pricingCategory'),
  text('pricingQuantity'),
  text('pricingUnit'),
  text('listUnitPrice'),
  text('contractedUnitPrice'),
  text('consumedQuantity'),
  text('consumedUnit'),
  text('commitmentDiscountId'),
  text('commitmentDiscountCategory'),
  text('commitmentDiscountType'),
  text('commitmentDiscountStatus'),
  { column: 'tags', field: 'tags', value: (r) => canonicalTags(r.tags) },
  { column: 'is_estimated', field: 'isEstimated', value: (r) => (r.isEstimated ? 't' : 'f') },
];

// Columns written by COPY, in order.
export const STAGED_COLUMNS: readonly string[] = ['natural_key', ...RECORD_COLUMNS.map((c) => c.column), 'source'];

// Columns a re-import may change (all but the key); compared with IS DISTINCT FROM on merge.
export const MUTABLE_COLUMNS: readonly string[] = STAGED_COLUMNS.filter(
  (c) => c !== 'natural_key' && c !== 'charge_period_start',
);

// The TFocusRecord field behind a column, for error messages that name the field.
export function fieldOfColumn(column: string): string {
  return RECORD_COLUMNS.find((c) => c.column === column)?.field ?? column;
}
