import { describe, expect, it } from 'vitest';
import { NOW, daily, ref } from '../testing/series';
import type { TCapacityFacts, TRecommendation, TRuleOutcome } from '../types';
import { capacityRunwayRule, daysToFullAtPlan } from './runway';

const capacity = (over: Partial<TCapacityFacts> = {}): TCapacityFacts => ({
  resource: ref('atlas-cluster', 'routes', 'mongodb-atlas'), metric: 'storage', unit: 'GB', capacity: 500,
  usage: daily(30, (i) => 300 + 2 * (i - 29)), ...over,
});
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (c: TCapacityFacts) => capacityRunwayRule.evaluate({ capacities: [c] }, NOW);

describe('daysToFullAtPlan', () => {
  it('interpolates between the plan’s months', () => {
    // Doubling over the first month: 100 → 200 against a capacity of 150 is half a month.
    expect(daysToFullAtPlan(100, 150, [1, 2])).toBeCloseTo(365 / 24, 6);
    expect(daysToFullAtPlan(100, 150, [1, 1.2, 1.4])).toBe(Infinity);
    expect(daysToFullAtPlan(160, 150, [1])).toBe(0);
  });
});

describe('capacity-runway', () => {
  it('acts under 60 days at the trend, not above', () => {
    // 200 GB of room at 2 GB/day: 100 days; at 3.4 GB/day: 58.8.
    expect(recs(run(capacity()))).toEqual([]);
    const [r] = recs(run(capacity({ usage: daily(30, (i) => 300 + 3.4 * (i - 29)) })));
    expect(r.message.params).toMatchObject({ cause: 'trend', threshold: 60 });
    expect(r.message.params.days).toBeCloseTo(58.8, 1);
    expect(r.text).toContain('60-day');
  });

  it('acts on the plan’s growth when the trend looks safe', () => {
    const [r] = recs(run(capacity({ planMultipliers: [1, 1.2, 1.8, 2.5] })));
    expect(r.message.params.cause).toBe('plan');
    // 300 → 360 in month 1, 540 in month 2: 500 reached 7/9 of the way through month 2.
    expect(r.message.params.days).toBeCloseTo((1 + 140 / 180) * (365 / 12), 0);
    expect(r.action.params.needed).toBe(750);
  });

  it('anchors the plan to today’s usage when its month 0 is not 1', () => {
    const [r] = recs(run(capacity({ planMultipliers: [2, 2.4, 3.6, 5] })));
    expect(r.message.params.days).toBeCloseTo((1 + 140 / 180) * (365 / 12), 0);
    expect(r.action.params.needed).toBe(750);
  });

  it('needs usage', () => {
    expect(run(capacity({ usage: [] }))).toEqual([{ resource: capacity().resource, missing: ['usage'] }]);
  });
});
