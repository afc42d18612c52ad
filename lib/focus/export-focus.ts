// Streams cost records as a FOCUS 1.2 CSV straight from PostgreSQL (COPY … TO STDOUT), so an
// export of any size never sits in memory. Re-importing the file gives the same records.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { holdClient } from '../db';

export type TFocusExportFilters = {
  providers?: string[];
  services?: string[];
  serviceCategories?: string[];
  regions?: string[];
  accounts?: string[]; // SubAccountId
  billingAccounts?: string[];
  currencies?: string[];
  chargeCategories?: string[];
  sources?: string[];
};

export type TFocusExportQuery = { from: Date; to: Date; filters?: TFocusExportFilters };

const FILTER_COLUMNS: Record<keyof TFocusExportFilters, string> = {
  providers: 'provider_name',
  services: 'service_name',
  serviceCategories: 'service_category',
  regions: 'region_id',
  accounts: 'sub_account_id',
  billingAccounts: 'billing_account_id',
  currencies: 'billing_currency',
  chargeCategories: 'charge_category',
  sources: 'source',
};

const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
// numeric(30,12) prints every scale digit; trailing zeros are noise in a file people open
const num = (column: string) => `trim_scale(${column})`;

// FOCUS 1.2 columns in the spec's order of presentation (alphabetical); columns Tourmalet does not
// keep are written empty so the file has the full 1.2 header.
const COLUMNS: [string, string][] = [
  ['AvailabilityZone', 'availability_zone'],
  ['BilledCost', num('billed_cost')],
  ['BillingAccountId', 'billing_account_id'],
  ['BillingAccountName', 'billing_account_name'],
  ['BillingAccountType', 'NULL'],
  ['BillingCurrency', 'billing_currency'],
  ['BillingPeriodEnd', utc('billing_period_end')],
  ['BillingPeriodStart', utc('billing_period_start')],
  ['CapacityReservationId', 'NULL'],
  ['CapacityReservationStatus', 'NULL'],
  ['ChargeCategory', 'charge_category'],
  ['ChargeClass', 'charge_class'],
  ['ChargeDescription', 'charge_description'],
  ['ChargeFrequency', 'charge_frequency'],
  ['ChargePeriodEnd', utc('charge_period_end')],
  ['ChargePeriodStart', utc('charge_period_start')],
  ['CommitmentDiscountCategory', 'commitment_discount_category'],
  ['CommitmentDiscountId', 'commitment_discount_id'],
  ['CommitmentDiscountName', 'NULL'],
  ['CommitmentDiscountQuantity', 'NULL'],
  ['CommitmentDiscountStatus', 'commitment_discount_status'],
  ['CommitmentDiscountType', 'commitment_discount_type'],
  ['CommitmentDiscountUnit', 'NULL'],
  ['ConsumedQuantity', num('consumed_quantity')],
  ['ConsumedUnit', 'consumed_unit'],
  ['ContractedCost', num('contracted_cost')],
  ['ContractedUnitPrice', num('contracted_unit_price')],
  ['EffectiveCost', num('effective_cost')],
  ['InvoiceId', 'NULL'],
  ['InvoiceIssuerName', 'invoice_issuer_name'],
  ['ListCost', num('list_cost')],
  ['ListUnitPrice', num('list_unit_price')],
  ['PricingCategory', 'pricing_category'],
  ['PricingCurrency', 'NULL'],
  ['PricingQuantity', num('pricing_quantity')],
  ['PricingUnit', 'pricing_unit'],
  ['ProviderName', 'provider_name'],
  ['PublisherName', 'publisher_name'],
  ['RegionId', 'region_id'],
  ['RegionName', 'region_name'],
  ['ResourceId', 'resource_id'],
  ['ResourceName', 'resource_name'],
  ['ResourceType', 'resource_type'],
  ['ServiceCategory', 'service_category'],
  ['ServiceName', 'service_name'],
  ['ServiceSubcategory', 'NULL'],
  ['SkuId', 'sku_id'],
  ['SkuMeter', 'NULL'],
  ['SkuPriceDetails', 'NULL'],
  ['SkuPriceId', 'sku_price_id'],
  ['SubAccountId', 'sub_account_id'],
  ['SubAccountName', 'sub_account_name'],
  ['SubAccountType', 'NULL'],
  ['Tags', `CASE WHEN tags = '{}'::jsonb THEN NULL ELSE tags::text END`],
];

export const FOCUS_EXPORT_COLUMNS = COLUMNS.map(([name]) => name);

// COPY cannot take bind parameters, so values are escaped as literals by the driver.
export function focusExportSql(client: Pick<pg.ClientBase, 'escapeLiteral'>, query: TFocusExportQuery): string {
  const where = [
    `charge_period_start >= ${client.escapeLiteral(query.from.toISOString())}::timestamptz`,
    `charge_period_start < ${client.escapeLiteral(query.to.toISOString())}::timestamptz`,
  ];
  for (const [key, column] of Object.entries(FILTER_COLUMNS) as [keyof TFocusExportFilters, string][]) {
    const values = query.filters?.[key];
    // an empty list matches nothing (filters that cannot hold together, see focusExportFilters)
    // and '' matches a record that names none (the costs API's key for those, as in cost_daily)
    const target = values?.includes('') ? `coalesce(${column}, '')` : column;
    if (values) where.push(values.length ? `${target} IN (${values.map((v) => client.escapeLiteral(v)).join(', ')})` : 'FALSE');
  }
  const select = COLUMNS.map(([name, expr]) => `${expr} AS "${name}"`).join(',\n  ');
  return `COPY (SELECT\n  ${select}\nFROM cost_record\nWHERE ${where.join('\n  AND ')}\nORDER BY charge_period_start, natural_key) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

export async function exportFocusCsv(query: TFocusExportQuery, writable: Writable): Promise<{ rows: number }> {
  const held = await holdClient();
  try {
    // one statement sees one snapshot: a sync committing meanwhile does not tear the file
    const stream = held.client.query(copyTo(focusExportSql(held.client, query)));
    await pipeline(stream, writable);
    return { rows: stream.rowCount };
  } catch (e) {
    // a COPY cut short (reader gone) leaves the connection mid-protocol: do not reuse it
    held.fail(e as Error);
    throw e;
  } finally {
    held.release();
  }
}
