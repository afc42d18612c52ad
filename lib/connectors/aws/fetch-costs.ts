// The GetCostAndUsage calls of a sync, and how their results combine into FOCUS records.
//
// A record needs five dimensions (linked account, region, service, usage type, record type) but a
// query groups by two at most. Rather than allocate one grouping's totals over another (which
// invents numbers), every leaf query groups by two dimensions and filters the others to one value,
// so each Cost Explorer line item falls in exactly one leaf group and the leaves add up to the
// day's total exactly. Per contiguous range of days:
//   1. usage discovery:  GroupBy LINKED_ACCOUNT × REGION, filter RECORD_TYPE ∈ USAGE_RECORD_TYPES
//   2. other discovery:  GroupBy LINKED_ACCOUNT × REGION, filter RECORD_TYPE ∉ USAGE_RECORD_TYPES
//   3. per (account, region) of 1: GroupBy SERVICE × USAGE_TYPE, filter account, region, usage
//      → Usage rows with their usage type
//   4. per (account, region) of 2: GroupBy RECORD_TYPE × SERVICE, filter account, region, not usage
//      → Tax, Credit, fee… rows with their record type (usage type matters little there)
// The two filters are complements, so 3 and 4 partition the bill. Cost: 2 + pairs requests per
// range, plus pages; most accounts have few (account, region) pairs with non-usage charges.
import type { Dimension, Expression, GroupDefinition } from '@aws-sdk/client-cost-explorer';
import type { TFocusRecord } from '../../focus/types';
import { COST_METRICS, type CostExplorerApi } from './client';
import type { TDayRange } from './days';
import { USAGE_RECORD_TYPES, accountNames, distinctKeys, mapCostGroups } from './mapper';

const dim = (Key: string): GroupDefinition => ({ Type: 'DIMENSION', Key });
const is = (Key: Dimension, value: string): Expression => ({ Dimensions: { Key, Values: [value], MatchOptions: ['EQUALS'] } });
const USAGE: Expression = { Dimensions: { Key: 'RECORD_TYPE', Values: USAGE_RECORD_TYPES, MatchOptions: ['EQUALS'] } };
const NOT_USAGE: Expression = { Not: USAGE };

export type TCostFetchContext = {
  billingAccountId: string;
  billingAccountName?: string | null;
  log: (message: string, fields?: Record<string, unknown>) => void;
};

export async function fetchAwsCosts(
  api: CostExplorerApi,
  ranges: TDayRange[],
  ctx: TCostFetchContext,
): Promise<TFocusRecord[]> {
  const records: TFocusRecord[] = [];
  for (const range of ranges) {
    const base = {
      TimePeriod: { Start: range.start, End: range.end },
      Granularity: 'DAILY' as const,
      Metrics: COST_METRICS,
    };
    const byAccountRegion = [dim('LINKED_ACCOUNT'), dim('REGION')];
    const usagePairs = await api.getCostAndUsage({ ...base, GroupBy: byAccountRegion, Filter: USAGE });
    const otherPairs = await api.getCostAndUsage({ ...base, GroupBy: byAccountRegion, Filter: NOT_USAGE });
    const names = accountNames([...usagePairs, ...otherPairs]);
    const common = { accountNames: names, billingAccountId: ctx.billingAccountId, billingAccountName: ctx.billingAccountName };

    const usageKeys = distinctKeys(usagePairs);
    const otherKeys = distinctKeys(otherPairs);
    ctx.log('aws: cost ranges', { range, usagePairs: usageKeys.length, otherPairs: otherKeys.length });

    for (const [account, region] of usageKeys) {
      const pages = await api.getCostAndUsage({
        ...base,
        GroupBy: [dim('SERVICE'), dim('USAGE_TYPE')],
        Filter: { And: [is('LINKED_ACCOUNT', account), is('REGION', region), USAGE] },
      });
      records.push(
        ...mapCostGroups(pages, { ...common, groupBy: ['SERVICE', 'USAGE_TYPE'], fixed: { LINKED_ACCOUNT: account, REGION: region } }),
      );
    }
    for (const [account, region] of otherKeys) {
      const pages = await api.getCostAndUsage({
        ...base,
        GroupBy: [dim('RECORD_TYPE'), dim('SERVICE')],
        Filter: { And: [is('LINKED_ACCOUNT', account), is('REGION', region), NOT_USAGE] },
      });
      records.push(
        ...mapCostGroups(pages, { ...common, groupBy: ['RECORD_TYPE', 'SERVICE'], fixed: { LINKED_ACCOUNT: account, REGION: region } }),
      );
    }
  }
  return records;
}
