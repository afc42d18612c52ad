// The months (P10/P50/P90 totals) of a scenario's cost timeline, for forecasts ("plan" beside "trend") and for
// budgets whose amount comes from a scenario. getPlanOfRecord is server-only (pages and routes); this reads the
// same mark and the same stored evaluation without that guard so that the CLI and the jobs give the same answer.
import { prisma } from '../db';
import type { TPlanMonth } from '../forecast/plan-forecast';
import { evaluateStoredScenario } from '../scenarios/evaluate-stored-scenario';

// As getPlanOfRecord: 2,000 samples keep an evaluation quick and the monthly percentiles steady.
const SAMPLES = 2000;

export type TScenarioMonths = { scenario: { id: string; name: string; version: number }; months: TPlanMonth[] };

/**
 * A timeline without a start begins the month after its evaluation: evaluated "now", a plan would always start
 * next month and never cover a month under way. The plan is anchored instead at its last save (its months are
 * calendar months from then), or at `now` when that is earlier (a replay).
 */
export async function scenarioMonths(options: { scenarioId: string; now: Date; currency: string }): Promise<TScenarioMonths> {
  const row = await prisma.scenario.findUnique({ where: { id: options.scenarioId }, select: { updatedAt: true } });
  const anchor = row && row.updatedAt < options.now ? row.updatedAt : options.now;
  const e = await evaluateStoredScenario(options.scenarioId, { now: anchor, currency: options.currency, samples: SAMPLES });
  return { scenario: e.scenario, months: e.months.map((m) => ({ month: m.month, p10: m.total.p10, p50: m.total.p50, p90: m.total.p90 })) };
}

/** The plan of record's months, or null when no scenario is the plan of record. */
export async function planOfRecordMonths(options: { now: Date; currency: string }): Promise<TScenarioMonths | null> {
  const row = await prisma.scenario.findFirst({ where: { planOfRecord: true, archived: false }, select: { id: true } });
  if (!row) return null;
  return scenarioMonths({ scenarioId: row.id, now: options.now, currency: options.currency });
}
