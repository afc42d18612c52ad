import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json';
import fr from '../../../messages/fr.json';
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import { NOW, hourly, ref } from '../testing/series';
import type { TFacts, TNodePoolFacts, TRecommendation, TRuleOutcome, TWorkloadFacts } from '../types';
import { nodePoolRule } from './nodes';

// m6i.xlarge as EKS allocates it here: 3.6 CPU and 14.5 GiB per node; at 85% packing 3.06 CPU and 12.325 GiB.
const ALLOC = { cpu: 3.6, memory: 14.5 };
const DAYS = 14;

/** A workload of `replicas(i)` pods requesting 2 CPU / 4 GiB, using `cpu` and `memory` per pod (none: unknown usage). */
const workload = (id: string, replicas: (i: number) => number, usage?: { cpu: number; memory: number }, over: Partial<TWorkloadFacts> = {}): TWorkloadFacts => ({
  resource: ref('workload', id), replicas: replicas(DAYS * 24 - 1), minReplicas: 2, maxReplicas: 30, requests: { cpuCores: 2, memoryGiB: 4 },
  replicasHourly: hourly(DAYS, replicas),
  ...(usage ? { cpuCores: hourly(DAYS, () => usage.cpu), memoryGiB: hourly(DAYS, () => usage.memory) } : {}),
  currency: 'USD', ...over,
});

/** A pool whose cluster autoscaler runs `nodes(i)` nodes (default: just enough for the requests at 100%), with the
 *  workloads' pods and other pods requesting `other(i)` on top. */
function pool(workloads: TWorkloadFacts[], other: (i: number) => { cpu: number; memory: number }, over: Partial<TNodePoolFacts> & { nodesAt?: (i: number, cpu: number, memory: number) => number } = {}): TNodePoolFacts {
  const cpu = (i: number) => other(i).cpu + workloads.reduce((s, w) => s + w.requests.cpuCores * w.replicasHourly![i].v, 0);
  const memory = (i: number) => other(i).memory + workloads.reduce((s, w) => s + w.requests.memoryGiB * w.replicasHourly![i].v, 0);
  const nodesAt = over.nodesAt ?? ((i: number) => Math.max(2, Math.ceil(cpu(i) / ALLOC.cpu - 1e-9), Math.ceil(memory(i) / ALLOC.memory - 1e-9)));
  const nodes = (i: number) => nodesAt(i, cpu(i), memory(i));
  const { nodesAt: _ignored, ...rest } = over;
  return {
    resource: ref('node-group', 'ec-prod/app-nodes'), instanceType: 'm6i.xlarge', nodes: nodes(DAYS * 24 - 1), minNodes: 2, workloadIds: workloads.map((w) => w.resource.id),
    nodesHourly: hourly(DAYS, nodes),
    requestedCpuCores: hourly(DAYS, cpu),
    requestedMemoryGiB: hourly(DAYS, memory),
    allocatableCpuCores: hourly(DAYS, (i) => nodes(i) * ALLOC.cpu),
    allocatableMemoryGiB: hourly(DAYS, (i) => nodes(i) * ALLOC.memory),
    ...rest,
  };
}
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (f: TFacts) => nodePoolRule.evaluate({ prices: DEFAULT_PRICE_CATALOGUE, ...f }, NOW);
const HOUR_PRICE = 0.224; // m6i.xlarge in eu-west-3, on demand

