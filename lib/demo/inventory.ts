// Demo inventory and its hourly utilisation: the Atlas cluster, the Redis database, the routes API
// deployment, the prod EKS node group it runs on, the Cloudflare zone and the topographic data bucket,
// driven by the same model as the costs (a traffic peak shows in both; the node group's hourly nodes sum
// to the node-hours billed).
import type { TResourceInput, TSampleInput } from '../focus/types';
import { ATLAS_CLUSTER_ID, ATLAS_M30, ATLAS_PROJECT } from './costs-atlas';
import { CLOUDFLARE_PROVIDER, CLOUDFLARE_ZONE } from './costs-cloudflare';
import { REDIS_DATABASE_ID, REDIS_SUBSCRIPTION, redisShards } from './costs-redis';
import { DEMO_NODE_ALLOCATABLE, type TDemoModel } from './model';
import { createRng } from './prng';

const GiB = 2 ** 30;
const APP = { cpuPerPod: 2, memoryPerPodGiB: 4, minReplicas: 3, maxReplicas: 30 };
const APP_ID = 'routes/routes-api'; // namespace/deployment, as the Prometheus connector names it
const BUCKET_ID = 'arn:aws:s3:::ec-topo-tiles-prod';
const NODE_POOL = { id: 'ec-prod/app-nodes', cluster: 'ec-prod', nodegroup: 'app-nodes', instanceType: 'm6i.xlarge', minNodes: 3 }; // <cluster>/<nodegroup>, as the Prometheus connector names it

