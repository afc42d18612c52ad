// The plan's monthly multipliers on today's usage as paths over the term (comonotone scenarios).
import type { TMonthlyProjection } from '../types';

/** Quantile levels of the paths that stand for a P10/P50/P90 projection (midpoints of 20 equal slices). */
export const PATH_LEVELS = Array.from({ length: 20 }, (_, i) => (i + 0.5) / 20);

/**
 * The multiplier at quantile u of a month given its P10/P50/P90: linear between them, extended
 * with the nearest slope beyond, never below zero. A scenario that lags stays lagging, so one u
 * describes a whole path (the plan's Monte Carlo draws its drivers the same way).
 */
export function multiplierAt(m: { p10: number; p50: number; p90: number }, u: number): number {
  const lowSlope = (m.p50 - m.p10) / 0.4;
  const highSlope = (m.p90 - m.p50) / 0.4;
  const v = u <= 0.5 ? m.p50 - (0.5 - u) * lowSlope : m.p50 + (u - 0.5) * highSlope;
  return v > 0 ? v : 0;
}

function fit(path: readonly number[], months: number): number[] {
  if (path.length === 0) throw new Error('a projection path needs at least one month');
  // Beyond the plan's horizon the plan's last month holds.
  return Array.from({ length: months }, (_, k) => path[Math.min(k, path.length - 1)]);
}

export type TPaths = {
  /** Equally likely paths that make up the distribution. */
  paths: number[][];
  /** The P10, P50 and P90 scenarios, when the projection names them; else null (take percentiles over `paths`). */
  reference: { p10: number[]; p50: number[]; p90: number[] } | null;
};

export function projectionPaths(projection: TMonthlyProjection, months: number): TPaths {
  if (projection.kind === 'paths') {
    if (projection.paths.length === 0) throw new Error('a projection needs at least one path');
    return { paths: projection.paths.map((p) => fit(p, months)), reference: null };
  }
  const at = (u: number) => fit(projection.months.map((m) => multiplierAt(m, u)), months);
  return { paths: PATH_LEVELS.map(at), reference: { p10: at(0.1), p50: at(0.5), p90: at(0.9) } };
}
