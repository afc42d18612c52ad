// Which of a resource's metrics the list shows: the most urgent one, the one that runs out first.
import { TREND_HORIZON_DAYS } from './describe';
import type { TFullEstimate } from './trend';

export type TUrgencyCandidate = {
  metric: string;
  fill: number | null; // P95 / capacity; null for metrics without a capacity (they cannot run out)
  trend: TFullEstimate | null;
};

/**
 * Days until a metric reaches its capacity: 0 when its P95 is already at or over it (or its latest
 * value is), the trend's estimate when it grows towards it within the horizon the page trusts a
 * straight line for, null when it does not run out in view (flat, falling, noisy, too little data).
 */
export function runwayDays(m: TUrgencyCandidate): number | null {
  if (m.fill === null) return null;
  if (m.fill >= 1 || m.trend?.status === 'full') return 0;
  if (m.trend?.status !== 'growing' || m.trend.daysToFull === null) return null;
  return m.trend.daysToFull <= TREND_HORIZON_DAYS ? Math.max(0, m.trend.daysToFull) : null;
}

/**
 * The shortest runway first; metrics that do not run out in view come after every one that does,
 * the fullest first (a flat metric at 90 % is the next thing to watch); ties by name, so the
 * choice is stable. Metrics without a capacity are never chosen.
 */
export function mostUrgentMetric<T extends TUrgencyCandidate>(metrics: readonly T[]): (T & { runwayDays: number | null }) | null {
  const bounded = metrics.filter((m) => m.fill !== null).map((m) => ({ ...m, runwayDays: runwayDays(m) }));
  return bounded.sort(compareUrgency)[0] ?? null;
}

/** The order of mostUrgentMetric, for lists (a resource's page puts its metrics in this order). */
export function compareUrgency(a: { metric: string; fill: number | null; runwayDays: number | null }, b: { metric: string; fill: number | null; runwayDays: number | null }): number {
  return (a.runwayDays ?? Infinity) - (b.runwayDays ?? Infinity) || (b.fill ?? -1) - (a.fill ?? -1) || a.metric.localeCompare(b.metric);
}
