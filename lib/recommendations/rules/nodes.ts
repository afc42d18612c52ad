// Kubernetes nodes: how many the pods need once packed at their right-sized requests.
import { INSTANCE_TYPES } from '../../planning/hardware';
import { fixedSavings, fmt, missing, missingCollection, pct, recommend } from '../build';
import { round } from '../stats';
import { NODE_ALLOCATABLE_SHARE, thresholdsOf, type TThresholds } from '../thresholds';
import type { TFacts, TNodePoolFacts, TRule, TRuleOutcome } from '../types';
import { targetRequests } from './pods';
import { monthlyPrice } from './prices';

const NODES = { id: 'node-pool', version: 1, kind: 'pods' } as const;

function evaluatePool(facts: TFacts, pool: TNodePoolFacts, now: Date, t: TThresholds): TRuleOutcome {
  const spec = INSTANCE_TYPES.find((i) => i.type === pool.instanceType);
  if (!spec) return missing(pool.resource, [`instanceType ${pool.instanceType} in the hardware table`]);
  const byId = new Map((facts.workloads ?? []).map((w) => [w.resource.id, w]));
  const absent = pool.workloadIds.filter((id) => !byId.has(id));
  if (absent.length > 0) return missing(pool.resource, absent.map((id) => `workload ${id}`));
  // Each workload at the requests the pod-requests rule gives it where usage is known, else as it is.
  let cpu = 0;
  let memory = 0;
  let rightsized = 0;
  for (const id of pool.workloadIds) {
    const w = byId.get(id)!;
    const sizing = targetRequests(w, now, t);
    const requests = 'missing' in sizing ? w.requests : sizing.target;
    if (!('missing' in sizing)) rightsized++;
    cpu += requests.cpuCores * w.replicas;
    memory += requests.memoryGiB * w.replicas;
  }
  const usable = NODE_ALLOCATABLE_SHARE * t.nodePackingShare;
  const byCpu = Math.ceil(cpu / (spec.vcpu * usable) - 1e-9);
  const byMemory = Math.ceil(memory / (spec.memoryGiB * usable) - 1e-9);
  const needed = Math.max(pool.minNodes, byCpu, byMemory);
  if (pool.nodes <= needed) return { resource: pool.resource, recommendations: [] };
  const price = monthlyPrice(facts.prices, `aws:ec2:${pool.instanceType}`, pool.resource.region, pool.nodes - needed);
  const bound = byCpu >= byMemory ? 'CPU' : 'memory';
  return {
    resource: pool.resource,
    recommendations: [
      recommend(NODES, {
        resource: pool.resource,
        action: { type: 'remove-nodes', params: { from: pool.nodes, to: needed, instanceType: pool.instanceType } },
        text:
          `${pool.resource.name} runs ${pool.nodes} ${pool.instanceType} nodes; its pods request ${fmt(cpu, 1)} CPU and ${fmt(memory, 1)} GiB` +
          `${rightsized > 0 ? ` at right-sized requests (P90 usage over ${t.podsLookbackDays} days + 15%)` : ''}, which ${needed} nodes hold at ${pct(t.nodePackingShare)} of their ` +
          `allocatable ${bound} (${pct(NODE_ALLOCATABLE_SHARE)} of ${spec.vcpu} vCPU and ${spec.memoryGiB} GiB): lower the node group to ${needed}.`,
        message: { key: 'nodePoolShrink', params: { pool: pool.resource.name, from: pool.nodes, to: needed, instanceType: pool.instanceType, cpuCores: round(cpu, 2), memoryGiB: round(memory, 2), packing: t.nodePackingShare, allocatable: NODE_ALLOCATABLE_SHARE, bound } },
        evidence: [
          { metric: 'requestedCpu', value: round(cpu, 2), unit: 'cores', threshold: round(needed * spec.vcpu * usable, 2), comparison: 'at-most', source: 'nodes × vCPU × 90% allocatable × 85% packing' },
          { metric: 'requestedMemory', value: round(memory, 2), unit: 'GiB', threshold: round(needed * spec.memoryGiB * usable, 2), comparison: 'at-most', source: 'nodes × memory × 90% allocatable × 85% packing' },
          { metric: 'nodes', value: pool.nodes, unit: 'nodes', threshold: needed, comparison: 'above' },
        ],
        monthlySavings: price ? fixedSavings(price.amount) : null,
        currency: price?.currency ?? null,
        risks: [{ level: 'medium', text: 'Fewer spare nodes means a node failure or a rollout surge waits for the cluster autoscaler to add one.', message: { key: 'riskNodeHeadroom', params: {} } }],
        lookback: { days: t.podsLookbackDays, from: new Date(now.getTime() - t.podsLookbackDays * 86_400_000).toISOString(), to: now.toISOString(), completeness: round(rightsized / Math.max(1, pool.workloadIds.length), 4) },
      }),
    ],
  };
}

export const nodePoolRule: TRule = {
  ...NODES,
  needs: ['nodePools', 'workloads', 'prices'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.nodePools) return missingCollection('nodePools');
    return facts.nodePools.map((p) => evaluatePool(facts, p, now, t));
  },
};
