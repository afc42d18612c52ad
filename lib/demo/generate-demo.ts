// The whole Europe Cyclisme demo dataset, deterministic from (seed, now): no clock, no Math.random.
import type { TFocusRecord, TResourceInput, TSampleInput } from '../focus/types';
import type { TFxRate } from '../money/fx';
import { awsCosts } from './costs-aws';
import { atlasCosts } from './costs-atlas';
import { cloudflareCosts } from './costs-cloudflare';
import { grafanaCosts } from './costs-grafana';
import { redisCosts } from './costs-redis';
import { demoFxRates } from './fx-rates';
import { demoResources, demoSamples } from './inventory';
import { buildDemoModel, type TDemoOptions, type TDemoPhases } from './model';

export const DEMO_SOURCE = 'demo';
export const DEFAULT_DEMO_SEED = 20_26;

export type TDemoDataset = {
  window: { start: Date; end: Date }; // billed days [start, end)
  phases: TDemoPhases;
  costs: TFocusRecord[];
  fxRates: TFxRate[];
  resources: TResourceInput[];
  samples: TSampleInput[];
};

export function generateDemo(options: TDemoOptions): TDemoDataset {
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) throw new RangeError('now must be a valid Date');
  if (!Number.isInteger(options.seed)) throw new RangeError('seed must be an integer');
  const model = buildDemoModel(options);
  return {
    window: { start: model.start, end: model.end },
    phases: model.phases,
    costs: [...awsCosts(model), ...atlasCosts(model), ...redisCosts(model), ...cloudflareCosts(model), ...grafanaCosts(model)],
    fxRates: demoFxRates(model),
    resources: demoResources(model),
    samples: demoSamples(model),
  };
}
