// The resources API through its route handlers, called as Next.js calls them, with a viewer token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { createApiToken } from '@/lib/auth/tokens';
import { disconnect, withTransaction } from '@/lib/db';
import { resourceKey, upsertResources } from '@/lib/ingestion/upsert-resources';
import { upsertSamples } from '@/lib/ingestion/upsert-samples';
import { cache, close, cluster, expectedFor, fixtureSamples, WINDOW } from '@/lib/queries/testing/utilisation-fixture';
import * as collection from './route';
import * as metrics from './[id]/metrics/route';

let viewer: string;
let clusterId: string;
const samples = fixtureSamples();

beforeAll(async () => {
  await truncate();
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  const { ids } = await withTransaction(async (c) => {
    const result = await upsertResources(c, [cluster, cache], { source: 'test' });
    await upsertSamples(c, samples);
    return result;
  });
  clusterId = ids.get(resourceKey(cluster.provider, cluster.externalId))!;
});
afterAll(() => disconnect());

const get = (path: string, token: string | null = viewer) =>
  new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const metricsUrl = (id: string, query: string) => `/api/v1/resources/${id}/metrics?${query}`;

describe('GET /api/v1/resources', () => {
  it('needs a session or token, and lists resources for a viewer', async () => {
    expect((await collection.GET(get('/api/v1/resources', null))).status).toBe(401);
    const res = await collection.GET(get('/api/v1/resources?days=7'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.basis).toBe('hourly averages');
    expect(body.resources.map((r: { name: string }) => r.name)).toEqual(['ec-cache', 'ec-routes']);
  });

  it('names a bad days parameter', async () => {
    const res = await collection.GET(get('/api/v1/resources?days=0'));
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].field).toBe('days');
  });
});

describe('GET /api/v1/resources/{id}/metrics', () => {
  it('returns the metric over the window with its P95 from the hourly averages', async () => {
    const res = await metrics.GET(get(metricsUrl(clusterId, `metric=cpu_percent&from=${WINDOW.from}&to=${WINDOW.to}&step=day`)), ctx(clusterId));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ from: WINDOW.from, to: WINDOW.to, step: 'day', resource: { id: clusterId, name: 'ec-routes' } });
    expect(body.metrics).toHaveLength(1);
    expect(body.metrics[0].points).toHaveLength(10);
    const want = expectedFor(samples, cluster, 'cpu_percent');
    expect(body.metrics[0].summary.basis).toBe('hourly averages');
    expect(close(body.metrics[0].summary.p95, want.p95)).toBe(true);
    expect(close(body.metrics[0].summary.headroom.headroom, 1 - want.p95 / 100)).toBe(true);
  });

  it('answers 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      [`from=2026-02-30&to=${WINDOW.to}`, 'from'],
      [`from=${WINDOW.to}&to=${WINDOW.from}`, 'to'],
      [`from=${WINDOW.from}&to=${WINDOW.to}&step=week`, 'step'],
      [`from=2026-01-01&to=2026-06-01&step=hour`, 'step'],
      [`to=${WINDOW.to}`, 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await metrics.GET(get(metricsUrl(clusterId, query)), ctx(clusterId));
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.issues.map((i: { field: string }) => i.field), query).toContain(field);
      expect(body.error.message).toContain(field);
    }
  });

  it('answers 404 for an unknown resource or metric', async () => {
    const query = `from=${WINDOW.from}&to=${WINDOW.to}`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await metrics.GET(get(metricsUrl(unknown, query)), ctx(unknown))).status).toBe(404);
    expect((await metrics.GET(get(metricsUrl('nope', query)), ctx('nope'))).status).toBe(404);
    const res = await metrics.GET(get(metricsUrl(clusterId, `${query}&metric=nope`)), ctx(clusterId));
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('nope');
  });
});
