// Unit costs: the cost of a scope divided by a business metric, by day or month, with the trend. Costs come from
// the costs reader (same FX, same filters), so a unit cost multiplied back gives the costs page's figure.
import { z } from 'zod';
import { addIsoDays, ZDay } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';
import { findMetric, type TMetricRow } from '../unit-costs/metric-store';
import { ZMetricName } from '../unit-costs/schemas';
import { getCosts, GRANULARITIES, toAfterFrom, ZCostFilters } from './get-costs';

export const ZUnitCostQuery = ZCostFilters.extend({
  metric: ZMetricName,
  from: ZDay,
  to: ZDay.describe('exclusive'),
  granularity: z.enum(GRANULARITIES).default('month'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
}).refine(...toAfterFrom);
export type TUnitCostQuery = z.infer<typeof ZUnitCostQuery>;

export type TUnitCostRow = {
  period: string;
  /** Cost of the days of the period that have a metric value (decimal string). */
  cost: string;
  /** The metric over the period: its sum, or its daily average for an average metric; null without values. */
  value: string | null;
  /** cost ÷ value × per; null when the metric has no value (or zero). */
  unitCost: string | null;
  /** Days of the period with a metric value, and in the period (within the range). */
  daysWithValue: number;
  days: number;
};

export type TUnitCosts = {
  metric: Pick<TMetricRow, 'name' | 'label' | 'unit' | 'per' | 'aggregation'>;
  currency: string;
  granularity: 'day' | 'month';
  rows: TUnitCostRow[];
  /** The whole range: cost of the days with a value ÷ the metric (its sum, or its daily average for averages). */
  total: { cost: string; value: string | null; unitCost: string | null };
  /** The latest complete period's unit cost against the one before (change as a ratio, 0.1 = +10%). */
  trend: { latest: string | null; previous: string | null; change: number | null };
};

const MAX_DAYS = 3700;
const round = (n: number, places = 10) => (Number.isFinite(n) ? n.toFixed(places).replace(/\.?0+$/, '') || '0' : null);

export async function getUnitCosts(query: TUnitCostQuery): Promise<TUnitCosts> {
  const days = Math.round((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000);
  if (days > MAX_DAYS) throw new AppError('BAD_REQUEST', `to: the range may cover at most ${MAX_DAYS} days`, [{ field: 'to', message: `at most ${MAX_DAYS} days after from` }]);
  const metric = await findMetric(query.metric).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('BAD_REQUEST', `metric: ${e.message}`, [{ field: 'metric', message: e.message }]);
    throw e;
  });
  const { metric: _m, granularity, ...costQuery } = query;
  const [costs, points] = await Promise.all([
    getCosts({ ...costQuery, granularity: 'day', groupBy: 'none' }),
    pool().query<{ day: string; value: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, value::text FROM business_metric_point
        WHERE metric_id = $1 AND day >= $2::date AND day < $3::date ORDER BY day`,
      [metric.id, query.from, query.to],
    ),
  ]);
  const costByDay = new Map(costs.rows.map((r) => [r.period, Number(r.effectiveCost)]));
  const valueByDay = new Map(points.rows.map((p) => [p.day, Number(p.value)]));
  const periodOf = (day: string) => (granularity === 'month' ? `${day.slice(0, 7)}-01` : day);

  type TAcc = { cost: number; sum: number; daysWithValue: number; days: number };
  const periods = new Map<string, TAcc>();
  const total: TAcc = { cost: 0, sum: 0, daysWithValue: 0, days: 0 };
  for (let day = query.from; day < query.to; day = addIsoDays(day, 1)) {
    const period = periodOf(day);
    const acc = periods.get(period) ?? { cost: 0, sum: 0, daysWithValue: 0, days: 0 };
    acc.days++;
    total.days++;
    const value = valueByDay.get(day);
    if (value !== undefined) {
      const cost = costByDay.get(day) ?? 0;
      acc.cost += cost;
      acc.sum += value;
      acc.daysWithValue++;
      total.cost += cost;
      total.sum += value;
      total.daysWithValue++;
    }
    periods.set(period, acc);
  }
  // a sum metric divides by its count; an average metric by its typical day (so a month's cost per user)
  const measure = (acc: TAcc) => (acc.daysWithValue === 0 ? null : metric.aggregation === 'average' ? acc.sum / acc.daysWithValue : acc.sum);
  const unit = (cost: number, value: number | null) => (value === null || value === 0 ? null : round((cost / value) * metric.per));
  const rows: TUnitCostRow[] = [...periods].map(([period, acc]) => {
    const value = measure(acc);
    return { period, cost: round(acc.cost)!, value: value === null ? null : round(value, 6), unitCost: unit(acc.cost, value), daysWithValue: acc.daysWithValue, days: acc.days };
  });
  const complete = rows.filter((r) => r.unitCost !== null && r.daysWithValue === r.days && (granularity === 'day' || r.days >= 28));
  const latest = complete.at(-1)?.unitCost ?? null;
  const previous = complete.at(-2)?.unitCost ?? null;
  const totalValue = measure(total);
  return {
    metric: { name: metric.name, label: metric.label, unit: metric.unit, per: metric.per, aggregation: metric.aggregation },
    currency: query.currency,
    granularity,
    rows,
    total: { cost: round(total.cost)!, value: totalValue === null ? null : round(totalValue, 6), unitCost: unit(total.cost, totalValue) },
    trend: { latest, previous, change: latest !== null && previous !== null && Number(previous) !== 0 ? Number(latest) / Number(previous) - 1 : null },
  };
}
