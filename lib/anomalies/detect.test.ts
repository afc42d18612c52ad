import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIsoDays } from '@/lib/dates';
import { createRng } from '@/lib/demo/prng';
import { detectAnomalies, type TAnomalyPoint } from './detect';

const START = '2026-01-05'; // a Monday
const WEEKLY = [1.0, 1.1, 1.15, 1.1, 1.05, 0.7, 0.6];
const day = (i: number) => addIsoDays(START, i);

function weekly(seed: number, days: number, base = 1000, noise = 0.03): number[] {
  const rng = createRng(seed, 'anomaly-series');
  return Array.from({ length: days }, (_, i) => base * WEEKLY[i % 7] * (1 + noise * rng.normal()));
}
const points = (values: number[]): TAnomalyPoint[] => values.map((amount, i) => ({ day: day(i), amount }));

describe('detectAnomalies', () => {
  it('raises nothing on a steady weekly pattern', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const d = detectAnomalies({ points: points(weekly(seed, 150)) });
      expect(d.anomalies).toEqual([]);
      expect(d.judgedFrom).toBe(day(14));
      expect(d.judged).toHaveLength(150 - 14);
    }
  });

  it('finds a planted spike with its start and end', () => {
    const values = weekly(2, 120);
    for (let i = 70; i <= 72; i++) values[i] *= 2;
    const { anomalies } = detectAnomalies({ points: points(values) });
    expect(anomalies).toHaveLength(1);
    const [a] = anomalies;
    expect(a).toMatchObject({ startDay: day(70), endDay: day(72), direction: 'increase', days: 3, provisional: false, ongoing: false });
    // read only to the spike's second day, it is the same anomaly, still going on
    const partial = detectAnomalies({ points: points(values), to: day(71) }).anomalies;
    expect(partial).toEqual([expect.objectContaining({ startDay: day(70), endDay: day(71), ongoing: true })]);
    const planted = values.slice(70, 73).reduce((s, v) => s + v / 2, 0);
    expect(a.impact).toBeGreaterThan(planted * 0.85);
    expect(a.impact).toBeLessThan(planted * 1.15);
    expect(a.impactPercent!).toBeGreaterThan(85);
    expect(a.impactPercent!).toBeLessThan(115);
    expect(a.score).toBeGreaterThanOrEqual(3.5);
  });

  it('finds a spike of six days whole, and nothing after it ends', () => {
    const values = weekly(16, 120);
    for (let i = 60; i <= 65; i++) values[i] *= 1.7;
    const { anomalies } = detectAnomalies({ points: points(values) });
    expect(anomalies.map((a) => [a.startDay, a.endDay, a.direction])).toEqual([[day(60), day(65), 'increase']]);
  });

  it('finds a planted drop with its start and end', () => {
    const values = weekly(3, 120);
    for (let i = 80; i <= 83; i++) values[i] *= 0.3;
    const { anomalies } = detectAnomalies({ points: points(values) });
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ startDay: day(80), endDay: day(83), direction: 'decrease', days: 4 });
    expect(anomalies[0].impact).toBeLessThan(0);
    expect(anomalies[0].impactPercent!).toBeCloseTo(-70, -1);
  });

  it('reports a level shift as one anomaly over its first days, then takes the new level as normal', () => {
    for (const factor of [1.6, 0.4]) {
      const values = weekly(4, 150).map((v, i) => (i >= 60 ? v * factor : v));
      const { anomalies, judged } = detectAnomalies({ points: points(values) });
      expect(anomalies).toHaveLength(1);
      expect(anomalies[0].startDay).toBe(day(60));
      expect(anomalies[0].direction).toBe(factor > 1 ? 'increase' : 'decrease');
      expect(anomalies[0].days).toBeGreaterThanOrEqual(5);
      expect(anomalies[0].days).toBeLessThanOrEqual(8);
      // a month later the expected value is the new level
      const late = judged.find((j) => j.day === day(100))!;
      expect(late.expected / (1000 * WEEKLY[100 % 7] * factor)).toBeCloseTo(1, 1);
    }
  });

  it('takes a new weekly pattern as normal after a few weeks', () => {
    const values = weekly(14, 161).map((v, i) => (i >= 63 && i % 7 === 0 ? v * 2.5 : v)); // Mondays from day 63
    const { anomalies } = detectAnomalies({ points: points(values) });
    expect(anomalies.length).toBeGreaterThanOrEqual(1);
    expect(anomalies.length).toBeLessThanOrEqual(5);
    expect(anomalies.every((a) => a.days === 1 && a.direction === 'increase' && a.startDay >= day(63))).toBe(true);
    expect(anomalies.at(-1)!.startDay < day(63 + 7 * 6)).toBe(true);
  });

  it('needs both the statistics and the money: 20% and 20 a day by default, both editable', () => {
    // a small series: +40% on one day is 20 in money only on the busiest days, here under 20
    const small = weekly(5, 60, 40, 0.01);
    small[40] *= 1.4; // about +16
    expect(detectAnomalies({ points: points(small) }).anomalies).toEqual([]);
    expect(detectAnomalies({ points: points(small), minAmount: 10 }).anomalies.map((a) => a.startDay)).toEqual([day(40)]);
    // a big, quiet series: +5% is thousands and many σ, but under 20%
    const big = weekly(6, 60, 100_000, 0.002);
    big[45] *= 1.05;
    expect(detectAnomalies({ points: points(big) }).anomalies).toEqual([]);
    expect(detectAnomalies({ points: points(big), minPercent: 2 }).anomalies.map((a) => a.startDay)).toEqual([day(45)]);
    // and a large money deviation that is ordinary noise for a very noisy series is not raised
    const noisy = weekly(7, 90, 1000, 0.3);
    expect(detectAnomalies({ points: points(noisy) }).anomalies.filter((a) => a.score < 3.5)).toEqual([]);
  });

  it('judges nothing before 14 days of history, whatever `from` asks', () => {
    const values = weekly(8, 40);
    values[10] *= 3;
    const d = detectAnomalies({ points: points(values), from: day(0) });
    expect(d.judgedFrom).toBe(day(14));
    expect(d.anomalies).toEqual([]);
    expect(detectAnomalies({ points: points(values.slice(0, 14)) }).judgedFrom).toBeNull();
  });

  it('does not judge ignored days (false positives) nor let them widen the spread', () => {
    const values = weekly(9, 120);
    for (let i = 50; i <= 51; i++) values[i] *= 2.5;
    values[90] *= 1.6;
    const plain = detectAnomalies({ points: points(values) });
    expect(plain.anomalies.map((a) => a.startDay)).toEqual([day(50), day(90)]);
    const ignored = detectAnomalies({ points: points(values), ignoreDays: [day(50), day(51)] });
    expect(ignored.anomalies.map((a) => a.startDay)).toEqual([day(90)]);
    expect(ignored.judged.some((j) => j.day === day(50) || j.day === day(51))).toBe(false);
    const score = (d: typeof plain) => d.judged.find((j) => j.day === day(90))!.score;
    expect(score(ignored)).toBeGreaterThan(score(plain));
  });

  it('is provisional when a day of it is estimated', () => {
    const values = weekly(10, 80);
    values[60] *= 2;
    values[61] *= 2;
    const pts = points(values).map((p) => (p.day === day(61) ? { ...p, estimated: true } : p));
    const [a] = detectAnomalies({ points: pts }).anomalies;
    expect(a).toMatchObject({ startDay: day(60), endDay: day(61), provisional: true });
  });

  it('is idempotent: same input, same output; a backfill finds the same anomalies; order does not matter', () => {
    const values = weekly(11, 140);
    for (let i = 40; i <= 41; i++) values[i] *= 2;
    for (let i = 100; i <= 102; i++) values[i] *= 0.2;
    const pts = points(values);
    const full = detectAnomalies({ points: pts });
    expect(detectAnomalies({ points: pts })).toEqual(full);
    expect(detectAnomalies({ points: [...pts].reverse() })).toEqual(full);
    const backfill = detectAnomalies({ points: pts, from: day(60) });
    expect(backfill.anomalies).toEqual(full.anomalies.filter((a) => a.startDay >= day(60)));
    expect(full.anomalies).toHaveLength(2);
  });

  it('uses nothing after `to`', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (later) => {
        const values = weekly(12, 60);
        values[50] *= 3;
        const to = day(59);
        const extra = later.map((amount, i) => ({ day: day(60 + i), amount }));
        expect(detectAnomalies({ points: [...points(values), ...extra], to })).toEqual(detectAnomalies({ points: points(values) }));
      }),
      { numRuns: 20, seed: 5 },
    );
  });

  it('works on a series with zero days (weekends off), where the weekday profile is additive', () => {
    const values = weekly(13, 100).map((v, i) => (i % 7 >= 5 ? 0 : v));
    expect(detectAnomalies({ points: points(values) }).anomalies).toEqual([]);
    values[61] += 1500; // a Saturday with spend
    values[71] = 0; // a Tuesday without
    const found = detectAnomalies({ points: points(values) }).anomalies;
    expect(found.map((a) => [a.startDay, a.endDay, a.direction])).toEqual([
      [day(61), day(61), 'increase'],
      [day(71), day(71), 'decrease'],
    ]);
    expect(found[0].impactPercent).toBeNull(); // nothing was expected on a Saturday
  });

  it('finds the same anomalies in any currency unit (scale the series and the money threshold together)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.5, max: 1000, noNaN: true }), fc.integer({ min: 20, max: 110 }), (seed, k, at) => {
        const values = weekly(seed, 120);
        values[at] *= 1.8;
        const base = detectAnomalies({ points: points(values) }).anomalies;
        const scaled = detectAnomalies({ points: points(values.map((v) => v * k)), minAmount: 20 * k }).anomalies;
        expect(scaled.map((a) => [a.startDay, a.endDay, a.direction])).toEqual(base.map((a) => [a.startDay, a.endDay, a.direction]));
        expect(base.some((a) => a.startDay === day(at))).toBe(true);
      }),
      { numRuns: 25, seed: 8 },
    );
  });

  it('expects a monthly fee on its day of the month and leaves one-time purchases out', () => {
    const usage = points(weekly(15, 150)); // 2026-01-05 .. 2026-06-03
    const fees: TAnomalyPoint[] = ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'].map((d) => ({
      day: d,
      amount: 2500,
      frequency: 'recurring',
    }));
    const purchase: TAnomalyPoint = { day: '2026-04-20', amount: 30_000, frequency: 'one-time' };
    expect(detectAnomalies({ points: [...usage, ...fees, purchase] }).anomalies).toEqual([]);
    // the same fee as usage is a spike every month
    const asUsage = detectAnomalies({ points: [...usage, ...fees.map((f) => ({ ...f, frequency: 'usage' as const }))] }).anomalies;
    expect(asUsage.map((a) => a.startDay)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    // a fee that changes is worth a look, once
    const raised = fees.map((f) => (f.day >= '2026-05-01' ? { ...f, amount: 4000 } : f));
    const found = detectAnomalies({ points: [...usage, ...raised] }).anomalies;
    expect(found.map((a) => [a.startDay, a.direction])).toEqual([['2026-05-01', 'increase']]);
    expect(found[0].impact).toBeCloseTo(1500, -2);
  });

  it('names a bad point', () => {
    expect(() => detectAnomalies({ points: [{ day: '2026-01-01', amount: Infinity }] })).toThrow(/point 0 \(2026-01-01\)/);
    expect(() => detectAnomalies({ points: [{ day: '1/1/2026', amount: 1 }] })).toThrow(/point 0: day/);
  });

  it('rejects impossible settings', () => {
    expect(() => detectAnomalies({ points: [], threshold: 0 })).toThrow(RangeError);
    expect(() => detectAnomalies({ points: [], minAmount: -1 })).toThrow(RangeError);
  });
});
