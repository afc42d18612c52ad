import { describe, expect, it } from 'vitest';
import { ZGetSavingsPlansPurchaseRecommendationResponse } from '../connectors/aws/api-types';
import { INSTRUMENTS } from '../recommendations/commitments/instruments';
import { providerRecommendation, selectRows } from '../recommendations/engine/commitment-pools';
import type { TUsageTypeCost } from '../queries/get-usage-type-costs';
import { generateDemo } from './generate-demo';
import { DEMO_SP_REQUEST, demoAwsInsights, demoInsightFetchedAt, demoNodeCounts } from './insights-aws';

const NOW = new Date('2026-11-25T10:30:00Z');

describe('demoAwsInsights', () => {
  const data = generateDemo({ now: NOW, seed: 7 });
  const counts = demoNodeCounts(data.resources, data.samples);
  const [insight] = demoAwsInsights(data.costs, NOW, counts);
  type TSummary = Record<string, string>;
  const rec = (insight.payload as { response: { SavingsPlansPurchaseRecommendation: { SavingsPlansPurchaseRecommendationSummary: TSummary; SavingsPlansPurchaseRecommendationDetails: TSummary[] } } }).response.SavingsPlansPurchaseRecommendation;
  const summary = rec.SavingsPlansPurchaseRecommendationSummary;

  it("is shaped like Cost Explorer's GetSavingsPlansPurchaseRecommendation, keyed like the AWS connector's", () => {
    expect(insight.kind).toBe('aws.sp-recommendation');
    expect(insight.key).toBe('COMPUTE_SP/ONE_YEAR/NO_UPFRONT/THIRTY_DAYS');
    expect((insight.payload as { request: unknown }).request).toEqual(DEMO_SP_REQUEST);
    expect(ZGetSavingsPlansPurchaseRecommendationResponse.safeParse((insight.payload as { response: unknown }).response).success).toBe(true);
    // Cost Explorer's numbers are strings
    for (const v of Object.values(summary)) expect(typeof v).toBe('string');
    expect(insight.periodEnd!.getTime() - insight.periodStart!.getTime()).toBe(30 * 86_400_000);
    expect(demoInsightFetchedAt(NOW).getTime()).toBeLessThan(NOW.getTime());
  });

  it('has believable, consistent numbers: a commitment under the average on-demand spend, well used, saving money', () => {
    const d = rec.SavingsPlansPurchaseRecommendationDetails[0];
    const hourly = Number(summary.HourlyCommitmentToPurchase);
    expect(hourly).toBeGreaterThan(0);
    expect(hourly).toBeLessThan(Number(d.CurrentAverageHourlyOnDemandSpend));
    expect(Number(d.CurrentMinimumHourlyOnDemandSpend)).toBeLessThanOrEqual(Number(d.CurrentAverageHourlyOnDemandSpend));
    // used well above break-even (1 − d = 72% for the 28% discount), not always (the night hours dip under it)
    expect(Number(d.EstimatedAverageUtilization)).toBeGreaterThan(80);
    expect(Number(d.EstimatedAverageUtilization)).toBeLessThanOrEqual(100);
    expect(Number(summary.EstimatedSavingsAmount)).toBeGreaterThan(0);
    expect(Number(summary.DailyCommitmentToPurchase)).toBeCloseTo(hourly * 24, 2);
    expect(Number(summary.EstimatedTotalCost)).toBeLessThan(Number(summary.CurrentOnDemandSpend));
  });

  it('reads back through the engine as a level of on-demand spend covered, with its 30-day lookback', () => {
    const usage: TUsageTypeCost[] = [{ provider: 'AWS', service: 'Amazon Elastic Compute Cloud', day: '2026-11-20', region: 'eu-west-3', resourceId: null, skuId: null, chargeCategory: 'Usage', committed: false, pricingCategory: null, pricingUnit: 'Hours', resourceType: 'Instance', description: 'On Demand Linux m6i.xlarge Instance Hour', quantity: 24, listCost: 5, effectiveCost: 5 }];
    const instrument = INSTRUMENTS['aws-compute-savings-plan'];
    const selection = selectRows(instrument, usage)!;
    const row = { connectionId: 'c', kind: insight.kind, key: insight.key, periodStart: null, periodEnd: null, fetchedAt: NOW.toISOString(), payload: insight.payload };
    const level = providerRecommendation(instrument, selection, [row], 0.28, 1)!;
    expect(level.lookbackDays).toBe(30);
    expect(level.level).toBeCloseTo(Number(summary.HourlyCommitmentToPurchase) / 0.72, 6);
  });

  it('sees the hours behind the daily bill, as Cost Explorer does: the quiet night hours lower the level', () => {
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ instanceType: 'm6i.xlarge', region: 'eu-west-3' });
    const spread = demoAwsInsights(data.costs, NOW)[0];
    const detailOf = (i: typeof insight) => (i.payload as { response: { SavingsPlansPurchaseRecommendation: { SavingsPlansPurchaseRecommendationDetails: TSummary[] } } }).response.SavingsPlansPurchaseRecommendation.SavingsPlansPurchaseRecommendationDetails[0];
    const hourly = detailOf(insight);
    const daily = detailOf(spread);
    // the same spend over the 30 days, spread differently: the hours reach lower and higher than the days' averages
    expect(Number(hourly.CurrentAverageHourlyOnDemandSpend)).toBeCloseTo(Number(daily.CurrentAverageHourlyOnDemandSpend), 2);
    expect(Number(hourly.CurrentMinimumHourlyOnDemandSpend)).toBeLessThan(Number(daily.CurrentMinimumHourlyOnDemandSpend));
    expect(Number(hourly.CurrentMaximumHourlyOnDemandSpend)).toBeGreaterThan(Number(daily.CurrentMaximumHourlyOnDemandSpend));
    expect(Number(hourly.HourlyCommitmentToPurchase)).toBeLessThan(Number(daily.HourlyCommitmentToPurchase));
  });

  it('is deterministic, and absent without a month of on-demand compute', () => {
    expect(demoAwsInsights(data.costs, NOW)).toEqual(demoAwsInsights(data.costs, NOW));
    expect(demoAwsInsights([], NOW)).toEqual([]);
  });
});
