// Kubernetes nodes: how many the pool's pods need once packed at their right-sized requests, hour by hour.
//
// A node pool runs the inventory's workloads and pods the inventory does not know (kube-system, DaemonSets,
// auxiliary workers): the pool's measured requests of all its pods, minus the known workloads' requests ×
// replicas, is what the others ask for; they stay at that. The known workloads count at the requests the
// pod-requests rule gives them (P90 usage + the VPA's margin). Under a cluster autoscaler the node count
// follows the requests hour by hour, so each hour's nodes are compared with what the packed pods need in the
// same hour: the busy hours (P95) say how far the group must still reach, the mean is the money.
import { INSTANCE_TYPES } from '../../planning/hardware';
import { DAY_MS } from '../../dates';
import { fixedSavings, fmt, missing, missingCollection, pct, recommend } from '../build';
import { inWindow, mean, percentile, round } from '../stats';
import { NODE_ALLOCATABLE_SHARE, thresholdsOf, type TThresholds } from '../thresholds';
import type { TEvidence, TFacts, TNodePoolFacts, TPoint, TRule, TRuleOutcome, TWorkloadFacts } from '../types';
import { targetRequests } from './pods';
import { monthlyPrice } from './prices';

// version 2: hourly, with the pods the inventory does not know at their measured requests
const NODES = { id: 'node-pool', version: 2, kind: 'pods' } as const;
/** The nodes count at the pool's busy hours: the nearest-rank P95 of the hourly counts (ours, as the utilisation pages). */
const BUSY_PERCENTILE = 0.95;

const byHour = (points: readonly TPoint[] | undefined) => new Map((points ?? []).map((p) => [p.t, p.v]));

type THour = { t: number; nodes: number; need: number; otherCpu: number; otherMemory: number; cpuPerNode: number; memoryPerNode: number; bound: 'cpu' | 'memory' | 'floor' };

