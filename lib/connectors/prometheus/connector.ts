// Prometheus: range queries for the application fleet (CPU and memory per deployment against
// requests and limits, replicas, HTTP request rate) → samples per deployment; and for the nodes under it
// (nodes, the requests of all pods on them, their allocatable CPU and memory) → samples per node group.
import { z } from 'zod';
import { ZHttpUrl } from '../http-url';
import type { TSampleInput } from '../../focus/types';
import { parseConnectionConfig, TEST_TIMEOUT_MS, testConnection, type THttpConnectorOptions } from '../http';
import { emptyFetchResult, type TConnector, type TFetchContext, type TFetchResult } from '../types';
import { PrometheusClient } from './client';
import { mapDeployments, mapNodeGroups, mapNodeGroupSeries, mapPlacement, mapSeries, sumSamples, type TNodeGroup } from './mapper';
import { ALL_PROM_QUERIES, placementQuery, promQueries, scopeOf } from './queries';

const queryOverride = z.string().trim().min(1).optional();

export const ZPrometheusSettings = z.object({
  url: ZHttpUrl,
  stepSeconds: z.coerce.number().int().min(15).max(86_400).default(300),
  // names the node groups' cluster when the series carry no `cluster` label (one cluster per Prometheus)
  cluster: z.string().trim().min(1).max(100).optional(),
  // the cloud region of the cluster, given to its node groups (the price catalogue's region)
  region: z.string().trim().min(1).max(50).optional(),
  cpuQuery: queryOverride,
  cpuRequestsQuery: queryOverride,
  cpuLimitsQuery: queryOverride,
  memoryQuery: queryOverride,
  memoryRequestsQuery: queryOverride,
  memoryLimitsQuery: queryOverride,
  replicasQuery: queryOverride,
  httpRequestsQuery: queryOverride,
  nodesQuery: queryOverride,
  nodeCpuRequestsQuery: queryOverride,
  nodeMemoryRequestsQuery: queryOverride,
  nodeCpuAllocatableQuery: queryOverride,
  nodeMemoryAllocatableQuery: queryOverride,
  placementQuery: queryOverride,
});
export type TPrometheusSettings = z.infer<typeof ZPrometheusSettings>;

export const ZPrometheusCredentials = z.object({ token: z.string().min(1).optional() });
export type TPrometheusCredentials = z.infer<typeof ZPrometheusCredentials>;

export type TPrometheusConnectorOptions = THttpConnectorOptions & {
  // Prometheus refuses more than 11,000 points per series in one range query
  maxPointsPerQuery?: number;
};

// Aligned evaluation times within [from, min(to, now)), cut into runs of at most maxPoints.
export function rangeChunks(ctx: Pick<TFetchContext, 'window' | 'now'>, step: number, maxPoints: number) {
  const first = Math.ceil(ctx.window.from.getTime() / 1000 / step) * step;
  const endMs = Math.min(ctx.window.to.getTime(), ctx.now.getTime() + 1);
  const last = Math.ceil(endMs / 1000 / step) * step - step; // the last aligned time before the end
  const chunks: Array<{ start: number; end: number; step: number }> = [];
  for (let start = first; start <= last; start += maxPoints * step) {
    chunks.push({ start, end: Math.min(start + (maxPoints - 1) * step, last), step });
  }
  return chunks;
}

