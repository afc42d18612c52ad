// The plan of record and its evaluation: the one plan that forecasts, budgets, commitment ladders and
// the weekly report follow. With asOf, the plan as it was saved before that instant, evaluated as of
// then, so a judgement made in the past can be replayed with the plan it had.
import { prisma } from '../db';
import { toScenario } from '../scenarios/scenario-row';
import { ZScenarioOptions, ZScenarioTimeline, type TScenario, type TScenarioSnapshot } from '../scenarios/scenario-schema';
import { evaluateScenarioRecord, type TStoredEvaluation } from '../scenarios/evaluate-stored-scenario';

export type TPlanOfRecord = {
  scenario: { id: string; name: string; version: number };
  evaluation: TStoredEvaluation;
};

export type TGetPlanOfRecordOptions = {
  now: Date;
  /** Use the plan as saved before this instant, evaluated as of then. */
  asOf?: Date;
  currency?: string;
  /** Monte Carlo samples (the months' P10/P50/P90); 2,000 keeps a refresh quick and the percentiles steady. */
  samples?: number;
};

export const PLAN_OF_RECORD_SAMPLES = 2000;

async function scenarioAsOf(current: TScenario, asOf: Date): Promise<TScenario | null> {
  const version = await prisma.scenarioVersion.findFirst({
    where: { scenarioId: current.id, changedAt: { lt: asOf } },
    orderBy: { version: 'desc' },
  });
  if (!version) return null;
  const snap = version.snapshot as unknown as TScenarioSnapshot;
  const options = ZScenarioOptions.safeParse(snap.options ?? {});
  const timeline = ZScenarioTimeline.safeParse(snap.timeline ?? {});
  return {
    ...current,
    ...snap,
    options: options.success ? options.data : current.options,
    timeline: timeline.success ? timeline.data : current.timeline,
    version: version.version,
    updatedAt: version.changedAt.toISOString(),
  };
}

/**
 * The instant a plan is evaluated as of. A timeline without a start begins the month after its evaluation, so
 * a plan evaluated "now" would always start next month and never cover the month under way: it is anchored at
 * its last save instead (or at the replay's instant when that is earlier).
 */
export function planEvaluationTime(scenario: Pick<TScenario, 'timeline' | 'updatedAt'>, at: Date): Date {
  if (scenario.timeline.start) return at;
  const saved = new Date(scenario.updatedAt);
  return saved < at ? saved : at;
}

/** The plan of record evaluated, or null when no scenario carries the mark (or it did not exist at asOf). */
export async function getPlanOfRecord(options: TGetPlanOfRecordOptions): Promise<TPlanOfRecord | null> {
  const row = await prisma.scenario.findFirst({ where: { planOfRecord: true, archived: false } });
  if (!row) return null;
  const current = toScenario(row);
  const scenario = options.asOf ? await scenarioAsOf(current, options.asOf) : current;
  if (!scenario) return null;
  const evaluation = await evaluateScenarioRecord(scenario, {
    now: planEvaluationTime(scenario, options.asOf ?? options.now),
    currency: options.currency,
    samples: options.samples ?? PLAN_OF_RECORD_SAMPLES,
  });
  return { scenario: { id: scenario.id, name: scenario.name, version: scenario.version }, evaluation };
}
