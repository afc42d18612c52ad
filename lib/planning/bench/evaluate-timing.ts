// Hand-run timing of evaluateScenario (not a test): npx tsx --tsconfig tsconfig.json lib/planning/bench/evaluate-timing.ts
import { EUROPE_PLAN } from '../drivers';
import { evaluateScenario, type TEvaluateInput } from '../evaluate';

const base: TEvaluateInput = {
  drivers: EUROPE_PLAN.drivers,
  fx: { USD: 0.92 },
  currency: 'EUR',
  samples: 10_000,
  seed: 7,
  timeline: { curve: 's-curve', months: 24 },
  start: new Date('2027-01-04T00:00:00Z'),
};

function time(label: string, input: TEvaluateInput, runs = 7) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    evaluateScenario(input);
    ms.push(performance.now() - t0);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${label}: first ${ms[0].toFixed(1)} ms, median ${sorted[Math.floor(runs / 2)].toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms`);
  return sorted[Math.floor(runs / 2)];
}

const full = time('10,000 samples × 24 months (Europe)', base);
const linear = time('10,000 samples × 24 months, linear curve', { ...base, timeline: { curve: 'linear', months: 24, phases: { preparationWeeks: 2, migrationWeeks: 3, rolloutWeeks: 40 } } });
const one = time('1 sample, no timeline (deterministic + tornado)', { ...base, samples: 1, timeline: undefined }, 21);
console.log(`ratio full / one deterministic evaluation: ${(full / one).toFixed(1)}×; linear 40-week roll-out: ${linear.toFixed(1)} ms`);
