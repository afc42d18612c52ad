// Hardware facts the sizing rules pick from (not prices: those live in the price catalogue).

export type TAtlasTierSpec = {
  tier: string;
  ramGB: number;
  vcpu: number;
  /** Storage included in the tier's hourly price. */
  defaultStorageGB: number;
  maxStorageGB: number;
  /** Standard (gp3 baseline) IOPS without provisioned IOPS. */
  iops: number;
};

/**
 * Atlas on AWS, General class. RAM, vCPU and storage limits from the Atlas cluster-tier
 * documentation; M10/M20 are burstable. IOPS are the gp3 baseline Atlas provisions by default.
 */
export const ATLAS_TIERS: TAtlasTierSpec[] = [
  { tier: 'M10', ramGB: 2, vcpu: 2, defaultStorageGB: 10, maxStorageGB: 128, iops: 3000 },
  { tier: 'M20', ramGB: 4, vcpu: 2, defaultStorageGB: 20, maxStorageGB: 255, iops: 3000 },
  { tier: 'M30', ramGB: 8, vcpu: 2, defaultStorageGB: 40, maxStorageGB: 512, iops: 3000 },
  { tier: 'M40', ramGB: 16, vcpu: 4, defaultStorageGB: 80, maxStorageGB: 1024, iops: 3000 },
  { tier: 'M50', ramGB: 32, vcpu: 8, defaultStorageGB: 160, maxStorageGB: 4096, iops: 3000 },
  { tier: 'M60', ramGB: 64, vcpu: 16, defaultStorageGB: 320, maxStorageGB: 4096, iops: 3000 },
  { tier: 'M80', ramGB: 128, vcpu: 32, defaultStorageGB: 750, maxStorageGB: 4096, iops: 3000 },
];
export const ATLAS_TIER_NAMES = ['M10', 'M20', 'M30', 'M40', 'M50', 'M60', 'M80'] as const;
export type TAtlasTier = (typeof ATLAS_TIER_NAMES)[number];

export type TInstanceSpec = { type: string; vcpu: number; memoryGiB: number };

export const INSTANCE_TYPES: TInstanceSpec[] = [
  { type: 'm6i.large', vcpu: 2, memoryGiB: 8 },
  { type: 'm6i.xlarge', vcpu: 4, memoryGiB: 16 },
  { type: 'm6i.2xlarge', vcpu: 8, memoryGiB: 32 },
  { type: 'm6i.4xlarge', vcpu: 16, memoryGiB: 64 },
  { type: 'm7i.large', vcpu: 2, memoryGiB: 8 },
  { type: 'm7i.xlarge', vcpu: 4, memoryGiB: 16 },
  { type: 'm7i.2xlarge', vcpu: 8, memoryGiB: 32 },
  { type: 'm7i.4xlarge', vcpu: 16, memoryGiB: 64 },
  { type: 'c7i.large', vcpu: 2, memoryGiB: 4 },
  { type: 'c7i.xlarge', vcpu: 4, memoryGiB: 8 },
  { type: 'c7i.2xlarge', vcpu: 8, memoryGiB: 16 },
  { type: 'c7i.4xlarge', vcpu: 16, memoryGiB: 32 },
];
export const INSTANCE_TYPE_NAMES = [
  'm6i.large', 'm6i.xlarge', 'm6i.2xlarge', 'm6i.4xlarge',
  'm7i.large', 'm7i.xlarge', 'm7i.2xlarge', 'm7i.4xlarge',
  'c7i.large', 'c7i.xlarge', 'c7i.2xlarge', 'c7i.4xlarge',
] as const;
export type TInstanceType = (typeof INSTANCE_TYPE_NAMES)[number];

/** ElastiCache node memory (GiB) from the ElastiCache node-type table. */
export const ELASTICACHE_NODES = [
  { type: 'cache.r7g.large', memoryGB: 13.07 },
  { type: 'cache.r7g.xlarge', memoryGB: 26.32 },
  { type: 'cache.r7g.2xlarge', memoryGB: 52.82 },
  { type: 'cache.r7g.4xlarge', memoryGB: 105.81 },
] as const;
export const ELASTICACHE_NODE_NAMES = ['cache.r7g.large', 'cache.r7g.xlarge', 'cache.r7g.2xlarge', 'cache.r7g.4xlarge'] as const;
export type TElastiCacheNode = (typeof ELASTICACHE_NODE_NAMES)[number];

/** Redis Enterprise node sizes (GB of memory per node) the model can pick. */
export const REDIS_ENTERPRISE_NODE_GB = [8, 16, 32, 64] as const;
export type TRedisEnterpriseNodeGB = (typeof REDIS_ENTERPRISE_NODE_GB)[number];

/** A Redis Enterprise cluster needs three nodes for quorum; ElastiCache needs a primary and a replica. */
export const REDIS_MIN_NODES = { 'redis-enterprise': 3, elasticache: 2 } as const;
