// The months (P10/P50/P90 totals) of a scenario's cost timeline, for forecasts ("plan" beside "trend") and for
// budgets whose amount comes from a scenario; evaluated as the plan of record is (planEvaluationTime).
import type { TPlanMonth } from '../forecast/plan-forecast';
import { evaluateScenarioRecord, type TStoredEvaluation } from '../scenarios/evaluate-stored-scenario';
import { getPlanOfRecord, planEvaluationTime, PLAN_OF_RECORD_SAMPLES } from './get-plan-of-record';
import { getScenario } from './get-scenario';

export type TScenarioMonths = { scenario: { id: string; name: string; version: number }; months: TPlanMonth[] };

const toMonths = (e: TStoredEvaluation): TPlanMonth[] => e.months.map((m) => ({ month: m.month, p10: m.total.p10, p50: m.total.p50, p90: m.total.p90 }));

export async function scenarioMonths(options: { scenarioId: string; now: Date; currency: string }): Promise<TScenarioMonths> {
  const scenario = await getScenario(options.scenarioId);
  const e = await evaluateScenarioRecord(scenario, { now: planEvaluationTime(scenario, options.now), currency: options.currency, samples: PLAN_OF_RECORD_SAMPLES });
  return { scenario: e.scenario, months: toMonths(e) };
}

/** The plan of record's months, or null when no scenario is the plan of record. */
export async function planOfRecordMonths(options: { now: Date; currency: string }): Promise<TScenarioMonths | null> {
  const plan = await getPlanOfRecord({ now: options.now, currency: options.currency });
  return plan && { scenario: plan.scenario, months: toMonths(plan.evaluation) };
}
