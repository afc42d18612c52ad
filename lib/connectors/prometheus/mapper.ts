// Pure mapping of Prometheus range answers to deployment resources and samples.
import type { TResourceInput, TSampleInput } from '../../focus/types';
import type { TPromInstant, TPromMatrix } from './api-types';
import type { TPromMetric } from './queries';

export const PROMETHEUS_PROVIDER = 'prometheus';

export function deploymentExternalId(namespace: string, deployment: string): string {
  return `${namespace}/${deployment}`;
}

// Series without both labels cannot be attributed to a deployment; they are counted, not kept.
export function mapSeries(answer: TPromMatrix, metric: TPromMetric): { samples: TSampleInput[]; unlabelled: number } {
  const samples: TSampleInput[] = [];
  let unlabelled = 0;
  for (const series of answer.data.result) {
    const { namespace, deployment } = series.metric;
    if (!namespace || !deployment) {
      unlabelled += 1;
      continue;
    }
    const resourceExternalId = deploymentExternalId(namespace, deployment);
    for (const [seconds, text] of series.values) {
      const value = Number(text);
      if (!Number.isFinite(value)) continue; // "NaN", "+Inf"
      samples.push({ provider: PROMETHEUS_PROVIDER, resourceExternalId, metric: metric.metric, unit: metric.unit, ts: new Date(seconds * 1000), value });
    }
  }
  return { samples, unlabelled };
}

// One resource per deployment seen; its capacity is the latest summed pod limits.
export function mapDeployments(samples: readonly TSampleInput[]): TResourceInput[] {
  const latest = new Map<string, Map<string, { ts: number; value: number }>>();
  for (const s of samples) {
    const byMetric = latest.get(s.resourceExternalId) ?? new Map<string, { ts: number; value: number }>();
    const prev = byMetric.get(s.metric);
    if (!prev || prev.ts <= s.ts.getTime()) byMetric.set(s.metric, { ts: s.ts.getTime(), value: s.value });
    latest.set(s.resourceExternalId, byMetric);
  }
  return [...latest].map(([externalId, byMetric]) => {
    const [namespace, deployment] = externalId.split('/');
    const last = (metric: string) => byMetric.get(metric)?.value ?? null;
    const capacity: Record<string, number> = {};
    const cpuLimit = last('cpu_limit_cores');
    const memoryLimit = last('memory_limit_bytes');
    if (cpuLimit) capacity.cpu_cores = cpuLimit;
    if (memoryLimit) capacity.memory_working_set_bytes = memoryLimit;
    const replicas = last('replicas');
    return {
      provider: PROMETHEUS_PROVIDER,
      kind: 'app' as const,
      externalId,
      name: deployment,
      region: null,
      size: replicas !== null ? `${replicas} replicas` : null,
      capacity,
      attributes: {
        namespace,
        deployment,
        replicas,
        cpuRequestCores: last('cpu_request_cores'),
        cpuLimitCores: cpuLimit,
        memoryRequestBytes: last('memory_request_bytes'),
        memoryLimitBytes: memoryLimit,
      },
    };
  });
}

// ── node groups ──

export type TNodeGroup = {
  cluster: string;
  nodegroup: string;
  instanceTypes: Set<string>;
  /** Latest node count per instance type (from the `nodes` query), to name the group's main type. */
  nodesByType: Map<string, { ts: number; nodes: number }>;
};

export function nodeGroupExternalId(cluster: string, nodegroup: string): string {
  return `${cluster}/${nodegroup}`;
}

/** Series of a node-group query: the cluster is the series' own `cluster` label, else the connection's setting;
 *  a series without a node group (nodes outside managed node groups) or without any cluster is counted, not kept. */
