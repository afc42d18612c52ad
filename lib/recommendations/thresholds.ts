// Thresholds of the scaling and rightsizing rules, each with where it comes from. The settings page
// may override them later; the rules read them from here and cite them in their text.

/** Atlas auto-scaling scales a cluster tier up when CPU or memory utilisation stays above 75% for an hour
 *  (MongoDB Atlas docs, "Configure Auto-Scaling": cluster tier scale-up conditions). */
export const ATLAS_SCALE_UP_PERCENT = 75;
/** Atlas scales down one tier when CPU stays below 50% (Atlas docs, scale-down conditions)… */
export const ATLAS_SCALE_DOWN_CPU_PERCENT = 50;
/** …and the working set would fit the lower tier's memory at under 60% (same page)… */
export const ATLAS_SCALE_DOWN_WORKING_SET_SHARE = 0.6;
/** …over a long enough window; issue 14 asks for at least 14 days of samples before a tier down. */
export const ATLAS_SCALE_DOWN_MIN_DAYS = 14;
/** Atlas storage auto-scaling grows the disk when 90% of it is used (Atlas docs, storage auto-scaling). */
export const ATLAS_DISK_AUTOSCALE_SHARE = 0.9;
/** A cluster with no connection for 14 days is idle (issue 14; Atlas can pause a dedicated cluster for up to 30 days). */
export const IDLE_DAYS = 14;
/** Sharded Atlas clusters need M30 or above (Atlas docs, sharded cluster requirements). */
export const ATLAS_SHARDED_MIN_TIER = 'M30';

/** Redis: scale up or out when P95 used memory exceeds 75% of maxmemory (headroom for replication buffers and
 *  fork copy-on-write during persistence; Redis Cloud and ElastiCache both alarm at 75–80%). Issue 14. */
export const REDIS_MEMORY_HIGH_SHARE = 0.75;
/** Smaller nodes when P95 used memory stays under 35% of maxmemory for 30 days (issue 14). */
export const REDIS_MEMORY_LOW_SHARE = 0.35;
export const REDIS_LOW_DAYS = 30;
/** mem_fragmentation_ratio above 1.5 means much of the RSS is fragmentation (Redis docs, INFO memory). */
export const REDIS_FRAGMENTATION_RATIO = 1.5;
/** Operations per second above 75% of what the shards sustain: the same headroom as memory (ours). */
export const REDIS_OPS_HIGH_SHARE = 0.75;

/** The Kubernetes vertical pod autoscaler's recommender targets the 90th percentile of usage
 *  (--target-cpu-percentile=0.9) plus a 15% safety margin (--recommendation-margin-fraction=0.15). */
export const VPA_TARGET_PERCENTILE = 0.9;
export const VPA_MARGIN = 0.15;
/** Below a 10% change in requests, restarting pods is not worth it (ours; VPA's updater waits for a similar gap). */
export const REQUESTS_MIN_CHANGE_SHARE = 0.1;
/** Never fewer than two replicas: one pod down must not take the service down (ours). */
export const MIN_REPLICAS_FLOOR = 2;
/** A lower replica floor is proposed only when it saves at least 5 a month in the prices' currency (USD; ours: under
 *  that, the colder burst it risks is not worth the money). */
export const MIN_REPLICAS_MIN_SAVINGS = 5;
/** Share of a node's vCPU and memory Kubernetes can schedule: EKS reserves some for the kubelet and the
 *  system (kube-reserved grows with the node; ~6–10% of memory on m-family sizes), so 90% (ours, rounded). */
export const NODE_ALLOCATABLE_SHARE = 0.9;
/** Bin-packing never fills nodes completely; plan nodes at 85% of allocatable (ours; the cluster autoscaler's
 *  scale-down utilisation threshold is 50%, so this is a planning figure, not the autoscaler's). */
export const NODE_PACKING_SHARE = 0.85;
/** Pod usage lookback: VPA keeps 8 days of history; 14 days sees two full weeks (ours). */
export const PODS_LOOKBACK_DAYS = 14;

/** A CDN serving under 85% of its bytes from cache pays the origin for the rest (issue 14; a common target for static-heavy sites). */
export const CDN_CACHE_HIT_TARGET = 0.85;
export const CDN_LOOKBACK_DAYS = 30;
/** A CDN pricing change (billing period, plan, bundle or provider) is proposed when it saves at least 5% of what the
 *  CDN costs today (ours: a month of traffic growth or a list-price revision moves the bill by about as much)… */
export const CDN_PRICING_MIN_SAVINGS_SHARE = 0.05;
/** …and at least 20 a month in the catalogue's currency (USD; ours: under that, the paperwork of changing a plan
 *  costs more than it saves). */
export const CDN_PRICING_MIN_SAVINGS = 20;

