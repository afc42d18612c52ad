import { describe, expect, it } from 'vitest';
import { NOW, hourly, ref } from '../testing/series';
import type { TRecommendation, TRuleOutcome, TWorkloadFacts } from '../types';
import { podReplicasRule, podRequestsRule } from './pods';

const workload = (over: Partial<TWorkloadFacts> = {}): TWorkloadFacts => ({
  resource: ref('workload', 'api'),
  replicas: 10, minReplicas: 10, maxReplicas: 20, requests: { cpuCores: 1, memoryGiB: 2 },
  cpuCores: hourly(14, () => 0.5), memoryGiB: hourly(14, () => 1),
  prices: { vcpuHour: '0.04656', gibHour: '0.00511' }, currency: 'USD',
  ...over,
});
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const missingOf = (o: TRuleOutcome[]) => o.flatMap((x) => ('missing' in x ? x.missing : []));
const run = (rule: typeof podRequestsRule, w: TWorkloadFacts) => rule.evaluate({ workloads: [w] }, NOW);

describe('pod-requests', () => {
  it('sets requests to P90 usage + 15%', () => {
    const [r] = recs(run(podRequestsRule, workload()));
    // 0.5 × 1.15 = 0.575 → 0.58 cores; 1 × 1.15 = 1.15 → 1.15625 GiB (16 MiB steps).
    expect(r.action.params).toMatchObject({ cpuCores: 0.58, memoryGiB: 1.15625 });
    expect(r.text).toContain('15%');
    const saving = ((1 - 0.58) * 0.04656 + (2 - 1.15625) * 0.00511) * 10 * 730;
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(saving, 1);
  });

  it('leaves the money to the node group when the pods run on EC2 nodes (counted once, as freed nodes)', () => {
    const [r] = recs(run(podRequestsRule, workload({ nodePool: 'ec-prod/app-nodes' })));
    expect(r.action.params).toMatchObject({ cpuCores: 0.58, memoryGiB: 1.15625 });
    expect(r.monthlySavings).toBeNull();
    expect(r.message).toMatchObject({ key: 'podRequestsOnNodes', params: { nodePool: 'ec-prod/app-nodes' } });
    expect(r.text).toContain('ec-prod/app-nodes');
  });

  it('leaves requests within 10% of the target alone', () => {
    // Target 0.92 × 1.15 = 1.058 → 5.8% above the request; 1.8 GiB × 1.15 = 2.07 → 3.5%.
    expect(recs(run(podRequestsRule, workload({ cpuCores: hourly(14, () => 0.92), memoryGiB: hourly(14, () => 1.8) })))).toEqual([]);
    expect(recs(run(podRequestsRule, workload({ cpuCores: hourly(14, () => 0.96), memoryGiB: hourly(14, () => 1.8) })))).toHaveLength(1);
  });

  it('raises under-requested pods, with the cost, not a saving', () => {
    const [r] = recs(run(podRequestsRule, workload({ cpuCores: hourly(14, () => 1.5), memoryGiB: hourly(14, () => 1.8) })));
    expect(r.action.params).toMatchObject({ cpuCores: 1.73, memoryGiB: 2 });
    expect(r.monthlySavings).toBeNull();
    expect(r.risks[0].level).toBe('high');
  });

  it('reads the 90th percentile, not the peak', () => {
    const [r] = recs(run(podRequestsRule, workload({ cpuCores: hourly(14, (i) => (i % 20 === 0 ? 3 : 0.5)) })));
    expect(r.evidence[0]).toMatchObject({ metric: 'cpuP90', value: 0.5 });
  });

  it('says which usage it lacked', () => {
    expect(missingOf(run(podRequestsRule, workload({ cpuCores: undefined, memoryGiB: undefined })))).toEqual(['cpuCores', 'memoryGiB']);
  });
});

describe('pod-replicas', () => {
  // Nights at 20 req/s, days at 200, 25 req/s per pod: 8 pods by day, 2 at night (the floor).
  const traffic = hourly(14, (i) => (i % 24 < 8 ? 20 : 200));

  it('lowers the minimum to the quietest hour’s need, never under two', () => {
    const [r] = recs(run(podReplicasRule, workload({ requestsPerSecond: traffic, rpsPerPod: 25 })));
    expect(r.action).toEqual({ type: 'min-replicas', params: { from: 10, to: 2 } });
    // 8 of 10 pods idle at night (a third of hours), 2 of 10 by day.
    const podHours = (8 * 8 + 16 * 2) / 24;
    const perPod = 1 * 0.04656 + 2 * 0.00511;
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(podHours * 730 * perPod, 1);
    expect(recs(run(podReplicasRule, workload({ minReplicas: 2, requestsPerSecond: traffic, rpsPerPod: 25 })))).toEqual([]);
  });

  it('on a node group, counts the quiet hours’ pods at their right-sized requests (the node group prices the rest)', () => {
    // usage 0.5 CPU and 1 GiB a pod → right-sized 0.58 CPU and 1.15625 GiB
    const [r] = recs(run(podReplicasRule, workload({ requestsPerSecond: traffic, rpsPerPod: 25, nodePool: 'ec-prod/app-nodes' })));
    const podHours = (8 * 8 + 16 * 2) / 24;
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(podHours * 730 * (0.58 * 0.04656 + 1.15625 * 0.00511), 1);
  });

  it('does not lower the floor for less than 5 a month (a colder burst for pennies)', () => {
    // a floor of 3 where 2 would do, for one quiet hour a day: a pod-hour a day, under 2 a month at these prices
    const oneQuietHour = hourly(14, (i) => (i % 24 === 3 ? 20 : 400));
    const w = workload({ minReplicas: 3, requestsPerSecond: oneQuietHour, rpsPerPod: 25, maxReplicas: 30 });
    const saving = (1 / 24) * 730 * (1 * 0.04656 + 2 * 0.00511);
    expect(saving).toBeLessThan(5);
    expect(recs(run(podReplicasRule, w)).filter((r) => r.action.type === 'min-replicas')).toEqual([]);
    expect(recs(podReplicasRule.evaluate({ workloads: [w], thresholds: { minReplicasMinSavings: 1 } }, NOW)).filter((r) => r.action.type === 'min-replicas')).toHaveLength(1);
  });

  it('raises the autoscaler maximum to the plan’s peak', () => {
    const w = workload({ minReplicas: 2, requestsPerSecond: traffic, rpsPerPod: 25 });
    expect(recs(run(podReplicasRule, { ...w, planPeakRps: 500 }))).toEqual([]);
    const [r] = recs(run(podReplicasRule, { ...w, planPeakRps: 501 }));
    expect(r.action).toEqual({ type: 'max-replicas', params: { from: 20, to: 21 } });
  });

  it('needs traffic and a per-pod rate', () => {
    expect(missingOf(run(podReplicasRule, workload()))).toEqual(['requestsPerSecond', 'rpsPerPod']);
  });
});
