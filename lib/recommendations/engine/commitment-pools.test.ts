import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import type { TUsageTypeCost } from '../../queries/get-usage-type-costs';
import { INSTRUMENTS, instrumentTerms } from '../commitments/instruments';
import { buildCommitmentPools, hourlyBaseline, instanceTypeOf, MIN_HOURS_OBSERVED, providerRecommendation, selectRows, type THourlyInstances } from './commitment-pools';

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

describe('hourly baseline from instance counts', () => {
  const DAY = Date.parse('2026-11-01T00:00:00Z');
  const HOUR = 3_600_000;
  /** Node counts of 2026-11-01: `night` nodes from 20:00 to 08:00, `day` nodes from 08:00 to 20:00. */
  const counts = (night: number, day: number, o: Partial<THourlyInstances> = {}, hours = 24): THourlyInstances => ({
    instanceType: 'm6i.xlarge', region: 'eu-west-3',
    points: Array.from({ length: hours }, (_, h) => ({ t: DAY + h * HOUR, v: h >= 8 && h < 20 ? day : night })), ...o,
  });
  const sel = (quantity: number, measure: 'count' | 'spend' = 'count') => {
    const s = selectRows(INSTRUMENTS[measure === 'count' ? 'aws-ec2-reserved-instance' : 'aws-compute-savings-plan'], [row({ quantity, listCost: quantity * 0.224 })])!;
    return s;
  };
  const end = new Date('2026-11-02T00:00:00Z');
  const values = (pts: { v: number }[]) => pts.map((p) => Math.round(p.v * 1e9) / 1e9);

  it('follows the node counts within the day, the flat level the Savings Plan covers taken off', () => {
    // 3 nodes at night, 6 by day: 108 node-hours run, 72 covered by a commitment for 3 nodes, 36 billed on demand
    const { points, hourlyShare } = hourlyBaseline(sel(36), end, [counts(3, 6)]);
    expect(values(points)).toEqual(Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 3 : 0)));
    expect(hourlyShare).toBe(1);
  });

  it('spreads what the bill has and monitoring does not see (instances outside the node groups) evenly', () => {
    const { points } = hourlyBaseline(sel(108 + 24), end, [counts(3, 6)]);
    expect(values(points)).toEqual(Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 7 : 4)));
  });

  it('keeps each day’s total equal to the bill, and prices the hours for a Savings Plan', () => {
    const { points, unitPrice } = hourlyBaseline(sel(50, 'spend'), end, [counts(1, 5)]);
    expect(points.reduce((a, p) => a + p.v, 0)).toBeCloseTo(50 * 0.224, 9);
    expect(points[12].v).toBeGreaterThan(points[2].v);
    expect(unitPrice).toBe(1);
  });

  it('spreads the day evenly when the counts miss too many hours, are of another type or another region', () => {
    const spread = Array.from({ length: 24 }, () => 1.5);
    expect(values(hourlyBaseline(sel(36), end, [counts(3, 6, {}, MIN_HOURS_OBSERVED - 1)]).points)).toEqual(spread);
    expect(values(hourlyBaseline(sel(36), end, [counts(3, 6, { instanceType: 'm7g.xlarge' })]).points)).toEqual(spread);
    expect(values(hourlyBaseline(sel(36), end, [counts(3, 6, { region: 'eu-west-1' })]).points)).toEqual(spread);
    expect(hourlyBaseline(sel(36), end, [counts(3, 6, { region: 'eu-west-1' })]).hourlyShare).toBe(0);
    // monitoring that does not know the region shapes any region's rows of its type
    expect(values(hourlyBaseline(sel(36), end, [counts(3, 6, { region: null })]).points)[12]).toBe(3);
    // a few missed scrapes are filled with the day's mean
    expect(hourlyBaseline(sel(36), end, [counts(3, 6, {}, MIN_HOURS_OBSERVED)]).hourlyShare).toBe(1);
  });

  it('adds the node groups of one type, and reports the shaped share over the lookback only', () => {
    const rows = [row({ quantity: 36, listCost: 36 * 0.224 }), row({ day: '2026-10-01', quantity: 24, listCost: 24 * 0.224 })];
    const s = selectRows(INSTRUMENTS['aws-ec2-reserved-instance'], rows)!;
    const both = hourlyBaseline(s, end, [counts(1, 3), counts(2, 3)]);
    expect(values(both.points.slice(-24))).toEqual(Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 3 : 0)));
    expect(hourlyBaseline(s, end, [counts(1, 3), counts(2, 3)], 7).hourlyShare).toBe(1);
    expect(both.hourlyShare).toBeCloseTo(36 / 60, 9);
  });

  it('lowers the commitment the quantile picks when the usage peaks by day (a flat spread hides the quiet hours)', () => {
    const shaped = hourlyBaseline(sel(36), end, [counts(3, 6)]).points.map((p) => p.v).sort((a, b) => a - b);
    const spread = hourlyBaseline(sel(36), end).points.map((p) => p.v).sort((a, b) => a - b);
    const q = (xs: number[], d: number) => xs[Math.floor(d * (xs.length - 1))];
    expect(q(shaped, 0.28)).toBe(0);
    expect(q(spread, 0.28)).toBe(1.5);
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
