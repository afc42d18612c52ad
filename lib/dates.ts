// UTC calendar helpers: days and months as half-open [start, end) periods, days as 'YYYY-MM-DD'.
// Pure (no node: imports), so connectors, ingestion, queries and the demo share one definition.
import { z } from 'zod';

export const DAY_MS = 86_400_000;

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

// The first instant of d's month, or of the month `addMonths` months away from it.
export function startOfUtcMonth(d: Date, addMonths = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1));
}

export function addUtcDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

// Same day of month, clamped to the target month's last day (31 January + 1 month → 28/29 February).
export function addUtcMonths(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      first.getUTCFullYear(),
      first.getUTCMonth(),
      Math.min(d.getUTCDate(), lastDay),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const ISO_DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

// 'YYYY-MM-DD' naming a day that exists ('2026-02-30' does not).
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDay(d) === value;
}

export const ZDay = z
  .string()
  .regex(ISO_DAY_RE, 'must be a date as YYYY-MM-DD')
  .refine(isIsoDay, 'is not a real calendar date')
  .refine((v) => v >= '1900-01-01' && v <= '9999-12-31', 'must be between 1900-01-01 and 9999-12-31');

// The start of a 'YYYY-MM-DD' day (a longer ISO timestamp counts by its day).
export function parseIsoDay(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
}

export function addIsoDays(day: string, n: number): string {
  return isoDay(addUtcDays(parseIsoDay(day), n));
}

// The UTC days that start within [from, to).
export function utcDaysIn(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  let day = startOfUtcDay(from);
  if (day < from) day = addUtcDays(day, 1);
  for (; day < to; day = addUtcDays(day, 1)) days.push(day);
  return days;
}

// The UTC days that [from, to) touches, partial first and last days included.
export function utcDaysOverlapping(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let day = startOfUtcDay(from); day < to; day = addUtcDays(day, 1)) days.push(day);
  return days;
}
