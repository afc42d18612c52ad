import { describe, expect, it } from 'vitest';
import { dailyMeans, estimateFull, linearTrend } from './trend';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);

describe('linearTrend', () => {
  it('recovers the line through exact points, in units per day', () => {
    const points = Array.from({ length: 48 }, (_, i) => ({ t: T0 + i * 3_600_000, v: 100 + 2.4 * (i / 24) }));
    const trend = linearTrend(points)!;
    expect(trend.slopePerDay).toBeCloseTo(2.4, 10);
    expect(trend.at).toBe(T0 + 47 * 3_600_000);
    expect(trend.level).toBeCloseTo(100 + 2.4 * (47 / 24), 9);
  });

  it('matches the least-squares slope worked by hand', () => {
    // x = 0, 1, 2, 3 days; y = 1, 3, 2, 6: mean x 1.5, mean y 3, Sxy = 3 + 0 − 0.5 + 4.5 = 7,
    // Sxx = 5 → slope 1.4, and the line at day 3 is 3 + 1.4 × 1.5 = 5.1
    const trend = linearTrend([1, 3, 2, 6].map((v, i) => ({ t: T0 + i * DAY, v })))!;
    expect(trend.slopePerDay).toBeCloseTo(1.4, 12);
    expect(trend.level).toBeCloseTo(5.1, 12);
    // residuals 0.1, 0.7, −1.7, 0.9: SSR 4.2, standard error √(4.2 / 2 / 5), t = 1.4 / √0.42
    expect(trend.tStat).toBeCloseTo(1.4 / Math.sqrt(0.42), 12);
  });

  it('is undefined for fewer than two points or a single instant', () => {
    expect(linearTrend([{ t: T0, v: 1 }])).toBeNull();
    expect(linearTrend([{ t: T0, v: 1 }, { t: T0, v: 2 }])).toBeNull();
  });
});

describe('estimateFull', () => {
  const daily = (values: number[]) => values.map((v, i) => ({ t: T0 + i * DAY, v }));

  it('says when a growing line reaches capacity', () => {
    // 5 → 6 GB over 10 days: 0.1 GB a day, 6 now, 8 GB capacity → 20 days
    const est = estimateFull({ points: daily(Array.from({ length: 11 }, (_, i) => 5 + 0.1 * i)), capacity: 8 });
    expect(est.status).toBe('growing');
    expect(est.slopePerDay).toBeCloseTo(0.1, 12);
    expect(est.daysToFull).toBeCloseTo(20, 9);
    expect(est.fullAt).toBe(new Date(T0 + 30 * DAY).toISOString());
  });

  it('is not growing for a flat or falling line', () => {
    expect(estimateFull({ points: daily([5, 5, 5, 5]), capacity: 8 })).toMatchObject({ status: 'not-growing', daysToFull: null });
    expect(estimateFull({ points: daily([6, 5, 4, 3]), capacity: 8 })).toMatchObject({ status: 'not-growing', slopePerDay: -1 });
  });

  it('is full when the latest point is at capacity', () => {
    expect(estimateFull({ points: daily([7, 7.5, 8, 8.5]), capacity: 8 })).toMatchObject({ status: 'full', daysToFull: 0 });
  });

  it('counts from the latest point, not from a line that overshoots it', () => {
    // an S-shaped ramp: slope Sxy / Sxx = 16.5 / 5 = 3.3, so the line ends at 5.25 + 3.3 × 1.5 = 10.2,
    // above capacity, while the metric is at 9.5 with 0.5 to go
    const est = estimateFull({ points: daily([1, 1.5, 9, 9.5]), capacity: 10 });
    expect(est.status).toBe('growing');
    expect(est.slopePerDay).toBeCloseTo(3.3, 12);
    expect(est.daysToFull).toBeCloseTo(0.5 / 3.3, 12);
    expect(est.fullAt).toBe(new Date(T0 + 3 * DAY + (0.5 / 3.3) * DAY).toISOString());
  });

  it('sees no trend in a slope that is within the noise', () => {
    // t = 2.16 for these points: a trend at the default |t| ≥ 2, none when asking for 3
    const points = daily([1, 3, 2, 6]);
    expect(estimateFull({ points, capacity: 8 }).status).toBe('growing');
    expect(estimateFull({ points, capacity: 8, minTStat: 3 })).toMatchObject({ status: 'no-trend', daysToFull: null });
    const zigzag = daily([5, 7, 5, 7, 5, 7.2]);
    expect(estimateFull({ points: zigzag, capacity: 100 }).status).toBe('no-trend');
  });

  it('refuses to guess from too little history', () => {
    expect(estimateFull({ points: daily([1, 2]), capacity: 8 }).status).toBe('insufficient-data');
    const sixHours = Array.from({ length: 6 }, (_, i) => ({ t: T0 + i * 3_600_000, v: i }));
    expect(estimateFull({ points: sixHours, capacity: 8 }).status).toBe('insufficient-data');
    expect(estimateFull({ points: daily([1, 2, 3]).slice(0, 2).concat({ t: T0 + 1.5 * DAY, v: 2 }), capacity: 8 }).status).toBe(
      'insufficient-data',
    );
    expect(estimateFull({ points: daily([1, 2, 3]), capacity: 0 }).status).toBe('insufficient-data');
  });
});

describe('dailyMeans', () => {
  it('averages the points of each UTC day, in day order', () => {
    const h = 3_600_000;
    const points = [
      { t: T0 + DAY + 5 * h, v: 10 },
      { t: T0 + 23 * h, v: 4 },
      { t: T0, v: 2 },
      { t: T0 + DAY, v: 20 },
      { t: T0 + DAY + 23 * h + 59 * 60_000, v: 30 },
    ];
    expect(dailyMeans(points)).toEqual([
      { t: T0, v: 3 },
      { t: T0 + DAY, v: 20 },
    ]);
  });
});
