// Recurring charges follow the calendar, not the weekday trend: a fee seen on a day of the month is expected
// on the same day of the following months (the forecast and the anomaly baseline both use this).
import { parseIsoDay } from '@/lib/dates';

function lastDayOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The day whose recurring charge `target` repeats, `monthsBack` months earlier: the same day of the month, or
 * null when that month has no such day (the 31st looking back at April), so the caller looks further back.
 * Month ends are not mapped onto each other: a fee on the 28th of February would otherwise count twice in
 * March (on the 28th and the 31st); charges on the 1st, the common case, are exact.
 */
export function sourceDay(target: string, monthsBack: number): string | null {
  const d = parseIsoDay(target);
  const dom = d.getUTCDate();
  const src = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1));
  if (dom > lastDayOfMonth(src.getUTCFullYear(), src.getUTCMonth())) return null;
  src.setUTCDate(dom);
  return src.toISOString().slice(0, 10);
}

/** The day, strictly before `before`, whose recurring charge `target` repeats (up to a year back). */
export function recurringSourceDay(target: string, before: string): string | null {
  for (let back = 1; back <= 12; back++) {
    const src = sourceDay(target, back);
    if (src !== null && src < before) return src;
  }
  return null;
}
