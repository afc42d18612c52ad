// Europe Cyclisme's daily business metrics, from the same model as the costs: API requests (about 200,000 a day
// in Grand Est) and daily active users (about 20,000), both growing with the Europe roll-out.
import { isoDay } from '../dates';
import { decimalFromNumber } from '../money/decimal';
import { billedDays, type TDemoModel } from './model';
import { createRng } from './prng';
import type { TCreateMetric, TMetricPoint } from '../unit-costs/schemas';

export type TDemoMetric = { definition: TCreateMetric; points: TMetricPoint[] };

// requests per active user and day: browsing routes, weather and map tiles
const REQUESTS_PER_USER = 10;

export function demoBusinessMetrics(model: TDemoModel): TDemoMetric[] {
  const rng = createRng(model.seed, 'business-metrics');
  const days = billedDays(model);
  return [
    {
      definition: { name: 'active-users', label: 'Active users', unit: 'user', per: 1, aggregation: 'average', source: 'manual' },
      points: days.map((d) => ({ day: isoDay(d.date), value: String(Math.round((d.requests / REQUESTS_PER_USER) * rng.jitter(0.04))) })),
    },
    {
      definition: { name: 'requests', label: 'API requests', unit: 'request', per: 1_000_000, aggregation: 'sum', source: 'manual' },
      points: days.map((d) => ({ day: isoDay(d.date), value: decimalFromNumber(Math.round(d.requests), 0) })),
    },
  ];
}
