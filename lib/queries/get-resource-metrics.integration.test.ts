import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, withTransaction } from '../db';
import type { TSampleInput } from '../focus/types';
import { resourceKey, upsertResources } from '../ingestion/upsert-resources';
import { upsertSamples } from '../ingestion/upsert-samples';
import { getResourceMetrics, type TResourceMetric } from './get-resource-metrics';
import {
  cache,
  close,
  cluster,
  expectedFor,
  fixtureSamples,
  FROM,
  GiB,
  idle,
  MEMORY_PER_DAY,
  MEMORY_START,
  TO,
  WINDOW,
} from './testing/utilisation-fixture';

let samples: TSampleInput[];
let clusterId: string;
let idleId: string;

beforeAll(async () => {
  await truncate('resource', 'utilization_sample', 'utilization_hourly');
  samples = fixtureSamples();
  const { ids } = await withTransaction((c) => upsertResources(c, [cluster, cache, idle], { source: 'test' }));
  clusterId = ids.get(resourceKey(cluster.provider, cluster.externalId))!;
  idleId = ids.get(resourceKey(idle.provider, idle.externalId))!;
  // in two writes, the second re-writing part of the first with other values, as a re-sync does
  const half = Math.floor(samples.length / 2);
  await withTransaction((c) => upsertSamples(c, samples.slice(0, half).map((s) => ({ ...s, value: s.value * 3 }))));
  await withTransaction((c) => upsertSamples(c, samples));
});
afterAll(() => disconnect());

function expectClose(actual: number | undefined, expected: number, what: string) {
  expect(close(actual ?? NaN, expected), `${what}: ${actual} against ${expected}`).toBe(true);
}

function byMetric(metrics: TResourceMetric[], metric: string): TResourceMetric {
  const m = metrics.find((x) => x.metric === metric);
  expect(m, metric).toBeDefined();
  return m!;
}

