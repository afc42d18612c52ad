// Pure mapping of Cost Explorer GetCostAndUsage results to FOCUS-shaped cost records.
import { addIsoDays, parseIsoDay, startOfUtcMonth } from '../../dates';
import { normalizeDecimal } from '../../money/decimal';
import type { TChargeCategory, TFocusRecord } from '../../focus/types';
import { ConnectorError } from '../types';
import type { TGetCostAndUsageResponse, TGroup } from './api-types';
import { awsServiceCategory } from './service-categories';

export type TDimension = 'SERVICE' | 'USAGE_TYPE' | 'LINKED_ACCOUNT' | 'REGION' | 'RECORD_TYPE';

// Record types that are consumption (FOCUS ChargeCategory 'Usage'): RI and Savings Plans covered
// usage included, with the negation rows that offset Savings Plans covered usage at on-demand rates.
export const USAGE_RECORD_TYPES = ['Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation'];

type TCharge = Pick<TFocusRecord, 'chargeCategory' | 'chargeFrequency'>;

const CHARGES: Record<string, TCharge> = {
  usage: { chargeCategory: 'Usage', chargeFrequency: 'Usage-Based' },
  discountedusage: { chargeCategory: 'Usage', chargeFrequency: 'Usage-Based' },
  savingsplancoveredusage: { chargeCategory: 'Usage', chargeFrequency: 'Usage-Based' },
  savingsplannegation: { chargeCategory: 'Usage', chargeFrequency: 'Usage-Based' },
  tax: { chargeCategory: 'Tax', chargeFrequency: null },
  credit: { chargeCategory: 'Credit', chargeFrequency: null },
  refund: { chargeCategory: 'Credit', chargeFrequency: null },
  rifee: { chargeCategory: 'Purchase', chargeFrequency: 'Recurring' },
  recurringreservationfee: { chargeCategory: 'Purchase', chargeFrequency: 'Recurring' },
  savingsplanrecurringfee: { chargeCategory: 'Purchase', chargeFrequency: 'Recurring' },
  upfrontreservationfee: { chargeCategory: 'Purchase', chargeFrequency: 'One-Time' },
  savingsplanupfrontfee: { chargeCategory: 'Purchase', chargeFrequency: 'One-Time' },
  fee: { chargeCategory: 'Purchase', chargeFrequency: 'One-Time' },
  support: { chargeCategory: 'Purchase', chargeFrequency: 'Recurring' },
  supportfee: { chargeCategory: 'Purchase', chargeFrequency: 'Recurring' },
};

// RECORD_TYPE → FOCUS charge. The API and the console spell record types differently
// ('RIFee' / 'Recurring reservation fee'), so the lookup ignores case and spacing.
export function chargeOf(recordType: string | undefined): TCharge {
  if (recordType === undefined) return CHARGES.usage;
  const key = recordType.toLowerCase().replace(/[^a-z]/g, '');
  const known = CHARGES[key];
  if (known) return known;
  if (key.endsWith('discount')) return { chargeCategory: 'Credit', chargeFrequency: null };
  return { chargeCategory: 'Adjustment' satisfies TChargeCategory, chargeFrequency: null };
}

// Linked account names, which Cost Explorer gives beside results grouped by LINKED_ACCOUNT.
export function accountNames(pages: TGetCostAndUsageResponse[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const page of pages)
    for (const v of page.DimensionValueAttributes ?? []) {
      const name = v.Attributes?.description;
      if (name) names.set(v.Value, name);
    }
  return names;
}

// The distinct key pairs that have any group in the results, in first-seen order.
export function distinctKeys(pages: TGetCostAndUsageResponse[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const page of pages)
    for (const result of page.ResultsByTime)
      for (const g of result.Groups ?? []) {
        const pair: [string, string] = [g.Keys[0], g.Keys[1] ?? ''];
        seen.set(JSON.stringify(pair), pair);
      }
  return [...seen.values()];
}

export type TDayResults = { day: string; estimated: boolean; groups: TGroup[] };