function evaluatePool(facts: TFacts, pool: TNodePoolFacts, now: Date, t: TThresholds): TRuleOutcome {
  const spec = INSTANCE_TYPES.find((i) => i.type === pool.instanceType);
  if (!spec) return missing(pool.resource, [`instanceType ${pool.instanceType} in the hardware table`]);
  const byId = new Map((facts.workloads ?? []).map((w) => [w.resource.id, w]));
  const absent = pool.workloadIds.filter((id) => !byId.has(id));
  if (absent.length > 0) return missing(pool.resource, absent.map((id) => `workload ${id}`));
  const to = now.getTime();
  const from = to - t.podsLookbackDays * DAY_MS;
  const nodes = inWindow(pool.nodesHourly ?? [], from, to);
  const lacking = [
    ...(nodes.length === 0 ? ['nodesHourly'] : []),
    ...(!pool.requestedCpuCores?.length ? ['requestedCpuCores'] : []),
    ...(!pool.requestedMemoryGiB?.length ? ['requestedMemoryGiB'] : []),
  ];
  if (lacking.length > 0) return missing(pool.resource, lacking);

  // Each known workload: its requests now and the right-sized ones (as they are where usage is unknown),
  // and its replicas hour by hour (its latest count when it has no series: a fixed deployment).
  const workloads = pool.workloadIds.map((id) => {
    const w = byId.get(id) as TWorkloadFacts;
    const sizing = targetRequests(w, now, t);
    return { w, rightsized: !('missing' in sizing), target: 'missing' in sizing ? w.requests : sizing.target, replicas: w.replicasHourly ? byHour(w.replicasHourly) : null };
  });
  const cpuRequested = byHour(pool.requestedCpuCores);
  const memoryRequested = byHour(pool.requestedMemoryGiB);
  const cpuAllocatable = byHour(pool.allocatableCpuCores);
  const memoryAllocatable = byHour(pool.allocatableMemoryGiB);
  const usable = t.nodePackingShare;

  const hours: THour[] = [];
  for (const { t: hour, v: ran } of nodes) {
    const cpu = cpuRequested.get(hour);
    const memory = memoryRequested.get(hour);
    if (cpu === undefined || memory === undefined) continue;
    let knownCpu = 0;
    let knownMemory = 0;
    let targetCpu = 0;
    let targetMemory = 0;
    let complete = true;
    for (const k of workloads) {
      const replicas = k.replicas ? k.replicas.get(hour) : k.w.replicas;
      if (replicas === undefined) {
        complete = false;
        break;
      }
      knownCpu += k.w.requests.cpuCores * replicas;
      knownMemory += k.w.requests.memoryGiB * replicas;
      targetCpu += k.target.cpuCores * replicas;
      targetMemory += k.target.memoryGiB * replicas;
    }
    if (!complete) continue;
    // the others at what they ask for (never below nothing: a request changed within the hour)
    const otherCpu = Math.max(0, cpu - knownCpu);
    const otherMemory = Math.max(0, memory - knownMemory);
    // one node's allocatable as measured (the pool's allocatable ÷ its nodes), else the instance's share
    const cpuAlloc = cpuAllocatable.get(hour);
    const memoryAlloc = memoryAllocatable.get(hour);
    const cpuPerNode = ran > 0 && cpuAlloc && cpuAlloc > 0 ? cpuAlloc / ran : spec.vcpu * NODE_ALLOCATABLE_SHARE;
    const memoryPerNode = ran > 0 && memoryAlloc && memoryAlloc > 0 ? memoryAlloc / ran : spec.memoryGiB * NODE_ALLOCATABLE_SHARE;
    const byCpu = Math.ceil((otherCpu + targetCpu) / (cpuPerNode * usable) - 1e-9);
    const byMemory = Math.ceil((otherMemory + targetMemory) / (memoryPerNode * usable) - 1e-9);
    const need = Math.max(pool.minNodes, byCpu, byMemory);
    const bound = need === pool.minNodes && pool.minNodes >= Math.max(byCpu, byMemory) ? 'floor' : byCpu >= byMemory ? 'cpu' : 'memory';
    hours.push({ t: hour, nodes: ran, need, otherCpu, otherMemory, cpuPerNode, memoryPerNode, bound });
  }
  if (hours.length === 0) return missing(pool.resource, ['hours with nodes, requests and every workload’s replicas']);

  // hourly means of a count sampled every few minutes are fractional (12.5: a node added at half past)
  const ranBusy = round(percentile(hours.map((h) => h.nodes), BUSY_PERCENTILE), 1);
  const neededBusy = percentile(hours.map((h) => h.need), BUSY_PERCENTILE);
  const ranMean = mean(hours.map((h) => h.nodes));
  const neededMean = mean(hours.map((h) => h.need));
  const spare = ranMean - neededMean; // node-hours per hour the packed pods leave unused
  // Not fewer nodes at the busy hours, or none saved on average: nothing to recommend.
  if (!(neededBusy < ranBusy) || !(spare > 0)) return { resource: pool.resource, recommendations: [] };

  const otherCpu = mean(hours.map((h) => h.otherCpu));
  const otherMemory = mean(hours.map((h) => h.otherMemory));
  const cpuPerNode = percentile(hours.map((h) => h.cpuPerNode), 0.5);
  const memoryPerNode = percentile(hours.map((h) => h.memoryPerNode), 0.5);
  const cpuHours = hours.filter((h) => h.bound === 'cpu').length;
  const memoryHours = hours.filter((h) => h.bound === 'memory').length;
  const bound = cpuHours >= memoryHours ? 'CPU' : 'memory';
  const rightsized = workloads.filter((k) => k.rightsized).length;
  const names = workloads.map((k) => k.w.resource.name);
  const price = monthlyPrice(facts.prices, `aws:ec2:${pool.instanceType}`, pool.resource.region, spare);
  const evidence: TEvidence[] = [
    { metric: 'busyNodes', value: ranBusy, unit: 'nodes', threshold: neededBusy, comparison: 'above', source: `P95 of hourly nodes ran vs needed at ${pct(usable)} packing` },
    { metric: 'meanNodes', value: round(ranMean, 2), unit: 'nodes', threshold: round(neededMean, 2), comparison: 'above', source: 'mean of hourly nodes ran vs needed' },
    { metric: 'otherPodsCpu', value: round(otherCpu, 2), unit: 'cores', source: 'pool requests − known workloads’ requests × replicas (mean)' },
    { metric: 'otherPodsMemory', value: round(otherMemory, 2), unit: 'GiB', source: 'pool requests − known workloads’ requests × replicas (mean)' },
    { metric: 'allocatableCpuPerNode', value: round(cpuPerNode, 2), unit: 'cores', source: 'pool allocatable ÷ nodes (median hour)' },
    { metric: 'allocatableMemoryPerNode', value: round(memoryPerNode, 2), unit: 'GiB', source: 'pool allocatable ÷ nodes (median hour)' },
  ];
  return {
    resource: pool.resource,
    recommendations: [
      recommend(NODES, {
        resource: pool.resource,
        action: { type: 'remove-nodes', params: { from: ranBusy, to: neededBusy, instanceType: pool.instanceType, meanNodes: round(ranMean, 2), meanNeeded: round(neededMean, 2) } },
        text:
          `${pool.resource.name} ran ${fmt(ranBusy, 1)} ${pool.instanceType} nodes at its busy hours (P95; ${fmt(ranMean, 1)} on average) over ${t.podsLookbackDays} days, ` +
          `where its pods packed at ${pct(usable)} of each node's allocatable (${fmt(cpuPerNode, 2)} CPU, ${fmt(memoryPerNode, 1)} GiB) need ${fmt(neededBusy)} (${fmt(neededMean, 1)} on average, ${bound} bound): ` +
          `${names.length ? `${names.join(', ')}${rightsized > 0 ? ` at right-sized requests (P${fmt(t.vpaTargetPercentile * 100)} usage + ${pct(t.vpaMargin)})` : ' at their requests'} and ` : ''}` +
          `the other pods (system, auxiliary) at their measured requests, ${fmt(otherCpu, 1)} CPU and ${fmt(otherMemory, 1)} GiB on average. ` +
          `With the cluster autoscaler, right-size the requests and it removes the spare nodes; with a fixed group, lower it to ${fmt(neededBusy)}.`,
        message: {
          key: 'nodePoolShrink',
          params: {
            pool: pool.resource.name, from: ranBusy, to: neededBusy, instanceType: pool.instanceType, meanNodes: round(ranMean, 1), meanNeeded: round(neededMean, 1),
            otherCpuCores: round(otherCpu, 1), otherMemoryGiB: round(otherMemory, 1), packing: usable, percentile: round(t.vpaTargetPercentile * 100, 0), margin: t.vpaMargin,
            days: t.podsLookbackDays, workloads: names.length > 0 ? names.join(', ') : 'none', rightsized: rightsized > 0 ? 'yes' : 'no', bound, allocatable: NODE_ALLOCATABLE_SHARE,
          },
        },
        evidence,
        monthlySavings: price ? fixedSavings(price.amount) : null,
        currency: price?.currency ?? null,
        risks: [{ level: 'medium', text: 'Fewer spare nodes means a node failure or a rollout surge waits for the cluster autoscaler to add one.', message: { key: 'riskNodeHeadroom', params: {} } }],
        lookback: {
          days: t.podsLookbackDays, from: new Date(from).toISOString(), to: now.toISOString(),
          completeness: round(Math.min(1, hours.length / (t.podsLookbackDays * 24)) * (rightsized === workloads.length ? 1 : rightsized / Math.max(1, workloads.length)), 4),
        },
        details: { spareNodesMean: round(spare, 2), hours: hours.length, rightsizedWorkloads: rightsized, workloads: names.length },
      }),
    ],
  };
}

export const nodePoolRule: TRule = {
  ...NODES,
  needs: ['nodePools', 'workloads', 'prices'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    // no pool at all while workloads are known: the node groups are not collected (kube-state-metrics' labels)
    if (!facts.nodePools || (facts.nodePools.length === 0 && (facts.workloads?.length ?? 0) > 0)) return missingCollection('nodePools');
    return facts.nodePools.map((p) => evaluatePool(facts, p, now, t));
  },
};
