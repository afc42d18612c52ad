// Every recommendation rule, in one list: the engine runs these and nothing else.
import { atlasDiskRule, atlasIdleRule, atlasTierRule } from './rules/atlas';
import { cdnCacheHitRule } from './rules/cdn';
import { cdnPricingRule } from './rules/cdn-pricing';
import { nodePoolRule } from './rules/nodes';
import { commitmentRule } from './rules/commitment';
import { storageLifecycleRule } from './rules/object-storage';
import { podReplicasRule, podRequestsRule } from './rules/pods';
import { redisFragmentationRule, redisMemoryRule, redisThroughputRule } from './rules/redis';
import { capacityRunwayRule } from './rules/runway';
import type { TRule } from './types';

export const RULES: readonly TRule[] = [
  commitmentRule,
  atlasTierRule,
  atlasDiskRule,
  atlasIdleRule,
  redisMemoryRule,
  redisThroughputRule,
  redisFragmentationRule,
  podRequestsRule,
  podReplicasRule,
  nodePoolRule,
  cdnCacheHitRule,
  cdnPricingRule,
  storageLifecycleRule,
  capacityRunwayRule,
];