export function demoResources(model: TDemoModel): TResourceInput[] {
  const today = model.days.at(-1)!;
  return [
    {
      provider: 'atlas',
      kind: 'database',
      externalId: ATLAS_CLUSTER_ID,
      name: 'ec-routes',
      region: 'eu-west-3',
      size: 'M30',
      capacity: {
        cpu_percent: 100,
        memory_used_bytes: ATLAS_M30.ramGb * GiB,
        disk_used_bytes: ATLAS_M30.diskGb * GiB,
        connections: ATLAS_M30.maxConnections,
      },
      attributes: {
        projectId: ATLAS_PROJECT.id,
        tier: 'M30',
        vcpu: ATLAS_M30.vcpu,
        ramGb: ATLAS_M30.ramGb,
        defaultStorageGb: ATLAS_M30.defaultStorageGb,
        diskSizeGb: ATLAS_M30.diskGb,
        clusterType: 'REPLICASET',
        nodes: ATLAS_M30.nodes,
        cloudProvider: 'AWS',
        regionName: 'EU_WEST_3',
        mongoDBMajorVersion: '7.0',
        backupEnabled: true,
      },
    },
    {
      provider: 'redis-cloud',
      kind: 'cache',
      externalId: REDIS_DATABASE_ID,
      name: 'ec-cache',
      region: 'eu-west-3',
      size: `Pro ${today.redisLimitGb} GB`,
      capacity: { memory_used_bytes: today.redisLimitGb * GiB, ops_per_sec: 25_000 },
      attributes: {
        subscriptionId: REDIS_SUBSCRIPTION.id,
        plan: 'Pro (Redis Enterprise)',
        memoryLimitGb: today.redisLimitGb,
        shards: redisShards(today.redisLimitGb),
        replication: true,
        dataPersistence: 'aof-every-1-second',
        dataEvictionPolicy: 'allkeys-lru',
        cloudProvider: 'AWS',
      },
    },
    {
      provider: 'prometheus',
      kind: 'app',
      externalId: APP_ID,
      name: 'routes-api',
      region: 'eu-west-3',
      size: `${APP.cpuPerPod} vCPU / ${APP.memoryPerPodGiB} GiB per pod`,
      capacity: {
        cpu_cores: APP.cpuPerPod * APP.maxReplicas,
        memory_working_set_bytes: APP.memoryPerPodGiB * GiB * APP.maxReplicas,
        replicas: APP.maxReplicas,
      },
      attributes: {
        platform: 'EKS',
        cluster: 'ec-prod',
        namespace: 'routes',
        deployment: 'routes-api',
        cpuRequestCores: APP.cpuPerPod,
        cpuLimitCores: APP.cpuPerPod,
        memoryLimitBytes: APP.memoryPerPodGiB * GiB,
        hpa: { minReplicas: APP.minReplicas, maxReplicas: APP.maxReplicas, targetCPUUtilizationPercentage: 70 },
        nodeInstanceType: 'm6i.xlarge',
        nodeGroups: { [NODE_POOL.nodegroup]: model.hours.at(-1)?.replicas ?? APP.minReplicas }, // where its pods run, as the connector's placement query sees it
        deploymentStrategy: 'blue-green',
      },
    },
    {
      provider: 'prometheus',
      kind: 'node-pool',
      externalId: NODE_POOL.id,
      name: NODE_POOL.id,
      region: 'eu-west-3',
      size: NODE_POOL.instanceType,
      capacity: {},
      attributes: { cluster: NODE_POOL.cluster, nodegroup: NODE_POOL.nodegroup, instanceType: NODE_POOL.instanceType, minNodes: NODE_POOL.minNodes },
    },
    {
      provider: 'cloudflare',
      kind: 'cdn',
      externalId: CLOUDFLARE_ZONE.id,
      name: CLOUDFLARE_ZONE.name,
      region: null,
      size: 'Business',
      capacity: {},
      attributes: { accountId: CLOUDFLARE_PROVIDER.billingAccountId, plan: 'Business', argoSmartRouting: true },
    },
    {
      provider: 'aws',
      kind: 'storage',
      externalId: BUCKET_ID,
      name: 'ec-topo-tiles-prod',
      region: 'eu-west-3',
      size: null,
      capacity: {},
      attributes: { storageClasses: ['STANDARD', 'STANDARD_IA'], replicationTo: 'eu-central-1', content: 'topographic tiles and elevation data' },
    },
  ];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

export function demoSamples(model: TDemoModel): TSampleInput[] {
  const out: TSampleInput[] = [];
  const rng = (label: string) => createRng(model.seed, `samples.${label}`);
  const atlasNoise = rng('atlas');
  const redisNoise = rng('redis');
  const appNoise = rng('app');
  const cdnNoise = rng('cdn');
  const push = (provider: string, id: string, ts: Date, metric: string, unit: string, value: number) =>
    out.push({ provider, resourceExternalId: id, metric, unit, ts, value });

  for (const hour of model.hours) {
    const { ts, day, rps, replicas } = hour;
    const next = model.days[day.index + 1] ?? day;
    const f = ts.getUTCHours() / 24;
    const lerp = (a: number, b: number) => a + (b - a) * f;

    // Atlas: the M30 runs hotter as Europe arrives; bulk imports during the data migration
    const migrating = day.dataProgress > 0.02 && day.dataProgress < 0.98 ? 18 : 0;
    const mongoGb = lerp(day.mongoDataGb, next.mongoDataGb);
    push('atlas', ATLAS_CLUSTER_ID, ts, 'cpu_percent', 'percent', round(clamp(9 + rps * 0.8 + migrating + 2.5 * atlasNoise.normal(), 2, 98), 2));
    push('atlas', ATLAS_CLUSTER_ID, ts, 'memory_used_bytes', 'bytes', Math.round(clamp(4.2 + mongoGb * 0.02 + rps * 0.01 + 0.05 * atlasNoise.normal(), 3, 7.6) * GiB));
    push('atlas', ATLAS_CLUSTER_ID, ts, 'disk_used_bytes', 'bytes', Math.round((mongoGb * 1.08 + 6) * GiB));
    push('atlas', ATLAS_CLUSTER_ID, ts, 'connections', 'count', Math.round(35 + replicas * 22 + rps * 1.5 + 6 * atlasNoise.normal()));

    // Redis: near its 5 GB limit (and evicting) until the upgrade to 25 GB
    const usedGb = lerp(day.redisUsedGb, next.redisUsedGb) * (1 + 0.02 * redisNoise.normal());
    const pressure = usedGb / day.redisLimitGb;
    const ops = rps * 14 * redisNoise.jitter(0.05);
    const evicting = pressure > 0.9;
    push('redis-cloud', REDIS_DATABASE_ID, ts, 'memory_used_bytes', 'bytes', Math.round(Math.min(usedGb, day.redisLimitGb) * GiB));
    push('redis-cloud', REDIS_DATABASE_ID, ts, 'memory_limit_bytes', 'bytes', day.redisLimitGb * GiB);
    push('redis-cloud', REDIS_DATABASE_ID, ts, 'ops_per_sec', 'ops/s', round(ops, 1));
    push('redis-cloud', REDIS_DATABASE_ID, ts, 'hit_ratio', 'ratio', round(clamp(0.955 - (evicting ? 0.06 * (pressure - 0.9) * 10 : 0) + 0.004 * redisNoise.normal(), 0.7, 0.995), 4));
    push('redis-cloud', REDIS_DATABASE_ID, ts, 'evicted_keys', 'count', evicting ? Math.round(ops * 3600 * 0.002 * (pressure - 0.9) * 10) : 0);

    // the routes API deployment
    push('prometheus', APP_ID, ts, 'http_requests_per_second', 'req/s', round(rps, 3));
    push('prometheus', APP_ID, ts, 'replicas', 'count', replicas);
    push('prometheus', APP_ID, ts, 'cpu_cores', 'cores', round((0.12 * replicas + rps * 0.3) * appNoise.jitter(0.05), 3));
    push('prometheus', APP_ID, ts, 'memory_working_set_bytes', 'bytes', Math.round(replicas * (0.75 + Math.min(2, (rps / replicas) * 0.12)) * GiB * appNoise.jitter(0.03)));

    // the node group under it: the nodes the cluster autoscaler ran, the requests of every pod on them (the
    // routes API's and the auxiliary and system pods'), and what they can schedule
    const { nodes, auxiliaryVcpu, auxiliaryMemoryGib } = hour;
    push('prometheus', NODE_POOL.id, ts, 'nodes', 'count', nodes);
    push('prometheus', NODE_POOL.id, ts, 'cpu_request_cores', 'cores', round(replicas * APP.cpuPerPod + auxiliaryVcpu, 3));
    push('prometheus', NODE_POOL.id, ts, 'memory_request_bytes', 'bytes', Math.round((replicas * APP.memoryPerPodGiB + auxiliaryMemoryGib) * GiB));
    push('prometheus', NODE_POOL.id, ts, 'cpu_allocatable_cores', 'cores', round(nodes * DEMO_NODE_ALLOCATABLE.vcpu, 3));
    push('prometheus', NODE_POOL.id, ts, 'memory_allocatable_bytes', 'bytes', Math.round(nodes * DEMO_NODE_ALLOCATABLE.memoryGib * GiB));

    // the CDN
    const requests = rps * 7 * 3600;
    push('cloudflare', CLOUDFLARE_ZONE.id, ts, 'requests', 'count', Math.round(requests));
    push('cloudflare', CLOUDFLARE_ZONE.id, ts, 'bytes', 'bytes', Math.round(((requests * day.cdnGb) / day.cdnRequests) * 1e9));
    push('cloudflare', CLOUDFLARE_ZONE.id, ts, 'cache_hit_ratio', 'ratio', round(clamp(day.cacheHitRatio + 0.01 * cdnNoise.normal(), 0.75, 0.99), 4));

    if (ts.getUTCHours() === 0) {
      push('aws', BUCKET_ID, ts, 'bucket_size_bytes', 'bytes', Math.round(day.topoGb * GiB));
    }
  }
  return out;
}
