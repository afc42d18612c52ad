// Application servers: pods from peak traffic, packed onto nodes (EKS) or billed as Fargate tasks.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import { INSTANCE_TYPES, type TInstanceSpec } from '../hardware';
import type { TOptions } from '../options';
import { AWS_FALLBACK_REGION, AWS_REGION } from '../regions';
import type { TLine } from '../types';
import { decimalFromNumber } from '../../money/decimal';
import {
  HOURS_PER_MONTH, ceilSafe, commitmentSku, fmt, makeLine, priceStep, resolvePrice, step, use,
  type TPriceEnv, type TResolvedPrice,
} from './common';

const GIB_TO_GB = 1.073741824;

export type TApplicationContext = {
  provider: TOptions['application']['provider'];
  awsRegion: string;
  instance: TInstanceSpec;
  node: TResolvedPrice;
  clusterFee: TResolvedPrice;
  fargateVcpu: TResolvedPrice;
  fargateGb: TResolvedPrice;
  albHour: TResolvedPrice;
  albLcu: TResolvedPrice;
};

export function prepareApplication(env: TPriceEnv, options: TOptions): TApplicationContext {
  const o = options.application;
  const awsRegion = AWS_REGION[o.region];
  const instance = INSTANCE_TYPES.find((i) => i.type === o.instanceType);
  if (!instance) throw new Error(`unknown instance type ${o.instanceType}`);
  const r = (sku: string, commitment?: string | null) =>
    resolvePrice(env, sku, awsRegion, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commitment });
  return {
    provider: o.provider,
    awsRegion,
    instance,
    node: r(`aws:ec2:${o.instanceType}`, commitmentSku('aws:commitment:compute-sp', o.pricing)),
    clusterFee: r('aws:eks:cluster'),
    fargateVcpu: r('aws:fargate:vcpu', commitmentSku('aws:commitment:fargate-sp', o.pricing)),
    fargateGb: r('aws:fargate:gb', commitmentSku('aws:commitment:fargate-sp', o.pricing)),
    albHour: r('aws:alb:hour'),
    albLcu: r('aws:alb:lcu'),
  };
}

export type TApplicationTrace = {
  regions: number;
  rawPods: number;
  neededPods: number;
  minPods: number;
  mainPods: number;
  auxPods: number;
  pods: number;
  perRegionMain: number;
  podsPerNodeCpu: number;
  podsPerNodeMem: number;
  podsPerNode: number;
  primaryNodes: number;
  otherNodes: number;
  nodes: number;
  vcpuHours: number;
  gbHours: number;
  /** Line costs in the output currency: [nodes | Fargate vCPU, cluster fee | Fargate memory, load balancers]. */
  cost: Float64Array;
};

export function newApplicationTrace(): TApplicationTrace {
  return {
    regions: 0, rawPods: 0, neededPods: 0, minPods: 0, mainPods: 0, auxPods: 0, pods: 0, perRegionMain: 0,
    podsPerNodeCpu: 0, podsPerNodeMem: 0, podsPerNode: 0, primaryNodes: 0, otherNodes: 0, nodes: 0,
    vcpuHours: 0, gbHours: 0, cost: new Float64Array(3),
  };
}

export function applicationLineKeys(ctx: TApplicationContext): string[] {
  return ctx.provider === 'eks'
    ? ['application.nodes', 'application.clusterFee', 'application.loadBalancers']
    : ['application.fargateVcpu', 'application.fargateMemory', 'application.loadBalancers'];
}

