import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, withTransaction } from '../db';
import type { TSampleInput } from '../focus/types';
import { upsertResources } from '../ingestion/upsert-resources';
import { upsertSamples } from '../ingestion/upsert-samples';
import { getResources } from './get-resources';
import { cache, close, cluster, expectedFor, fixtureSamples, GiB, idle, TO, WINDOW } from './testing/utilisation-fixture';

let samples: TSampleInput[];

beforeAll(async () => {
  await truncate('resource', 'utilization_sample', 'utilization_hourly');
  samples = fixtureSamples();
  await withTransaction(async (c) => {
    await upsertResources(c, [cluster, cache, idle], { source: 'test' });
    await upsertSamples(c, samples);
  });
});
afterAll(() => disconnect());

const lastOf = (externalId: string, metric: string) =>
  samples.filter((s) => s.resourceExternalId === externalId && s.metric === metric).sort((a, b) => b.ts.getTime() - a.ts.getTime())[0];

describe('getResources', () => {
  it('lists every resource with its latest values, the window P95 and the bounded metric that runs out first', async () => {
    const list = await getResources(WINDOW);
    expect(list).toMatchObject({ ...WINDOW, basis: 'hourly averages' });
    // by kind, then name
    expect(list.resources.map((r) => r.name)).toEqual(['ec-cache', 'europe-cyclisme.eu', 'ec-routes']);

    const routes = list.resources.find((r) => r.name === 'ec-routes')!;
    expect(routes).toMatchObject({ provider: 'atlas', kind: 'database', region: 'eu-west-3', size: 'M30', source: 'test' });
    expect(routes.capacity).toEqual(cluster.capacity);
    expect(routes.metrics.map((m) => m.metric)).toEqual(['cpu_percent', 'hit_ratio', 'memory_used_bytes', 'ops_per_sec']);
    for (const m of routes.metrics) {
      // the latest sample overall, after the window too
      const last = lastOf(cluster.externalId, m.metric);
      expect({ latest: m.latest, latestAt: m.latestAt }).toEqual({ latest: last.value, latestAt: last.ts.toISOString() });
      const want = expectedFor(samples, cluster, m.metric);
      expect(close(m.p95!, want.p95), `${m.metric} P95 ${m.p95} against ${want.p95}`).toBe(true);
    }
    const latestTs = Math.max(...samples.filter((s) => s.resourceExternalId === cluster.externalId).map((s) => s.ts.getTime()));
    expect(routes.lastSampleAt).toBe(new Date(latestTs).toISOString());

    // the main metric is the one that runs out first: memory grows 0.05 GiB a day towards 8 GiB,
    // while the CPU, fuller, has no trend (its samples are noise around a daily cycle)
    const cpuFill = expectedFor(samples, cluster, 'cpu_percent').p95 / 100;
    const memFill = expectedFor(samples, cluster, 'memory_used_bytes').p95 / (8 * GiB);
    expect(cpuFill).toBeGreaterThan(memFill);
    expect(routes.metrics.find((m) => m.metric === 'cpu_percent')!.trend?.status).not.toBe('growing');
    const lastDay = expectedFor(samples, cluster, 'memory_used_bytes').hourly.filter((h) => h.t >= TO - 86_400_000);
    const lastDayMean = lastDay.reduce((a, h) => a + h.avg, 0) / lastDay.length;
    const runway = (8 * GiB - lastDayMean) / (0.05 * GiB);
    expect(routes.main).toMatchObject({ metric: 'memory_used_bytes', trend: { status: 'growing' } });
    expect(routes.main!.runwayDays!).toBeCloseTo(runway, 6);
    expect(close(routes.main!.fill, memFill)).toBe(true);
    expect(close(routes.main!.headroom, 1 - memFill)).toBe(true);
    expect(routes.metrics.find((m) => m.metric === 'hit_ratio')).toMatchObject({ capacity: 1, fill: null });
    expect(routes.metrics.find((m) => m.metric === 'ops_per_sec')).toMatchObject({ capacity: null, fill: null, trend: null, basis: 'per-second' });
    expect(routes.metrics.find((m) => m.metric === 'cpu_percent')!.basis).toBeNull();

    const redis = list.resources.find((r) => r.name === 'ec-cache')!;
    const redisP95 = expectedFor(samples, cache, 'memory_used_bytes').p95;
    expect(redis.main).toMatchObject({ metric: 'memory_used_bytes', noun: 'memory', unit: 'bytes', capacity: GiB });
    expect(close(redis.main!.p95, redisP95)).toBe(true);
    expect(close(redis.main!.fill, redisP95 / GiB)).toBe(true);

    expect(list.resources.find((r) => r.name === 'europe-cyclisme.eu')).toMatchObject({ metrics: [], main: null, lastSampleAt: null });
  });

  it('has no P95 or main metric for a window without samples, but still the latest values', async () => {
    const list = await getResources({ from: '2025-01-01', to: '2025-01-08' });
    const routes = list.resources.find((r) => r.name === 'ec-routes')!;
    expect(routes.main).toBeNull();
    expect(routes.metrics.every((m) => m.p95 === null && m.fill === null)).toBe(true);
    expect(routes.metrics.find((m) => m.metric === 'cpu_percent')!.latest).toBe(lastOf(cluster.externalId, 'cpu_percent').value);
  });
});