describe('node-pool', () => {
  it('counts the known workloads at right-sized requests and the other pods at what they request', () => {
    // api: 10 pods at 2 CPU / 4 GiB using 0.5 CPU / 1 GiB → right-sized 0.58 CPU (0.5 + 15%, to 10 m) and 1.15625 GiB.
    // Others: 3 CPU, 6 GiB. Pool requests 23 CPU → 7 nodes at 3.6; packed: (3 + 5.8) ÷ 3.06 = 2.9 → 3 nodes.
    const api = workload('api', () => 10, { cpu: 0.5, memory: 1 });
    const [r] = recs(run({ nodePools: [pool([api], () => ({ cpu: 3, memory: 6 }))], workloads: [api] }));
    expect(r.action).toEqual({ type: 'remove-nodes', params: { from: 7, to: 3, instanceType: 'm6i.xlarge', meanNodes: 7, meanNeeded: 3 } });
    expect(r.kind).toBe('pods');
    expect(r.ruleVersion).toBe(2);
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(4 * HOUR_PRICE * 730, 2);
    expect(r.message).toMatchObject({ key: 'nodePoolShrink', params: { from: 7, to: 3, otherCpuCores: 3, otherMemoryGiB: 6, packing: 0.85, percentile: 90, margin: 0.15, days: 14, bound: 'CPU' } });
    expect(r.text).toContain('85%');
    expect(r.text).toContain('P90 usage + 15%');
    // the sentence names the right-sized workloads in both languages, or only the pods when the inventory knows none
    for (const [locale, messages] of [['fr-FR', fr], ['en-GB', en]] as const) {
      const text = (params: Record<string, string | number | null>) => new IntlMessageFormat(messages.recommendations.messages.nodePoolShrink, locale).format(params) as string;
      expect(text(r.message.params)).toContain('api');
      expect(text(r.message.params)).not.toMatch(/\{/);
      expect(text({ ...r.message.params, workloads: 'none' })).not.toMatch(/none|P90/);
      expect(text({ ...r.message.params, rightsized: 'no' })).not.toMatch(/P90/);
    }
    expect(r.evidence.find((e) => e.metric === 'otherPodsCpu')).toMatchObject({ value: 3, unit: 'cores' });
    expect(r.evidence.find((e) => e.metric === 'allocatableCpuPerNode')).toMatchObject({ value: 3.6 });

    // the same pool with 12 CPU of system and auxiliary pods: they stay at their requests → (12 + 5.8) ÷ 3.06 = 5.8 → 6
    const busy = pool([api], () => ({ cpu: 12, memory: 6 }));
    expect(recs(run({ nodePools: [busy], workloads: [api] }))[0].action.params).toMatchObject({ from: 9, to: 6 });
  });

  it('recommends only when the packed pods need fewer nodes at the busy hours: at and around the packing share', () => {
    // No inventory workload: 9.18 CPU of other pods on 4 nodes. At 85% of 3.6, 3 nodes hold 9.18 exactly.
    const at = (cpu: number, thresholds?: TFacts['thresholds']) => run({ nodePools: [pool([], () => ({ cpu, memory: 1 }), { nodesAt: () => 4, workloadIds: [] })], workloads: [], thresholds });
    expect(recs(at(9.18))[0].action.params).toMatchObject({ from: 4, to: 3 });
    expect(recs(at(9.19))).toEqual([]); // 4 nodes needed: as many as run
    expect(recs(at(9.5))).toEqual([]);
    // hourly means of a count sampled every 5 minutes: 4.04 nodes is 4, not a 5th node to remove
    expect(recs(run({ nodePools: [pool([], () => ({ cpu: 9.19, memory: 1 }), { nodesAt: () => 4.04, workloadIds: [] })], workloads: [] }))).toEqual([]);
    expect(recs(run({ nodePools: [pool([], () => ({ cpu: 9.18, memory: 1 }), { nodesAt: () => 4.5, workloadIds: [] })], workloads: [] }))[0].action.params).toMatchObject({ from: 4.5, to: 3 });
    // packing at 95% (settings): 9.5 ÷ 3.42 = 2.8 → 3
    const [r] = recs(at(9.5, { nodePackingShare: 0.95 }));
    expect(r.action.params).toMatchObject({ to: 3 });
    expect(r.text).toContain('95%');
  });

  it('follows the cluster autoscaler hour by hour: P95 for the busy hours, the mean for the money', () => {
    // 12 busy hours a day at 20 pods, 12 quiet ones at 3; pods use 1 CPU and 1.5 GiB → 1.15 CPU, 1.734375 GiB.
    const replicas = (i: number) => (i % 24 < 12 ? 20 : 3);
    const api = workload('api', replicas, { cpu: 1, memory: 1.5 });
    const p = pool([api], () => ({ cpu: 4, memory: 8 }));
    // ran: busy ceil(44 ÷ 3.6) = 13, quiet ceil(10 ÷ 3.6) = 3; needed: busy ceil((4 + 23) ÷ 3.06) = 9, quiet ceil(7.45 ÷ 3.06) = 3
    const [r] = recs(run({ nodePools: [p], workloads: [api] }));
    expect(r.action.params).toEqual({ from: 13, to: 9, instanceType: 'm6i.xlarge', meanNodes: 8, meanNeeded: 6 });
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(2 * HOUR_PRICE * 730, 2);
    expect(r.lookback.completeness).toBe(1);
  });

  it('keeps the group’s floor, and counts memory when it binds', () => {
    const api = workload('api', () => 2, { cpu: 0.1, memory: 0.5 });
    const [r] = recs(run({ nodePools: [pool([api], () => ({ cpu: 1, memory: 2 }), { minNodes: 3, nodesAt: () => 5 })], workloads: [api] }));
    expect(r.action.params).toMatchObject({ from: 5, to: 3 });
    // others ask 60 GiB: ceil((60 + 2 × 0.578125) ÷ 12.325) = 5 nodes by memory, 1 by CPU
    const heavy = pool([api], () => ({ cpu: 1, memory: 60 }), { minNodes: 1, nodesAt: () => 6 });
    const [m] = recs(run({ nodePools: [heavy], workloads: [api] }));
    expect(m.message.params).toMatchObject({ to: 5, bound: 'memory' });
    expect(recs(run({ nodePools: [{ ...heavy, nodesHourly: hourly(DAYS, () => 5), allocatableMemoryGiB: hourly(DAYS, () => 5 * ALLOC.memory), allocatableCpuCores: hourly(DAYS, () => 5 * ALLOC.cpu) }], workloads: [api] }))).toEqual([]);
  });

  it('keeps a workload without usage at its requests, and counts its replicas only where known', () => {
    const api = workload('api', () => 10);
    // 20 CPU of api + 3 others = 23 → 7 nodes at 3.06: as many as the autoscaler ran, nothing to say
    expect(recs(run({ nodePools: [pool([api], () => ({ cpu: 3, memory: 6 }))], workloads: [api] }))).toEqual([]);
    // replicas for the first 7 days only: the rule judges those hours
    const partial = { ...workload('api', () => 10, { cpu: 0.5, memory: 1 }) };
    const p = pool([partial], () => ({ cpu: 3, memory: 6 }));
    partial.replicasHourly = partial.replicasHourly!.slice(0, 7 * 24);
    const [r] = recs(run({ nodePools: [p], workloads: [partial] }));
    expect(r.lookback.completeness).toBe(0.5);
  });

  it('names what it lacks: workloads, instance types, the pool’s hourly series, the pools themselves', () => {
    const api = workload('api', () => 10);
    const p = pool([api], () => ({ cpu: 1, memory: 1 }));
    expect(run({ nodePools: [p], workloads: [] })).toEqual([{ resource: p.resource, missing: ['workload api'] }]);
    expect(run({ nodePools: [{ ...p, instanceType: 'x9.huge' }], workloads: [api] })).toEqual([{ resource: p.resource, missing: ['instanceType x9.huge in the hardware table'] }]);
    expect(run({ nodePools: [{ ...p, nodesHourly: undefined, requestedCpuCores: [], requestedMemoryGiB: undefined }], workloads: [api] })).toEqual([
      { resource: p.resource, missing: ['nodesHourly', 'requestedCpuCores', 'requestedMemoryGiB'] },
    ]);
    expect(run({ nodePools: [], workloads: [api] })).toEqual([{ resource: null, missing: ['nodePools'] }]);
    expect(run({ nodePools: [], workloads: [] })).toEqual([]);
  });
});
