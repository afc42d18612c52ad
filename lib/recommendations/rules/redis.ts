// Redis (ElastiCache and Redis Cloud): memory headroom up and down, throughput against shards, fragmentation.
import { ELASTICACHE_NODES, REDIS_ENTERPRISE_NODE_GB } from '../../planning/hardware';
import { HOURS_PER_MONTH } from '../../planning/sizing/common';
import { fixedSavings, fmt, isPositive, missing, missingCollection, pct, possessive, recommend } from '../build';
import { HOUR_MS, completeness, inWindow, lookbackOf, percentile, round } from '../stats';
import { DAY_MS } from '../../dates';
import { thresholdsOf, type TThresholds } from '../thresholds';
import type { TRedisFacts, TRule, TRuleOutcome } from '../types';

const MIN_COMPLETENESS = 0.9;
const GB = 1024 ** 3;

/** Node sizes of the flavour, smallest first: ElastiCache r7g types or Redis Enterprise node GB (lib/planning/hardware). */
function sizes(r: TRedisFacts): { name: string; gb: number }[] {
  if (r.flavour === 'elasticache') return ELASTICACHE_NODES.map((n) => ({ name: n.type, gb: n.memoryGB }));
  return REDIS_ENTERPRISE_NODE_GB.map((gb) => ({ name: `${gb} GB`, gb }));
}

/**
 * Monthly price of the cluster on nodes of `gb` memory. Both catalogues price memory linearly within a
 * family (r7g sizes double with their price; Redis Cloud bills per GB-hour), so the price scales with size.
 */
function monthlyCost(r: TRedisFacts, gb: number): number | null {
  if (r.unitPrice === undefined) return null;
  const unit = Number(r.unitPrice);
  const perNode = r.flavour === 'elasticache' ? unit * (gb / r.nodeMemoryGB) : unit * gb;
  return perNode * r.nodes * HOURS_PER_MONTH;
}

const MEMORY = { id: 'redis-memory', version: 1, kind: 'redis' } as const;

