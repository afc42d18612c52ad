// Pulls business metrics from Prometheus: for each UTC day, the value of the metric's PromQL at the end of the
// day (a query such as sum(increase(http_requests_total[1d])) gives that day's count), summed over the series
// it returns. One range query per metric, through the Prometheus connector's own client.
import { addIsoDays, isoDay, parseIsoDay } from '../dates';
import { loadConnectionConfig } from '../connections/connection-config';
import { PrometheusClient } from '../connectors/prometheus/client';
import { ZPrometheusCredentials, ZPrometheusSettings } from '../connectors/prometheus/connector';
import { scrubText, secretForms } from '../connectors/scrub';
import type { Connection } from '../generated/prisma/client';
import { pool, prisma } from '../db';
import { decimalFromNumber } from '../money/decimal';
import { findMetric, upsertMetricPoints, type TPointsResult } from './metric-store';
import type { TMetricPoint } from './schemas';

const DAY_SECONDS = 86_400;

export type TPullResult = { metric: string; from: string; to: string; points: number; error?: string } & Partial<TPointsResult>;

/** Points of [from, to] (inclusive days) from the query's values at the end of each day. */
export async function readPrometheusDays(client: PrometheusClient, query: string, from: string, to: string): Promise<TMetricPoint[]> {
  const start = parseIsoDay(addIsoDays(from, 1)).getTime() / 1000;
  const end = parseIsoDay(addIsoDays(to, 1)).getTime() / 1000;
  const matrix = await client.queryRange(query, { start, end, step: DAY_SECONDS }, 'business metric');
  const byDay = new Map<string, number>();
  for (const series of matrix.data.result) {
    for (const [t, raw] of series.values) {
      const value = Number(raw);
      if (!Number.isFinite(value)) continue;
      const day = isoDay(new Date((Number(t) - DAY_SECONDS) * 1000));
      byDay.set(day, (byDay.get(day) ?? 0) + value);
    }
  }
  return [...byDay]
    .filter(([day]) => day >= from && day <= to)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, value]) => ({ day, value: decimalFromNumber(Math.max(0, value), 6) }));
}

export async function pullPrometheusMetric(name: string, range: { from: string; to: string }, options: { timeoutMs?: number; maxRetries?: number } = {}): Promise<TPullResult> {
  const metric = await findMetric(name);
  const base = { metric: name, from: range.from, to: range.to, points: 0 };
  if (metric.source !== 'prometheus' || !metric.query) return { ...base, error: 'not a metric pulled from Prometheus' };
  if (!metric.connectionId) return { ...base, error: 'its Prometheus connection was removed: choose another' };
  const row: Connection | null = await prisma.connection.findUnique({ where: { id: metric.connectionId } });
  if (!row) return { ...base, error: 'its Prometheus connection was removed: choose another' };
  const config = loadConnectionConfig(row);
  const settings = ZPrometheusSettings.parse(config.settings);
  const credentials = ZPrometheusCredentials.parse(config.credentials);
  const client = new PrometheusClient({ url: settings.url, token: credentials.token, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries });
  let points: TMetricPoint[];
  try {
    points = await readPrometheusDays(client, metric.query, range.from, range.to);
  } catch (e) {
    return { ...base, error: scrubText(e instanceof Error ? e.message : String(e), secretForms(credentials)) };
  }
  if (!points.length) return base;
  const written = await upsertMetricPoints(name, points, { source: 'prometheus' });
  return { ...base, points: points.length, ...written };
}

/** Every Prometheus metric, over the last `days` complete UTC days before `now` (a daily job re-reads a few). */
export async function pullAllPrometheusMetrics(options: { now: Date; days?: number; timeoutMs?: number; maxRetries?: number }): Promise<TPullResult[]> {
  const to = addIsoDays(isoDay(options.now), -1);
  const from = addIsoDays(to, -((options.days ?? 3) - 1));
  const { rows } = await pool().query<{ name: string }>(`SELECT name FROM business_metric WHERE source = 'prometheus' ORDER BY name`);
  const results: TPullResult[] = [];
  // one metric failing (a query refused, Prometheus down) never stops the others
  for (const { name } of rows) results.push(await pullPrometheusMetric(name, { from, to }, options));
  return results;
}
