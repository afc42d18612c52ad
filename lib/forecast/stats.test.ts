import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conformalBounds, mad, median, quantile, weightedConformalBounds } from './stats';

describe('robust statistics', () => {
  it('median, MAD and quantiles on known values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1); // median 2, deviations 1 1 0 0 2 4 7
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([0, 10], 0.9)).toBeCloseTo(9, 12);
  });

  it('conformal bounds take the (m+1)-adjusted ranks', () => {
    const errors = Array.from({ length: 19 }, (_, i) => i + 1); // 1..19
    // 80%: ranks ⌊20·0.1⌋ = 2 and ⌈20·0.9⌉ = 18
    expect(conformalBounds(errors, 0.8)).toEqual([2, 18]);
    expect(conformalBounds([5], 0.8)).toEqual([5, 5]);
    expect(conformalBounds([], 0.8)).toEqual([0, 0]);
  });

  it('conformal bounds hold at least the nominal share of the sample they came from', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 9, maxLength: 200 }), fc.integer({ min: 50, max: 95 }), (errors, pct) => {
        const [lo, hi] = conformalBounds(errors, pct / 100);
        const inside = errors.filter((e) => e >= lo && e <= hi).length;
        return lo <= hi && inside / errors.length >= pct / 100 - 1 / errors.length;
      }),
      { seed: 4 },
    );
  });

  it('weighted conformal bounds are the conformal ranks when every weight is 1, and follow the heavier errors', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 50, max: 95 }), (errors, pct) => {
        expect(weightedConformalBounds(errors, errors.map(() => 1), pct / 100)).toEqual(conformalBounds(errors, pct / 100));
      }),
      { seed: 5 },
    );
    // 60 old errors of ±1 at weight 0.01 and 10 recent errors of ±10 at weight 1: the band is the recent one's,
    // where unweighted ranks keep the old one's
    const errors = [...Array.from({ length: 60 }, (_, i) => (i % 2 ? 1 : -1)), ...Array.from({ length: 10 }, (_, i) => (i % 2 ? 10 : -10))];
    const weights = [...Array.from({ length: 60 }, () => 0.01), ...Array.from({ length: 10 }, () => 1)];
    expect(weightedConformalBounds(errors, weights, 0.8)).toEqual([-10, 10]);
    expect(conformalBounds(errors, 0.8)).toEqual([-1, 1]);
    expect(weightedConformalBounds([], [], 0.8)).toEqual([0, 0]);
  });
});
