// How a TFocusRecord maps onto cost_record columns, shared by the COPY encoder and the merge SQL.
import type { TFocusRecord } from '../focus/types';

// How the binary COPY encoder writes the column (cost-row-encoder.ts).
export type TColumnKind = 'text' | 'decimal' | 'time' | 'tags' | 'bool';
type TColumn = { column: string; field: keyof TFocusRecord; kind: TColumnKind };

const column = (field: keyof TFocusRecord, kind: TColumnKind): TColumn => ({
  column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  field,
  kind,
});
const text = (field: keyof TFocusRecord) => column(field, 'text');
const decimal = (field: keyof TFocusRecord) => column(field, 'decimal');
const time = (field: keyof TFocusRecord) => column(field, 'time');

// Every column a source provides (natural_key and source are added by the encoder; ingested_at
// and updated_at come from the database).
export const RECORD_COLUMNS: readonly TColumn[] = [
  time('chargePeriodStart'),
  time('chargePeriodEnd'),
  time('billingPeriodStart'),
  time('billingPeriodEnd'),
  decimal('billedCost'),
  decimal('effectiveCost'),
  decimal('listCost'),
  decimal('contractedCost'),
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
  decimal('pricingQuantity'),
  text('pricingUnit'),
  decimal('listUnitPrice'),
  decimal('contractedUnitPrice'),
  decimal('consumedQuantity'),
  text('consumedUnit'),
  text('commitmentDiscountId'),
  text('commitmentDiscountCategory'),
  text('commitmentDiscountType'),
  text('commitmentDiscountStatus'),
  column('tags', 'tags'),
  column('isEstimated', 'bool'),
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
