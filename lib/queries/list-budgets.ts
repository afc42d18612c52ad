// Budgets with their current period (amount, actual, forecast, states) and their history of periods, in the
// API's shape: read by the API, the page, the overview and the CLI.
import type { z } from 'zod';
import type { ZBudgetView } from '../api/schemas/budgets';
import { budgetStatus, thresholdsOf, type TBudgetDay, type TBudgetRow } from '../budgets/budget-status';
import { checkBudgetId } from '../budgets/save-budget';
import { prisma } from '../db';
import { AppError } from '../errors';
import type { TSpendScope } from './read-spend-series';
import { defaultAsOf } from './get-forecast';

export type TBudgetView = z.infer<typeof ZBudgetView>;
export type TBudgetDetail = TBudgetView & { days: TBudgetDay[] };

const INCLUDE = {
  thresholds: true,
  subscriptions: true,
  periods: { orderBy: { periodKey: 'desc' as const }, take: 24 },
  alarms: { orderBy: { raisedAt: 'asc' as const } },
};

type TFullRow = TBudgetRow & {
  subscriptions: { channelId: string; frequency: string }[];
  periods: { periodKey: string; amount: { toString(): string } | null; actual: { toString(): string }; forecast: { toString(): string } | null; state: string; closed: boolean }[];
  alarms: { thresholdId: string; periodKey: string; on: string; limit: { toString(): string }; value: { toString(): string }; raisedAt: Date }[];
};

async function view(b: TFullRow, options: { now: Date; timeZone: string; asOf: string }): Promise<TBudgetDetail> {
  const status = await budgetStatus(b, { ...options, alerted: b.alarms.map((a) => ({ thresholdId: a.thresholdId, periodKey: a.periodKey })) });
  const definitions = thresholdsOf(b);
  return {
    id: b.id,
    name: b.name,
    scope: b.scope as TSpendScope,
    period: b.period as TBudgetView['period'],
    currency: b.currency,
    ...(b.amountKind === 'fixed' ? { amount: b.amount!.toFixed(2) } : {}),
    ...(b.amountKind === 'planned' ? { amounts: b.amounts as { period: string; amount: string }[] } : {}),
    ...(b.amountKind === 'auto' ? { auto: { periods: b.autoPeriods ?? 1 } } : {}),
    ...(b.amountKind === 'scenario' && b.scenarioId ? { fromScenarioId: b.scenarioId } : {}),
    thresholds: definitions.map(({ id, on, percent, amount }) => ({ id, on, ...(percent !== undefined ? { percent } : {}), ...(amount !== undefined ? { amount } : {}) })),
    subscriptions: b.subscriptions.map((s) => ({ channelId: s.channelId, frequency: s.frequency as 'immediate' | 'daily' })),
    current: {
      period: status.period,
      startDay: status.startDay,
      endDay: status.endDay,
      asOf: status.asOf,
      amount: status.amount,
      amountBasis: status.amountBasis,
      actual: status.actual,
      forecast: status.forecast,
      forecastLower: status.forecastLower,
      forecastUpper: status.forecastUpper,
      percentActual: status.percentActual,
      percentForecast: status.percentForecast,
      state: status.state,
      thresholds: status.thresholds.map(({ id, on, percent, amount, limit, value, state }) => ({
        id,
        on,
        ...(percent !== undefined ? { percent } : {}),
        ...(amount !== undefined ? { amount } : {}),
        limit,
        value,
        state,
      })),
    },
    history: b.periods.map((p) => ({
      period: p.periodKey,
      amount: p.amount?.toString() ?? null,
      actual: p.actual.toString(),
      forecast: p.forecast?.toString() ?? null,
      state: p.state as 'ok' | 'alarm',
      closed: p.closed,
      alarms: b.alarms
        .filter((a) => a.periodKey === p.periodKey)
        .map((a) => ({ thresholdId: a.thresholdId, on: a.on, limit: a.limit.toString(), value: a.value.toString(), raisedAt: a.raisedAt.toISOString() })),
    })),
    days: status.days,
  };
}

export async function listBudgets(options: { now: Date; timeZone: string }): Promise<TBudgetDetail[]> {
  const [rows, asOf] = await Promise.all([prisma.budget.findMany({ include: INCLUDE, orderBy: { name: 'asc' } }), defaultAsOf(options.now, options.timeZone)]);
  const out: TBudgetDetail[] = [];
  for (const b of rows) out.push(await view(b, { ...options, asOf }));
  return out;
}

export async function getBudget(id: string, options: { now: Date; timeZone: string }): Promise<TBudgetDetail> {
  checkBudgetId(id);
  const b = await prisma.budget.findUnique({ where: { id }, include: INCLUDE });
  if (!b) throw new AppError('NOT_FOUND', `no budget ${id}`);
  return view(b, { ...options, asOf: await defaultAsOf(options.now, options.timeZone) });
}

/** The API's view: the same without the chart's days. */
export function withoutDays({ days: _days, ...rest }: TBudgetDetail): TBudgetView {
  return rest;
}
