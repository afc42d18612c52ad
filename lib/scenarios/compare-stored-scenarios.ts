// Two or more stored scenarios evaluated alike (same samples, seed, FX and time) and set side by side.
import { AppError } from '../errors';
import { compareScenarios, type TComparison } from '../planning/compare';
import { getScenario } from '../queries/get-scenario';
import { evaluateScenarioRecord, type TStoredEvaluation } from './evaluate-stored-scenario';

export type TStoredComparison = TComparison & {
  scenarios: { id: string; name: string; version: number }[];
  /** Monthly P50 of each scenario's total (for a chart), by month. */
  months: { month: string; p50: (string | null)[] }[];
};

export async function compareStoredScenarios(ids: string[], opts: { now: Date; samples?: number; seed?: number; currency?: string }): Promise<TStoredComparison> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new AppError('BAD_REQUEST', 'ids must name at least two different scenarios', [{ field: 'ids', message: 'at least two' }]);
  if (unique.length > 6) throw new AppError('BAD_REQUEST', 'ids may name at most six scenarios', [{ field: 'ids', message: 'at most six' }]);
  const scenarios = await Promise.all(unique.map((id) => getScenario(id)));
  const results: TStoredEvaluation[] = [];
  // one after the other: each evaluation is CPU-bound, nothing is gained by interleaving them
  for (const s of scenarios) results.push(await evaluateScenarioRecord(s, { now: opts.now, samples: opts.samples ?? 5000, seed: opts.seed, currency: opts.currency }));
  const comparison = compareScenarios(results.map((r, i) => ({ name: scenarios[i].name, result: r })));
  const monthKeys = [...new Set(results.flatMap((r) => r.months.map((m) => m.month)))].sort();
  return {
    ...comparison,
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, version: s.version })),
    months: monthKeys.map((month) => ({ month, p50: results.map((r) => r.months.find((m) => m.month === month)?.total.p50 ?? null) })),
  };
}