/** S3 lifecycle: objects must stay 30 days in Standard before moving to Standard-IA, which then bills at least
 *  30 days; Glacier Instant Retrieval bills at least 90 days (S3 user guide, lifecycle transition constraints). */
export const S3_IA_AFTER_DAYS = 30;
export const S3_IA_MIN_DAYS = 30;
export const S3_ARCHIVE_AFTER_DAYS = 90;
export const S3_ARCHIVE_MIN_DAYS = 90;
/** Standard-IA and Glacier IR bill an object under 128 KB as 128 KB, and lifecycle rules skip such objects by
 *  default (S3 user guide, "Transitioning objects"): their bytes stay in Standard. */
export const S3_MIN_OBJECT_KB = 128;
/** Retrieval per GB read back (S3 pricing page, EU regions; estimates): Standard-IA $0.01, Glacier IR $0.03. */
export const S3_RETRIEVAL_PER_GB = { infrequent: 0.01, archive: 0.03 } as const;
/** Lifecycle is worth a recommendation when most bytes sit in Standard (issue 14). */
export const S3_STANDARD_SHARE = 0.5;

/** Capacity runway: under 60 days at the trend or at the plan's growth, act now (issue 14). */
export const RUNWAY_ACT_DAYS = 60;
export const RUNWAY_LOOKBACK_DAYS = 30;

/**
 * The thresholds a person may override in settings (the others above are the providers' own rules:
 * minimum durations, the 128 KB rule, the sharded tier floor). Defaults are the constants above;
 * settings validate their ranges before they reach a rule.
 */
export type TThresholds = {
  atlasScaleUpPercent: number;
  atlasScaleDownCpuPercent: number;
  atlasScaleDownWorkingSetShare: number;
  atlasScaleDownMinDays: number;
  atlasDiskAutoscaleShare: number;
  idleDays: number;
  redisMemoryHighShare: number;
  redisMemoryLowShare: number;
  redisLowDays: number;
  redisFragmentationRatio: number;
  redisOpsHighShare: number;
  vpaTargetPercentile: number;
  vpaMargin: number;
  requestsMinChangeShare: number;
  minReplicasFloor: number;
  minReplicasMinSavings: number;
  nodePackingShare: number;
  podsLookbackDays: number;
  cdnCacheHitTarget: number;
  cdnLookbackDays: number;
  cdnPricingMinSavingsShare: number;
  cdnPricingMinSavings: number;
  s3IaAfterDays: number;
  s3ArchiveAfterDays: number;
  s3StandardShare: number;
  runwayActDays: number;
  runwayLookbackDays: number;
};

export const DEFAULT_THRESHOLDS: TThresholds = {
  atlasScaleUpPercent: ATLAS_SCALE_UP_PERCENT,
  atlasScaleDownCpuPercent: ATLAS_SCALE_DOWN_CPU_PERCENT,
  atlasScaleDownWorkingSetShare: ATLAS_SCALE_DOWN_WORKING_SET_SHARE,
  atlasScaleDownMinDays: ATLAS_SCALE_DOWN_MIN_DAYS,
  atlasDiskAutoscaleShare: ATLAS_DISK_AUTOSCALE_SHARE,
  idleDays: IDLE_DAYS,
  redisMemoryHighShare: REDIS_MEMORY_HIGH_SHARE,
  redisMemoryLowShare: REDIS_MEMORY_LOW_SHARE,
  redisLowDays: REDIS_LOW_DAYS,
  redisFragmentationRatio: REDIS_FRAGMENTATION_RATIO,
  redisOpsHighShare: REDIS_OPS_HIGH_SHARE,
  vpaTargetPercentile: VPA_TARGET_PERCENTILE,
  vpaMargin: VPA_MARGIN,
  requestsMinChangeShare: REQUESTS_MIN_CHANGE_SHARE,
  minReplicasFloor: MIN_REPLICAS_FLOOR,
  minReplicasMinSavings: MIN_REPLICAS_MIN_SAVINGS,
  nodePackingShare: NODE_PACKING_SHARE,
  podsLookbackDays: PODS_LOOKBACK_DAYS,
  cdnCacheHitTarget: CDN_CACHE_HIT_TARGET,
  cdnLookbackDays: CDN_LOOKBACK_DAYS,
  cdnPricingMinSavingsShare: CDN_PRICING_MIN_SAVINGS_SHARE,
  cdnPricingMinSavings: CDN_PRICING_MIN_SAVINGS,
  s3IaAfterDays: S3_IA_AFTER_DAYS,
  s3ArchiveAfterDays: S3_ARCHIVE_AFTER_DAYS,
  s3StandardShare: S3_STANDARD_SHARE,
  runwayActDays: RUNWAY_ACT_DAYS,
  runwayLookbackDays: RUNWAY_LOOKBACK_DAYS,
};

export function thresholdsOf(overrides?: Partial<TThresholds>): TThresholds {
  return { ...DEFAULT_THRESHOLDS, ...overrides };
}
