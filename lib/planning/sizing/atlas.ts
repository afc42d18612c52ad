// MongoDB Atlas: data size → working set, storage, IOPS and CPU → the smallest tier that fits, shards beyond it.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import { ATLAS_TIERS, type TAtlasTierSpec } from '../hardware';
import type { TOptions } from '../options';
import { AWS_FALLBACK_REGION, AWS_REGION } from '../regions';
import type { TLine } from '../types';
import {
  HOURS_PER_MONTH, ceilSafe, commitmentSku, fmt, fmtGB, makeLine, priceStep, resolvePrice, step, use,
  type TPriceEnv, type TResolvedPrice,
} from './common';
import { explainDataSize, type TDerived } from './derived';

/** Atlas sharded clusters need M30 or above. */
const SHARDED_MIN_TIER = 'M30';
/** Continuous cloud backup keeps the oplog for point-in-time restore over this window at most. */
const PITR_WINDOW_DAYS = 7;

export type TAtlasContext = {
  awsRegion: string;
  tiers: TAtlasTierSpec[];
  tierPrices: TResolvedPrice[];
  tierOut: Float64Array;
  shardedMinIndex: number;
  storage: TResolvedPrice;
  iops: TResolvedPrice;
  backup: TResolvedPrice;
};

export function prepareAtlas(env: TPriceEnv, options: TOptions): TAtlasContext {
  const o = options.atlas;
  const awsRegion = AWS_REGION[o.region];
  const lo = ATLAS_TIERS.findIndex((t) => t.tier === o.minTier);
  const hi = ATLAS_TIERS.findIndex((t) => t.tier === o.maxTier);
  const tiers = ATLAS_TIERS.slice(lo, hi + 1);
  const commit = commitmentSku('atlas:commitment', o.pricing);
  const tierPrices = tiers.map((t) => resolvePrice(env, `atlas:${t.tier}`, awsRegion, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commit }));
  const shardedFloor = ATLAS_TIERS.findIndex((t) => t.tier === SHARDED_MIN_TIER);
  return {
    awsRegion,
    tiers,
    tierPrices,
    tierOut: Float64Array.from(tierPrices.map((p) => p.out)),
    shardedMinIndex: Math.max(0, shardedFloor - lo),
    storage: resolvePrice(env, 'atlas:storage', awsRegion, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commit }),
    iops: resolvePrice(env, 'atlas:iops', awsRegion, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commit }),
    backup: resolvePrice(env, 'atlas:backup', awsRegion, { fallbackRegion: AWS_FALLBACK_REGION }),
  };
}

export type TAtlasTrace = {
  indexGB: number;
  totalGB: number;
  workingSetGB: number;
  ramNeededGB: number;
  storageNeededGB: number;
  iopsNeeded: number;
  vcpuNeeded: number;
  shards: number;
  /** Fewest shards that fit on the largest allowed tier (the shards used). */
  minShards: number;
  tierIndex: number;
  replicas: number;
  nodes: number;
  storagePerShardGB: number;
  storageBilledGB: number;
  /** Provisioned IOPS per node above the tier's standard IOPS. */
  extraIops: number;
  backupGB: number;
  oplogGB: number;
  /** [cluster nodes, custom storage, provisioned IOPS, backup] in the output currency. */
  cost: Float64Array;
};

export function newAtlasTrace(): TAtlasTrace {
  return {
    indexGB: 0, totalGB: 0, workingSetGB: 0, ramNeededGB: 0, storageNeededGB: 0, iopsNeeded: 0, vcpuNeeded: 0,
    shards: 1, minShards: 1, tierIndex: 0, replicas: 3, nodes: 3, storagePerShardGB: 0, storageBilledGB: 0, extraIops: 0, backupGB: 0, oplogGB: 0,
    cost: new Float64Array(4),
  };
}

export const ATLAS_LINE_KEYS = ['atlas.cluster', 'atlas.storage', 'atlas.iops', 'atlas.backup'];

