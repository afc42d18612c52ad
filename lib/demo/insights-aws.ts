// AWS's own Savings Plans purchase recommendation for the demo, as the AWS connector stores it
// (provider_insight kind 'aws.sp-recommendation', payload { request, response } with the response shaped
// like Cost Explorer's GetSavingsPlansPurchaseRecommendation). Derived from the demo's own usage the way
// Cost Explorer derives it: the last 30 complete days of hourly on-demand EC2 compute (AWS sees the hours: the
// node group's count by day and night), taken as if they repeated for the whole term, the hourly commitment
// that saves the most over them. The plan grows, so this flat-lookback level is below the ladder's top: the
// planner shows both and says why they differ.
import type { TProviderInsight } from '../connectors/types';
import { addUtcDays, isoDay, startOfUtcDay } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { DEFAULT_PRICE_CATALOGUE } from '../planning/price-catalogue';
import { INSTRUMENTS, instrumentTerms } from '../recommendations/commitments/instruments';
import { indexInstances, instanceTypeOf, shapeDay, type THourlyInstances } from '../recommendations/engine/commitment-pools';
import { percentile } from '../recommendations/stats';
import type { TResourceInput, TSampleInput } from '../focus/types';

const EC2 = 'Amazon Elastic Compute Cloud';
const LOOKBACK_DAYS = 30;
const HOURS_PER_MONTH = 730;
/** The demo's AWS payer account (costs-aws.ts). */
const PAYER = '418295736410';

/** The settings the demo's AWS connection asks Cost Explorer with (the connector's defaults). */
export const DEMO_SP_REQUEST = {
  SavingsPlansType: 'COMPUTE_SP',
  AccountScope: 'PAYER',
  TermInYears: 'ONE_YEAR',
  PaymentOption: 'NO_UPFRONT',
  LookbackPeriodInDays: 'THIRTY_DAYS',
} as const;

/** On-demand EC2 instance hours are what a Compute Savings Plan would cover (usage already covered by the demo's plan has a commitment id). */
function eligible(r: TFocusRecord): boolean {
  return (
    r.providerName === 'AWS' && r.chargeCategory === 'Usage' && r.serviceName === EC2 && !r.commitmentDiscountId &&
    /^hours?$/i.test(r.pricingUnit ?? '') && /On Demand .* Instance Hour/.test(r.chargeDescription ?? '')
  );
}

const money = (x: number, digits = 2) => x.toFixed(digits);

/** The node groups' hourly node counts among the demo's samples: the hours AWS sees behind the daily bill. */
export function demoNodeCounts(resources: readonly TResourceInput[], samples: readonly TSampleInput[]): THourlyInstances[] {
  return resources
    .filter((r) => r.kind === 'node-pool')
    .map((r) => ({
      instanceType: String(r.attributes?.instanceType ?? r.size ?? ''),
      region: r.region ?? null,
      points: samples.filter((s) => s.resourceExternalId === r.externalId && s.metric === 'nodes').map((s) => ({ t: s.ts.getTime(), v: s.value })),
    }));
}

