// Generated hourly usage histories for replaying commitment policies (tests and the bench): a plan
// that grows as a roll-out does, and histories that follow it, stay flat, or fall short of it.
import { mulberry32 } from '../../planning/distributions';
import { curveValue } from '../../planning/timeline';
import { HOUR_MS } from '../stats';
import type { TMonthlyProjection, TPoint } from '../types';
import { MONTH_MS } from './replay';

export type THistoryShape = 'growing' | 'flat' | 'short';

export type THistoryOptions = {
  start: Date;
  months: number;
  /** Usage per hour before the roll-out (on-demand money per hour). */
  base: number;
  /** Planned growth: the level reaches base × growth at the roll-out's end. */
  growth: number;
  rolloutStartMonth: number;
  rolloutMonths: number;
  /** Share of the planned growth a 'short' history reaches. */
  shortShare: number;
  seed: number;
};

export const DEFAULT_HISTORY: Omit<THistoryOptions, 'start'> = {
  months: 24, base: 10, growth: 5, rolloutStartMonth: 4, rolloutMonths: 6, shortShare: 0.4, seed: 14,
};

/** The planned level at a month (fractional) of the history: an s-curve across the roll-out. */
export function plannedLevel(o: Omit<THistoryOptions, 'start'>, month: number, share = 1): number {
  const x = (month - o.rolloutStartMonth) / o.rolloutMonths;
  return o.base * (1 + share * (o.growth - 1) * curveValue('s-curve', x));
}

export function generateHistory(shape: THistoryShape, o: THistoryOptions): TPoint[] {
  const rand = mulberry32(o.seed);
  const share = shape === 'growing' ? 1 : shape === 'short' ? o.shortShare : 0;
  const hours = Math.round((o.months * MONTH_MS) / HOUR_MS);
  const start = o.start.getTime();
  const out: TPoint[] = [];
  for (let h = 0; h < hours; h++) {
    const t = start + h * HOUR_MS;
    const level = plannedLevel(o, (t - start) / MONTH_MS, share);
    // Busy afternoons, quiet nights, and ±5% noise.
    const diurnal = 1 + 0.3 * Math.sin((2 * Math.PI * ((h % 24) - 9)) / 24);
    out.push({ t, v: level * diurnal * (1 + 0.1 * (rand() - 0.5)) });
  }
  return out;
}

/**
 * The plan as it stood at `asOfMonth`: multipliers on that month's level for the next `months`,
 * P50 the planned curve, P10 and P90 half and 1.4× its growth (the spread a plan's Monte Carlo gives).
 */
export function plannedProjection(o: Omit<THistoryOptions, 'start'>, asOfMonth: number, months: number): TMonthlyProjection {
  const now = plannedLevel(o, asOfMonth);
  return {
    kind: 'quantiles',
    months: Array.from({ length: months }, (_, k) => {
      const g = plannedLevel(o, asOfMonth + k + 0.5) / now - 1;
      return { p10: 1 + 0.5 * g, p50: 1 + g, p90: 1 + 1.4 * g };
    }),
  };
}