function evaluateMemory(r: TRedisFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const from = to - t.redisLowDays * DAY_MS;
  const used = r.usedMemoryBytes ? inWindow(r.usedMemoryBytes, from, to) : [];
  const lacking = [
    ...(used.length === 0 ? ['usedMemoryBytes'] : []),
    ...(isPositive(r.maxmemoryBytes) ? [] : ['maxmemoryBytes']),
    ...(isPositive(r.nodeMemoryGB) ? [] : ['nodeMemoryGB']),
  ];
  if (lacking.length > 0) return missing(r.resource, lacking);
  const evictions = r.evictions ? inWindow(r.evictions, from, to).reduce((s, p) => s + p.v, 0) : 0;
  const share = percentile(used.map((p) => p.v), 0.95) / r.maxmemoryBytes;
  const lookback = lookbackOf(used, now, t.redisLowDays);
  const all = sizes(r);
  const at = all.findIndex((s) => Math.abs(s.gb - r.nodeMemoryGB) < 0.01);
  const evidence = [
    { metric: 'usedMemoryP95Share', value: round(share, 3), unit: 'ratio', threshold: t.redisMemoryHighShare, comparison: 'above' as const, source: 'issue 14: P95 used memory over 75% of maxmemory' },
    { metric: 'evictions', value: evictions, unit: 'keys', threshold: 0, comparison: 'above' as const, source: 'issue 14: any eviction' },
  ];

  if (share > t.redisMemoryHighShare || evictions > 0) {
    // The smallest larger node that brings P95 back under 75%; past the largest, more shards.
    const bigger = all.find((s) => s.gb > r.nodeMemoryGB && (share * r.nodeMemoryGB) / s.gb <= t.redisMemoryHighShare) ?? null;
    const shards = bigger ? r.shards : Math.max(r.shards + 1, Math.ceil((r.shards * share) / t.redisMemoryHighShare));
    const why = evictions > 0 ? `${fmt(evictions)} keys were evicted and P95 used memory is ${pct(share)} of maxmemory` : `P95 used memory is ${pct(share)} of maxmemory`;
    const extra = bigger ? monthlyCost(r, bigger.gb) : null;
    const now0 = monthlyCost(r, r.nodeMemoryGB);
    return {
      resource: r.resource,
      recommendations: [
        recommend(MEMORY, {
          resource: r.resource,
          action: bigger ? { type: 'scale-up', params: { from: r.nodeType, to: bigger.name, shards } } : { type: 'scale-out', params: { fromShards: r.shards, toShards: shards } },
          text: bigger
            ? `Move ${r.resource.name} from ${r.nodeType} to ${bigger.name} nodes: ${why} over ${t.redisLowDays} days (threshold ${pct(t.redisMemoryHighShare)}, or any eviction).`
            : `Add shards to ${r.resource.name} (${r.shards} → ${shards}): ${why} over ${t.redisLowDays} days (threshold ${pct(t.redisMemoryHighShare)}, or any eviction) and no larger node exists.`,
          message: { key: bigger ? 'redisScaleUp' : 'redisScaleOut', params: { database: r.resource.name, from: r.nodeType, to: bigger?.name ?? null, share: round(share, 3), threshold: t.redisMemoryHighShare, evictions, days: t.redisLowDays, fromShards: r.shards, toShards: shards } },
          evidence,
          monthlySavings: null,
          currency: r.currency,
          risks: [{ level: evictions > 0 ? 'high' : 'medium', text: 'Evicted keys are cache misses or lost sessions; without headroom a persistence fork can run out of memory.', message: { key: 'riskRedisEvictions', params: { evictions } } }],
          lookback,
          details: { extraMonthlyCost: extra !== null && now0 !== null ? round(extra - now0, 2) : null },
        }),
      ],
    };
  }

  if (share >= t.redisMemoryLowShare || at <= 0) return { resource: r.resource, recommendations: [] };
  if (completeness(used, from, to, HOUR_MS) < MIN_COMPLETENESS) return missing(r.resource, [`usedMemoryBytes over ${t.redisLowDays} days`]);
  const smaller = all[at - 1];
  const after = (share * r.nodeMemoryGB) / smaller.gb;
  // One size down only if it stays under the scale-up threshold, else the next refresh would undo it.
  if (after > t.redisMemoryHighShare) return { resource: r.resource, recommendations: [] };
  const before = monthlyCost(r, r.nodeMemoryGB);
  const afterCost = monthlyCost(r, smaller.gb);
  return {
    resource: r.resource,
    recommendations: [
      recommend(MEMORY, {
        resource: r.resource,
        action: { type: 'scale-down', params: { from: r.nodeType, to: smaller.name } },
        text: `Move ${r.resource.name} from ${r.nodeType} to ${smaller.name} nodes: P95 used memory stayed at ${pct(share)} of maxmemory for ${t.redisLowDays} days, under ${pct(t.redisMemoryLowShare)}; it would be ${pct(after)} on the smaller nodes.`,
        message: { key: 'redisScaleDown', params: { database: r.resource.name, from: r.nodeType, to: smaller.name, share: round(share, 3), threshold: t.redisMemoryLowShare, days: t.redisLowDays, shareAfter: round(after, 3) } },
        evidence: [
          { metric: 'usedMemoryP95Share', value: round(share, 3), unit: 'ratio', threshold: t.redisMemoryLowShare, comparison: 'below', source: 'issue 14: under 35% for 30 days' },
          { metric: 'usedMemoryP95GB', value: round((share * r.maxmemoryBytes) / GB, 2), unit: 'GB' },
          { metric: 'shareOnSmallerNodes', value: round(after, 3), unit: 'ratio', threshold: t.redisMemoryHighShare, comparison: 'at-most' },
        ],
        monthlySavings: before !== null && afterCost !== null ? fixedSavings(before - afterCost) : null,
        currency: r.currency,
        risks: [{ level: 'low', text: 'Resizing a node type is an online migration; a growth spurt would need the larger nodes back.', message: { key: 'riskRedisResize', params: {} } }],
        lookback,
      }),
    ],
  };
}

export const redisMemoryRule: TRule = {
  ...MEMORY,
  needs: ['redis'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.redis) return missingCollection('redis');
    return facts.redis.map((r) => evaluateMemory(r, now, t));
  },
};

const THROUGHPUT = { id: 'redis-throughput', version: 1, kind: 'redis' } as const;

