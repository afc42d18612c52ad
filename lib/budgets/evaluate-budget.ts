// A budget's current period in the shape the API returns: amount, actual, forecast, percents, state, thresholds.
import { budgetState, evaluateThresholds, newlyCrossed, percentOf, type TThreshold, type TThresholdState } from './evaluate-thresholds';
import type { TPeriod } from './periods';
import { resolveBudgetAmount, type TBudgetAmountSpec, type TResolvedAmount } from './resolve-amount';

export type TBudgetEvaluation = {
  period: string;
  amount: string | null;
  amountBasis: Pick<TResolvedAmount, 'kind' | 'basis' | 'missing'>;
  actual: string;
  forecast: string | null;
  percentActual: number | null;
  percentForecast: number | null;
  state: 'ok' | 'alarm';
  thresholds: TThresholdState[];
  /** The thresholds to alert on now: in alarm and not yet alerted this period. */
  alerts: TThresholdState[];
};

/**
 * `actual`: spend in the period so far; `forecast`: spend expected by the period's end (actual plus the forecast of
 * the rest, e.g. forecastSpend's `periods` row for this period), null when there is none.
 */
export function evaluateBudget(options: {
  spec: TBudgetAmountSpec;
  thresholds: readonly TThreshold[];
  period: TPeriod;
  timeZone: string;
  actual: string;
  forecast: string | null;
  pastActuals?: readonly { period: string; amount: string }[];
  alerted?: readonly { thresholdId: string; periodKey: string }[];
}): TBudgetEvaluation {
  const resolved = resolveBudgetAmount({
    spec: options.spec,
    period: options.period,
    timeZone: options.timeZone,
    actuals: options.pastActuals,
  });
  const thresholds = evaluateThresholds({
    amount: resolved.amount,
    actual: options.actual,
    forecast: options.forecast,
    thresholds: options.thresholds,
  });
  return {
    period: options.period.key,
    amount: resolved.amount,
    amountBasis: { kind: resolved.kind, basis: resolved.basis, missing: resolved.missing },
    actual: options.actual,
    forecast: options.forecast,
    percentActual: percentOf(options.actual, resolved.amount),
    percentForecast: percentOf(options.forecast, resolved.amount),
    state: budgetState(thresholds),
    thresholds,
    alerts: newlyCrossed({ periodKey: options.period.key, states: thresholds, alerted: options.alerted ?? [] }),
  };
}