export function demoAwsInsights(costs: readonly TFocusRecord[], now: Date, nodeCounts: readonly THourlyInstances[] = []): TProviderInsight[] {
  const end = startOfUtcDay(now);
  const start = addUtcDays(end, -LOOKBACK_DAYS);
  // on-demand instance-hours and spend by day and instance type (region: the demo's compute is all in Paris)
  const byDay = new Map<string, Map<string, { q: number; cost: number; region: string | null }>>();
  for (const r of costs) {
    if (!eligible(r) || r.chargePeriodStart < start || r.chargePeriodStart >= end) continue;
    const day = isoDay(r.chargePeriodStart);
    const type = instanceTypeOf(r.chargeDescription ?? null) ?? '';
    const types = byDay.get(day) ?? new Map<string, { q: number; cost: number; region: string | null }>();
    const d = types.get(type) ?? { q: 0, cost: 0, region: r.regionId ?? null };
    d.q += Number(r.pricingQuantity ?? 0);
    d.cost += Number(r.listCost);
    types.set(type, d);
    byDay.set(day, types);
  }
  if (byDay.size < LOOKBACK_DAYS / 2) return [];
  // each hour's on-demand spend: where the node group's count is known, the day's on-demand hours follow it (as the
  // engine's baseline does); the other instances (staging, a load-test fleet) are the same every hour
  const counts = indexInstances(nodeCounts);
  const hourly = [...byDay].flatMap(([day, types]) => {
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const hours = new Array<number>(24).fill(0);
    for (const [type, d] of types) {
      const shaped = shapeDay(dayStart, d.q, counts.get(`${type}@${d.region ?? '*'}`) ?? counts.get(`${type}@*`));
      for (let h = 0; h < 24; h++) hours[h] += shaped && d.q > 0 ? (shaped[h] * d.cost) / d.q : d.cost / 24;
    }
    return hours;
  });
  const hours = hourly.length;
  const term = instrumentTerms(DEFAULT_PRICE_CATALOGUE, INSTRUMENTS['aws-compute-savings-plan']).find((t) => t.termMonths === 12 && t.payment === 'no-upfront');
  if (!term) return [];
  const d = term.discount;
  // over a flat lookback the best single level is the one still used in (1 − d) of the hours
  const level = percentile(hourly, d);
  const commitment = Math.round(level * (1 - d) * 1000) / 1000;
  const covered = level === 0 ? 0 : commitment / (1 - d);
  let coveredOnDemand = 0;
  let uncovered = 0;
  let total = 0;
  for (const u of hourly) {
    coveredOnDemand += Math.min(u, covered);
    uncovered += Math.max(u - covered, 0);
    total += u;
  }
  const spCost = commitment * hours;
  const savings = coveredOnDemand - spCost;
  const monthly = (savings / hours) * HOURS_PER_MONTH;
  const utilisation = spCost > 0 ? (coveredOnDemand * (1 - d)) / spCost : 0;
  const min = Math.min(...hourly);
  const max = Math.max(...hourly);
  const detail = {
    SavingsPlansDetails: { Region: '', InstanceFamily: '', OfferingId: '9c2b4f1e-6d8a-4b3c-a5e7-1f0d2c3b4a59' },
    AccountId: PAYER,
    UpfrontCost: '0.00',
    EstimatedROI: money((savings / spCost) * 100),
    CurrencyCode: 'USD',
    EstimatedSPCost: money(spCost),
    EstimatedOnDemandCost: money(coveredOnDemand),
    EstimatedOnDemandCostWithCurrentCommitment: money(total),
    EstimatedSavingsAmount: money(savings),
    EstimatedSavingsPercentage: money((savings / total) * 100),
    HourlyCommitmentToPurchase: money(commitment, 3),
    EstimatedAverageUtilization: money(utilisation * 100),
    EstimatedMonthlySavingsAmount: money(monthly),
    CurrentMinimumHourlyOnDemandSpend: money(min, 3),
    CurrentMaximumHourlyOnDemandSpend: money(max, 3),
    CurrentAverageHourlyOnDemandSpend: money(total / hours, 3),
  };
  const response = {
    Metadata: {
      RecommendationId: `demo-${isoDay(end)}-compute-sp`,
      GenerationTimestamp: demoInsightFetchedAt(now).toISOString(),
      LookbackPeriodInDays: DEMO_SP_REQUEST.LookbackPeriodInDays,
    },
    SavingsPlansPurchaseRecommendation: {
      AccountScope: DEMO_SP_REQUEST.AccountScope,
      SavingsPlansType: DEMO_SP_REQUEST.SavingsPlansType,
      TermInYears: DEMO_SP_REQUEST.TermInYears,
      PaymentOption: DEMO_SP_REQUEST.PaymentOption,
      LookbackPeriodInDays: DEMO_SP_REQUEST.LookbackPeriodInDays,
      SavingsPlansPurchaseRecommendationDetails: [detail],
      SavingsPlansPurchaseRecommendationSummary: {
        EstimatedROI: detail.EstimatedROI,
        CurrencyCode: 'USD',
        EstimatedTotalCost: money(spCost + uncovered),
        CurrentOnDemandSpend: money(total),
        EstimatedSavingsAmount: detail.EstimatedSavingsAmount,
        TotalRecommendationCount: '1',
        DailyCommitmentToPurchase: money(commitment * 24, 3),
        HourlyCommitmentToPurchase: detail.HourlyCommitmentToPurchase,
        EstimatedSavingsPercentage: detail.EstimatedSavingsPercentage,
        EstimatedMonthlySavingsAmount: detail.EstimatedMonthlySavingsAmount,
        EstimatedOnDemandCostWithCurrentCommitment: money(total),
      },
    },
  };
  const termKey = `${DEMO_SP_REQUEST.TermInYears}/${DEMO_SP_REQUEST.PaymentOption}/${DEMO_SP_REQUEST.LookbackPeriodInDays}`;
  return [{ kind: 'aws.sp-recommendation', key: `${DEMO_SP_REQUEST.SavingsPlansType}/${termKey}`, periodStart: start, periodEnd: end, payload: { request: DEMO_SP_REQUEST, response } }];
}

/** When the demo's AWS connection last fetched its insights: an hour before the demo's now (readers take insights fetched before their now). */
export function demoInsightFetchedAt(now: Date): Date {
  return new Date(now.getTime() - 3_600_000);
}

/** The demo's AWS connection: disabled (never synced, no credentials), there only to hold AWS's insights; removeDemo deletes it. */
export const DEMO_AWS_CONNECTION = {
  name: 'AWS (demo)',
  provider: 'aws',
  settings: { demo: true, region: 'eu-west-3', billingAccountId: PAYER, insights: true, recommendationTerm: 'ONE_YEAR', recommendationPaymentOption: 'NO_UPFRONT', recommendationLookback: 'THIRTY_DAYS' },
};
