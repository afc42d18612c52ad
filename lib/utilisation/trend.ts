// A least-squares slope through a metric's daily means, and when the metric reaches capacity at that
// pace. Pure: the points carry their own times, nothing reads the clock.
import { DAY_MS } from '../dates';

export type TTrendPoint = { t: number; v: number }; // t in ms since the epoch

export type TLinearTrend = {
  slopePerDay: number;
  at: number; // the last point's time
  level: number; // the line's value at `at`
  // slope / its standard error; Infinity for points exactly on a line, NaN for two points
  tStat: number;
};

export function linearTrend(points: readonly TTrendPoint[]): TLinearTrend | null {
  const usable = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
  if (usable.length < 2) return null;
  // centred on the first point and in days, so large epoch values do not cost precision
  const t0 = usable[0].t;
  const xs = usable.map((p) => (p.t - t0) / DAY_MS);
  const n = usable.length;
  const meanX = xs.reduce((a, x) => a + x, 0) / n;
  const meanY = usable.reduce((a, p) => a + p.v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (usable[i].v - meanY);
  }
  if (sxx === 0) return null;
  const slopePerDay = sxy / sxx;
  let residuals = 0;
  for (let i = 0; i < n; i++) residuals += (usable[i].v - (meanY + slopePerDay * (xs[i] - meanX))) ** 2;
  const standardError = n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) : NaN;
  // residuals of points exactly on a line are rounding noise: call that an exact fit
  const exact = residuals <= 1e-20 * usable.reduce((a, p) => a + p.v * p.v, 0);
  const tStat = n <= 2 ? NaN : exact ? (slopePerDay === 0 ? 0 : Math.sign(slopePerDay) * Infinity) : slopePerDay / standardError;
  const lastX = Math.max(...xs);
  return { slopePerDay, at: t0 + lastX * DAY_MS, level: meanY + slopePerDay * (lastX - meanX), tStat };
}

// One point per UTC day, the mean of that day's points: the trend then follows days, not the
// daily cycle of traffic.
export function dailyMeans(points: readonly TTrendPoint[]): TTrendPoint[] {
  const days = new Map<number, { sum: number; n: number }>();
  for (const p of points) {
    const day = Math.floor(p.t / DAY_MS) * DAY_MS;
    const d = days.get(day) ?? { sum: 0, n: 0 };
    d.sum += p.v;
    d.n += 1;
    days.set(day, d);
  }
  return [...days.entries()].sort((a, b) => a[0] - b[0]).map(([t, d]) => ({ t, v: d.sum / d.n }));
}

export type TFullEstimate = {
  // insufficient-data: fewer than minPoints or less than minSpanDays of history;
  // no-trend: the slope is within noise (|t| below minTStat); not-growing: flat or falling;
  // growing: rising towards capacity; full: the latest point is at capacity
  status: 'insufficient-data' | 'no-trend' | 'not-growing' | 'growing' | 'full';
  slopePerDay: number | null;
  daysToFull: number | null;
  fullAt: string | null; // ISO time the metric reaches capacity at the fitted pace
};

export function estimateFull(input: {
  points: readonly TTrendPoint[];
  capacity: number;
  minPoints?: number;
  minSpanDays?: number;
  minTStat?: number;
}): TFullEstimate {
  const none = (status: TFullEstimate['status'], slopePerDay: number | null = null): TFullEstimate => ({
    status,
    slopePerDay,
    daysToFull: null,
    fullAt: null,
  });
  const minPoints = input.minPoints ?? 3;
  const minSpanDays = input.minSpanDays ?? 2;
  const minTStat = input.minTStat ?? 2;
  if (!(input.capacity > 0) || input.points.length < minPoints) return none('insufficient-data');
  const times = input.points.map((p) => p.t);
  if ((Math.max(...times) - Math.min(...times)) / DAY_MS < minSpanDays) return none('insufficient-data');
  const trend = linearTrend(input.points);
  if (!trend) return none('insufficient-data');
  // Runway starts from where the metric is, not where the line is: a line through an S-shaped
  // ramp (a data migration) overshoots at its end and would call a cluster with room left full.
  const latest = input.points.reduce((a, p) => (p.t > a.t ? p : a));
  if (latest.v >= input.capacity) {
    return { status: 'full', slopePerDay: trend.slopePerDay, daysToFull: 0, fullAt: new Date(latest.t).toISOString() };
  }
  if (trend.slopePerDay === 0) return none('not-growing', 0);
  if (!(Math.abs(trend.tStat) >= minTStat)) return none('no-trend', trend.slopePerDay);
  if (!(trend.slopePerDay > 0)) return none('not-growing', trend.slopePerDay);
  const daysToFull = (input.capacity - latest.v) / trend.slopePerDay;
  return {
    status: 'growing',
    slopePerDay: trend.slopePerDay,
    daysToFull,
    fullAt: Number.isFinite(daysToFull) && daysToFull < 100_000 ? new Date(latest.t + daysToFull * DAY_MS).toISOString() : null,
  };
}