export function mapNodeGroupSeries(
  answer: TPromMatrix,
  metric: TPromMetric,
  defaultCluster: string | undefined,
  groups: Map<string, TNodeGroup> = new Map(),
): { samples: TSampleInput[]; unlabelled: number; groups: Map<string, TNodeGroup> } {
  const samples: TSampleInput[] = [];
  let unlabelled = 0;
  for (const series of answer.data.result) {
    const { nodegroup, instance_type: instanceType } = series.metric;
    const cluster = series.metric.cluster || defaultCluster;
    if (!nodegroup || !cluster) {
      unlabelled += 1;
      continue;
    }
    const resourceExternalId = nodeGroupExternalId(cluster, nodegroup);
    const group = groups.get(resourceExternalId) ?? { cluster, nodegroup, instanceTypes: new Set<string>(), nodesByType: new Map() };
    if (instanceType) group.instanceTypes.add(instanceType);
    groups.set(resourceExternalId, group);
    for (const [seconds, text] of series.values) {
      const value = Number(text);
      if (!Number.isFinite(value)) continue;
      if (metric.metric === 'nodes' && instanceType) {
        const prev = group.nodesByType.get(instanceType);
        if (!prev || prev.ts <= seconds) group.nodesByType.set(instanceType, { ts: seconds, nodes: value });
      }
      samples.push({ provider: PROMETHEUS_PROVIDER, resourceExternalId, metric: metric.metric, unit: metric.unit, ts: new Date(seconds * 1000), value });
    }
  }
  return { samples, unlabelled, groups };
}

/** A group with nodes of several instance types answers one series per type: one sample per (group, metric, hour), summed. */
export function sumSamples(samples: readonly TSampleInput[]): TSampleInput[] {
  const byKey = new Map<string, TSampleInput>();
  for (const s of samples) {
    const key = `${s.resourceExternalId}|${s.metric}|${s.ts.getTime()}`;
    const prev = byKey.get(key);
    byKey.set(key, prev ? { ...prev, value: prev.value + s.value } : s);
  }
  return [...byKey.values()];
}

/** One `node-pool` resource per node group seen: its size is its instance type (the one with most nodes, when
 *  a group mixes several; all are listed in `instanceTypes`). Capacity stays empty: the cluster autoscaler moves
 *  the group's allocatable hour by hour, which the samples carry. */
export function mapNodeGroups(groups: ReadonlyMap<string, TNodeGroup>, settings: { region?: string | null }): TResourceInput[] {
  return [...groups].map(([externalId, g]) => {
    const types = [...g.instanceTypes].sort();
    const nodesOf = (type: string) => g.nodesByType.get(type)?.nodes ?? 0;
    const ranked = [...types].sort((a, b) => nodesOf(b) - nodesOf(a) || a.localeCompare(b));
    const instanceType = ranked[0] ?? null;
    return {
      provider: PROMETHEUS_PROVIDER,
      kind: 'node-pool' as const,
      externalId,
      name: externalId,
      region: settings.region ?? null,
      size: instanceType,
      capacity: {},
      attributes: {
        cluster: g.cluster,
        nodegroup: g.nodegroup,
        instanceType,
        ...(types.length > 1 ? { instanceTypes: types } : {}),
      },
    };
  });
}

/** Pods of each deployment per node group (the placement query's vector): deployment → cluster and node groups. */
export function mapPlacement(answer: TPromInstant, defaultCluster: string | undefined): Map<string, { cluster: string | null; nodeGroups: Record<string, number> }> {
  const out = new Map<string, { cluster: string | null; nodeGroups: Record<string, number> }>();
  if (answer.data.resultType !== 'vector') return out;
  for (const series of answer.data.result) {
    const { namespace, deployment, nodegroup } = series.metric;
    const pods = Number(series.value[1]);
    if (!namespace || !deployment || !nodegroup || !Number.isFinite(pods) || pods <= 0) continue;
    const id = deploymentExternalId(namespace, deployment);
    const entry = out.get(id) ?? { cluster: series.metric.cluster || defaultCluster || null, nodeGroups: {} };
    entry.nodeGroups[nodegroup] = (entry.nodeGroups[nodegroup] ?? 0) + pods;
    out.set(id, entry);
  }
  return out;
}
