import { describe, expect, it } from 'vitest';
import { sizeAll, sizeApplication } from './size';
import { EUROPE_POINT, FX, listPrice, testCoefficients } from '../testing/fixtures';

const line = (lines: { key: string }[], key: string) => {
  const l = lines.find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key}`);
  return l as ReturnType<typeof sizeApplication>[number];
};

describe('application sizing (EKS)', () => {
  it('sizes the Europe point by hand: pods, packing, nodes, cluster fees, load balancers', () => {
    const { lines, capacity } = sizeAll({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX });
    // pods = ceil(500 ÷ 40 × 1.3) = ceil(16.25) = 17; at least 2 × 6 regions = 12 → 17; + 4 auxiliary = 21
    expect(capacity.mainPods).toBe(17);
    expect(capacity.pods).toBe(21);
    // m6i.large: floor(2 × 0.88 ÷ 0.5) = 3 by CPU, floor(8 × 0.88 ÷ 1) = 7 by memory → 3 pods per node
    // per region ceil(17 ÷ 6) = 3 pods; primary: ceil((3 + 4) ÷ 3) = 3 nodes; others max(2, ceil(3 ÷ 3)) = 2 → 3 + 5 × 2 = 13
    expect(capacity.nodes).toBe(13);
    const node = listPrice('aws:ec2:m6i.large@eu-west-3');
    expect(Number(line(lines, 'application.nodes').monthlyCost)).toBeCloseTo(13 * 730 * node * 0.92, 2);
    expect(line(lines, 'application.nodes').quantity).toBe(13 * 730);
    expect(Number(line(lines, 'application.clusterFee').monthlyCost)).toBeCloseTo(6 * 730 * listPrice('aws:eks:cluster@eu-west-3') * 0.92, 2);
    const alb = 6 * 730 * (listPrice('aws:alb:hour@eu-west-3') + 2 * listPrice('aws:alb:lcu@eu-west-3')) * 0.92;
    expect(Number(line(lines, 'application.loadBalancers').monthlyCost)).toBeCloseTo(alb, 2);
    expect(line(lines, 'application.nodes').reasoning[0].text).toContain('Peak 500 req/s ÷ 40 req/s per pod × 1.3 headroom = 16.3 → 17 pods');
  });

  it('lets the regional minimum win when traffic is low, and memory decide packing when pods are big', () => {
    const drivers = { ...EUROPE_POINT, peakRequestsPerSecond: 20 };
    const { capacity } = sizeAll({ drivers, coefficients: testCoefficients({ podMemoryGiB: 3.5, podCpu: 0.25 }), fx: FX });
    // ceil(20 ÷ 40 × 1.3) = 1 pod < 2 × 6 = 12 → 12 main pods, 2 per region
    expect(capacity.mainPods).toBe(12);
    // by CPU floor(1.76 ÷ 0.25) = 7, by memory floor(7.04 ÷ 3.5) = 2 → 2 per node
    // primary ceil((2 + 4) ÷ 2) = 3; others max(2, 1) = 2 → 3 + 10 = 13
    expect(capacity.nodes).toBe(13);
  });

  it('applies a 1-year Compute Savings Plan to nodes only', () => {
    const lines = sizeApplication({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { application: { pricing: '1y' } } });
    const nodes = line(lines, 'application.nodes');
    const multiplier = listPrice('aws:commitment:compute-sp:1y');
    expect(Number(nodes.unitPrice)).toBeCloseTo(listPrice('aws:ec2:m6i.large@eu-west-3') * multiplier, 10);
    expect(nodes.listUnitPrice).toBe('0.112');
    expect(Number(nodes.monthlyCost)).toBeCloseTo(13 * 730 * 0.112 * multiplier * 0.92, 2);
    expect(line(lines, 'application.clusterFee').unitPrice).toBe(line(lines, 'application.clusterFee').listUnitPrice);
  });
});

describe('application sizing (ECS on Fargate)', () => {
  it('bills vCPU-hours and GB-hours of the tasks', () => {
    const lines = sizeApplication({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { application: { provider: 'ecs-fargate' } } });
    // every pod is a task: 17 main + 4 auxiliary = 21 tasks
    const vcpuHours = 21 * 0.5 * 730;
    const gbHours = 21 * 1 * 1.073741824 * 730;
    expect(line(lines, 'application.fargateVcpu').quantity).toBeCloseTo(vcpuHours, 6);
    expect(Number(line(lines, 'application.fargateVcpu').monthlyCost)).toBeCloseTo(vcpuHours * listPrice('aws:fargate:vcpu@eu-west-3') * 0.92, 2);
    expect(Number(line(lines, 'application.fargateMemory').monthlyCost)).toBeCloseTo(gbHours * listPrice('aws:fargate:gb@eu-west-3') * 0.92, 2);
    expect(lines.map((l) => l.key)).toEqual(['application.fargateVcpu', 'application.fargateMemory', 'application.loadBalancers']);
  });
});
