import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../stats';
import type { TCommitmentTerm, TMonthlyProjection, TPoint } from '../types';
import { planCommitment, readableLadder, type TCommitmentPlanInput } from './plan-commitment';

const AS_OF = new Date('2026-03-01T00:00:00Z');
const hours = (n: number, value: (i: number) => number, end = AS_OF.getTime()): TPoint[] =>
  Array.from({ length: n }, (_, i) => ({ t: end - (n - i) * HOUR_MS, v: value(i) }));
const flat = (months: number): TMonthlyProjection => ({ kind: 'quantiles', months: Array.from({ length: months }, () => ({ p10: 1, p50: 1, p90: 1 })) });
const NO_UPFRONT: TCommitmentTerm = { termMonths: 12, payment: 'no-upfront', discount: 0.28, upfrontShare: 0 };

function input(over: Partial<TCommitmentPlanInput> = {}): TCommitmentPlanInput {
  return {
    baseline: hours(30 * 24, () => 10), asOf: AS_OF, lookbackDays: 30, projection: flat(12), term: NO_UPFRONT,
    measure: 'spend', unitPrice: 1, currency: 'USD', ...over,
  };
}

describe('planCommitment', () => {
  it('commits all of a constant usage on a flat plan, in one tranche', () => {
    const plan = planCommitment(input());
    expect(plan.optimal.level).toBe(10);
    expect(plan.conservative.level).toBe(10);
    expect(plan.ladder.tranches).toHaveLength(1);
    expect(plan.ladder.tranches[0]).toMatchObject({ month: 0, amount: 10 });
    expect(plan.optimal.commitmentPerHour).toBe('7.2000');
    expect(plan.optimal.commitmentPerMonth).toBe('5256.00');
    // d × level × 730 h saved every month, fully used and covering everything.
    expect(plan.optimal.expectedMonthlySavings).toBe('2044.00');
    expect(plan.optimal.termSavings).toBe('24528.00');
    expect(plan.optimal.monthlySavings).toEqual({ p10: '2044.00', p50: '2044.00', p90: '2044.00' });
    expect(plan.optimal.projectedUtilisation).toBe(1);
    expect(plan.optimal.projectedCoverage).toBe(1);
    expect(plan.optimal.utilisationToBreakEven).toBe(0.72);
    expect(plan.lookback.completeness).toBe(1);
  });

  it('commits the d-quantile of a uniform usage', () => {
    const plan = planCommitment(input({ baseline: hours(30 * 24, (i) => 20 + (100 * ((i * 7919) % 720 + 0.5)) / 720) }));
    expect(plan.optimal.level).toBeCloseTo(20 + 0.28 * 100, 0);
    // The conservative level is used in 90% of hours: the 10% quantile.
    expect(plan.conservative.level).toBeCloseTo(30, 0);
    expect(plan.optimal.projectedUtilisation).toBeGreaterThan(0.72);
  });

  it('breaks even after upfront ÷ monthly cash savings', () => {
    const all = planCommitment(input({ term: { termMonths: 12, payment: 'all-upfront', discount: 0.3, upfrontShare: 1 } }));
    // Upfront (1 − d)·c·730·12 repaid by c·730 of on-demand avoided each month: (1 − d)·12 months.
    expect(all.optimal.breakEvenMonths).toBeCloseTo(8.4, 2);
    expect(all.optimal.upfront).toBe('61320.00');
    expect(all.optimal.recurringMonthly).toBe('0.00');
    const partial = planCommitment(input({ term: { termMonths: 36, payment: 'partial-upfront', discount: 0.5, upfrontShare: 0.5 } , projection: flat(36) }));
    // Upfront 0.5·0.5·c·730·36, recurring 0.25·c·730, avoided c·730: 9c·730 / 0.75c·730 = 12 months.
    expect(partial.optimal.breakEvenMonths).toBeCloseTo(12, 2);
    expect(Number(partial.optimal.upfront) / (10 * 730 - Number(partial.optimal.recurringMonthly))).toBeCloseTo(12, 6);
    expect(planCommitment(input()).optimal.breakEvenMonths).toBe(0);
  });

  it('stress-tests a shortfall of 20% and 40%', () => {
    const plan = planCommitment(input());
    // min(0.8·10, 10) − 0.72·10 = 0.8/h; min(0.6·10, 10) − 7.2 = −1.2/h.
    expect(plan.optimal.savingsIfUsageFalls).toEqual({ by20: '584.00', by40: '-876.00' });
  });

  it('lays a growing plan out in tranches, each with its own break-even', () => {
    const steps = [1, 1, 1, 1, 3, 3, 3, 3, 6, 6, 6, 6];
    const projection: TMonthlyProjection = { kind: 'quantiles', months: steps.map((m) => ({ p10: m, p50: m, p90: m })) };
    const plan = planCommitment(input({ projection, term: { termMonths: 12, payment: 'all-upfront', discount: 0.3, upfrontShare: 1 } }));
    expect(plan.ladder.tranches.map((t) => [t.month, t.amount])).toEqual([[0, 10], [4, 20], [8, 30]]);
    // Each tranche is fully used from its month: (1 − d)·12 months to repay.
    for (const t of plan.ladder.tranches) expect(t.breakEvenMonths).toBeCloseTo(8.4, 2);
    expect(plan.ladder.breakEvenMonths).toBeCloseTo(16.4, 2);
    // The best single purchase now: a third of the term's hours use only 10, more than d = 0.3 of them,
    // so it stays at 10 and leaves the growth on demand; the ladder buys it as it comes.
    expect(plan.ladder.level).toBe(10);
    expect(plan.optimal.level).toBe(10);
    expect(Number(plan.ladder.termSavings)).toBeGreaterThan(Number(plan.optimal.termSavings));
    expect(plan.ladder.projectedUtilisation).toBe(1);
  });

  it('spreads the savings over the plan’s P10/P50/P90', () => {
    const projection: TMonthlyProjection = { kind: 'quantiles', months: Array.from({ length: 12 }, (_, k) => ({ p10: 1 + 0.05 * k, p50: 1 + 0.1 * k, p90: 1 + 0.2 * k })) };
    const plan = planCommitment(input({ projection, baseline: hours(30 * 24, (i) => 8 + 4 * Math.sin((i / 24) * 2 * Math.PI)) }));
    const s = plan.ladder.monthlySavings;
    expect(Number(s.p10)).toBeLessThan(Number(s.p50));
    expect(Number(s.p50)).toBeLessThan(Number(s.p90));
    expect(plan.ladder.tranches.length).toBeGreaterThan(1);
    for (let k = 1; k < plan.ladder.levels.length; k++) expect(plan.ladder.levels[k]).toBeGreaterThanOrEqual(plan.ladder.levels[k - 1]);
  });

  it('takes P10/P50/P90 over sample paths, and holds a short projection’s last month', () => {
    const paths = [[1], [1.5], [2], [2.5], [3]];
    const plan = planCommitment(input({ projection: { kind: 'paths', paths } }));
    // Hours at 10, 15, 20, 25, 30 a fifth each: 28% > 20%, so the d-quantile is 15, in every month alike.
    expect(plan.optimal.level).toBe(15);
    expect(plan.ladder.tranches).toHaveLength(1);
    // Per path: min(U, 15) − 0.72 × 15 per hour; the lowest path loses, the others save 4.2/h.
    expect(plan.optimal.monthlySavings).toEqual({ p10: '-584.00', p50: '3066.00', p90: '3066.00' });
    expect(plan.optimal.expectedMonthlySavings).toBe(((4 * 4.2 - 0.8) / 5 * 730).toFixed(2));
  });

  it('counts instances in whole units', () => {
    const plan = planCommitment(input({ measure: 'count', unitPrice: 0.112, baseline: hours(30 * 24, (i) => 3 + (i % 24 >= 8 ? 2 : 0)) }));
    expect(Number.isInteger(plan.optimal.level)).toBe(true);
    expect(plan.optimal.level).toBe(3);
    expect(plan.optimal.commitmentPerHour).toBe(String((0.72 * 3 * 0.112).toFixed(4)));
  });

  it('uses nothing at or after asOf (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 24, maxLength: 24 * 40 }),
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (before, after) => {
          const history = hours(before.length, (i) => before[i]);
          const future = after.map((v, i) => ({ t: AS_OF.getTime() + i * HOUR_MS, v }));
          const a = planCommitment(input({ baseline: history }));
          const b = planCommitment(input({ baseline: [...history, ...future] }));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reports how complete its lookback was', () => {
    const plan = planCommitment(input({ baseline: hours(15 * 24, () => 10) }));
    expect(plan.lookback.completeness).toBe(0.5);
    expect(plan.lookback).toMatchObject({ days: 30, to: AS_OF.toISOString() });
  });

  it('refuses a lookback without data and a discount outside (0, 1)', () => {
    expect(() => planCommitment(input({ baseline: [] }))).toThrow(/no baseline/);
    expect(() => planCommitment(input({ term: { ...NO_UPFRONT, discount: 1 } }))).toThrow(/discount/);
  });
});

