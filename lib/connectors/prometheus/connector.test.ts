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
      // node groups: app-nodes grows from 3 to 4 nodes halfway; batch mixes two instance types; Karpenter's
      // nodes have no node group; a staging cluster's series carry their own cluster label
      ...nodeGroupSeries(),
    ],
  };
}

const NODES_Q = /^count by \(cluster, nodegroup, instance_type\) \(max by \(cluster, node, nodegroup, instance_type\) \(label_replace\(label_replace\(kube_node_labels,/;
// each kube-state-metrics series taken once (two replicas scraped) before it is summed per node group
const node = (resource: 'cpu' | 'memory', what: 'requests' | 'allocatable') =>
  what === 'requests'
    ? new RegExp(`^sum by \\(cluster, nodegroup, instance_type\\) \\(\\(max by \\(cluster, namespace, pod, container, node\\) \\(kube_pod_container_resource_requests\\{resource="${resource}"\\}\\) \\* on \\(cluster, namespace, pod\\) group_left\\(\\) max by`)
    : new RegExp(`^sum by \\(cluster, nodegroup, instance_type\\) \\(max by \\(cluster, node\\) \\(kube_node_status_allocatable\\{resource="${resource}"\\}\\) \\* on \\(cluster, node\\) group_left\\(nodegroup, instance_type\\) max by`);
const PLACEMENT_Q = /^count by \(cluster, namespace, deployment, nodegroup\) \(label_replace\(max by \(cluster, namespace, pod, node, created_by_name\) \(kube_pod_info\{created_by_kind="ReplicaSet"\}\), "deployment", "\$1", "created_by_name",/;
const appNodes = (t: number) => (t < T0 + 1800 ? 3 : 4);
function nodeGroupSeries(): TPrometheusFakeState['series'] {
  const app = { nodegroup: 'app-nodes', instance_type: 'm6i.xlarge' };
  const batchLarge = { nodegroup: 'batch', instance_type: 'm6i.large' };
  const batchXlarge = { nodegroup: 'batch', instance_type: 'm6i.xlarge' };
  const staging = { cluster: 'ec-staging', nodegroup: 'app-nodes', instance_type: 't3.large' };
  return [
    { when: NODES_Q, metric: app, value: appNodes },
    { when: NODES_Q, metric: batchLarge, value: () => 2 },
    { when: NODES_Q, metric: batchXlarge, value: () => 1 },
    { when: NODES_Q, metric: { instance_type: 'c7i.large' }, value: () => 5 },
    { when: NODES_Q, metric: staging, value: () => 1 },
    { when: node('cpu', 'requests'), metric: app, value: (t) => 7.5 + appNodes(t) },
    { when: node('memory', 'requests'), metric: app, value: () => 20 * 1024 ** 3 },
    { when: node('cpu', 'allocatable'), metric: app, value: (t) => appNodes(t) * 3.92 },
    { when: node('memory', 'allocatable'), metric: app, value: (t) => appNodes(t) * 15_000_000_000 },
    { when: node('cpu', 'requests'), metric: batchLarge, value: () => 1 },
    { when: node('cpu', 'requests'), metric: batchXlarge, value: () => 2 },
    // where the deployments' pods run: api on app-nodes, web spread over two groups
    { when: PLACEMENT_Q, metric: { namespace: 'prod', deployment: 'api', nodegroup: 'app-nodes' }, value: () => 4 },
    { when: PLACEMENT_Q, metric: { namespace: 'prod', deployment: 'web', nodegroup: 'app-nodes' }, value: () => 6 },
    { when: PLACEMENT_Q, metric: { namespace: 'prod', deployment: 'web', nodegroup: 'batch' }, value: () => 4 },
  ];
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
    expect(ranges).toHaveLength(13 * 3); // 8 deployment and 5 node-group metrics × 3 ranges of ≤ 5 points
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

    expect(result.resources.filter((r) => r.kind === 'app').map((r) => r.externalId).sort()).toEqual(['prod/api', 'prod/web']);
    const api = result.resources.find((r) => r.externalId === 'prod/api')!;
    // capacity is the latest limit (raised from 3 to 4 cores halfway)
    expect(api).toMatchObject({ kind: 'app', name: 'api', size: '4 replicas', capacity: { cpu_cores: 4, memory_working_set_bytes: 4 * 1024 ** 3 } });
    expect(api.attributes).toMatchObject({ namespace: 'prod', cpuRequestCores: 2, memoryRequestBytes: 2 * 1024 ** 3 });
    expect(result.apiRequests).toBe(40); // and one instant query: where the pods run
  });

  it('maps node groups to node-pool resources with hourly nodes, all pods’ requests and allocatable', async () => {
    const logs: Array<[string, unknown]> = [];
    const result = await connector().fetch(config({ cluster: 'ec-prod', region: 'eu-west-3' }), { ...ctx(), log: (m, d) => void logs.push([m, d]) });
    const pools = result.resources.filter((r) => r.kind === 'node-pool').sort((a, b) => a.externalId.localeCompare(b.externalId));
    expect(pools).toEqual([
      {
        provider: 'prometheus', kind: 'node-pool', externalId: 'ec-prod/app-nodes', name: 'ec-prod/app-nodes', region: 'eu-west-3', size: 'm6i.xlarge', capacity: {},
        attributes: { cluster: 'ec-prod', nodegroup: 'app-nodes', instanceType: 'm6i.xlarge' },
      },
      // two instance types: one resource, named by the type with most nodes, its series summed
      {
        provider: 'prometheus', kind: 'node-pool', externalId: 'ec-prod/batch', name: 'ec-prod/batch', region: 'eu-west-3', size: 'm6i.large', capacity: {},
        attributes: { cluster: 'ec-prod', nodegroup: 'batch', instanceType: 'm6i.large', instanceTypes: ['m6i.large', 'm6i.xlarge'] },
      },
      // the series' own cluster label wins over the setting
      expect.objectContaining({ externalId: 'ec-staging/app-nodes', size: 't3.large', attributes: { cluster: 'ec-staging', nodegroup: 'app-nodes', instanceType: 't3.large' } }),
    ]);
    const series = (id: string, metric: string) =>
      result.samples.filter((s) => s.resourceExternalId === id && s.metric === metric).map((s) => [s.ts.getTime() / 1000, s.value, s.unit]);
    expect(series('ec-prod/app-nodes', 'nodes')).toEqual(Array.from({ length: 12 }, (_, i) => [T0 + i * 300, i < 6 ? 3 : 4, 'count']));
    expect(series('ec-prod/app-nodes', 'cpu_request_cores')[11]).toEqual([T0 + 3300, 11.5, 'cores']);
    expect(series('ec-prod/app-nodes', 'memory_request_bytes')[0]).toEqual([T0, 20 * 1024 ** 3, 'bytes']);
    expect(series('ec-prod/app-nodes', 'cpu_allocatable_cores')[0]).toEqual([T0, 3 * 3.92, 'cores']);
    expect(series('ec-prod/app-nodes', 'memory_allocatable_bytes')[11]).toEqual([T0 + 3300, 60_000_000_000, 'bytes']);
    expect(series('ec-prod/batch', 'nodes')[0]).toEqual([T0, 3, 'count']);
    expect(series('ec-prod/batch', 'cpu_request_cores')[0]).toEqual([T0, 3, 'cores']);
    // one sample per (resource, metric, time): ingestion's natural key
    expect(new Set(result.samples.map((s) => `${s.resourceExternalId}|${s.metric}|${s.ts.getTime()}`)).size).toBe(result.samples.length);
    // the nodes outside any node group (and the deployment series the cpu-requests fake answers too) are counted, not kept
    expect(logs).toContainEqual([expect.stringContaining('without a nodegroup label'), { metric: 'nodes', unlabelled: 1 }]);
    // deployments carry the connection's cluster and region, and the node groups their pods run on at the window's end
    expect(result.resources.find((r) => r.externalId === 'prod/api')).toMatchObject({ region: 'eu-west-3', attributes: { cluster: 'ec-prod', nodeGroups: { 'app-nodes': 4 } } });
    expect(result.resources.find((r) => r.externalId === 'prod/web')!.attributes).toMatchObject({ nodeGroups: { 'app-nodes': 6, batch: 4 } });
    const placement = fake.requests.filter((r) => r.path === '/api/v1/query');
    expect(placement.map((r) => r.query.get('time'))).toEqual([String(T0 + 3300)]);
  });

  it('skips node groups it cannot place in a cluster (no label, no setting)', async () => {
    const result = await connector().fetch(config(), ctx());
    expect(result.resources.filter((r) => r.kind === 'node-pool').map((r) => r.externalId)).toEqual(['ec-staging/app-nodes']);
  });

  it('runs an edited query instead of the default', async () => {
    fake.state.series.push({ when: /^sum by \(namespace, deployment\) \(rate\(nginx_http_requests_total/, metric: { namespace: 'prod', deployment: 'web' }, value: () => 42 });
    const result = await connector().fetch(config({ httpRequestsQuery: 'sum by (namespace, deployment) (rate(nginx_http_requests_total[1m]))' }), ctx());
    const http = result.samples.filter((s) => s.metric === 'http_requests_per_second');
    expect(new Set(http.map((s) => `${s.resourceExternalId}=${s.value}`))).toEqual(new Set(['prod/web=42']));
    // node groups too: a group labelled by Karpenter's node pool label instead
    fake.state.series.push({ when: /karpenter_sh_nodepool/, metric: { cluster: 'k', nodegroup: 'general', instance_type: 'c7i.large' }, value: () => 7 });
    const karpenter = await connector().fetch(config({ nodesQuery: 'count by (cluster, nodegroup, instance_type) (label_replace(kube_node_labels, "nodegroup", "$1", "label_karpenter_sh_nodepool", "(.+)"))' }), ctx());
    expect(new Set(karpenter.samples.filter((s) => s.metric === 'nodes').map((s) => `${s.resourceExternalId}=${s.value}`))).toEqual(new Set(['k/general=7']));
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
    expect(await connector().test(config({ cluster: 'ec-prod' }))).toMatchObject({ status: 'ok', message: expect.stringContaining('13 of 13 metrics') });
    // without a cluster setting only the series labelled with their cluster count (staging's node count)
    expect(await connector().test(config())).toMatchObject({ status: 'ok', message: expect.stringContaining('9 of 13 metrics') });
    fake.state.series = fake.state.series.filter((x) => !('cluster' in x.metric));
    expect(await connector().test(config())).toMatchObject({ status: 'ok', message: expect.stringMatching(/8 of 13 metrics .*none yet for nodes per node-group/) });
    fake.state.series = [];
    expect(await connector().test(config())).toMatchObject({ status: 'no_data_yet' });
    await fake.close();
    expect(await connector().test(config())).toMatchObject({ status: 'unreachable' });
  });
});
