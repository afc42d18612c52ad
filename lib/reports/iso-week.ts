// ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday) as 'YYYY-Www', their days,
// and the last complete week as the organisation's calendar sees it. Pure: time is passed in.
import { z } from 'zod';
import { addIsoDays, DAY_MS, isoDay, parseIsoDay } from '../dates';

export type TIsoWeek = {
  /** '2026-W49' */
  key: string;
  year: number;
  week: number;
  /** Monday, 'YYYY-MM-DD' */
  from: string;
  /** the next Monday (exclusive), as the costs API takes it */
  to: string;
  /** Sunday, inclusive, for display */
  last: string;
};

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

// The ISO week-numbering year and week of a calendar day.
export function isoWeekOf(day: string): { year: number; week: number } {
  const d = parseIsoDay(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS);
  return { year, week: Math.floor((thursday.getTime() - firstMonday.getTime()) / (7 * DAY_MS)) + 1 };
}

function weeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

export function weekKey(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isIsoWeek(value: string): boolean {
  const m = WEEK_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return year >= 1900 && week >= 1 && week <= weeksInYear(year);
}

export const ZIsoWeek = z
  .string()
  .regex(WEEK_RE, 'must be an ISO week as YYYY-Www, such as 2026-W49')
  .refine(isIsoWeek, 'is not a week of that year');

// The week of a 'YYYY-Www' key (validated by the caller: ZIsoWeek).
export function isoWeek(key: string): TIsoWeek {
  const m = WEEK_RE.exec(key);
  if (!m || !isIsoWeek(key)) throw new Error(`not an ISO week: ${key}`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS);
  const from = isoDay(monday);
  return { key: weekKey(year, week), year, week, from, to: addIsoDays(from, 7), last: addIsoDays(from, 6) };
}

export function weekContaining(day: string): TIsoWeek {
  const { year, week } = isoWeekOf(day);
  return isoWeek(weekKey(year, week));
}

export function addWeeks(week: TIsoWeek, n: number): TIsoWeek {
  return weekContaining(addIsoDays(week.from, n * 7));
}

// The calendar day an instant falls on in a zone ('YYYY-MM-DD').
export function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// The last week whose Sunday has ended in the zone: on Monday 00:30 in Paris (Sunday 22:30 or
// 23:30 UTC) it is the week that just ended, though UTC still says Sunday.
export function lastCompleteWeek(now: Date, timeZone: string): TIsoWeek {
  return addWeeks(weekContaining(localDay(now, timeZone)), -1);
}

// The instant a local wall-clock time starts in a zone (the first one when the clocks go back).
export function zonedMidnight(day: string, timeZone: string): Date {
  const guess = parseIsoDay(day).getTime();
  // the zone's offset at the guess, then once more at the corrected instant (a change that day)
  let t = guess;
  for (let i = 0; i < 2; i++) t = guess - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

// The week's [start, end) as instants in the zone: 168 hours, 167 or 169 in a week the clocks change.
export function weekInstants(week: TIsoWeek, timeZone: string): { start: Date; end: Date } {
  return { start: zonedMidnight(week.from, timeZone), end: zonedMidnight(week.to, timeZone) };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