export function createPrometheusConnector(
  options: TPrometheusConnectorOptions = {},
): TConnector<TPrometheusSettings, TPrometheusCredentials> {
  const schemas = { settingsSchema: ZPrometheusSettings, credentialsSchema: ZPrometheusCredentials };
  const clientFor = (settings: TPrometheusSettings, credentials: TPrometheusCredentials, timeoutMs?: number) =>
    new PrometheusClient({ ...options, url: settings.url, token: credentials.token, timeoutMs: timeoutMs ?? options.timeoutMs });

  return {
    provider: 'prometheus',
    label: 'Prometheus',
    ...schemas,
    defaultSchedule: '*/15 * * * *',
    defaultBackfillDays: 7,

    // Runs every query once, at now: a query that does not parse is named; no series at all means
    // nothing is scraped yet.
    async test(config, testOptions) {
      return testConnection(schemas, config, async ({ settings, credentials }) => {
        const client = clientFor(settings, credentials, options.timeoutMs ?? TEST_TIMEOUT_MS);
        const time = Math.floor(Date.now() / 1000);
        const found: string[] = [];
        for (const q of promQueries(settings)) {
          const answer = await client.query(q.query, time, q.setting, testOptions?.signal);
          const series = answer.data.resultType === 'vector' ? answer.data.result : [];
          const labelled = scopeOf(q) === 'node-group'
            ? series.some((s) => s.metric.nodegroup && (s.metric.cluster || settings.cluster))
            : series.some((s) => s.metric.namespace && s.metric.deployment);
          if (labelled) found.push(q.setting);
        }
        if (!found.length) {
          return { status: 'no_data_yet', message: 'Prometheus answers, but no query returns a series per namespace and deployment (or per node group) yet' };
        }
        const missing = ALL_PROM_QUERIES.filter((q) => !found.includes(q.setting)).map((q) => `${q.metric} per ${scopeOf(q)}`);
        return {
          status: 'ok',
          message: `Connected to Prometheus: ${found.length} of ${ALL_PROM_QUERIES.length} metrics have data${missing.length ? ` (none yet for ${missing.join(', ')})` : ''}`,
        };
      });
    },

    async fetch(config, ctx): Promise<TFetchResult> {
      const { settings, credentials } = parseConnectionConfig(schemas, config);
      const client = clientFor(settings, credentials);
      const result = emptyFetchResult();
      const chunks = rangeChunks(ctx, settings.stepSeconds, options.maxPointsPerQuery ?? 11_000);
      const samples: TSampleInput[] = [];
      const nodeSamples: TSampleInput[] = [];
      const groups = new Map<string, TNodeGroup>();
      for (const q of promQueries(settings)) {
        let unlabelled = 0;
        for (const chunk of chunks) {
          const answer = await client.queryRange(q.query, chunk, q.setting, ctx.signal);
          if (scopeOf(q) === 'node-group') {
            const mapped = mapNodeGroupSeries(answer, q, settings.cluster, groups);
            nodeSamples.push(...mapped.samples);
            unlabelled += mapped.unlabelled;
          } else {
            const mapped = mapSeries(answer, q);
            samples.push(...mapped.samples);
            unlabelled += mapped.unlabelled;
          }
        }
        if (unlabelled && scopeOf(q) === 'node-group') {
          ctx.log('prometheus: series without a nodegroup label, or without a cluster label and no cluster setting, skipped', { metric: q.metric, unlabelled });
        } else if (unlabelled) ctx.log('prometheus: series without namespace/deployment labels skipped', { metric: q.metric, unlabelled });
      }
      result.samples = [...samples, ...sumSamples(nodeSamples)];
      // where each deployment's pods run at the end of the window: the node-pool rule's link from a pool to its workloads
      const last = chunks.at(-1);
      const placement = last ? mapPlacement(await client.query(placementQuery(settings).query, last.end, 'placementQuery', ctx.signal), settings.cluster) : new Map();
      // deployments carry the connection's cluster and region too
      const deployments = mapDeployments(samples).map((d) => {
        const placed = placement.get(d.externalId);
        const cluster = placed?.cluster ?? settings.cluster;
        return {
          ...d,
          region: settings.region ?? d.region,
          attributes: { ...d.attributes, ...(cluster ? { cluster } : {}), ...(placed ? { nodeGroups: placed.nodeGroups } : {}) },
        };
      });
      result.resources = [...deployments, ...mapNodeGroups(groups, { region: settings.region })];
      result.apiRequests = client.requests;
      return result;
    },
  };
}

export const prometheusConnector = createPrometheusConnector();
