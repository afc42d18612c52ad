// Threshold states of a budget's period, and which alerts are new: a threshold alerts once per period.
import { compareDecimal, divideDecimal, multiplyDecimal, numberToDecimal, roundDecimal, tryNormalizeDecimal } from '@/lib/money/decimal';

export type TThreshold = {
  id: string;
  on: 'actual' | 'forecast';
  /** Percent of the budget's amount (80 = 80%), or an absolute amount: exactly one of them. */
  percent?: number;
  amount?: string;
};
export type TThresholdState = TThreshold & {
  /** The amount the threshold stands for this period (null when the budget has no amount). */
  limit: string | null;
  /** The spend it is compared with (null when there is no forecast). */
  value: string | null;
  state: 'ok' | 'alarm';
};

export function validateThreshold(t: TThreshold): void {
  const hasPercent = t.percent !== undefined;
  const hasAmount = t.amount !== undefined;
  if (hasPercent === hasAmount) throw new RangeError(`threshold ${t.id}: give either percent or amount`);
  if (hasPercent && !(Number.isFinite(t.percent) && t.percent! > 0 && t.percent! <= 1000)) {
    throw new RangeError(`threshold ${t.id}: percent must be above 0 and at most 1000`);
  }
  if (hasAmount) {
    const a = tryNormalizeDecimal(t.amount!);
    if (a === null || compareDecimal(a, '0') <= 0) throw new RangeError(`threshold ${t.id}: amount must be a positive decimal`);
  }
}

/** A threshold is in alarm when its spend (actual or forecast) reaches its limit. */
export function evaluateThresholds(options: {
  amount: string | null;
  actual: string;
  forecast: string | null;
  thresholds: readonly TThreshold[];
}): TThresholdState[] {
  return options.thresholds.map((t) => {
    validateThreshold(t);
    const limit =
      t.amount !== undefined
        ? tryNormalizeDecimal(t.amount)
        : options.amount === null
          ? null
          : roundDecimal(multiplyDecimal(options.amount, divideDecimal(numberToDecimal(t.percent!), '100')), 2);
    const value = t.on === 'actual' ? options.actual : options.forecast;
    const state = limit !== null && value !== null && compareDecimal(value, limit) >= 0 ? 'alarm' : 'ok';
    return { ...t, limit, value, state };
  });
}

/** The budget's state: in alarm when any threshold is. */
export function budgetState(states: readonly TThresholdState[]): 'ok' | 'alarm' {
  return states.some((s) => s.state === 'alarm') ? 'alarm' : 'ok';
}

/** Spend as a percent of the amount, for progress bars (null without an amount or a value). */
export function percentOf(value: string | null, amount: string | null): number | null {
  if (value === null || amount === null || compareDecimal(amount, '0') === 0) return null;
  return Number(divideDecimal(multiplyDecimal(value, '100'), amount, 4));
}

/**
 * The thresholds that newly alarm in this period: in alarm now and not already alerted for the same period.
 * A threshold that goes back to ok and crosses again in the same period does not alert twice; a new period
 * starts afresh.
 */
export function newlyCrossed(options: {
  periodKey: string;
  states: readonly TThresholdState[];
  alerted: readonly { thresholdId: string; periodKey: string }[];
}): TThresholdState[] {
  const done = new Set(options.alerted.filter((a) => a.periodKey === options.periodKey).map((a) => a.thresholdId));
  return options.states.filter((s) => s.state === 'alarm' && !done.has(s.id));
}
