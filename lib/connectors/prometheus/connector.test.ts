import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrometheusFake, type TPrometheusFake, type TPrometheusFakeState } from '../../../test/fakes/prometheus';
import { ConnectorError, type TFetchContext } from '../types';
import { createPrometheusConnector, rangeChunks } from './connector';

const now = new Date('2026-11-03T12:07:00Z');
const window = { from: new Date('2026-11-03T11:00:00Z'), to: new Date('2026-11-03T12:00:00Z') };
const ctx = (): TFetchContext => ({ window, now, finalDays: new Set(), log: () => {} });
const T0 = window.from.getTime() / 1000;

// api: CPU climbs 0.1 core every 5 minutes from 1.0; web: flat; a kube-system series has no deployment
const cpu = (t: number) => 1 + ((t - T0) / 300) * 0.1;
function state(): TPrometheusFakeState {
  const api = { namespace: 'prod', deployment: 'api' };
  const web = { namespace: 'prod', deployment: 'web' };
  return {
    token: 'prom-token-123',
    series: [
      { when: /container_cpu_usage_seconds_total/, metric: api, value: (t) => Number(cpu(t).toFixed(3)) },
      { when: /container_cpu_usage_seconds_total/, metric: web, value: (t) => (t === T0 + 600 ? 'NaN' : 0.25) },
      { when: /container_cpu_usage_seconds_total/, metric: { namespace: 'kube-system' }, value: () => 0.1 },
      { when: /resource_requests\{resource="cpu"\}/, metric: api, value: () => 2 },
      { when: /resource_limits\{resource="cpu"\}/, metric: api, value: (t) => (t < T0 + 1800 ? 3 : 4) },
      { when: /container_memory_working_set_bytes/, metric: api, value: () => 1.5 * 1024 ** 3 },
      { when: /resource_requests\{resource="memory"\}/, metric: api, value: () => 2 * 1024 ** 3 },
      { when: /resource_limits\{resource="memory"\}/, metric: api, value: () => 4 * 1024 ** 3 },
      { when: /kube_deployment_status_replicas_available/, metric: api, value: () => 4 },
      { when: /kube_deployment_status_replicas_available/, metric: web, value: () => 10 },
      { when: /\(rate\(http_requests_total/, metric: api, value: () => 123.5 },
    ],
  };
}

describe('prometheus connector against a fake HTTP API', () => {
  let fake: TPrometheusFake;
  let sleeps: number[];
  beforeEach(async () => {
    fake = await startPrometheusFake(state());
    sleeps = [];
  });
  afterEach(() => fake.close());
  const connector = (maxPointsPerQuery = 11_000) =>
    createPrometheusConnector({ maxPointsPerQuery, sleep: async (ms) => void sleeps.push(ms) });
  const config = (settings: Record<string, unknown> = {}) => ({
    settings: { url: fake.url, stepSeconds: 300, ...settings },
    credentials: { token: 'prom-token-123' },
  });

  it('cuts the window into aligned ranges of at most N points, without overlap', () => {
    expect(rangeChunks({ window, now }, 300, 5)).toEqual([
      { start: T0, end: T0 + 1200, step: 300 },
      { start: T0 + 1500, end: T0 + 2700, step: 300 },
      { start: T0 + 3000, end: T0 + 3300, step: 300 },
    ]);
    // a window reaching past now stops at now
    expect(rangeChunks({ window: { from: window.from, to: new Date('2026-11-04T00:00:00Z') }, now }, 300, 11_000)).toEqual([
      { start: T0, end: T0 + 300 * 13, step: 300 },
    ]);
  });

  it('queries every metric over every range and maps series to deployments', async () => {
    const result = await connector(5).fetch(config(), ctx());
    const ranges = fake.requests.filter((r) => r.path === '/api/v1/query_range');
    expect(ranges).toHaveLength(8 * 3); // 8 metrics × 3 ranges of ≤ 5 points
    expect(ranges.every((r) => r.headers.authorization === 'Bearer prom-token-123')).toBe(true);
    expect(ranges.slice(0, 3).map((r) => [r.query.get('start'), r.query.get('end'), r.query.get('step')])).toEqual([
      [String(T0), String(T0 + 1200), '300'],
      [String(T0 + 1500), String(T0 + 2700), '300'],
      [String(T0 + 3000), String(T0 + 3300), '300'],
    ]);
    expect(ranges[0].query.get('query')).toContain('sum by (namespace, deployment)');

    const series = (id: string, metric: string) =>
      result.samples.filter((s) => s.resourceExternalId === id && s.metric === metric).map((s) => [s.ts.getTime() / 1000, s.value]);
    const apiCpu = series('prod/api', 'cpu_cores');
    expect(apiCpu).toHaveLength(12);
    expect(apiCpu.map(([t]) => t)).toEqual(Array.from({ length: 12 }, (_, i) => T0 + i * 300));
    expect(apiCpu.every(([t, v]) => Math.abs(v - cpu(t)) < 1e-9)).toBe(true);
    expect(series('prod/web', 'cpu_cores')).toHaveLength(11); // the NaN point is dropped
    expect(result.samples.some((s) => s.resourceExternalId.startsWith('kube-system'))).toBe(false);
    expect(series('prod/api', 'http_requests_per_second')[0]).toEqual([T0, 123.5]);
    expect(result.samples.find((s) => s.metric === 'memory_working_set_bytes')).toMatchObject({ unit: 'bytes', provider: 'prometheus' });

    expect(result.resources.map((r) => r.externalId).sort()).toEqual(['prod/api', 'prod/web']);
    const api = result.resources.find((r) => r.externalId === 'prod/api')!;
    // capacity is the latest limit (raised from 3 to 4 cores halfway)
    expect(api).toMatchObject({ kind: 'app', name: 'api', size: '4 replicas', capacity: { cpu_cores: 4, memory_working_set_bytes: 4 * 1024 ** 3 } });
    expect(api.attributes).toMatchObject({ namespace: 'prod', cpuRequestCores: 2, memoryRequestBytes: 2 * 1024 ** 3 });
    expect(result.apiRequests).toBe(24);
  });

  it('runs an edited query instead of the default', async () => {
    fake.state.series.push({ when: /^sum by \(namespace, deployment\) \(rate\(nginx_http_requests_total/, metric: { namespace: 'prod', deployment: 'web' }, value: () => 42 });
    const result = await connector().fetch(config({ httpRequestsQuery: 'sum by (namespace, deployment) (rate(nginx_http_requests_total[1m]))' }), ctx());
    const http = result.samples.filter((s) => s.metric === 'http_requests_per_second');
    expect(new Set(http.map((s) => `${s.resourceExternalId}=${s.value}`))).toEqual(new Set(['prod/web=42']));
  });

  it('retries a 429 after Retry-After and a 503 with backoff', async () => {
    fake.fault((r) => r.path === '/api/v1/query_range', { status: 429, headers: { 'retry-after': '2' }, text: 'Too Many Requests' });
    fake.fault((r) => r.path === '/api/v1/query_range', { status: 503, text: 'Service Unavailable' });
    const result = await connector().fetch(config(), ctx());
    expect(sleeps[0]).toBe(2000);
    expect(sleeps).toHaveLength(2);
    // second retry of the request: 1 s capped delay, equal jitter → between 0.5 and 1 s
    expect(sleeps[1]).toBeGreaterThanOrEqual(500);
    expect(sleeps[1]).toBeLessThanOrEqual(1000);
    expect(result.samples.length).toBeGreaterThan(0);
  });

  it('names the field of a malformed answer, and the query Prometheus refuses', async () => {
    fake.fault((r) => r.path === '/api/v1/query_range', {
      json: { status: 'success', data: { resultType: 'matrix', result: [{ metric: { namespace: 'prod', deployment: 'api' }, values: [[T0, 1.5]] }] } },
    });
    const malformed = (await connector().fetch(config(), ctx()).catch((e: unknown) => e)) as ConnectorError;
    expect(malformed).toBeInstanceOf(ConnectorError);
    expect(malformed.status).toBe('unexpected_response');
    expect(malformed.message).toContain('data.result.0.values.0.1');

    const refused = await connector().test(config({ memoryQuery: 'sum(rate(foo[5m])' }));
    expect(refused).toMatchObject({ status: 'invalid_configuration', message: expect.stringContaining('memoryQuery') });
  });

  it('reports a rejected token, no data yet, and an unreachable server', async () => {
    expect(await connector().test({ ...config(), credentials: { token: 'wrong' } })).toMatchObject({ status: 'authentication_failed' });
    expect(await connector().test({ ...config(), credentials: {} })).toMatchObject({ status: 'authentication_failed' });
    fake.state.series[0].value = () => 1; // instant queries evaluate at the real now
    expect(await connector().test(config())).toMatchObject({ status: 'ok', message: expect.stringContaining('8 of 8 metrics') });
    fake.state.series = [];
    expect(await connector().test(config())).toMatchObject({ status: 'no_data_yet' });
    await fake.close();
    expect(await connector().test(config())).toMatchObject({ status: 'unreachable' });
  });
});