export function computeAtlas(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TAtlasContext, t: TAtlasTrace): number {
  t.indexGB = x.dataGB * c.indexOverhead;
  t.totalGB = x.dataGB + t.indexGB;
  t.workingSetGB = t.indexGB + x.dataGB * c.workingSetShare;
  t.ramNeededGB = t.workingSetGB / c.ramUsableShare;
  t.storageNeededGB = t.totalGB * c.storageGrowthMargin;
  t.iopsNeeded = d.peakRequestsPerSecond * c.iopsPerRequest;
  t.vcpuNeeded = (d.peakRequestsPerSecond * c.dbOpsPerRequest) / c.dbOpsPerVcpu;
  t.replicas = Math.max(3, Math.round(d.replicas));
  const top = ctx.tiers[ctx.tiers.length - 1];
  // Scale up to the largest allowed tier, then shard (fewest shards). IOPS do not force shards:
  // Atlas provisions extra IOPS on the same nodes. With the doubling RAM/vCPU ladder this keeps
  // cost monotone in the needs.
  t.minShards = Math.max(1, ceilSafe(Math.max(t.ramNeededGB / top.ramGB, t.storageNeededGB / top.maxStorageGB, t.vcpuNeeded / top.vcpu)));
  t.shards = t.minShards;
  const ram = t.ramNeededGB / t.shards;
  const storage = t.storageNeededGB / t.shards;
  const vcpu = t.vcpuNeeded / t.shards;
  let i = t.shards > 1 ? ctx.shardedMinIndex : 0;
  for (; i < ctx.tiers.length - 1; i++) {
    const spec = ctx.tiers[i];
    if (ram <= spec.ramGB && storage <= spec.maxStorageGB && vcpu <= spec.vcpu) break;
  }
  t.tierIndex = i;
  t.nodes = t.shards * t.replicas;
  t.storagePerShardGB = storage;
  // Atlas bills the whole custom size once storage exceeds the tier's included default.
  t.storageBilledGB = storage > ctx.tiers[i].defaultStorageGB ? storage * t.nodes : 0;
  t.extraIops = Math.max(0, t.iopsNeeded / t.shards - ctx.tiers[i].iops);
  t.backupGB = x.dataGB * c.backupCompression * (1 + c.dailyChangeRate * d.backupRetentionDays);
  t.oplogGB = d.rpoHours < 24 ? x.dataGB * c.dailyChangeRate * Math.min(d.backupRetentionDays, PITR_WINDOW_DAYS) : 0;
  t.cost[0] = t.nodes * HOURS_PER_MONTH * ctx.tierOut[t.tierIndex];
  t.cost[1] = t.storageBilledGB * ctx.storage.out;
  t.cost[2] = t.extraIops * t.nodes * ctx.iops.out;
  t.cost[3] = (t.backupGB + t.oplogGB) * ctx.backup.out;
  return t.cost[0] + t.cost[1] + t.cost[2] + t.cost[3];
}

