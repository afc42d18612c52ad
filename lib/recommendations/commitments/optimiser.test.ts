import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionOf, expectedMin, expectedSavings, expectedValue, mergeDistributions, optimalLadderLevels, optimalLevel, quantile, scaledMixture } from './optimiser';

const uniform = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * (i + 0.5)) / n);

describe('optimalLevel', () => {
  it('commits all of a constant usage', () => {
    for (const d of [0.1, 0.28, 0.5, 0.72]) expect(optimalLevel(distributionOf(Array(500).fill(7.5)), d)).toBe(7.5);
  });

  it('commits a + d(b − a) of usage uniform on [a, b]: the d-quantile, not the (1 − d)-quantile', () => {
    const dist = distributionOf(uniform(20, 120, 10_000));
    for (const d of [0.2, 0.28, 0.5, 0.8]) expect(optimalLevel(dist, d)).toBeCloseTo(20 + d * 100, 1);
    // With a small discount, committing the rarely reached top wastes more than it saves.
    expect(expectedSavings(dist, 40, 0.2)).toBeGreaterThan(expectedSavings(dist, 100, 0.2));
  });

  it('has the closed-form expected savings on a uniform usage', () => {
    // E[min(U, c)] for U ~ U[a, b]: c − (c − a)² / (2(b − a)); savings then subtract (1 − d)c.
    const dist = distributionOf(uniform(0, 100, 100_000));
    const c = 30;
    expect(expectedMin(dist, c)).toBeCloseTo(c - (c * c) / 200, 2);
    expect(expectedSavings(dist, c, 0.3)).toBeCloseTo(c - (c * c) / 200 - 0.7 * c, 2);
  });

  it('commits at least the level every hour uses, however small the discount', () => {
    const dist = distributionOf([1, 2, 3, 4]);
    expect(quantile(dist, 0.1)).toBe(1);
    expect(expectedSavings(dist, 1, 0.1)).toBeCloseTo(0.1, 12);
    expect(expectedSavings(dist, 2, 0.1)).toBeLessThan(expectedSavings(dist, 1, 0.1));
    expect(quantile(dist, 0)).toBe(0);
  });

  it('picks whole units by their expected savings', () => {
    const dist = distributionOf([0, 0, 1, 3, 3, 3, 3, 3, 3, 3]);
    const level = optimalLevel(dist, 0.28, true);
    expect(Number.isInteger(level)).toBe(true);
    for (const other of [0, 1, 2, 3, 4]) expect(expectedSavings(dist, level, 0.28)).toBeGreaterThanOrEqual(expectedSavings(dist, other, 0.28) - 1e-12);
  });

  it('is never beaten by another level (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1200, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (samples, d, others) => {
          const dist = distributionOf(samples);
          const best = expectedSavings(dist, optimalLevel(dist, d), d);
          for (const c of [...others, ...samples]) expect(best).toBeGreaterThanOrEqual(expectedSavings(dist, c, d) - 1e-9 * (1 + Math.abs(best)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scaled mixtures', () => {
  it('give the same quantiles and expectations as their samples written out (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (base, scalesA, scalesB, p, c) => {
          const baseDist = distributionOf(base);
          const mix = mergeDistributions(scaledMixture(baseDist, scalesA), scaledMixture(baseDist, scalesB));
          const written = distributionOf([...scalesA, ...scalesB].flatMap((s) => base.map((b) => Math.max(b, 0) * s)));
          expect(quantile(mix, p)).toBeCloseTo(quantile(written, p), 9);
          expect(expectedMin(mix, c)).toBeCloseTo(expectedMin(written, c), 9);
          expect(expectedValue(mix)).toBeCloseTo(expectedValue(written), 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('optimalLadderLevels', () => {
  const month = (level: number) => distributionOf(uniform(level * 0.8, level * 1.2, 200));
  const total = (months: ReturnType<typeof month>[], levels: number[], d: number) =>
    months.reduce((s, m, k) => s + expectedSavings(m, levels[k], d), 0);

  it('gives one level for a flat projection', () => {
    const levels = optimalLadderLevels(Array.from({ length: 12 }, () => month(10)), 0.28);
    expect(new Set(levels).size).toBe(1);
    expect(levels[0]).toBeCloseTo(8 + 0.28 * 4, 1);
  });

  it('follows each month’s d-quantile while usage grows', () => {
    const months = [10, 10, 20, 20, 40, 40].map(month);
    const levels = optimalLadderLevels(months, 0.5);
    levels.forEach((l, k) => expect(l).toBe(optimalLevel(months[k], 0.5)));
    expect(new Set(levels).size).toBe(3);
  });

  it('pools months where usage dips: a commitment cannot shrink', () => {
    const months = [10, 40, 10].map(month);
    const levels = optimalLadderLevels(months, 0.5);
    expect(levels[0]).toBeLessThanOrEqual(levels[1]);
    expect(levels[1]).toBe(levels[2]);
  });

  it('beats any other non-decreasing schedule (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (monthLevels, d, increments) => {
          const months = monthLevels.map(month);
          const best = total(months, optimalLadderLevels(months, d), d);
          let acc = 0;
          const other = months.map((_, k) => (acc += increments[k]));
          expect(best).toBeGreaterThanOrEqual(total(months, other, d) - 1e-9 * (1 + Math.abs(best)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
