// What settings may do with the rules' thresholds: each threshold's unit, allowed range and source (the
// constant's comment in thresholds.ts, in short), and the check an override passes before a rule sees it.
// Pure: the store (update-thresholds.ts) and the engine's reader use it.
import { DEFAULT_THRESHOLDS, type TThresholds } from './thresholds';

export type TThresholdId = keyof TThresholds;
/** percent: 0–100; share: 0–1 (shown as a percentage); days; ratio; count (whole). */
export type TThresholdUnit = 'percent' | 'share' | 'days' | 'ratio' | 'count';
export type TThresholdMeta = { unit: TThresholdUnit; min: number; max: number; integer: boolean; source: string };

const pct = (min: number, max: number, source: string): TThresholdMeta => ({ unit: 'percent', min, max, integer: false, source });
const share = (min: number, max: number, source: string): TThresholdMeta => ({ unit: 'share', min, max, integer: false, source });
const days = (min: number, max: number, source: string): TThresholdMeta => ({ unit: 'days', min, max, integer: true, source });

/**
 * Ranges keep a threshold meaningful: a lookback no longer than the 90 days of utilisation the engine
 * reads, S3 transitions no sooner than S3 allows, shares strictly inside 0–1.
 */
export const THRESHOLD_META: Record<TThresholdId, TThresholdMeta> = {
  atlasScaleUpPercent: pct(50, 95, 'MongoDB Atlas docs, "Configure Auto-Scaling": tier scale-up above 75% CPU or memory for an hour'),
  atlasScaleDownCpuPercent: pct(10, 70, 'MongoDB Atlas docs: scale-down when CPU stays below 50%'),
  atlasScaleDownWorkingSetShare: share(0.3, 0.9, "MongoDB Atlas docs: the working set must fit under 60% of the lower tier's memory"),
  atlasScaleDownMinDays: days(7, 90, 'Issue 14: at least 14 days of samples before a tier down'),
  atlasDiskAutoscaleShare: share(0.5, 0.99, 'MongoDB Atlas docs, storage auto-scaling: the disk grows at 90% used'),
  idleDays: days(1, 90, 'Issue 14: no connection for 14 days (Atlas keeps a paused cluster up to 30 days)'),
  redisMemoryHighShare: share(0.5, 0.95, 'Issue 14: P95 used memory above 75% of maxmemory (Redis Cloud and ElastiCache alarm at 75–80%)'),
  redisMemoryLowShare: share(0.1, 0.6, 'Issue 14: P95 used memory under 35% of maxmemory for 30 days'),
  redisLowDays: days(7, 90, 'Issue 14: 30 days of low memory before smaller nodes'),
  redisFragmentationRatio: { unit: 'ratio', min: 1.1, max: 3, integer: false, source: 'Redis docs, INFO memory: mem_fragmentation_ratio above 1.5' },
  redisOpsHighShare: share(0.5, 0.95, "Ours: operations above 75% of the shards' capacity, the same headroom as memory"),
  vpaTargetPercentile: share(0.5, 0.99, "Kubernetes VPA recommender: --target-cpu-percentile=0.9"),
  vpaMargin: share(0, 0.5, 'Kubernetes VPA recommender: --recommendation-margin-fraction=0.15'),
  requestsMinChangeShare: share(0.01, 0.5, 'Ours: under a 10% change in requests, restarting pods is not worth it'),
  minReplicasFloor: { unit: 'count', min: 1, max: 10, integer: true, source: 'Ours: never fewer than two replicas, so one pod down does not take the service down' },
  minReplicasMinSavings: { unit: 'count', min: 0, max: 10_000, integer: true, source: "Ours: a lower replica floor saves at least 5 a month in the prices' currency (USD)" },
  nodePackingShare: share(0.5, 0.95, 'Ours: plan nodes at 85% of allocatable (bin-packing never fills them)'),
  podsLookbackDays: days(7, 90, 'Ours: two full weeks of pod usage (VPA keeps 8 days)'),
  cdnCacheHitTarget: share(0.5, 0.99, 'Issue 14: a CDN serving under 85% of its bytes from cache'),
  cdnLookbackDays: days(7, 90, 'Issue 14: 30 days of cache statistics'),
  cdnPricingMinSavingsShare: share(0.01, 0.5, "Ours: a CDN pricing change saves at least 5% of the CDN's bill today"),
  cdnPricingMinSavings: { unit: 'count', min: 0, max: 10_000, integer: true, source: "Ours: and at least 20 a month in the catalogue's currency (USD)" },
  s3IaAfterDays: days(30, 365, 'S3 user guide: objects stay 30 days in Standard before Standard-IA'),
  s3ArchiveAfterDays: days(90, 730, 'S3 user guide: Glacier Instant Retrieval bills at least 90 days'),
  s3StandardShare: share(0.1, 0.9, 'Issue 14: lifecycle is worth it when most bytes sit in Standard'),
  runwayActDays: days(14, 365, 'Issue 14: under 60 days of runway, act now'),
  runwayLookbackDays: days(7, 90, 'Issue 14: the trend over the last 30 days'),
};

export const THRESHOLD_IDS = Object.keys(DEFAULT_THRESHOLDS) as TThresholdId[];

/** Pairs that must stay ordered whatever is overridden: [lower, higher]. */
export const THRESHOLD_ORDER: [TThresholdId, TThresholdId][] = [
  ['atlasScaleDownCpuPercent', 'atlasScaleUpPercent'],
  ['redisMemoryLowShare', 'redisMemoryHighShare'],
  ['s3IaAfterDays', 's3ArchiveAfterDays'],
];

export function isThresholdId(id: string): id is TThresholdId {
  return Object.prototype.hasOwnProperty.call(THRESHOLD_META, id);
}

/** Why a value is refused for this threshold, or null when it is allowed. */
export function thresholdProblem(id: TThresholdId, value: number): string | null {
  const m = THRESHOLD_META[id];
  if (!Number.isFinite(value)) return 'must be a number';
  if (m.integer && !Number.isInteger(value)) return 'must be a whole number';
  if (value < m.min || value > m.max) return `must be between ${m.min} and ${m.max}`;
  return null;
}

/** Problems of the thresholds in effect (defaults with overrides) taken together: ordered pairs. */
export function orderProblems(effective: TThresholds): { id: TThresholdId; message: string }[] {
  const out: { id: TThresholdId; message: string }[] = [];
  for (const [low, high] of THRESHOLD_ORDER)
    if (!(effective[low] < effective[high])) out.push({ id: low, message: `must be below ${high} (${effective[high]})` });
  return out;
}

/**
 * The overrides a rule may use: known ids with allowed values only, and none that would break an ordered
 * pair (a stored row made under older ranges is ignored, not passed on).
 */
export function validOverrides(rows: readonly { id: string; value: number }[]): Partial<TThresholds> {
  const out: Partial<TThresholds> = {};
  for (const r of rows) if (isThresholdId(r.id) && thresholdProblem(r.id, r.value) === null) out[r.id] = r.value;
  const effective = { ...DEFAULT_THRESHOLDS, ...out };
  for (const p of orderProblems(effective)) {
    const pair = THRESHOLD_ORDER.find(([low]) => low === p.id)!;
    delete out[pair[0]];
    delete out[pair[1]];
  }
  return out;
}
