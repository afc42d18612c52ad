// Pure mapping of Prometheus range answers to deployment resources and samples.
import type { TResourceInput, TSampleInput } from '../../focus/types';
import type { TPromMatrix } from './api-types';
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
