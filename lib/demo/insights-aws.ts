// AWS's own Savings Plans purchase recommendation for the demo, as the AWS connector stores it
// (provider_insight kind 'aws.sp-recommendation', payload { request, response } with the response shaped
// like Cost Explorer's GetSavingsPlansPurchaseRecommendation). Derived from the demo's own bill the way
// Cost Explorer derives it: the last 30 complete days of on-demand EC2 compute, taken as if they repeated
// for the whole term, the hourly commitment that saves the most over them. The plan grows, so this
// flat-lookback level is below the ladder's top: the planner shows both and says why they differ.
import type { TProviderInsight } from '../connectors/types';
import { addUtcDays, isoDay, startOfUtcDay } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { DEFAULT_PRICE_CATALOGUE } from '../planning/price-catalogue';
import { INSTRUMENTS, instrumentTerms } from '../recommendations/commitments/instruments';
import { percentile } from '../recommendations/stats';

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

export function demoAwsInsights(costs: readonly TFocusRecord[], now: Date): TProviderInsight[] {
  const end = startOfUtcDay(now);
  const start = addUtcDays(end, -LOOKBACK_DAYS);
  // the bill is daily: each day's on-demand spend spread evenly over its hours, as Cost Explorer's daily granularity sees it
  const byDay = new Map<string, number>();
  for (const r of costs) {
    if (!eligible(r) || r.chargePeriodStart < start || r.chargePeriodStart >= end) continue;
    const day = isoDay(r.chargePeriodStart);
    byDay.set(day, (byDay.get(day) ?? 0) + Number(r.listCost));
  }
  if (byDay.size < LOOKBACK_DAYS / 2) return [];
  const hourly = [...byDay.values()].flatMap((daily) => Array.from({ length: 24 }, () => daily / 24));
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
