// A budget's amount for one period: fixed, planned per period, automatic (average of past periods' actual
// spend) or from a scenario (the plan of record's monthly P50 summed over the period). Decimal strings.
import { divideDecimal, numberToDecimal, roundDecimal, sumDecimals, tryNormalizeDecimal } from '@/lib/money/decimal';
import { shiftPeriod, type TPeriod } from './periods';

export type TBudgetAmountSpec =
  | { kind: 'fixed'; amount: string }
  | { kind: 'planned'; amounts: readonly { period: string; amount: string }[] }
  | { kind: 'auto'; periods: number }
  | { kind: 'scenario'; months: readonly { month: string; p50: string | number }[] };

export type TResolvedAmount = {
  /** Null when this period has no amount (no planned entry, no past spend, a plan that does not cover it). */
  amount: string | null;
  kind: TBudgetAmountSpec['kind'];
  /** The periods or months it was computed from. */
  basis: string[];
  /** What was needed and not found. */
  missing: string[];
};

function decimal(value: string | number, what: string): string {
  const d = typeof value === 'number' ? numberToDecimal(value) : tryNormalizeDecimal(value);
  if (d === null) throw new RangeError(`${what} is not a decimal amount: "${String(value)}"`);
  return d;
}

/**
 * `actuals`: the actual spend of past periods by key (the budget's own history), used by `auto`. An automatic
 * amount averages the periods it finds among the last N before this one; the ones without data are listed in
 * `missing` (a budget younger than N periods averages what it has).
 */
export function resolveBudgetAmount(options: {
  spec: TBudgetAmountSpec;
  period: TPeriod;
  timeZone: string;
  actuals?: readonly { period: string; amount: string }[];
}): TResolvedAmount {
  const { spec, period } = options;
  switch (spec.kind) {
    case 'fixed':
      return { amount: decimal(spec.amount, 'amount'), kind: spec.kind, basis: [], missing: [] };
    case 'planned': {
      const entry = spec.amounts.find((a) => a.period === period.key);
      return entry
        ? { amount: decimal(entry.amount, `amount of ${entry.period}`), kind: spec.kind, basis: [period.key], missing: [] }
        : { amount: null, kind: spec.kind, basis: [], missing: [period.key] };
    }
    case 'auto': {
      if (!Number.isInteger(spec.periods) || spec.periods < 1) throw new RangeError('auto.periods must be a whole number ≥ 1');
      const byKey = new Map((options.actuals ?? []).map((a) => [a.period, a.amount]));
      const basis: string[] = [];
      const missing: string[] = [];
      const values: string[] = [];
      for (let back = spec.periods; back >= 1; back--) {
        const key = shiftPeriod(period, -back, options.timeZone).key;
        const amount = byKey.get(key);
        if (amount === undefined) missing.push(key);
        else {
          basis.push(key);
          values.push(decimal(amount, `actual of ${key}`));
        }
      }
      const amount = values.length === 0 ? null : roundDecimal(divideDecimal(sumDecimals(values), String(values.length)), 2);
      return { amount, kind: spec.kind, basis, missing };
    }
    case 'scenario': {
      const byMonth = new Map(spec.months.map((m) => [m.month, m.p50]));
      const missing = period.months.filter((m) => !byMonth.has(m));
      // A plan that covers only part of the period gives no amount rather than a silently short one.
      if (missing.length > 0) return { amount: null, kind: spec.kind, basis: [], missing };
      const amount = sumDecimals(period.months.map((m) => decimal(byMonth.get(m)!, `P50 of ${m}`)));
      return { amount, kind: spec.kind, basis: [...period.months], missing: [] };
    }
    default: {
      const never: never = spec;
      throw new RangeError(`unknown budget amount ${JSON.stringify(never)}`);
    }
  }
}
