import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIsoDays } from '@/lib/dates';
import { createRng } from '@/lib/demo/prng';
import { forecastSpend, type TSpendPoint } from './forecast-spend';

const WEEKLY = [1.0, 1.1, 1.15, 1.1, 1.05, 0.7, 0.6]; // from a Monday

// A day-indexed series starting on Monday 2026-01-05.
const START = '2026-01-05';
function series(values: number[], frequency: TSpendPoint['frequency'] = 'usage'): TSpendPoint[] {
  return values.map((amount, i) => ({ day: addIsoDays(START, i), amount, frequency }));
}

function seasonalWithTrend(seed: number, days: number, slopePerDay: number, noise: number): number[] {
  const rng = createRng(seed, 'forecast-trend');
  return Array.from({ length: days }, (_, i) => (1000 + slopePerDay * i) * WEEKLY[i % 7] + noise * rng.normal());
}

describe('forecastSpend', () => {
  it('beats seasonal naive in backtest MAPE on a weekly-seasonal series with trend', () => {
    const values = seasonalWithTrend(7, 140, 6, 25);
    const f = forecastSpend({ points: series(values), asOf: addIsoDays(START, 140) });
    expect(f.method).not.toBe('seasonal-naive');
    expect(f.backtest.baselineName).toBe('seasonal-naive');
    expect(f.backtest.mape!).toBeLessThan(f.backtest.baselineMape!);
    // trend: the mean of the next week is above the mean of the last week
    const lastWeek = values.slice(-7).reduce((a, b) => a + b, 0);
    const nextWeek = f.days.slice(0, 7).reduce((a, d) => a + d.mean, 0);
    expect(nextWeek).toBeGreaterThan(lastWeek);
  });

  it('is never worse than seasonal naive on the history it was chosen on (random series)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 14, maxLength: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.record({ index: fc.nat(), amount: fc.double({ min: 0, max: 5000, noNaN: true }), recurring: fc.boolean() }), { maxLength: 6 }),
        (values, horizon, calendar) => {
          const extra = calendar.map((c) => ({
            day: addIsoDays(START, c.index % values.length),
            amount: c.amount,
            frequency: c.recurring ? ('recurring' as const) : ('one-time' as const),
          }));
          const f = forecastSpend({ points: [...series(values), ...extra], asOf: addIsoDays(START, values.length), horizon, maxOrigins: 20, months: 0 });
          const { mape, baselineMape, candidates } = f.backtest;
          if (mape === null || baselineMape === null) return values.length === 14 || f.backtest.points > 0;
          return mape <= baselineMape && candidates.every((c) => c.mape! >= mape);
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  }, 30_000);

  it('uses nothing on or after asOf', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 5, maxLength: 40 }),
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 60 }),
            amount: fc.double({ min: -1000, max: 1e6, noNaN: true }),
            frequency: fc.constantFrom('usage' as const, 'recurring' as const, 'one-time' as const),
          }),
          { maxLength: 10 },
        ),
        (values, later) => {
          const asOf = addIsoDays(START, values.length);
          const before = series(values);
          const after = later.map((p) => ({ day: addIsoDays(asOf, p.offset), amount: p.amount, frequency: p.frequency }));
          const options = { asOf, horizon: 7, maxOrigins: 10, months: 1 };
          expect(forecastSpend({ ...options, points: [...before, ...after] })).toEqual(forecastSpend({ ...options, points: before }));
        },
      ),
      { numRuns: 30, seed: 16 },
    );
  }, 30_000);

  it('gets a plain run rate under 14 days of history and says so', () => {
    const f = forecastSpend({ points: series([100, 120, 80, 100, 110, 90, 100, 100, 100, 100]), asOf: addIsoDays(START, 10) });
    expect(f.method).toBe('run-rate');
    expect(f.note).toMatch(/10 days .*run rate/);
    expect(f.days.every((d) => d.method === 'run-rate' && d.mean === 100)).toBe(true);
    expect(f.backtest.points).toBe(0);
    expect(f.backtest.mape).toBeNull();
  });

  it('keeps a one-time charge out of the run rate and a monthly fee on its day', () => {
    const points: TSpendPoint[] = [
      ...series([100, 120, 80, 100, 110, 90, 100, 100, 100, 100]), // 2026-01-05 .. 2026-01-14
      { day: '2026-01-06', amount: 5000, frequency: 'one-time' },
      { day: '2026-01-07', amount: 300, frequency: 'recurring' },
    ];
    const f = forecastSpend({ points, asOf: '2026-01-15', months: 1 });
    expect(f.method).toBe('run-rate');
    expect(f.days.find((d) => d.day === '2026-01-20')!.mean).toBe(100);
    expect(f.days.find((d) => d.day === '2026-02-07')!.mean).toBe(400);
    expect(f.monthEnd.actual).toBe(1000 + 5000 + 300);
    expect(f.monthEnd.forecast).toBe(17 * 100);
  });

  it('covers about its nominal share on a stationary series (80% ± 8%)', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed, 'stationary');
      const values = Array.from({ length: 126 }, (_, i) => 500 * WEEKLY[i % 7] + 40 * rng.normal());
      const f = forecastSpend({ points: series(values.slice(0, 112)), asOf: addIsoDays(START, 112), months: 1, horizon: 14 });
      for (let h = 0; h < 14; h++) {
        const d = f.days.find((row) => row.day === addIsoDays(START, 112 + h))!;
        total++;
        if (values[112 + h] >= d.lower && values[112 + h] <= d.upper) inside++;
      }
    }
    expect(total).toBe(560);
    expect(inside / total).toBeGreaterThanOrEqual(0.72);
    expect(inside / total).toBeLessThanOrEqual(0.88);
  }, 30_000);

  it('covers about its nominal share on a growing series with multiplicative noise (80% ± 8%)', () => {
    // Spend that triples over the history (a roll-out) with noise proportional to it: errors measured at the
    // early origins, taken in absolute terms, would give today a band far too narrow.
    let inside = 0;
    let total = 0;
    let backtested = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed, 'growing');
      const values = Array.from({ length: 126 }, (_, i) => 200 * Math.exp(0.012 * i) * WEEKLY[i % 7] * (1 + 0.08 * rng.normal()));
      const f = forecastSpend({ points: series(values.slice(0, 112)), asOf: addIsoDays(START, 112), months: 1, horizon: 14 });
      backtested += f.backtest.coverage!;
      for (let h = 0; h < 14; h++) {
        const d = f.days.find((row) => row.day === addIsoDays(START, 112 + h))!;
        total++;
        if (values[112 + h] >= d.lower && values[112 + h] <= d.upper) inside++;
      }
    }
    expect(total).toBe(560);
    expect(inside / total).toBeGreaterThanOrEqual(0.72);
    expect(inside / total).toBeLessThanOrEqual(0.88);
    // and the backtest reports it honestly: its own out-of-sample coverage near nominal too
    expect(backtested / 40).toBeGreaterThan(0.72);
    expect(backtested / 40).toBeLessThan(0.88);
  }, 30_000);

  it('follows a change in the size of the errors within weeks: recent origins count more', () => {
    // the same level throughout, quiet (±1%) for 17 weeks then noisy (±10%) for the last 3 known and the 2 forecast
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed, 'noisier');
      const values = Array.from({ length: 154 }, (_, i) => 500 * WEEKLY[i % 7] * (1 + (i < 119 ? 0.01 : 0.1) * rng.normal()));
      const f = forecastSpend({ points: series(values.slice(0, 140)), asOf: addIsoDays(START, 140), months: 1, horizon: 14 });
      for (let h = 0; h < 14; h++) {
        const d = f.days.find((row) => row.day === addIsoDays(START, 140 + h))!;
        total++;
        if (values[140 + h] >= d.lower && values[140 + h] <= d.upper) inside++;
      }
    }
    // 72% here; every origin weighted alike gives 49%: three weeks of the new errors are not yet a full
    // sample, so the band still lags, but a little
    expect(inside / total).toBeGreaterThanOrEqual(0.65);
  }, 30_000);

  it("reports the backtest's own out-of-sample coverage near nominal on a stationary series", () => {
    const rng = createRng(3, 'stationary-bt');
    const values = Array.from({ length: 200 }, (_, i) => 500 * WEEKLY[i % 7] + 40 * rng.normal());
    const f = forecastSpend({ points: series(values), asOf: addIsoDays(START, 200), horizon: 7, maxOrigins: 120, months: 0 });
    expect(f.backtest.coveragePoints).toBeGreaterThan(300);
    expect(f.backtest.coverage!).toBeGreaterThan(0.7);
    expect(f.backtest.coverage!).toBeLessThan(0.9);
  }, 30_000);

  it('widens the band with the interval and rejects an interval outside 50–95', () => {
    const values = seasonalWithTrend(11, 90, 2, 40);
    const at = (interval: number) => forecastSpend({ points: series(values), asOf: addIsoDays(START, 90), interval });
    const narrow = at(50);
    const wide = at(95);
    for (let i = 0; i < 28; i++) {
      expect(wide.days[i].upper - wide.days[i].lower).toBeGreaterThanOrEqual(narrow.days[i].upper - narrow.days[i].lower);
    }
    expect(wide.days[0].upper - wide.days[0].lower).toBeGreaterThan(narrow.days[0].upper - narrow.days[0].lower);
    expect(() => at(49)).toThrow(RangeError);
    expect(() => at(96)).toThrow(RangeError);
  });

  it('forecasts a monthly fee on its day of the month, so the 1st does not distort the daily trend', () => {
    // 100 a day of usage from 2026-01-05 to 2026-04-14, and a 3,000 fee on the 1st of February, March and April
    const usage = series(Array.from({ length: 100 }, () => 100));
    const fees: TSpendPoint[] = ['2026-02-01', '2026-03-01', '2026-04-01'].map((day) => ({ day, amount: 3000, frequency: 'recurring' }));
    const f = forecastSpend({ points: [...usage, ...fees], asOf: '2026-04-15', months: 2 });
    const on = (day: string) => f.days.find((d) => d.day === day)!;
    expect(on('2026-05-01').mean).toBeCloseTo(3100, 6);
    expect(on('2026-06-01').mean).toBeCloseTo(3100, 6);
    for (const day of ['2026-04-15', '2026-04-30', '2026-05-02', '2026-05-08', '2026-06-30']) expect(on(day).mean).toBeCloseTo(100, 6);
    // the same money marked as usage spreads into the daily trend instead (or lands on the wrong days)
    const asUsage = forecastSpend({ points: [...usage, ...fees.map((p) => ({ ...p, frequency: 'usage' as const }))], asOf: '2026-04-15', months: 2 });
    expect(asUsage.days.find((d) => d.day === '2026-05-01')!.mean).toBeLessThan(1000);
  });

  it('does not repeat one-time charges', () => {
    const usage = series(Array.from({ length: 60 }, () => 50));
    const once: TSpendPoint = { day: '2026-02-01', amount: 10_000, frequency: 'one-time' };
    const f = forecastSpend({ points: [...usage, once], asOf: addIsoDays(START, 60), months: 1 });
    expect(f.days.find((d) => d.day === '2026-04-01')!.mean).toBeCloseTo(50, 6);
    expect(f.monthEnd.actual).toBeCloseTo(50 * 5, 6); // 2026-03-01 .. 2026-03-05
  });

  it('sums months from days, and the month end is actual to date plus the rest', () => {
    const values = seasonalWithTrend(5, 75, 3, 30); // through 2026-03-20
    const asOf = addIsoDays(START, 75);
    expect(asOf).toBe('2026-03-21');
    const f = forecastSpend({ points: series(values), asOf, months: 2 });
    expect(f.months.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(f.days[0].day).toBe('2026-03-21');
    expect(f.days.at(-1)!.day).toBe('2026-05-31');
    const actualMarch = values.slice(55).reduce((a, b) => a + b, 0); // 2026-03-01 is index 55
    expect(f.monthEnd.month).toBe('2026-03');
    expect(f.monthEnd.actual).toBeCloseTo(actualMarch, 6);
    for (const m of f.months) {
      const daysSum = f.days.filter((d) => d.day.startsWith(m.month)).reduce((a, d) => a + d.mean, 0);
      expect(m.forecast).toBeCloseTo(daysSum, 6);
      expect(m.mean).toBeCloseTo(m.actual + m.forecast, 6);
      expect(m.lower).toBeLessThanOrEqual(m.mean);
      expect(m.upper).toBeGreaterThanOrEqual(m.mean);
      expect(m.lower).toBeGreaterThanOrEqual(m.actual);
    }
    // a month's band is narrower, relative to its mean, than a single day's
    const april = f.months[1];
    const aprilDay = f.days.find((d) => d.day === '2026-04-15')!;
    expect((april.upper - april.lower) / april.mean).toBeLessThan((aprilDay.upper - aprilDay.lower) / aprilDay.mean);
  });

  it('totals any range of days like a month: a quarter to its end, a past period as its actual', () => {
    const values = seasonalWithTrend(9, 75, 3, 30); // 2026-01-05 .. 2026-03-20
    const f = forecastSpend({
      points: series(values),
      asOf: '2026-03-21',
      months: 0,
      periods: [
        { key: '2026-Q2', startDay: '2026-04-01', endDay: '2026-07-01' },
        { key: '2026-Q1', startDay: '2026-01-01', endDay: '2026-04-01' },
        { key: 'january', startDay: '2026-01-01', endDay: '2026-02-01' },
      ],
    });
    expect(f.days.at(-1)!.day).toBe('2026-06-30'); // the forecast reaches the end of the last period
    expect(f.months.map((m) => m.month)).toEqual(['2026-03']);
    const [q2, q1, january] = f.periods;
    const sumDays = (from: string, to: string) => f.days.filter((d) => d.day >= from && d.day < to).reduce((a, d) => a + d.mean, 0);
    expect(q2).toMatchObject({ key: '2026-Q2', actual: 0 });
    expect(q2.forecast).toBeCloseTo(sumDays('2026-04-01', '2026-07-01'), 6);
    expect(q2.lower).toBeLessThan(q2.mean);
    expect(q2.upper).toBeGreaterThan(q2.mean);
    expect(q1.actual).toBeCloseTo(values.reduce((a, b) => a + b, 0), 6); // all the history is in Q1
    expect(q1.forecast).toBeCloseTo(sumDays('2026-03-21', '2026-04-01'), 6);
    const januaryActual = values.slice(0, 27).reduce((a, b) => a + b, 0); // 2026-01-05 .. 2026-01-31
    expect(january).toMatchObject({ forecast: 0, lower: january.mean, upper: january.mean });
    expect(january.actual).toBeCloseTo(januaryActual, 6);
  });

  it('names a bad point instead of forecasting NaN', () => {
    expect(() => forecastSpend({ points: [{ day: '2026-02-30', amount: 1 }], asOf: '2026-03-01' })).toThrow(/point 0: day/);
    expect(() => forecastSpend({ points: [...series([1, 2]), { day: '2026-01-08', amount: NaN }], asOf: '2026-03-01' })).toThrow(/point 2 \(2026-01-08\)/);
    expect(() => forecastSpend({ points: [], asOf: 'soon' })).toThrow(/asOf/);
  });

  it('lets a series with credits go below zero', () => {
    const rng = createRng(21, 'credits');
    const values = Array.from({ length: 70 }, (_, i) => (i % 7 === 3 ? -400 : 100) + 20 * rng.normal());
    const f = forecastSpend({ points: series(values), asOf: addIsoDays(START, 70), months: 0 });
    const thursday = f.days.find((d) => d.day === addIsoDays(START, 73))!;
    expect(thursday.mean).toBeLessThan(-300);
    expect(thursday.lower).toBeLessThan(thursday.mean);
  });

  it('covers a month-end sum about as often as nominal on stationary series', () => {
    let inside = 0;
    const runs = 40;
    for (let seed = 100; seed < 100 + runs; seed++) {
      const rng = createRng(seed, 'month-end');
      // 2026-01-05 .. 2026-04-30; forecast the rest of April from 2026-04-16
      const values = Array.from({ length: 116 }, (_, i) => 300 * WEEKLY[i % 7] + 30 * rng.normal());
      const asOf = '2026-04-16';
      const f = forecastSpend({ points: series(values.slice(0, 101)), asOf, months: 0 });
      const actualApril = values.slice(86).reduce((a, b) => a + b, 0);
      if (actualApril >= f.monthEnd.lower && actualApril <= f.monthEnd.upper) inside++;
    }
    expect(inside / runs).toBeGreaterThanOrEqual(0.65);
    expect(inside / runs).toBeLessThanOrEqual(0.97);
  }, 30_000);
});
