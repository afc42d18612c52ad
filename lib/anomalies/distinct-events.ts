// One event seen by several monitors (the total, its provider, region, service, account) over the same days
// with about the same impact is one thing to look at: it is listed once, through its narrowest scope (the
// smallest expected amount), which is where to look. Pure; used by the overview and the weekly report.
export type TEventLike = { startDay: string; endDay: string; expected: string | number; impact: string | number };

/** Impacts within this share of each other, over the same days, are the same event. */
export const SAME_EVENT_SHARE = 0.1;

export function distinctEvents<T extends TEventLike>(anomalies: readonly T[]): T[] {
  const narrowestFirst = [...anomalies].sort((a, b) => Number(a.expected) - Number(b.expected));
  const kept: T[] = [];
  for (const a of narrowestFirst) {
    const impact = Number(a.impact);
    const same = kept.some((k) => k.startDay === a.startDay && k.endDay === a.endDay && Math.abs(Number(k.impact) - impact) <= SAME_EVENT_SHARE * Math.abs(impact));
    if (!same) kept.push(a);
  }
  return kept;
}
