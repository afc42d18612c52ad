// The time windows of the utilisation page and API: whole UTC days, half-open [from, to).
import { z } from 'zod';

const DAY_MS = 86_400_000;

export const WINDOW_DAYS = [7, 30, 90] as const;
export type TWindowDays = (typeof WINDOW_DAYS)[number];
export const DEFAULT_WINDOW_DAYS: TWindowDays = 30;

export const STEPS = ['hour', 'day'] as const;
export type TStep = (typeof STEPS)[number];

// Hourly points stay readable (≤ 720 per chart) up to 30 days; beyond, one point a day.
export const HOURLY_MAX_DAYS = 30;

export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'is not a real calendar date');

export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function spanDays(from: string, to: string): number {
  return Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS);
}

export function autoStep(from: string, to: string): TStep {
  return spanDays(from, to) <= HOURLY_MAX_DAYS ? 'hour' : 'day';
}

// The last `days` whole UTC days up to and including today.
export function windowForDays(days: number, now: Date): { from: string; to: string; step: TStep } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * DAY_MS);
  return { from: isoDay(from), to: isoDay(to), step: autoStep(isoDay(from), isoDay(to)) };
}

// A page's ?days= parameter: one of the offered windows, the default otherwise.
export function parseWindowDays(param: string | string[] | undefined): TWindowDays {
  const value = Number(Array.isArray(param) ? param[0] : param);
  return (WINDOW_DAYS as readonly number[]).includes(value) ? (value as TWindowDays) : DEFAULT_WINDOW_DAYS;
}