/** Returns the application's monthly cost in the output currency and fills the trace. */
export function computeApplication(d: TDriverPoint, c: TCoefficientPoint, ctx: TApplicationContext, t: TApplicationTrace): number {
  const regions = d.regionCount;
  t.regions = regions;
  t.rawPods = (d.peakRequestsPerSecond / c.rpsPerPod) * (1 + c.headroom);
  t.neededPods = ceilSafe(t.rawPods);
  t.minPods = c.minPodsPerRegion * regions;
  t.mainPods = Math.max(t.neededPods, t.minPods);
  t.auxPods = c.auxiliaryPods;
  t.pods = t.mainPods + t.auxPods;
  t.perRegionMain = Math.ceil(t.mainPods / regions);
  if (ctx.provider === 'eks') {
    t.podsPerNodeCpu = Math.floor((ctx.instance.vcpu * c.nodeAllocatableShare) / c.podCpu + 1e-9);
    t.podsPerNodeMem = Math.floor((ctx.instance.memoryGiB * c.nodeAllocatableShare) / c.podMemoryGiB + 1e-9);
    // A pod larger than the node still needs a node of its own: the cost keeps growing with pods.
    t.podsPerNode = Math.max(1, Math.min(t.podsPerNodeCpu, t.podsPerNodeMem));
    t.primaryNodes = Math.max(c.minNodesPerRegion, Math.ceil((t.perRegionMain + t.auxPods) / t.podsPerNode));
    t.otherNodes = Math.max(c.minNodesPerRegion, Math.ceil(t.perRegionMain / t.podsPerNode));
    t.nodes = t.primaryNodes + (regions - 1) * t.otherNodes;
    t.vcpuHours = 0;
    t.gbHours = 0;
    t.cost[0] = t.nodes * HOURS_PER_MONTH * ctx.node.out;
    t.cost[1] = regions * HOURS_PER_MONTH * ctx.clusterFee.out;
  } else {
    t.podsPerNodeCpu = 0;
    t.podsPerNodeMem = 0;
    t.podsPerNode = 0;
    t.primaryNodes = 0;
    t.otherNodes = 0;
    t.nodes = 0;
    // Fargate has no nodes to fill: every pod is a task, wherever it runs.
    t.vcpuHours = t.pods * c.podCpu * HOURS_PER_MONTH;
    t.gbHours = t.pods * c.podMemoryGiB * GIB_TO_GB * HOURS_PER_MONTH;
    t.cost[0] = t.vcpuHours * ctx.fargateVcpu.out;
    t.cost[1] = t.gbHours * ctx.fargateGb.out;
  }
  t.cost[2] = regions * HOURS_PER_MONTH * (ctx.albHour.out + c.albLcuPerRegion * ctx.albLcu.out);
  return t.cost[0] + t.cost[1] + t.cost[2];
}

