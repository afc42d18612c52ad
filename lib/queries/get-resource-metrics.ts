// One resource's metrics over a window, from the hourly rollup: points at an hourly or daily step,
// and per metric P50/P95/max of the hourly averages, the latest sample, headroom against capacity
// and when the trend reaches it. Used by the utilisation page and the API alike.
import { z } from 'zod';
import { parseIsoDay, ZDay } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';
import { headroomFigures, type THeadroom } from '../utilisation/headroom';
import { capacityFor, metricInfo } from '../utilisation/metric-catalogue';
import { trafficBasis, type TTrafficBasis } from '../utilisation/traffic-basis';
import { dailyMeans, estimateFull, type TFullEstimate } from '../utilisation/trend';
import { autoStep, spanDays, STEPS, type TStep } from '../utilisation/window';

const MAX_SPAN_DAYS = 731;
const MAX_HOURLY_SPAN_DAYS = 92;

export const ZResourceMetricsQuery = z
  .object({
    metric: z.string().min(1).max(200).optional().describe('one metric name; all metrics of the resource when absent'),
    from: ZDay.describe('first day, YYYY-MM-DD (UTC)'),
    to: ZDay.describe('day after the last, YYYY-MM-DD (UTC, exclusive)'),
    step: z.enum(STEPS).optional().describe('hour or day; hour up to 30 days, day beyond, when absent'),
  })
  .refine((q) => q.from < q.to, { message: 'must be after from (to is exclusive)', path: ['to'] })
  .refine((q) => spanDays(q.from, q.to) <= MAX_SPAN_DAYS, { message: `the window is limited to ${MAX_SPAN_DAYS} days`, path: ['from'] })
  .refine((q) => q.step !== 'hour' || spanDays(q.from, q.to) <= MAX_HOURLY_SPAN_DAYS, {
    message: `hourly points are limited to ${MAX_HOURLY_SPAN_DAYS} days: use step=day`,
    path: ['step'],
  });

export type TResourceMetricsQuery = z.infer<typeof ZResourceMetricsQuery>;

export type TMetricPoint = { t: string; avg: number; max: number; min: number };

export type TMetricSummary = {
  basis: 'hourly averages';
  hours: number; // hourly values in the window
  p50: number;
  p95: number;
  max: number; // the highest hourly average
  peak: number; // the highest single sample
  latest: { value: number; at: string } | null; // the window's last sample
  headroom: THeadroom | null; // when a capacity bounds a metric that fills
  trend: TFullEstimate | null; // ditto; fitted to the daily means of the points
};

export type TResourceMetric = {
  metric: string;
  label: string;
  unit: string;
  capacity: number | null;
  fills: boolean;
  basis: TTrafficBasis | null; // what one value of a traffic metric counts (per second, hour or day)
  points: TMetricPoint[];
  summary: TMetricSummary | null; // null when the window has no samples
};

export type TResourceHeader = {
  id: string;
  provider: string;
  kind: string;
  name: string;
  region: string | null;
  size: string | null;
  source: string;
};

