// The plan of record turned into what the rules read: monthly multipliers on today's usage per resource
// class (a P10/P50/P90 band), calibrated so month 0 starts from the bill, not from the raw model. Pure.
import type { TCapacity, TResourceClass } from '../../planning/types';
import type { TMonthlyProjection } from '../types';

export type TPlanMonth = {
  month: string; // YYYY-MM
  total: { p10: string; p50: string; p90: string };
  classes: Record<string, string>;
  capacity: TCapacity;
};

export type TClassCalibration = {
  resourceClass: TResourceClass;
  /** actual ÷ model over the months both cover (the last up to three before now), else actual run rate ÷ the model's first month. */
  ratio: number;
  /** How the ratio was measured. */
  basis: 'overlap' | 'anchor' | 'none';
  months: string[];
};

const monthKey = (d: Date) => d.toISOString().slice(0, 7);

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return monthKey(d);
}

/**
 * The ratio between what the bill says a class costs and what the plan's model says it costs.
 * `actualByMonth` holds complete past months; `actualMonthly` is the current run rate (last 30 days × 30.44).
 */
export function calibrateClass(months: readonly TPlanMonth[], resourceClass: TResourceClass, now: Date, actualByMonth: ReadonlyMap<string, number>, actualMonthly: number): TClassCalibration {
  const current = monthKey(now);
  const past = months.filter((m) => m.month < current && actualByMonth.has(m.month)).slice(-3);
  const model = past.reduce((s, m) => s + Number(m.classes[resourceClass] ?? 0), 0);
  const actual = past.reduce((s, m) => s + (actualByMonth.get(m.month) ?? 0), 0);
  if (past.length > 0 && model > 0 && actual > 0) return { resourceClass, ratio: actual / model, basis: 'overlap', months: past.map((m) => m.month) };
  const first = months.find((m) => m.month >= current);
  const firstModel = first ? Number(first.classes[resourceClass] ?? 0) : 0;
  if (first && firstModel > 0 && actualMonthly > 0) return { resourceClass, ratio: actualMonthly / firstModel, basis: 'anchor', months: [first.month] };
  return { resourceClass, ratio: 1, basis: 'none', months: [] };
}

/**
 * Multipliers on today's usage of a class, month 0 being the month of `now`: the calibrated model
 * (ratio × model cost) over today's actual monthly cost, with the month's P10/P90 spread of the plan's
 * total. Months before the plan starts keep today's level; null when the class has no cost to scale.
 */
export function classProjection(months: readonly TPlanMonth[], resourceClass: TResourceClass, now: Date, calibration: TClassCalibration, actualMonthly: number, termMonths: number): TMonthlyProjection | null {
  if (!(actualMonthly > 0)) return null;
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const start = monthKey(now);
  const last = months.at(-1);
  const out: { p10: number; p50: number; p90: number }[] = [];
  let seen = false;
  for (let k = 0; k < termMonths; k++) {
    const key = addMonths(start, k);
    const m = byMonth.get(key) ?? (last && key > last.month ? last : undefined);
    if (!m) {
      out.push({ p10: 1, p50: 1, p90: 1 });
      continue;
    }
    const cost = Number(m.classes[resourceClass] ?? 0);
    if (!(cost > 0)) {
      out.push(seen ? out[out.length - 1] : { p10: 1, p50: 1, p90: 1 });
      continue;
    }
    seen = true;
    const p50 = (calibration.ratio * cost) / actualMonthly;
    const t50 = Number(m.total.p50);
    const low = t50 > 0 ? Number(m.total.p10) / t50 : 1;
    const high = t50 > 0 ? Number(m.total.p90) / t50 : 1;
    out.push({ p10: p50 * Math.min(1, low), p50, p90: p50 * Math.max(1, high) });
  }
  return { kind: 'quantiles', months: out };
}

/** Capacity figures per month from now, as multipliers on month 0 (runway at the plan's growth). */
export function capacityMultipliers(months: readonly TPlanMonth[], now: Date, pick: (c: TCapacity) => number, horizonMonths = 12): number[] | undefined {
  const start = monthKey(now);
  const ahead = months.filter((m) => m.month >= start).slice(0, horizonMonths);
  if (ahead.length === 0) return undefined;
  const base = pick(ahead[0].capacity);
  if (!(base > 0)) return undefined;
  return ahead.map((m) => Math.max(0, pick(m.capacity)) / base);
}