export function explainApplication(d: TDriverPoint, c: TCoefficientPoint, ctx: TApplicationContext, t: TApplicationTrace): TLine[] {
  const R = d.regionCount;
  const pods = step(
    `Peak ${fmt(d.peakRequestsPerSecond)} req/s ÷ ${fmt(c.rpsPerPod)} req/s per pod × ${fmt(1 + c.headroom)} headroom = ${fmt(t.rawPods)} → ${t.neededPods} pods; ` +
      `at least ${c.minPodsPerRegion} per region × ${R} region${R > 1 ? 's' : ''} = ${t.minPods} → ${t.mainPods} main pods; plus ${t.auxPods} auxiliary pods in the primary region = ${t.pods} pods`,
    use.driver('peakRequestsPerSecond', d), use.coef('rpsPerPod', c), use.coef('headroom', c),
    use.coef('minPodsPerRegion', c), use.driver('regionCount', d), use.coef('auxiliaryPods', c),
  );
  const perHour = Number(ctx.albHour.unitPrice) + c.albLcuPerRegion * Number(ctx.albLcu.unitPrice);
  const lbLine = makeLine({
    key: 'application.loadBalancers', resourceClass: 'application', item: `Application Load Balancer × ${R} (${ctx.awsRegion} prices)`,
    quantity: R * HOURS_PER_MONTH, unit: 'ALB-hour', price: ctx.albHour, unitPrice: decimalFromNumber(perHour, 6), cost: t.cost[2],
    reasoning: [
      step(`One load balancer per serving region: ${R} × ${HOURS_PER_MONTH} h = ${fmt(R * HOURS_PER_MONTH)} ALB-hours`, use.driver('regionCount', d)),
      step(
        `${ctx.albHour.unitPrice} ${ctx.albHour.currency}/ALB-hour + ${fmt(c.albLcuPerRegion)} LCU × ${ctx.albLcu.unitPrice} ${ctx.albLcu.currency}/LCU-hour = ${decimalFromNumber(perHour, 6)} ${ctx.albHour.currency} per ALB-hour`,
        use.coef('albLcuPerRegion', c), use.price(ctx.albLcu),
      ),
      priceStep(ctx.albHour, 'Balancer price'),
    ],
  });
  if (ctx.provider === 'eks') {
    const spec = ctx.instance;
    return [
      makeLine({
        key: 'application.nodes', resourceClass: 'application', item: `EKS worker nodes ${spec.type} (${ctx.awsRegion} prices)`,
        quantity: t.nodes * HOURS_PER_MONTH, unit: 'node-hour', price: ctx.node, cost: t.cost[0],
        reasoning: [
          pods,
          step(
            `Each ${spec.type} (${spec.vcpu} vCPU, ${spec.memoryGiB} GiB) × ${fmt(c.nodeAllocatableShare)} allocatable fits ${t.podsPerNodeCpu} pods by CPU (${fmt(c.podCpu)} vCPU each) and ${t.podsPerNodeMem} by memory (${fmt(c.podMemoryGiB)} GiB each) → ${t.podsPerNode} pods per node`,
            use.option('application.instanceType', spec.type), use.coef('nodeAllocatableShare', c), use.coef('podCpu', c), use.coef('podMemoryGiB', c),
          ),
          step(
            `${t.mainPods} main pods over ${R} region${R > 1 ? 's' : ''} = ${t.perRegionMain} per region; primary region ${t.perRegionMain} + ${t.auxPods} auxiliary → ${t.primaryNodes} nodes, ` +
              `each other region → ${t.otherNodes} nodes (at least ${c.minNodesPerRegion} per region) = ${t.nodes} nodes × ${HOURS_PER_MONTH} h`,
            use.coef('minNodesPerRegion', c), use.driver('regionCount', d),
          ),
          priceStep(ctx.node, 'Node price'),
        ],
      }),
      makeLine({
        key: 'application.clusterFee', resourceClass: 'application', item: `EKS control plane × ${R}`,
        quantity: R * HOURS_PER_MONTH, unit: 'cluster-hour', price: ctx.clusterFee, cost: t.cost[1],
        reasoning: [step(`One EKS cluster per serving region: ${R} × ${HOURS_PER_MONTH} h`, use.driver('regionCount', d)), priceStep(ctx.clusterFee, 'Cluster fee')],
      }),
      lbLine,
    ];
  }
  const tasks = t.pods;
  return [
    makeLine({
      key: 'application.fargateVcpu', resourceClass: 'application', item: `Fargate vCPU for ${tasks} tasks (${ctx.awsRegion} prices)`,
      quantity: t.vcpuHours, unit: 'vCPU-hour', price: ctx.fargateVcpu, cost: t.cost[0],
      reasoning: [
        pods,
        step(`${tasks} tasks × ${fmt(c.podCpu)} vCPU × ${HOURS_PER_MONTH} h = ${fmt(t.vcpuHours)} vCPU-hours`, use.coef('podCpu', c)),
        priceStep(ctx.fargateVcpu, 'vCPU price'),
      ],
    }),
    makeLine({
      key: 'application.fargateMemory', resourceClass: 'application', item: `Fargate memory for ${tasks} tasks`,
      quantity: t.gbHours, unit: 'GB-hour', price: ctx.fargateGb, cost: t.cost[1],
      reasoning: [
        step(`${tasks} tasks × ${fmt(c.podMemoryGiB)} GiB (${fmt(c.podMemoryGiB * GIB_TO_GB)} GB) × ${HOURS_PER_MONTH} h = ${fmt(t.gbHours)} GB-hours`, use.coef('podMemoryGiB', c)),
        priceStep(ctx.fargateGb, 'Memory price'),
      ],
    }),
    lbLine,
  ];
}
