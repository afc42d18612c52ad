import { describe, expect, it } from 'vitest';
import { mulberry32, percentiles3, rankIndex, triangularQuantile } from './distributions';

describe('distributions', () => {
  it('mulberry32 repeats for a seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xa = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('triangular quantile: ends, mode and a hand-computed point', () => {
    expect(triangularQuantile(10, 20, 40, 0)).toBe(10);
    expect(triangularQuantile(10, 20, 40, 1)).toBe(40);
    // F(mode) = (20 − 10) ÷ (40 − 10) = 1/3
    expect(triangularQuantile(10, 20, 40, 1 / 3)).toBeCloseTo(20, 12);
    // u = 0.5 > 1/3: 40 − sqrt(0.5 × 30 × 20) = 40 − sqrt(300)
    expect(triangularQuantile(10, 20, 40, 0.5)).toBeCloseTo(40 - Math.sqrt(300), 12);
    expect(triangularQuantile(5, 5, 5, 0.7)).toBe(5);
  });

  it('percentiles3 equals nearest rank on a sorted copy', () => {
    const rng = mulberry32(1);
    for (const n of [1, 2, 3, 10, 11, 101, 1000]) {
      const values = Array.from({ length: n }, () => Math.floor(rng() * 20));
      const sorted = [...values].sort((x, y) => x - y);
      const got = percentiles3(Float64Array.from(values));
      expect(got).toEqual([sorted[rankIndex(0.1, n)], sorted[rankIndex(0.5, n)], sorted[rankIndex(0.9, n)]]);
    }
  });

  it('percentiles3 works on a slice', () => {
    const a = Float64Array.from([100, 100, 5, 4, 3, 2, 1, 100]);
    // slice [2, 7) = 5,4,3,2,1 → P10 = 1st smallest, P50 = 3rd, P90 = 5th
    expect(percentiles3(a, 2, 5)).toEqual([1, 3, 5]);
    expect(a[0]).toBe(100);
    expect(a[7]).toBe(100);
  });
});
