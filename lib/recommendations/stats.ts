// Small statistics over sample series shared by the rules: windows, percentiles, trends, completeness.
import { DAY_MS } from '../dates';
import type { TLookback, TPoint } from './types';

export const HOUR_MS = 3_600_000;

/** Points with `from <= t < to`. */
export function inWindow(points: readonly TPoint[], from: number, to: number): TPoint[] {
  return points.filter((p) => p.t >= from && p.t < to && Number.isFinite(p.v));
}

/** Days in an average month (a year's twelfth). */
export const DAYS_PER_MONTH = 365 / 12;
const MONTH_MS = DAYS_PER_MONTH * DAY_MS;

/** The period one point stands for, an hour to a day: the median spacing of the points (an hour for a lone point). */
export function samplePeriod(points: readonly TPoint[]): number {
  const ts = points.map((p) => p.t).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) if (ts[i] > ts[i - 1]) gaps.push(ts[i] - ts[i - 1]);
  return gaps.length === 0 ? HOUR_MS : Math.min(DAY_MS, Math.max(HOUR_MS, percentile(gaps, 0.5)));
}

/**
 * A month of per-period totals (GB served, requests): each point is the total of its period, an hour (a CDN's
 * hourly samples) or a day (Cloudflare's daily analytics), which the median spacing of the points tells; the mean
 * period with data times the periods of a month, whatever the gaps. A lone point counts as an hour.
 */
export function monthlyFromTotals(points: readonly TPoint[]): number {
  if (points.length === 0) return 0;
  const period = samplePeriod(points);
  let s = 0;
  for (const p of points) s += p.v;
  return (s / points.length) * (MONTH_MS / period);
}

/** Nearest-rank percentile (p in [0, 1]) of the values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Distinct sample slots present over the expected ones in [from, to), 0..1. */
export function completeness(points: readonly TPoint[], from: number, to: number, stepMs: number): number {
  const expected = Math.max(1, Math.round((to - from) / stepMs));
  const slots = new Set<number>();
  for (const p of points) if (p.t >= from && p.t < to) slots.add(Math.floor((p.t - from) / stepMs));
  return Math.min(1, slots.size / expected);
}

export function lookbackOf(points: readonly TPoint[], now: Date, days: number, stepMs = HOUR_MS): TLookback {
  const to = now.getTime();
  const from = to - days * DAY_MS;
  return { days, from: new Date(from).toISOString(), to: new Date(to).toISOString(), completeness: round(completeness(points, from, to, stepMs), 4) };
}

/** Least-squares line through the points: value per day and the fitted value at `at`. */
export function linearTrend(points: readonly TPoint[], at: number): { perDay: number; valueAt: number } | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => (p.t - at) / DAY_MS);
  const mx = mean(xs);
  const my = mean(points.map((p) => p.v));
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < points.length; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (points[i].v - my);
  }
  if (sxx === 0) return null;
  const perDay = sxy / sxx;
  return { perDay, valueAt: my - perDay * mx };
}

/** Rounded to `digits` decimals; never -0 (it would print as 0 yet compare apart in tests and JSON). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}
