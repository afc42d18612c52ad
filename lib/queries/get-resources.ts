// The inventory with how full each resource is: latest value per metric, the window's P95 of hourly
// averages against capacity and its trend, and the main metric (the bounded one that runs out first).
import { z } from 'zod';
import { parseIsoDay } from '../dates';
import { pool } from '../db';
import { headroomFigures } from '../utilisation/headroom';
import { capacityFor, metricInfo } from '../utilisation/metric-catalogue';
import { trafficBasis, type TTrafficBasis } from '../utilisation/traffic-basis';
import { estimateFull, type TFullEstimate } from '../utilisation/trend';
import { mostUrgentMetric } from '../utilisation/urgent-metric';

export const ZResourcesQuery = z.object({
  days: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1)
    .max(366)
    .default(30)
    .describe('P95 and headroom over the last N whole UTC days including today'),
});

export type TResourceMetricStatus = {
  metric: string;
  label: string;
  unit: string;
  latest: number;
  latestAt: string;
  capacity: number | null;
  p95: number | null; // of hourly averages over the window; null without samples in it
  fill: number | null; // p95 / capacity, for bounded metrics that fill
  trend: TFullEstimate | null; // towards capacity, through the window's daily means, for the same
  basis: TTrafficBasis | null; // what one value of a traffic metric counts
};

export type TResourceMain = {
  metric: string;
  label: string;
  noun: string;
  unit: string;
  p95: number;
  capacity: number;
  fill: number;
  headroom: number;
  trend: TFullEstimate | null;
  runwayDays: number | null; // 0 when at or over capacity; null when it does not fill up in view
};

export type TResourceStatus = {
  id: string;
  provider: string;
  kind: string;
  name: string;
  region: string | null;
  size: string | null;
  source: string;
  capacity: Record<string, unknown>;
  lastSampleAt: string | null;
  metrics: TResourceMetricStatus[];
  main: TResourceMain | null;
};

export type TResourceList = { from: string; to: string; basis: 'hourly averages'; resources: TResourceStatus[] };

export async function getResources(window: { from: string; to: string }): Promise<TResourceList> {
  const db = pool();
  const [resources, metrics, days] = await Promise.all([
    db.query<Omit<TResourceStatus, 'lastSampleAt' | 'metrics' | 'main'>>(
      `SELECT id, provider, kind, name, region, size, source, capacity FROM resource ORDER BY kind, name, provider, id`,
    ),
    // (resource, metric) pairs by a loose index scan of the rollup's primary key, then per pair an
    // index probe for the latest sample and an index range scan for the window's P95
    db.query<{ resource_id: string; metric: string; unit: string; ts: Date; value: number; p95: number | null }>(
      `WITH RECURSIVE pairs AS (
         (SELECT resource_id, metric FROM utilization_hourly ORDER BY resource_id, metric LIMIT 1)
         UNION ALL
         SELECT n.resource_id, n.metric
           FROM pairs p
           CROSS JOIN LATERAL (SELECT h.resource_id, h.metric FROM utilization_hourly h
                                WHERE (h.resource_id, h.metric) > (p.resource_id, p.metric)
                                ORDER BY h.resource_id, h.metric LIMIT 1) n
       )
       SELECT p.resource_id, p.metric, l.unit, l.ts, l.value, w.p95
         FROM pairs p
         CROSS JOIN LATERAL (SELECT s.unit, s.ts, s.value FROM utilization_sample s
                              WHERE s.resource_id = p.resource_id AND s.metric = p.metric
                              ORDER BY s.ts DESC LIMIT 1) l
         CROSS JOIN LATERAL (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY h.avg) AS p95
                               FROM utilization_hourly h
                              WHERE h.resource_id = p.resource_id AND h.metric = p.metric
                                AND h.hour >= $1 AND h.hour < $2) w
        ORDER BY p.resource_id, p.metric`,
      [parseIsoDay(window.from), parseIsoDay(window.to)],
    ),
    // each day's mean of the hourly averages, as the resource page fits its trend to
    db.query<{ resource_id: string; metric: string; day: Date; avg: number; hours: number }>(
      `SELECT resource_id, metric, date_trunc('day', hour, 'UTC') AS day, avg(avg) AS avg, count(*)::int AS hours
         FROM utilization_hourly WHERE hour >= $1 AND hour < $2
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [parseIsoDay(window.from), parseIsoDay(window.to)],
    ),
  ]);
  const daily = new Map<string, { t: number; v: number; hours: number }[]>();
  for (const d of days.rows) {
    const key = `${d.resource_id}|${d.metric}`;
    const list = daily.get(key) ?? [];
    list.push({ t: d.day.getTime(), v: d.avg, hours: d.hours });
    daily.set(key, list);
  }

  const byResource = new Map<string, TResourceMetricStatus[]>();
  const capacities = new Map(resources.rows.map((r) => [r.id, r.capacity]));
  for (const row of metrics.rows) {
    const info = metricInfo(row.metric);
    const capacity = capacityFor(capacities.get(row.resource_id), row.metric);
    const figures = info.fills ? headroomFigures({ p95: row.p95, capacity }) : null;
    const list = byResource.get(row.resource_id) ?? [];
    const points = daily.get(`${row.resource_id}|${row.metric}`) ?? [];
    const hours = points.reduce((a, p) => a + p.hours, 0);
    list.push({
      metric: row.metric,
      label: info.label,
      unit: row.unit,
      latest: row.value,
      latestAt: row.ts.toISOString(),
      capacity,
      p95: row.p95,
      fill: figures?.p95Fill ?? null,
      trend: figures && capacity !== null ? estimateFull({ points, capacity }) : null,
      basis: trafficBasis(row.metric, row.unit, points.length ? hours / points.length : null),
    });
    byResource.set(row.resource_id, list);
  }

  return {
    from: window.from,
    to: window.to,
    basis: 'hourly averages',
    resources: resources.rows.map((r) => {
      const list = byResource.get(r.id) ?? [];
      const lastSampleAt = list.reduce<string | null>((acc, m) => (acc === null || m.latestAt > acc ? m.latestAt : acc), null);
      // the binding constraint: of the bounded metrics, the one that runs out first
      const top = mostUrgentMetric(list);
      const main: TResourceMain | null =
        top && top.p95 !== null && top.capacity !== null && top.fill !== null
          ? {
              metric: top.metric,
              label: top.label,
              noun: metricInfo(top.metric).noun,
              unit: top.unit,
              p95: top.p95,
              capacity: top.capacity,
              fill: top.fill,
              headroom: 1 - top.fill,
              trend: top.trend,
              runwayDays: top.runwayDays,
            }
          : null;
      return { ...r, capacity: (r.capacity ?? {}) as Record<string, unknown>, lastSampleAt, metrics: list, main };
    }),
  };
}