export type TResourceMetrics = {
  resource: TResourceHeader;
  from: string;
  to: string;
  step: TStep;
  metrics: TResourceMetric[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getResourceMetrics(input: {
  resourceId: string;
  metric?: string;
  from: string;
  to: string;
  step?: TStep;
}): Promise<TResourceMetrics> {
  const step = input.step ?? autoStep(input.from, input.to);
  const from = parseIsoDay(input.from);
  const to = parseIsoDay(input.to);
  if (!UUID.test(input.resourceId)) throw new AppError('NOT_FOUND', `no resource ${input.resourceId}`);
  const db = pool();
  const found = await db.query<TResourceHeader & { capacity: unknown }>(
    `SELECT id, provider, kind, name, region, size, source, capacity FROM resource WHERE id = $1`,
    [input.resourceId],
  );
  if (!found.rows.length) throw new AppError('NOT_FOUND', `no resource ${input.resourceId}`);
  const { capacity, ...resource } = found.rows[0];

  // every metric the resource has ever had, by a loose index scan of the rollup's primary key
  const known = await db.query<{ metric: string }>(
    `WITH RECURSIVE m AS (
       (SELECT metric FROM utilization_hourly WHERE resource_id = $1 ORDER BY metric LIMIT 1)
       UNION ALL
       SELECT (SELECT h.metric FROM utilization_hourly h WHERE h.resource_id = $1 AND h.metric > m.metric
                ORDER BY h.metric LIMIT 1)
         FROM m WHERE m.metric IS NOT NULL
     )
     SELECT metric FROM m WHERE metric IS NOT NULL`,
    [input.resourceId],
  );
  let metrics = known.rows.map((r) => r.metric);
  if (input.metric !== undefined) {
    if (!metrics.includes(input.metric)) {
      throw new AppError('NOT_FOUND', `resource ${resource.name} has no metric ${input.metric}`, [
        { field: 'metric', message: `not a metric of this resource; it has ${metrics.join(', ') || 'none'}` },
      ]);
    }
    metrics = [input.metric];
  }
  if (!metrics.length) return { resource, from: input.from, to: input.to, step, metrics: [] };

  const params = [input.resourceId, metrics, from, to];
  const pointsSql =
    step === 'hour'
      ? `SELECT metric, hour AS t, avg, max, min FROM utilization_hourly
          WHERE resource_id = $1 AND metric = ANY($2) AND hour >= $3 AND hour < $4
          ORDER BY metric, hour`
      : // a day's average weighs every sample alike, not every hour
        `SELECT metric, date_trunc('day', hour, 'UTC') AS t, sum(sum) / sum(count) AS avg, max(max) AS max, min(min) AS min
           FROM utilization_hourly
          WHERE resource_id = $1 AND metric = ANY($2) AND hour >= $3 AND hour < $4
          GROUP BY 1, 2 ORDER BY 1, 2`;
  const [points, stats, latest] = await Promise.all([
    db.query<{ metric: string; t: Date; avg: number; max: number; min: number }>(pointsSql, params),
    db.query<{ metric: string; hours: number; p50: number; p95: number; max: number; peak: number }>(
      `SELECT metric, count(*)::int AS hours,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY avg) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY avg) AS p95,
              max(avg) AS max, max(max) AS peak
         FROM utilization_hourly
        WHERE resource_id = $1 AND metric = ANY($2) AND hour >= $3 AND hour < $4
        GROUP BY metric`,
      params,
    ),
    // the unit of the metric's latest hour overall, and its last sample inside the window
    db.query<{ metric: string; unit: string; ts: Date | null; value: number | null }>(
      `SELECT m.metric, u.unit, s.ts, s.value
         FROM unnest($2::text[]) AS m(metric)
         CROSS JOIN LATERAL (SELECT h.unit FROM utilization_hourly h WHERE h.resource_id = $1 AND h.metric = m.metric
                              ORDER BY h.hour DESC LIMIT 1) u
         LEFT JOIN LATERAL (SELECT x.ts, x.value FROM utilization_sample x
                             WHERE x.resource_id = $1 AND x.metric = m.metric AND x.ts >= $3 AND x.ts < $4
                             ORDER BY x.ts DESC LIMIT 1) s ON true`,
      params,
    ),
  ]);

  const pointsBy = new Map<string, TMetricPoint[]>();
  for (const p of points.rows) {
    const list = pointsBy.get(p.metric) ?? [];
    list.push({ t: p.t.toISOString(), avg: p.avg, max: p.max, min: p.min });
    pointsBy.set(p.metric, list);
  }
  const statsBy = new Map(stats.rows.map((r) => [r.metric, r]));
  const latestBy = new Map(latest.rows.map((r) => [r.metric, r]));

  return {
    resource,
    from: input.from,
    to: input.to,
    step,
    metrics: metrics.map((metric): TResourceMetric => {
      const info = metricInfo(metric);
      const cap = capacityFor(capacity, metric);
      const series = pointsBy.get(metric) ?? [];
      const s = statsBy.get(metric);
      const last = latestBy.get(metric);
      const bounded = info.fills && cap !== null;
      return {
        metric,
        label: info.label,
        unit: last?.unit ?? '',
        capacity: cap,
        fills: info.fills,
        // hours with samples per day that has any: ~24 for hourly samples, 1 for daily totals
        basis: trafficBasis(metric, last?.unit ?? '', s && series.length ? s.hours / new Set(series.map((p) => p.t.slice(0, 10))).size : null),
        points: series,
        summary: s
          ? {
              basis: 'hourly averages',
              hours: s.hours,
              p50: s.p50,
              p95: s.p95,
              max: s.max,
              peak: s.peak,
              latest: last?.ts && last.value !== null ? { value: last.value, at: last.ts.toISOString() } : null,
              headroom: bounded ? headroomFigures({ p95: s.p95, max: s.max, capacity: cap }) : null,
              trend: bounded
                ? estimateFull({ points: dailyMeans(series.map((p) => ({ t: Date.parse(p.t), v: p.avg }))), capacity: cap })
                : null,
            }
          : null,
      };
    }),
  };
}
