// Which days a Cost Explorer sync asks for, as its YYYY-MM-DD periods (End is exclusive).
import { addIsoDays, DAY_MS, isoDay, startOfUtcDay, startOfUtcMonth } from '../../dates';

export type TDayRange = { start: string; end: string }; // [start, end)

// Days of [from, to) not yet final, grouped into contiguous ranges, never past today (UTC), and not
// older than Cost Explorer keeps (the current month and the 13 before it).
export function daysToFetch(
  window: { from: Date; to: Date },
  finalDays: ReadonlySet<string>,
  now: Date,
): TDayRange[] {
  if (window.to.getTime() <= window.from.getTime()) return [];
  const oldest = startOfUtcMonth(now, -13).getTime();
  const first = Math.max(startOfUtcDay(window.from).getTime(), oldest);
  const end = Math.min(window.to.getTime(), startOfUtcDay(now).getTime() + DAY_MS);
  const ranges: TDayRange[] = [];
  let current: TDayRange | null = null;
  for (let t = first; t < end; t += DAY_MS) {
    const day = isoDay(new Date(t));
    if (finalDays.has(day)) {
      current = null;
      continue;
    }
    if (current && current.end === day) current.end = addIsoDays(day, 1);
    else {
      current = { start: day, end: addIsoDays(day, 1) };
      ranges.push(current);
    }
  }
  return ranges;
}
