// The time windows of the utilisation page and API: whole UTC days, half-open [from, to).
import { DAY_MS, isoDay, parseIsoDay } from '../dates';

export const WINDOW_DAYS = [7, 30, 90] as const;
export type TWindowDays = (typeof WINDOW_DAYS)[number];
export const DEFAULT_WINDOW_DAYS: TWindowDays = 30;

export const STEPS = ['hour', 'day'] as const;
export type TStep = (typeof STEPS)[number];

// Hourly points stay readable (≤ 720 per chart) up to 30 days; beyond, one point a day.
export const HOURLY_MAX_DAYS = 30;

export function spanDays(from: string, to: string): number {
  return Math.round((parseIsoDay(to).getTime() - parseIsoDay(from).getTime()) / DAY_MS);
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
