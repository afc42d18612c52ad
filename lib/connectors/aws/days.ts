// UTC calendar-day arithmetic for Cost Explorer's YYYY-MM-DD periods (End is exclusive).
const DAY_MS = 86_400_000;

export type TDayRange = { start: string; end: string }; // [start, end)

export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseDay(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
}

export function addDays(day: string, n: number): string {
  return dayKey(new Date(parseDay(day).getTime() + n * DAY_MS));
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function startOfMonth(date: Date, addMonths = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + addMonths, 1));
}

// Days of [from, to) not yet final, grouped into contiguous ranges, never past today (UTC), and not
// older than Cost Explorer keeps (the current month and the 13 before it).
export function daysToFetch(
  window: { from: Date; to: Date },
  finalDays: ReadonlySet<string>,
  now: Date,
): TDayRange[] {
  if (window.to.getTime() <= window.from.getTime()) return [];
  const oldest = startOfMonth(now, -13).getTime();
  const first = Math.max(startOfDay(window.from).getTime(), oldest);
  const end = Math.min(window.to.getTime(), startOfDay(now).getTime() + DAY_MS);
  const ranges: TDayRange[] = [];
  let current: TDayRange | null = null;
  for (let t = first; t < end; t += DAY_MS) {
    const day = dayKey(new Date(t));
    if (finalDays.has(day)) {
      current = null;
      continue;
    }
    if (current && current.end === day) current.end = addDays(day, 1);
    else {
      current = { start: day, end: addDays(day, 1) };
      ranges.push(current);
    }
  }
  return ranges;
}