// Pages split a query's groups, not its days: a day's groups can be spread over several pages.
export function resultsByDay(pages: TGetCostAndUsageResponse[]): TDayResults[] {
  const days = new Map<string, TDayResults>();
  for (const page of pages)
    for (const result of page.ResultsByTime) {
      const day = result.TimePeriod.Start.slice(0, 10);
      let entry = days.get(day);
      if (!entry) days.set(day, (entry = { day, estimated: false, groups: [] }));
      entry.estimated ||= result.Estimated === true;
      entry.groups.push(...(result.Groups ?? []));
    }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export type TMapContext = {
  // the two dimensions the query grouped by, in GroupBy order
  groupBy: [TDimension, TDimension];
  // dimensions the query filtered to a single value (the rest of the record's identity)
  fixed: Partial<Record<TDimension, string>>;
  accountNames: ReadonlyMap<string, string>;
  billingAccountId: string;
  billingAccountName?: string | null;
};

const NO_REGION = new Set(['', 'NoRegion', 'global']);

export function mapCostGroups(pages: TGetCostAndUsageResponse[], ctx: TMapContext): TFocusRecord[] {
  const records: TFocusRecord[] = [];
  for (const { day, estimated, groups } of resultsByDay(pages))
    for (const group of groups) records.push(mapGroup(day, estimated, group, ctx));
  return records;
}

function mapGroup(day: string, estimated: boolean, group: TGroup, ctx: TMapContext): TFocusRecord {
  const dims: Partial<Record<TDimension, string>> = { ...ctx.fixed };
  ctx.groupBy.forEach((d, i) => (dims[d] = group.Keys[i]));
  const { UnblendedCost, AmortizedCost, UsageQuantity } = group.Metrics;
  const currency = UnblendedCost.Unit;
  if (!/^[A-Z]{3}$/.test(currency))
    throw new ConnectorError('unexpected_response', `GetCostAndUsage: UnblendedCost.Unit ${JSON.stringify(currency)} is not a currency code`);
  const billed = normalizeDecimal(UnblendedCost.Amount);
  const effective = normalizeDecimal(AmortizedCost.Amount);
  const hasQuantity = UsageQuantity.Unit !== '' && UsageQuantity.Unit !== 'N/A';
  const quantity = hasQuantity ? normalizeDecimal(UsageQuantity.Amount) : null;
  const unit = hasQuantity ? UsageQuantity.Unit : null;
  const start = parseIsoDay(day);
  const service = dims.SERVICE ?? null;
  const region = dims.REGION && !NO_REGION.has(dims.REGION) ? dims.REGION : null;
  const account = dims.LINKED_ACCOUNT ?? null;
  return {
    billedCost: billed,
    effectiveCost: effective,
    // Cost Explorer has no list price; unblended is what public rates gave before credits/commitments
    listCost: billed,
    billingCurrency: currency,
    billingAccountId: ctx.billingAccountId,
    billingAccountName: ctx.billingAccountName ?? null,
    subAccountId: account,
    subAccountName: account ? (ctx.accountNames.get(account) ?? null) : null,
    billingPeriodStart: startOfUtcMonth(start),
    billingPeriodEnd: startOfUtcMonth(start, 1),
    chargePeriodStart: start,
    chargePeriodEnd: parseIsoDay(addIsoDays(day, 1)),
    ...chargeOf(dims.RECORD_TYPE),
    // the usage type (or, for non-usage rows, the record type) is what tells rows of a service apart
    chargeDescription: dims.USAGE_TYPE ?? dims.RECORD_TYPE ?? null,
    providerName: 'AWS',
    publisherName: 'AWS',
    invoiceIssuerName: 'AWS',
    serviceName: service,
    serviceCategory: service ? awsServiceCategory(service) : null,
    regionId: region,
    pricingQuantity: quantity,
    pricingUnit: unit,
    consumedQuantity: quantity,
    consumedUnit: unit,
    tags: null,
    isEstimated: estimated,
  };
}
