import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conformalBounds, mad, median, quantile } from './stats';

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
});
