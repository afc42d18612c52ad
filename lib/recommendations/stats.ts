// Small statistics over sample series shared by the rules: windows, percentiles, trends, completeness.
import { DAY_MS } from '../dates';
import type { TLookback, TPoint } from './types';

export const HOUR_MS = 3_600_000;

/** Points with `from <= t < to`. */
export function inWindow(points: readonly TPoint[], from: number, to: number): TPoint[] {
  return points.filter((p) => p.t >= from && p.t < to && Number.isFinite(p.v));
}

/** Nearest-rank percentile (p in [0, 1]) of the values; NaN for none. */
/** A month of hourly totals (GB served, requests): the mean hour with data times the hours of a month, whatever the gaps. */
export function monthlyFromHours(points: readonly TPoint[]): number {
  if (points.length === 0) return 0;
  let s = 0;
  for (const p of points) s += p.v;
  return (s / points.length) * (365 / 12) * 24;
}

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