function evaluateThroughput(r: TRedisFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const ops = r.opsPerSecond ? inWindow(r.opsPerSecond, to - t.redisLowDays * DAY_MS, to) : [];
  const lacking = [...(ops.length === 0 ? ['opsPerSecond'] : []), ...(isPositive(r.shardCapacityOps) ? [] : ['shardCapacityOps'])];
  if (lacking.length > 0 || !isPositive(r.shardCapacityOps)) return missing(r.resource, lacking);
  const p95 = percentile(ops.map((p) => p.v), 0.95);
  const capacity = r.shardCapacityOps * r.shards;
  const share = p95 / capacity;
  if (share <= t.redisOpsHighShare) return { resource: r.resource, recommendations: [] };
  const shards = Math.ceil(p95 / (t.redisOpsHighShare * r.shardCapacityOps));
  return {
    resource: r.resource,
    recommendations: [
      recommend(THROUGHPUT, {
        resource: r.resource,
        action: { type: 'scale-out', params: { fromShards: r.shards, toShards: shards } },
        text: `Add shards to ${r.resource.name} (${r.shards} → ${shards}): P95 ${fmt(p95)} operations per second is ${pct(share)} of what ${r.shards} shard(s) sustain (${fmt(capacity)}), above ${pct(t.redisOpsHighShare)}.`,
        message: { key: 'redisThroughput', params: { database: r.resource.name, opsP95: round(p95, 0), capacity, share: round(share, 3), threshold: t.redisOpsHighShare, fromShards: r.shards, toShards: shards } },
        evidence: [
          { metric: 'opsPerSecondP95', value: round(p95, 0), unit: 'ops/s' },
          { metric: 'opsShareOfCapacity', value: round(share, 3), unit: 'ratio', threshold: t.redisOpsHighShare, comparison: 'above', source: 'ours: the same 75% headroom as memory' },
        ],
        monthlySavings: null,
        currency: r.currency,
        risks: [{ level: 'medium', text: 'A saturated shard adds latency to every command it serves.', message: { key: 'riskRedisLatency', params: {} } }],
        lookback: lookbackOf(ops, now, t.redisLowDays),
      }),
    ],
  };
}

export const redisThroughputRule: TRule = {
  ...THROUGHPUT,
  needs: ['redis'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.redis) return missingCollection('redis');
    return facts.redis.map((r) => evaluateThroughput(r, now, t));
  },
};

const FRAGMENTATION = { id: 'redis-fragmentation', version: 1, kind: 'redis' } as const;

export const redisFragmentationRule: TRule = {
  ...FRAGMENTATION,
  needs: ['redis'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.redis) return missingCollection('redis');
    return facts.redis.map((r): TRuleOutcome => {
      if (r.fragmentationRatio === undefined) return missing(r.resource, ['fragmentationRatio']);
      if (r.fragmentationRatio <= t.redisFragmentationRatio) return { resource: r.resource, recommendations: [] };
      return {
        resource: r.resource,
        recommendations: [
          recommend(FRAGMENTATION, {
            resource: r.resource,
            action: { type: 'defragment', params: { ratio: round(r.fragmentationRatio, 2) } },
            text: `${possessive(r.resource.name)} memory fragmentation ratio is ${fmt(r.fragmentationRatio, 2)}, above ${t.redisFragmentationRatio}: turn on active defragmentation or fail over to a fresh replica before buying larger nodes.`,
            message: { key: 'redisFragmentation', params: { database: r.resource.name, ratio: round(r.fragmentationRatio, 2), threshold: t.redisFragmentationRatio } },
            evidence: [{ metric: 'fragmentationRatio', value: round(r.fragmentationRatio, 2), unit: 'ratio', threshold: t.redisFragmentationRatio, comparison: 'above', source: 'Redis docs, INFO memory' }],
            monthlySavings: null,
            currency: r.currency,
            risks: [{ level: 'low', text: 'Active defragmentation costs some CPU while it runs.', message: { key: 'riskDefragCpu', params: {} } }],
            lookback: { days: 0, from: now.toISOString(), to: now.toISOString(), completeness: 1 },
          }),
        ],
      };
    });
  },
};