describe('planCommitment on random usage and plans (property)', () => {
  const month = fc.tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }))
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
    .map(([p10, p50, p90]) => ({ p10, p50, p90 }));

  it('ranks ladder ≥ best single level ≥ conservative level, and orders P10 ≤ P50 ≤ P90', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 24, maxLength: 24 * 10 }),
        fc.array(month, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.05, max: 0.7, noNaN: true }),
        fc.constantFrom(0, 0.5, 1),
        fc.constantFrom('spend' as const, 'count' as const),
        (usage, months, discount, upfrontShare, measure) => {
          const plan = planCommitment(input({
            baseline: hours(usage.length, (i) => usage[i]), lookbackDays: 10, measure,
            projection: { kind: 'quantiles', months }, term: { termMonths: 12, payment: 'partial-upfront', discount, upfrontShare }, minTrancheShare: 0,
          }));
          const e = (o: { expectedMonthlySavings: string }) => Number(o.expectedMonthlySavings);
          expect(e(plan.ladder)).toBeGreaterThanOrEqual(e(plan.optimal) - 0.011);
          expect(e(plan.optimal)).toBeGreaterThanOrEqual(e(plan.conservative) - 0.011);
          for (const o of [plan.optimal, plan.conservative, plan.ladder]) {
            expect(Number(o.monthlySavings.p10)).toBeLessThanOrEqual(Number(o.monthlySavings.p50) + 0.011);
            expect(Number(o.monthlySavings.p50)).toBeLessThanOrEqual(Number(o.monthlySavings.p90) + 0.011);
            expect(o.projectedUtilisation).toBeLessThanOrEqual(1);
            expect(o.projectedCoverage).toBeLessThanOrEqual(1);
          }
          const levels = plan.ladder.levels;
          for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThanOrEqual(levels[k - 1]);
          const bought = plan.ladder.tranches.reduce((s, t) => s + t.amount, 0);
          expect(bought).toBeCloseTo(levels[levels.length - 1], 4);
          if (measure === 'count') for (const l of levels) expect(Number.isInteger(l)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('readableLadder', () => {
  it('defers small steps to the next one, never buys sooner', () => {
    expect(readableLadder([10, 10.2, 10.4, 14, 14.1], 0.05)).toEqual([10, 10, 10, 14, 14]);
    expect(readableLadder([5, 5, 5], 0.05)).toEqual([5, 5, 5]);
  });
});
