// Evaluates every budget for its current period and keeps the result: the period's row (amount, actual,
// forecast), the threshold states, and an alarm per threshold newly in alarm (once per threshold and period, for
// the notifications to send). Periods left behind are closed with their final actual spend.
import { prisma } from '../db';
import { periodFromKey } from './periods';
import { budgetStatus, periodActual } from './budget-status';
import { defaultAsOf } from '../queries/get-forecast';
import { logger } from '../logger';

export type TEvaluateBudgetsResult = { evaluated: number; alarms: { budget: string; threshold: string; period: string }[]; closed: number; failed: { budget: string; error: string }[] };

export async function evaluateBudgets(options: { now: Date; timeZone: string }): Promise<TEvaluateBudgetsResult> {
  const asOf = await defaultAsOf(options.now, options.timeZone);
  const budgets = await prisma.budget.findMany({ include: { thresholds: true, alarms: { select: { thresholdId: true, periodKey: true } } }, orderBy: { name: 'asc' } });
  const result: TEvaluateBudgetsResult = { evaluated: 0, alarms: [], closed: 0, failed: [] };
  for (const b of budgets) {
    try {
      const s = await budgetStatus(b, { now: options.now, timeZone: options.timeZone, asOf, alerted: b.alarms });
      const at = new Date();
      const open = await prisma.budgetPeriod.findMany({ where: { budgetId: b.id, closed: false, NOT: { periodKey: s.period } } });
      const finals = await Promise.all(open.map(async (p) => ({ key: p.periodKey, actual: await periodActual(b, periodFromKey(p.periodKey, options.timeZone)) })));
      await prisma.$transaction(async (tx) => {
        for (const f of finals) await tx.budgetPeriod.update({ where: { budgetId_periodKey: { budgetId: b.id, periodKey: f.key } }, data: { actual: f.actual, closed: true } });
        const data = {
          startDay: new Date(`${s.startDay}T00:00:00Z`),
          endDay: new Date(`${s.endDay}T00:00:00Z`),
          amount: s.amount,
          actual: s.actual,
          forecast: s.forecast,
          forecastLower: s.forecastLower,
          forecastUpper: s.forecastUpper,
          state: s.state,
          evaluatedAt: at,
        };
        await tx.budgetPeriod.upsert({ where: { budgetId_periodKey: { budgetId: b.id, periodKey: s.period } }, create: { budgetId: b.id, periodKey: s.period, ...data }, update: data });
        for (const t of s.thresholds) {
          const state = { state: t.state, limit: t.limit, value: t.value, updatedAt: at };
          await tx.budgetThresholdState.upsert({ where: { thresholdId_periodKey: { thresholdId: t.id, periodKey: s.period } }, create: { thresholdId: t.id, periodKey: s.period, ...state }, update: state });
        }
        for (const t of s.alerts) {
          // the unique (threshold, period) keeps a second evaluation (or a concurrent one) from raising it twice
          const raised = await tx.budgetAlarm.createMany({
            data: [{ budgetId: b.id, thresholdId: t.id, periodKey: s.period, on: t.on, limit: t.limit!, value: t.value!, currency: b.currency }],
            skipDuplicates: true,
          });
          if (raised.count > 0) result.alarms.push({ budget: b.name, threshold: t.id, period: s.period });
        }
      });
      result.closed += finals.length;
      result.evaluated++;
    } catch (error) {
      // one budget that cannot be evaluated (an FX rate missing for its currency) does not stop the others
      logger.error({ err: error, budget: b.id }, 'budget evaluation failed');
      result.failed.push({ budget: b.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
