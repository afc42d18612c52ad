// Series builders for the rules' tests.
import { HOUR_MS } from '../stats';
import { DAY_MS } from '../../dates';
import type { TPoint, TResourceRef } from '../types';

export const NOW = new Date('2026-06-01T00:00:00Z');

/** Hourly points over the `days` before `now`, value by hour index. */
export function hourly(days: number, value: (i: number) => number, now = NOW): TPoint[] {
  const n = days * 24;
  return Array.from({ length: n }, (_, i) => ({ t: now.getTime() - (n - i) * HOUR_MS, v: value(i) }));
}

/** Daily points over the `days` before `now`. */
export function daily(days: number, value: (i: number) => number, now = NOW): TPoint[] {
  return Array.from({ length: days }, (_, i) => ({ t: now.getTime() - (days - i) * DAY_MS, v: value(i) }));
}

/** Values whose nearest-rank P95 is `p95` (95% of hours at or under it, the rest `peak`). */
export function withP95(p95: number, base: number, peak = p95): (i: number) => number {
  return (i) => (i % 100 < 90 ? base : i % 100 < 95 ? p95 : peak);
}

export function ref(type: string, id: string, provider = 'aws', region: string | null = 'eu-west-3'): TResourceRef {
  return { provider, type, id, name: id, region };
}
