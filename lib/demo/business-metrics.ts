// Europe Cyclisme's daily business metrics, from the same model as the costs: API requests (about 200,000 a day
// in Grand Est) and monthly active users (about 6,000 of Grand Est's 20,000 registered, the planner's 30%
// active share), both growing with the Europe roll-out.
import { isoDay } from '../dates';
import { decimalFromNumber } from '../money/decimal';
import { billedDays, type TDemoModel } from './model';
import { createRng } from './prng';
import type { TCreateMetric, TMetricPoint } from '../unit-costs/schemas';

export type TDemoMetric = { definition: TCreateMetric; points: TMetricPoint[] };

// requests a day per monthly active user (browsing routes, weather and map tiles): Grand Est's 200,000 requests
// a day over its 20,000 registered users × 30% active, as the planner's drivers have it
const REQUESTS_PER_ACTIVE_USER = 33;

export function demoBusinessMetrics(model: TDemoModel): TDemoMetric[] {
  const rng = createRng(model.seed, 'business-metrics');
  const days = billedDays(model);
  return [
    {
      definition: { name: 'active-users', label: 'Monthly active users', unit: 'user', per: 1, aggregation: 'average', source: 'manual' },
      points: days.map((d) => ({ day: isoDay(d.date), value: String(Math.round((d.requests / REQUESTS_PER_ACTIVE_USER) * rng.jitter(0.04))) })),
    },
    {
      definition: { name: 'requests', label: 'API requests', unit: 'request', per: 1_000_000, aggregation: 'sum', source: 'manual' },
      points: days.map((d) => ({ day: isoDay(d.date), value: decimalFromNumber(Math.round(d.requests), 0) })),
    },
  ];
}
