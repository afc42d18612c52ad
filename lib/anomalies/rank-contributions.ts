// Which children (the next dimension down) made an anomaly: each child's own impact over the anomaly's days.
import { computeBaseline, type TAnomalyPoint } from './baseline';
import type { TDirection } from './detect';

export type TChildSeries = { key: string; label?: string; points: readonly TAnomalyPoint[] };
export type TContribution = {
  key: string;
  label: string;
  expected: number;
  actual: number;
  /** actual − expected over the anomaly's days, in money. */
  impact: number;
  /**
   * impact / the anomaly's impact. Robust baselines are not additive (a median of sums is not the sum of the
   * medians), so the shares of all children need not add up to exactly 1.
   */
  share: number | null;
};

/**
 * Ranks children by their impact in the anomaly's direction (the largest increase first for an increase, the
 * largest drop first for a decrease); a child's expected value comes from the same baseline as the parent's,
 * computed on the child's own history up to the anomaly's last day.
 */
export function rankContributions(options: {
  anomaly: { startDay: string; endDay: string; direction: TDirection; impact: number };
  children: readonly TChildSeries[];
}): TContribution[] {
  const { anomaly } = options;
  const rows = options.children.map((child): TContribution => {
    let expected = 0;
    let actual = 0;
    // A zero on the last day makes a child whose rows stop early count as silent (zero spend) to the end:
    // its absence is what a drop is made of.
    const points = [...child.points, { day: anomaly.endDay, amount: 0 }];
    for (const b of computeBaseline(points, { to: anomaly.endDay })) {
      if (b.day < anomaly.startDay) continue;
      actual += b.actual;
      // a child that is new (under 14 days of history) was expected at zero
      expected += b.expected ?? 0;
    }
    const impact = actual - expected;
    return {
      key: child.key,
      label: child.label ?? child.key,
      expected,
      actual,
      impact,
      share: anomaly.impact === 0 ? null : impact / anomaly.impact,
    };
  });
  const sign = anomaly.direction === 'increase' ? -1 : 1;
  return rows.sort((a, b) => sign * (a.impact - b.impact) || a.key.localeCompare(b.key));
}
