// Evaluates a stored scenario with the stored catalogue, prices paid (when the scenario uses them), the
// latest FX rates and its timeline's from-scenario. Driver overrides apply to this evaluation only.
import { AppError } from '../errors';
import { evaluateScenario, parseEvaluateInput, type TEvaluation } from '../planning/evaluate';
import { compareWithSeed, type TSeedComparison } from '../planning/seed-reference';
import { getScenario } from '../queries/get-scenario';
import { getScenarioContext } from '../queries/get-scenario-context';
import { buildEvaluateInput } from './build-evaluate-input';
import type { TScenario } from './scenario-schema';

export const DEFAULT_SERVER_SAMPLES = 10_000;
export const MAX_SERVER_SAMPLES = 50_000;

export type TStoredEvaluation = TEvaluation & {
  scenario: { id: string; name: string; version: number };
  /** The seed plan's table beside the model (Europe and its clones). */
  seedReference: TSeedComparison | null;
  basis: {
    start: string;
    fx: Record<string, number>;
    fxAsOf: Record<string, string>;
    prices: 'list' | 'paid';
    paidPriceIds: string[];
    from: { id: string; name: string } | null;
    driverOverrides: string[];
  };
};

export type TEvaluateStoredOptions = {
  samples?: number;
  seed?: number;
  /** Replace some drivers for this evaluation only (validated: a bad one is a 400 naming it). */
  drivers?: unknown;
  currency?: string;
  now: Date;
};

export async function evaluateScenarioRecord(scenario: TScenario, opts: TEvaluateStoredOptions): Promise<TStoredEvaluation> {
  const samples = opts.samples ?? DEFAULT_SERVER_SAMPLES;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SERVER_SAMPLES) {
    throw new AppError('BAD_REQUEST', `samples must be an integer from 1 to ${MAX_SERVER_SAMPLES}`, [{ field: 'samples', message: 'out of range' }]);
  }
  const context = await getScenarioContext(scenario, { now: opts.now, currency: opts.currency ?? 'EUR' });
  const input = parseEvaluateInput(buildEvaluateInput({ scenario, context, samples, seed: opts.seed ?? 1, driverOverrides: opts.drivers }));
  const result = evaluateScenario(input);
  const paid = scenario.options.usePaidPrices && context.paidPrices.length > 0;
  return {
    ...result,
    scenario: { id: scenario.id, name: scenario.name, version: scenario.version },
    seedReference: scenario.reference === 'seed-plan' ? compareWithSeed(result, { eurToResultCurrency: context.eurRate }) : null,
    basis: {
      start: input.start.toISOString().slice(0, 10),
      fx: context.fx,
      fxAsOf: context.fxAsOf,
      prices: paid ? 'paid' : 'list',
      paidPriceIds: paid ? context.paidPrices.map((p) => p.id) : [],
      from: context.from,
      driverOverrides: opts.drivers && typeof opts.drivers === 'object' ? Object.keys(opts.drivers) : [],
    },
  };
}

export async function evaluateStoredScenario(id: string, opts: TEvaluateStoredOptions): Promise<TStoredEvaluation> {
  return evaluateScenarioRecord(await getScenario(id), opts);
}