describe('getResourceMetrics', () => {
  it('gives P50, P95 and max of the hourly averages in the window, as computed from the samples', async () => {
    const result = await getResourceMetrics({ resourceId: clusterId, ...WINDOW, step: 'hour' });
    expect(result.resource).toMatchObject({ id: clusterId, name: 'ec-routes', provider: 'atlas', kind: 'database', size: 'M30' });
    expect(result.metrics.map((m) => m.metric)).toEqual(['cpu_percent', 'hit_ratio', 'memory_used_bytes', 'ops_per_sec']);

    for (const metric of ['cpu_percent', 'hit_ratio', 'memory_used_bytes', 'ops_per_sec']) {
      const want = expectedFor(samples, cluster, metric);
      const got = byMetric(result.metrics, metric);
      const s = got.summary!;
      expect(s.basis).toBe('hourly averages');
      expect(s.hours).toBe(want.hourly.length);
      expectClose(s.p50, want.p50, `${metric} P50`);
      expectClose(s.p95, want.p95, `${metric} P95`);
      expectClose(s.max, want.max, `${metric} max`);
      expect(s.peak).toBe(want.peak);
      expect(s.latest).toEqual({ value: want.latest.value, at: new Date(want.latest.at).toISOString() });
      expect(got.points.map((p) => p.t)).toEqual(want.hourly.map((h) => new Date(h.t).toISOString()));
      got.points.forEach((p, i) => {
        expectClose(p.avg, want.hourly[i].avg, `${metric} avg at ${p.t}`);
        expect([p.min, p.max]).toEqual([want.hourly[i].min, want.hourly[i].max]);
      });
    }
    // 10 days of 24 hours, less the 03:00 hour each day
    expect(byMetric(result.metrics, 'cpu_percent').summary!.hours).toBe(10 * 23);
  });

  it('states headroom against capacity for metrics that fill, and none for ratios or without capacity', async () => {
    const { metrics } = await getResourceMetrics({ resourceId: clusterId, ...WINDOW });
    const cpu = byMetric(metrics, 'cpu_percent');
    const want = expectedFor(samples, cluster, 'cpu_percent');
    expect(cpu.capacity).toBe(100);
    expect(cpu.unit).toBe('percent');
    expectClose(cpu.summary!.headroom!.headroom, 1 - want.p95 / 100, 'cpu headroom');
    expectClose(cpu.summary!.headroom!.maxFill!, want.max / 100, 'cpu max / capacity');

    const hit = byMetric(metrics, 'hit_ratio');
    expect(hit).toMatchObject({ capacity: 1, fills: false, unit: 'ratio' });
    expect(hit.summary).toMatchObject({ headroom: null, trend: null });
    const ops = byMetric(metrics, 'ops_per_sec');
    expect(ops).toMatchObject({ capacity: null, fills: true, unit: 'ops/s' });
    expect(ops.summary).toMatchObject({ headroom: null, trend: null });
  });

  it('estimates when a growing metric reaches capacity from its straight line', async () => {
    const { metrics } = await getResourceMetrics({ resourceId: clusterId, ...WINDOW, metric: 'memory_used_bytes' });
    expect(metrics.map((m) => m.metric)).toEqual(['memory_used_bytes']);
    const trend = metrics[0].summary!.trend!;
    // samples at :00 and :30 on the line: each hourly average is the line at :15 of its hour, each
    // daily mean of those the line at 11:45; the last daily point stands at the last day's start
    const lastDay = TO - 86_400_000;
    const level = MEMORY_START + (MEMORY_PER_DAY * (lastDay + (11 * 60 + 45) * 60_000 - FROM)) / 86_400_000;
    expect(trend.status).toBe('growing');
    expectClose(trend.slopePerDay!, MEMORY_PER_DAY, 'slope');
    expect(Math.abs(trend.daysToFull! - (8 * GiB - level) / MEMORY_PER_DAY)).toBeLessThan(1e-6);
    expect(trend.fullAt).toBe(new Date(lastDay + trend.daysToFull! * 86_400_000).toISOString());
  });

  it('derives daily points from the hourly rollup, weighing every sample alike', async () => {
    const { metrics, step } = await getResourceMetrics({ resourceId: clusterId, ...WINDOW, step: 'day', metric: 'cpu_percent' });
    expect(step).toBe('day');
    const want = expectedFor(samples, cluster, 'cpu_percent');
    expect(metrics[0].points.map((p) => p.t)).toEqual(want.daily.map((d) => new Date(d.t).toISOString()));
    metrics[0].points.forEach((p, i) => {
      expectClose(p.avg, want.daily[i].avg, `daily avg ${p.t}`);
      expect([p.min, p.max]).toEqual([want.daily[i].min, want.daily[i].max]);
    });
    // the summary does not depend on the step
    expectClose(metrics[0].summary!.p95, want.p95, 'P95 at step=day');
  });

  it('picks the step from the span when none is given', async () => {
    expect((await getResourceMetrics({ resourceId: clusterId, ...WINDOW })).step).toBe('hour');
    expect((await getResourceMetrics({ resourceId: clusterId, from: '2026-01-01', to: '2026-03-11' })).step).toBe('day');
  });

  it('lists a metric without samples in the window with no summary', async () => {
    const { metrics } = await getResourceMetrics({ resourceId: clusterId, from: '2025-01-01', to: '2025-01-08' });
    expect(metrics.find((m) => m.metric === 'cpu_percent')).toMatchObject({ points: [], summary: null, unit: 'percent' });
  });

  it('answers NOT_FOUND for an unknown resource or metric, and an empty list for a resource without samples', async () => {
    await expect(getResourceMetrics({ resourceId: '00000000-0000-4000-8000-000000000000', ...WINDOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getResourceMetrics({ resourceId: 'not-a-uuid', ...WINDOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getResourceMetrics({ resourceId: clusterId, ...WINDOW, metric: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ field: 'metric' }],
    });
    expect((await getResourceMetrics({ resourceId: idleId, ...WINDOW })).metrics).toEqual([]);
  });
});
