import { describe, expect, it } from 'vitest';
import { dampedTrend, holtWinters, seasonalNaive } from './models';

const WEEK = [10, 12, 14, 12, 10, 4, 3];

describe('candidate models', () => {
  it('seasonal naive repeats the last week', () => {
    const y = [...WEEK, ...WEEK.map((v) => v + 1)];
    expect(seasonalNaive(y, 9)).toEqual([11, 13, 15, 13, 11, 5, 4, 11, 13]);
  });

  it('Holt–Winters reproduces an exact weekly pattern with a linear trend', () => {
    const y = Array.from({ length: 56 }, (_, i) => 100 + 2 * i + WEEK[i % 7]);
    const f = holtWinters(y, 14);
    f.forEach((v, h) => expect(v).toBeCloseTo(100 + 2 * (56 + h) + WEEK[(56 + h) % 7], 6));
  });

  it('the damped trend flattens: its step shrinks with the horizon', () => {
    const y = Array.from({ length: 40 }, (_, i) => 50 + 3 * i + (i % 2 === 0 ? 1 : -1));
    const f = dampedTrend(y, 30);
    expect(f[0]).toBeGreaterThan(y.at(-1)! - 5);
    expect(f[29] - f[28]).toBeLessThanOrEqual(f[1] - f[0] + 1e-9);
  });
});
