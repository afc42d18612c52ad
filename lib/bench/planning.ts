// Scenario evaluation speed: "Europe (plan)" with 10,000 Monte Carlo samples over a 24-month
// timeline (rolling out from "Grand Est (today)"), median of several runs, against one
// deterministic evaluation of the same scenario (1 sample, no timeline). Pure: no database.
import { EUROPE_PLAN, GRAND_EST_TODAY } from '../planning/drivers';
import { evaluateScenario, type TEvaluateInput } from '../planning/evaluate';
import { DEFAULT_PRICE_CATALOGUE } from '../planning/price-catalogue';
import type { TBench } from './registry';

const RUNS = 9;
const BASELINE_RUNS = 31;

export const PLANNING_BENCH_INPUT: TEvaluateInput = {
  drivers: EUROPE_PLAN.drivers,
  prices: DEFAULT_PRICE_CATALOGUE,
  fx: { USD: 0.92 },
  currency: 'EUR',
  samples: 10_000,
  seed: 7,
  timeline: { from: GRAND_EST_TODAY.drivers, curve: 's-curve', months: 24 },
  start: new Date('2027-01-01T00:00:00Z'),
};

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function timeEvaluation(input: TEvaluateInput, runs: number): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    evaluateScenario(input);
    ms.push(performance.now() - t0);
  }
  return ms;
}

export const planningBench: TBench = {
  name: 'planning',
  run: async ({ emit, note }) => {
    note('evaluating "Europe (plan)": 10,000 samples × 24 months…');
    timeEvaluation(PLANNING_BENCH_INPUT, 2); // warm-up: JIT and the catalogue index
    const full = timeEvaluation(PLANNING_BENCH_INPUT, RUNS);
    const baseline = timeEvaluation({ ...PLANNING_BENCH_INPUT, samples: 1, timeline: undefined }, BASELINE_RUNS);
    const value = median(full);
    const base = median(baseline);
    emit({
      name: 'planning_evaluate_europe_ms',
      value,
      unit: 'ms',
      baseline: base,
      ratio: value / base,
      baselineName: 'one deterministic evaluation (1 sample, no timeline) of the same scenario',
      samples: 10_000,
      months: 24,
      runs: RUNS,
      min: Math.min(...full),
      max: Math.max(...full),
      target: '< 250',
    });
  },
};
