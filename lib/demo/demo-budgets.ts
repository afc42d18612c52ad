// The demo's budgets, sized from the demo's own spend so that their states hold whatever day it is loaded: AWS
// at half of last month's AWS spend (in alarm: the forecast passes it), MongoDB Atlas by quarter at twice its
// pace (ok), and the total following the plan of record. Created once: a budget deleted by hand stays deleted.
import { evaluateBudgets } from '../budgets/evaluate-budgets';
import { createBudget } from '../budgets/save-budget';
import { pool, prisma } from '../db';
import { env } from '../env';
import { startOfUtcMonth, isoDay } from '../dates';

const SYSTEM = { type: 'system' as const, label: 'demo' };

const round100 = (v: number) => String(Math.max(100, Math.round(v / 100) * 100));

export async function ensureDemoBudgets(options: { now: Date }): Promise<number> {
  const touched = await prisma.auditLog.count({ where: { action: { startsWith: 'budget.' } } });
  if (touched > 0) return 0;
  const from = isoDay(startOfUtcMonth(options.now, -1));
  const to = isoDay(startOfUtcMonth(options.now));
  const { rows } = await pool().query<{ provider: string; amount: string }>(
    `SELECT provider_name AS provider, sum(effective_cost)::text AS amount FROM cost_daily WHERE day >= $1::date AND day < $2::date GROUP BY 1`,
    [from, to],
  );
  const last = new Map(rows.map((r) => [r.provider, Number(r.amount)]));
  const currency = env().DISPLAY_CURRENCY;
  let created = 0;
  if (last.has('AWS')) {
    await createBudget(
      {
        name: 'AWS',
        scope: { provider: 'AWS' },
        period: 'month',
        currency,
        amount: round100(last.get('AWS')! * 0.5),
        thresholds: [{ on: 'actual', percent: 50 }, { on: 'actual', percent: 80 }, { on: 'forecast', percent: 100 }],
      },
      SYSTEM,
    );
    created++;
  }
  if (last.has('MongoDB Atlas')) {
    await createBudget(
      {
        name: 'MongoDB Atlas (quarter)',
        scope: { provider: 'MongoDB Atlas' },
        period: 'quarter',
        currency,
        amount: round100(last.get('MongoDB Atlas')! * 3 * 2),
        thresholds: [{ on: 'actual', percent: 80 }, { on: 'forecast', percent: 100 }],
      },
      SYSTEM,
    );
    created++;
  }
  const plan = await prisma.scenario.findFirst({ where: { planOfRecord: true, archived: false }, select: { id: true } });
  if (plan) {
    await createBudget(
      { name: 'Plan of record', scope: {}, period: 'month', currency, fromScenarioId: plan.id, thresholds: [{ on: 'forecast', percent: 100 }] },
      SYSTEM,
    );
    created++;
  }
  if (created) await evaluateBudgets({ now: options.now, timeZone: env().ORG_TIMEZONE });
  return created;
}
