// A budget's current period from the data: its amount, the actual spend, the forecast to the period's end with its
// interval, the threshold states, and the day-by-day series the page charts. Read by the API, the page, the CLI
// and the evaluation job alike; the pure parts are lib/budgets' and lib/forecast's.
import type { Budget, BudgetThreshold } from '../generated/prisma/client';
import { addIsoDays } from '../dates';
import { forecastSpend, type TSpendPoint } from '../forecast/forecast-spend';
import { logger } from '../logger';
import { moneyFromNumber } from '../money/decimal';
import { defaultAsOf, HISTORY_DAYS } from '../queries/get-forecast';
import { scenarioMonths } from '../queries/plan-of-record-months';
import { readSpendSeries, type TSpendScope } from '../queries/read-spend-series';
import { evaluateBudget, type TBudgetEvaluation } from './evaluate-budget';
import type { TThreshold } from './evaluate-thresholds';
import { periodContaining, shiftPeriod, type TBudgetPeriod, type TPeriod } from './periods';
import type { TBudgetAmountSpec } from './resolve-amount';

export type TBudgetRow = Budget & { thresholds: BudgetThreshold[] };

export type TBudgetDay = { day: string; actual: number | null; mean: number | null; lower: number | null; upper: number | null };

export type TBudgetStatus = TBudgetEvaluation & {
  startDay: string;
  endDay: string;
  asOf: string;
  forecastLower: string | null;
  forecastUpper: string | null;
  /** Cumulative spend by day over the period: actual before asOf, then the forecast's mean and band. */
  days: TBudgetDay[];
};

export function thresholdsOf(b: TBudgetRow): TThreshold[] {
  return [...b.thresholds]
    .sort((x, y) => x.position - y.position)
    .map((t) => ({
      id: t.id,
      on: t.on as TThreshold['on'],
      ...(t.percent !== null ? { percent: Number(t.percent) } : {}),
      ...(t.amount !== null ? { amount: t.amount.toString() } : {}),
    }));
}

async function amountSpec(b: TBudgetRow, now: Date): Promise<TBudgetAmountSpec> {
  switch (b.amountKind) {
    case 'fixed':
      return { kind: 'fixed', amount: b.amount!.toString() };
    case 'planned':
      return { kind: 'planned', amounts: b.amounts as { period: string; amount: string }[] };
    case 'auto':
      return { kind: 'auto', periods: b.autoPeriods ?? 1 };
    case 'scenario': {
      if (!b.scenarioId) return { kind: 'scenario', months: [] };
      // a plan that cannot be evaluated (an FX rate missing for its currency) leaves the period without an amount,
      // listed as missing, rather than failing every budget
      const plan = await scenarioMonths({ scenarioId: b.scenarioId, now, currency: b.currency }).catch((error: unknown) => {
        logger.warn({ err: error, budget: b.id }, 'the budget\'s scenario could not be evaluated');
        return null;
      });
      return { kind: 'scenario', months: plan?.months.map((m) => ({ month: m.month, p50: String(m.p50) })) ?? [] };
    }
    default:
      throw new Error(`budget ${b.id} has an unknown amount kind ${b.amountKind}`);
  }
}

const money = (v: number) => moneyFromNumber(v, 2);

function sumRange(points: readonly TSpendPoint[], from: string, to: string): number {
  let s = 0;
  for (const p of points) if (p.day >= from && p.day < to) s += p.amount;
  return s;
}

export async function budgetStatus(
  b: TBudgetRow,
  options: { now: Date; timeZone: string; asOf?: string; alerted?: { thresholdId: string; periodKey: string }[] },
): Promise<TBudgetStatus> {
  const { now, timeZone } = options;
  const period = periodContaining(now, b.period as TBudgetPeriod, timeZone);
  const asOf = options.asOf ?? (await defaultAsOf(now, timeZone));
  const spec = await amountSpec(b, now);
  const autoStart = spec.kind === 'auto' ? shiftPeriod(period, -spec.periods, timeZone).startDay : period.startDay;
  const historyStart = [addIsoDays(asOf, -HISTORY_DAYS), autoStart, period.startDay].sort()[0];
  const seriesEnd = asOf < period.endDay ? asOf : period.endDay;
  const series = await readSpendSeries({ scope: b.scope as TSpendScope, groupBy: 'none', currency: b.currency, from: historyStart, to: asOf > seriesEnd ? asOf : seriesEnd });
  const points = series[0]?.points ?? [];
  const first = points.reduce<string | null>((m, p) => (m === null || p.day < m ? p.day : m), null);

  const pastActuals: { period: string; amount: string }[] = [];
  if (spec.kind === 'auto') {
    for (let back = 1; back <= spec.periods; back++) {
      const p: TPeriod = shiftPeriod(period, -back, timeZone);
      // a period counts only when the data covers it from its start
      if (first !== null && first <= p.startDay && p.endDay <= asOf) pastActuals.push({ period: p.key, amount: money(sumRange(points, p.startDay, p.endDay)) });
    }
  }

  const actualTo = asOf < period.endDay ? asOf : period.endDay;
  const actual = sumRange(points, period.startDay, actualTo);
  let forecast: number | null = actual;
  let lower: number | null = actual;
  let upper: number | null = actual;
  const days: TBudgetDay[] = [];
  let cumulative = 0;
  for (let d = period.startDay; d < actualTo; d = addIsoDays(d, 1)) {
    cumulative += sumRange(points, d, addIsoDays(d, 1));
    days.push({ day: d, actual: cumulative, mean: null, lower: null, upper: null });
  }
  if (asOf < period.endDay) {
    if (points.length === 0) {
      forecast = lower = upper = null;
    } else {
      // one forecast: the period as a whole, and each prefix of it for the cumulative band
      const prefixes: { key: string; startDay: string; endDay: string }[] = [{ key: period.key, startDay: period.startDay, endDay: period.endDay }];
      for (let d = asOf; d < period.endDay; d = addIsoDays(d, 1)) prefixes.push({ key: d, startDay: period.startDay, endDay: addIsoDays(d, 1) });
      const f = forecastSpend({ points: points.filter((p) => p.day < asOf), asOf, periods: prefixes, months: 0 });
      const whole = f.periods[0];
      forecast = whole.mean;
      lower = whole.lower;
      upper = whole.upper;
      if (days.length > 0) {
        const last = days[days.length - 1];
        last.mean = last.lower = last.upper = last.actual;
      }
      for (const p of f.periods.slice(1)) days.push({ day: p.key, actual: null, mean: p.mean, lower: p.lower, upper: p.upper });
    }
  }

  const evaluation = evaluateBudget({
    spec,
    thresholds: thresholdsOf(b),
    period,
    timeZone,
    actual: money(actual),
    forecast: forecast === null ? null : money(forecast),
    pastActuals,
    alerted: options.alerted,
  });
  return {
    ...evaluation,
    startDay: period.startDay,
    endDay: period.endDay,
    asOf,
    forecastLower: lower === null ? null : money(lower),
    forecastUpper: upper === null ? null : money(upper),
    days,
  };
}

/** The final actual of a past period (null when the data does not reach its end). */
export async function periodActual(b: TBudgetRow, period: { startDay: string; endDay: string }): Promise<string> {
  const series = await readSpendSeries({ scope: b.scope as TSpendScope, groupBy: 'none', currency: b.currency, from: period.startDay, to: period.endDay });
  return money(sumRange(series[0]?.points ?? [], period.startDay, period.endDay));
}
