import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import { NOW, hourly, ref } from '../testing/series';
import type { TFacts, TNodePoolFacts, TRecommendation, TRuleOutcome, TWorkloadFacts } from '../types';
import { nodePoolRule } from './nodes';

const workload = (id: string, over: Partial<TWorkloadFacts> = {}): TWorkloadFacts => ({
  resource: ref('workload', id), replicas: 10, minReplicas: 2, maxReplicas: 20, requests: { cpuCores: 1, memoryGiB: 2 }, currency: 'USD', ...over,
});
const pool = (over: Partial<TNodePoolFacts> = {}): TNodePoolFacts => ({
  resource: ref('node-group', 'main'), instanceType: 'm6i.xlarge', nodes: 6, minNodes: 2, workloadIds: ['api', 'tiles'], ...over,
});
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (f: TFacts) => nodePoolRule.evaluate({ prices: DEFAULT_PRICE_CATALOGUE, ...f }, NOW);

describe('node-pool', () => {
  // m6i.xlarge: 4 vCPU, 16 GiB; usable at 90% × 85% = 3.06 vCPU, 12.24 GiB.
  it('shrinks a node group the pods no longer fill', () => {
    // 20 pods × 1 CPU = 20 CPU → 7 nodes by CPU; as requested, 8 nodes fit; at P90 0.3 + 15% → 0.35 CPU: 7 CPU → 3 nodes.
    const workloads = [workload('api', { cpuCores: hourly(14, () => 0.3), memoryGiB: hourly(14, () => 1) }), workload('tiles', { cpuCores: hourly(14, () => 0.3), memoryGiB: hourly(14, () => 1) })];
    const [r] = recs(run({ nodePools: [pool()], workloads }));
    expect(r.action.params).toMatchObject({ from: 6, to: 3 });
    expect(r.kind).toBe('pods');
    // Three m6i.xlarge in eu-west-3 at 0.224/h for 730 h.
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(3 * 0.224 * 730, 2);
  });

  it('keeps the nodes the requests need, and the group’s floor', () => {
    const asRequested = [workload('api'), workload('tiles')];
    // 20 CPU ÷ 3.06 = 6.5 → 7 nodes: 6 are not too many.
    expect(recs(run({ nodePools: [pool()], workloads: asRequested }))).toEqual([]);
    const tiny = [workload('api', { replicas: 1 }), workload('tiles', { replicas: 1 })];
    const [r] = recs(run({ nodePools: [pool({ minNodes: 3 })], workloads: tiny }));
    expect(r.action.params.to).toBe(3);
  });

  it('counts memory when it binds', () => {
    const heavy = [workload('api', { requests: { cpuCores: 0.1, memoryGiB: 6 } }), workload('tiles', { requests: { cpuCores: 0.1, memoryGiB: 6 } })];
    // 120 GiB ÷ 12.24 = 9.8 → 10 nodes.
    expect(recs(run({ nodePools: [pool({ nodes: 10 })], workloads: heavy }))).toEqual([]);
    const [r] = recs(run({ nodePools: [pool({ nodes: 11 })], workloads: heavy }));
    expect(r.message.params).toMatchObject({ to: 10, bound: 'memory' });
  });

  it('names the workloads and types it does not know', () => {
    expect(run({ nodePools: [pool()], workloads: [workload('api')] })).toEqual([{ resource: pool().resource, missing: ['workload tiles'] }]);
    expect(run({ nodePools: [pool({ instanceType: 'x9.huge' })], workloads: [] })).toEqual([{ resource: pool().resource, missing: ['instanceType x9.huge in the hardware table'] }]);
  });
});
