import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import type { TUsageTypeCost } from '../../queries/get-usage-type-costs';
import { INSTRUMENTS, instrumentTerms } from '../commitments/instruments';
import { buildCommitmentPools, hourlyBaseline, instanceTypeOf, providerRecommendation, selectRows } from './commitment-pools';

const row = (o: Partial<TUsageTypeCost>): TUsageTypeCost => ({
  day: '2026-11-01', provider: 'AWS', service: 'Amazon Elastic Compute Cloud', region: 'eu-west-3', resourceId: 'r', resourceType: 'Instance', skuId: 's',
  pricingUnit: 'Hours', pricingCategory: 'Standard', committed: false, chargeCategory: 'Usage', description: '$0.224 per On Demand Linux m6i.xlarge Instance Hour',
  quantity: 48, listCost: 48 * 0.2, effectiveCost: 48 * 0.2, ...o,
});

describe('commitment pools', () => {
  it('reads the instance type from a usage description', () => {
    expect(instanceTypeOf('$0.224 per On Demand Linux m6i.xlarge Instance Hour')).toBe('m6i.xlarge');
    expect(instanceTypeOf('$0.15 per On Demand cache.r7g.large Node Hour')).toBe('cache.r7g.large');
    expect(instanceTypeOf(null)).toBeNull();
  });

  it('takes on-demand instance hours for a Savings Plan, leaving out covered usage, NAT gateways and storage', () => {
    const rows = [row({}), row({ committed: true, pricingCategory: 'Committed' }), row({ description: '$0.048 per NAT Gateway Hour', resourceType: 'NatGateway' }), row({ pricingUnit: 'GB-Mo', resourceType: 'Volume', description: 'gp3' })];
    const sel = selectRows(INSTRUMENTS['aws-compute-savings-plan'], rows)!;
    expect(sel.rows).toHaveLength(1);
    expect(sel.measure).toBe('spend');
  });

  it('sizes a reservation on the instance type with the most hours, and spreads each day over its hours', () => {
    const rows = [row({}), row({ day: '2026-11-02' }), row({ description: 'per On Demand Linux t3.large Instance Hour', quantity: 10, listCost: 1 })];
    const sel = selectRows(INSTRUMENTS['aws-ec2-reserved-instance'], rows)!;
    expect(sel.scope).toBe('m6i.xlarge in eu-west-3');
    const { points, unitPrice } = hourlyBaseline(sel, new Date('2026-11-02T12:00:00Z'));
    expect(points).toHaveLength(36);
    expect(points[0].v).toBe(2);
    expect(unitPrice).toBeCloseTo(0.2, 9);
  });

  it('turns AWS’s hourly Savings Plan commitment into the on-demand spend it covers, and counts its reserved instances', () => {
    const sp = { connectionId: 'c', kind: 'aws.sp-recommendation', key: 'k', periodStart: null, periodEnd: null, fetchedAt: '', payload: { request: { LookbackPeriodInDays: 'SIXTY_DAYS' }, response: { SavingsPlansPurchaseRecommendation: { SavingsPlansPurchaseRecommendationSummary: { HourlyCommitmentToPurchase: '0.72' } } } } };
    const sel = selectRows(INSTRUMENTS['aws-compute-savings-plan'], [row({})])!;
    expect(providerRecommendation(INSTRUMENTS['aws-compute-savings-plan'], sel, [sp], 0.28, 0.9)).toEqual({ level: (0.72 * 0.9) / 0.72, lookbackDays: 60 });
    const ri = { ...sp, kind: 'aws.ri-recommendation', key: 'Amazon Elastic Compute Cloud - Compute/ONE_YEAR', payload: { request: {}, response: { Recommendations: [{ RecommendationDetails: [
      { RecommendedNumberOfInstancesToPurchase: '3', InstanceDetails: { EC2InstanceDetails: { InstanceType: 'm6i.xlarge' } } },
      { RecommendedNumberOfInstancesToPurchase: '5', InstanceDetails: { EC2InstanceDetails: { InstanceType: 'c7i.large' } } },
    ] }] } } };
    const riSel = selectRows(INSTRUMENTS['aws-ec2-reserved-instance'], [row({})])!;
    expect(providerRecommendation(INSTRUMENTS['aws-ec2-reserved-instance'], riSel, [ri], 0.36, 1)).toEqual({ level: 3, lookbackDays: 30 });
  });

  it('builds one pool per instrument with usage, with its catalogue terms', () => {
    const { pools, contexts } = buildCommitmentPools({
      now: new Date('2026-11-03T00:00:00Z'), currency: 'EUR', lookbackDays: 30, usage: [row({}), row({ provider: 'MongoDB Atlas', service: 'Atlas', description: 'M30', pricingUnit: 'Hours' })],
      catalogue: DEFAULT_PRICE_CATALOGUE, insights: [], usdRate: null, projectionFor: () => ({ kind: 'quantiles', months: [{ p10: 1, p50: 1, p90: 1 }] }),
    });
    expect(pools.map((p) => p.instrument)).toEqual(['aws-compute-savings-plan', 'aws-ec2-reserved-instance', 'atlas-commitment']);
    expect(contexts).toHaveLength(7);
    expect(pools[0].terms!.length).toBe(instrumentTerms(DEFAULT_PRICE_CATALOGUE, INSTRUMENTS['aws-compute-savings-plan']).length);
  });
});

describe('instrumentTerms', () => {
  it('reads every term and payment option with its discount, the planner’s bare item as no upfront', () => {
    const terms = instrumentTerms(DEFAULT_PRICE_CATALOGUE, INSTRUMENTS['aws-compute-savings-plan']);
    expect(terms.map((t) => `${t.term}:${t.payment}`)).toEqual(['1y:no-upfront', '1y:partial-upfront', '1y:all-upfront', '3y:no-upfront', '3y:partial-upfront', '3y:all-upfront']);
    expect(terms[0]).toMatchObject({ discount: 0.28, upfrontShare: 0, estimate: true });
    expect(terms[2]).toMatchObject({ upfrontShare: 1, effectiveDate: '2026-11-02' });
    for (const id of Object.keys(INSTRUMENTS) as (keyof typeof INSTRUMENTS)[]) expect(instrumentTerms(DEFAULT_PRICE_CATALOGUE, INSTRUMENTS[id]).length).toBeGreaterThan(0);
  });
});