export function explainAtlas(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TAtlasContext, t: TAtlasTrace): TLine[] {
  const tier = ctx.tiers[t.tierIndex];
  const price = ctx.tierPrices[t.tierIndex];
  const top = ctx.tiers[ctx.tiers.length - 1];
  const binding: string[] = [];
  if (t.ramNeededGB / t.shards > (ctx.tiers[t.tierIndex - 1]?.ramGB ?? 0)) binding.push('RAM');
  if (t.storageNeededGB / t.shards > (ctx.tiers[t.tierIndex - 1]?.maxStorageGB ?? 0)) binding.push('storage');
  if (t.vcpuNeeded / t.shards > (ctx.tiers[t.tierIndex - 1]?.vcpu ?? 0)) binding.push('CPU');
  const why = t.tierIndex === 0 ? `the minimum tier allowed (${tier.tier})` : `the smallest tier that fits (${binding.join(' and ') || 'all needs'} decide${binding.length === 1 ? 's' : ''})`;
  return [
    makeLine({
      key: 'atlas.cluster', resourceClass: 'atlas', item: `Atlas ${tier.tier} × ${t.nodes} nodes${t.shards > 1 ? ` (${t.shards} shards)` : ''} (${ctx.awsRegion})`,
      quantity: t.nodes * HOURS_PER_MONTH, unit: 'node-hour', price, cost: t.cost[0],
      reasoning: [
        explainDataSize(d, c, x),
        step(
          `Indexes ${fmt(c.indexOverhead)} × data = ${fmtGB(t.indexGB)}; working set = indexes + ${fmt(c.workingSetShare)} × data = ${fmtGB(t.workingSetGB)}; ÷ ${fmt(c.ramUsableShare)} usable RAM = ${fmtGB(t.ramNeededGB)} RAM per node`,
          use.coef('indexOverhead', c), use.coef('workingSetShare', c), use.coef('ramUsableShare', c),
        ),
        step(
          `Storage (data + indexes) ${fmtGB(t.totalGB)} × ${fmt(c.storageGrowthMargin)} growth margin = ${fmtGB(t.storageNeededGB)}; IOPS: peak ${fmt(d.peakRequestsPerSecond)} req/s × ${fmt(c.iopsPerRequest)} = ${fmt(t.iopsNeeded)}; ` +
            `CPU: ${fmt(d.peakRequestsPerSecond)} req/s × ${fmt(c.dbOpsPerRequest)} ops ÷ ${fmt(c.dbOpsPerVcpu)} ops/s per vCPU = ${fmt(t.vcpuNeeded)} vCPU`,
          use.coef('storageGrowthMargin', c), use.driver('peakRequestsPerSecond', d), use.coef('iopsPerRequest', c), use.coef('dbOpsPerRequest', c), use.coef('dbOpsPerVcpu', c),
        ),
        step(
          t.shards > 1
            ? `One replica set of the largest allowed tier (${top.tier}: ${top.ramGB} GB RAM, ${fmt(top.maxStorageGB)} GB disk, ${top.vcpu} vCPU) is not enough → ${t.shards} shards; per shard ${fmtGB(t.ramNeededGB / t.shards)} RAM, ${fmtGB(t.storageNeededGB / t.shards)} disk, ${fmt(t.vcpuNeeded / t.shards)} vCPU → ${tier.tier}, ${why}`
            : `${tier.tier} (${tier.ramGB} GB RAM, ${tier.vcpu} vCPU, up to ${fmt(tier.maxStorageGB)} GB disk, ${fmt(tier.iops)} IOPS) is ${why}; one replica set is enough`,
          use.option('atlas.minTier', ctx.tiers[0].tier), use.option('atlas.maxTier', top.tier),
        ),
        step(`${t.shards} shard${t.shards > 1 ? 's' : ''} × ${t.replicas} nodes (service level ${fmt(d.replicas)} replicas, Atlas minimum 3) = ${t.nodes} nodes × ${HOURS_PER_MONTH} h`, use.driver('replicas', d)),
        priceStep(price, 'Node price'),
      ],
    }),
    makeLine({
      key: 'atlas.storage', resourceClass: 'atlas', item: `Atlas custom storage (${fmtGB(t.storagePerShardGB)} per node)`,
      quantity: t.storageBilledGB, unit: 'GB-month', price: ctx.storage, cost: t.cost[1],
      reasoning: [
        step(
          t.storageBilledGB > 0
            ? `${fmtGB(t.storagePerShardGB)} per node exceeds the ${tier.defaultStorageGB} GB included in ${tier.tier}: Atlas bills the whole custom size, × ${t.nodes} nodes = ${fmt(t.storageBilledGB)} GB-month`
            : `${fmtGB(t.storagePerShardGB)} per node fits the ${tier.defaultStorageGB} GB included in ${tier.tier}: nothing extra`,
          use.derived('storagePerNodeGB', t.storagePerShardGB, 'GB'),
        ),
        priceStep(ctx.storage, 'Storage price'),
      ],
    }),
    makeLine({
      key: 'atlas.iops', resourceClass: 'atlas', item: 'Atlas provisioned IOPS',
      quantity: t.extraIops * t.nodes, unit: 'IOPS-month', price: ctx.iops, cost: t.cost[2],
      reasoning: [
        step(
          t.extraIops > 0
            ? `Peak ${fmt(t.iopsNeeded)} IOPS ÷ ${t.shards} shard${t.shards > 1 ? 's' : ''} exceeds the ${fmt(tier.iops)} standard IOPS of ${tier.tier} by ${fmt(t.extraIops)} per node × ${t.nodes} nodes`
            : `Peak ${fmt(t.iopsNeeded)} IOPS ÷ ${t.shards} shard${t.shards > 1 ? 's' : ''} fits the ${fmt(tier.iops)} standard IOPS of ${tier.tier}: nothing extra`,
          use.driver('peakRequestsPerSecond', d), use.coef('iopsPerRequest', c),
        ),
        priceStep(ctx.iops, 'IOPS price'),
      ],
    }),
    makeLine({
      key: 'atlas.backup', resourceClass: 'atlas', item: d.rpoHours < 24 ? 'Atlas continuous cloud backup' : 'Atlas cloud backup snapshots',
      quantity: t.backupGB + t.oplogGB, unit: 'GB-month', price: ctx.backup, cost: t.cost[3],
      reasoning: [
        step(
          `Snapshots: data ${fmtGB(x.dataGB)} × ${fmt(c.backupCompression)} compressed × (1 + ${fmt(c.dailyChangeRate)} daily change × ${fmt(d.backupRetentionDays)} days retained) = ${fmtGB(t.backupGB)}`,
          use.coef('backupCompression', c), use.coef('dailyChangeRate', c), use.driver('backupRetentionDays', d),
        ),
        step(
          d.rpoHours < 24
            ? `RPO ${fmt(d.rpoHours)} h < 24 h needs continuous backup: oplog ${fmtGB(x.dataGB)} × ${fmt(c.dailyChangeRate)} × ${fmt(Math.min(d.backupRetentionDays, PITR_WINDOW_DAYS))} days = ${fmtGB(t.oplogGB)}`
            : `RPO ${fmt(d.rpoHours)} h: daily snapshots are enough, no oplog retention`,
          use.driver('rpoHours', d),
        ),
        priceStep(ctx.backup, 'Backup storage price'),
      ],
    }),
  ];
}
