import { describe, expect, it } from 'vitest';
import { NOW, hourly, ref, withP95 } from '../testing/series';
import type { TRecommendation, TRedisFacts, TRuleOutcome } from '../types';
import { redisFragmentationRule, redisMemoryRule, redisThroughputRule } from './redis';

const GB = 1024 ** 3;
const MAX = 10 * GB;
const redis = (over: Partial<TRedisFacts> = {}): TRedisFacts => ({
  resource: ref('redis-database', 'sessions'),
  flavour: 'elasticache', nodeType: 'cache.r7g.xlarge', nodeMemoryGB: 26.32, nodes: 4, shards: 2, maxmemoryBytes: MAX,
  usedMemoryBytes: hourly(30, () => 0.5 * MAX), evictions: hourly(30, () => 0), unitPrice: '0.482', currency: 'USD',
  ...over,
});
const run = (rule: typeof redisMemoryRule, r: TRedisFacts) => rule.evaluate({ redis: [r] }, NOW);
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const missingOf = (o: TRuleOutcome[]) => o.flatMap((x) => ('missing' in x ? x.missing : []));

describe('redis-memory', () => {
  it('scales up above 75% P95 of maxmemory, not at 75%', () => {
    expect(recs(run(redisMemoryRule, redis({ usedMemoryBytes: hourly(30, withP95(0.75 * MAX, 0.5 * MAX)) })))).toEqual([]);
    const [r] = recs(run(redisMemoryRule, redis({ usedMemoryBytes: hourly(30, withP95(0.76 * MAX, 0.5 * MAX)) })));
    expect(r.action).toMatchObject({ type: 'scale-up', params: { from: 'cache.r7g.xlarge', to: 'cache.r7g.2xlarge' } });
    expect(r.text).toContain('75%');
    // Twice the memory at the same price per GB: 0.482 × (52.82/26.32 − 1) more per node-hour, 4 nodes.
    expect(r.details?.extraMonthlyCost).toBeCloseTo(0.482 * (52.82 / 26.32 - 1) * 4 * 730, 1);
  });

  it('scales up on any eviction, however much memory is free', () => {
    const [r] = recs(run(redisMemoryRule, redis({ evictions: hourly(30, (i) => (i === 10 ? 3 : 0)) })));
    expect(r.evidence.find((e) => e.metric === 'evictions')?.value).toBe(3);
    expect(r.message.params.evictions).toBe(3);
  });

  it('adds shards past the largest node', () => {
    const [r] = recs(run(redisMemoryRule, redis({ nodeType: 'cache.r7g.4xlarge', nodeMemoryGB: 105.81, usedMemoryBytes: hourly(30, () => 0.9 * MAX) })));
    expect(r.action).toEqual({ type: 'scale-out', params: { fromShards: 2, toShards: 3 } });
  });

  it('moves to smaller nodes under 35% for 30 days, not at 35%', () => {
    const [r] = recs(run(redisMemoryRule, redis({ usedMemoryBytes: hourly(30, () => 0.3 * MAX) })));
    expect(r.action).toMatchObject({ type: 'scale-down', params: { to: 'cache.r7g.large' } });
    // Half the memory, half the node price: 0.482 × (1 − 13.07/26.32) × 4 nodes × 730 h.
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(0.482 * (1 - 13.07 / 26.32) * 4 * 730, 1);
    expect(recs(run(redisMemoryRule, redis({ usedMemoryBytes: hourly(30, () => 0.35 * MAX) })))).toEqual([]);
  });

  it('needs 30 days before going smaller, and stays put on the smallest node', () => {
    expect(missingOf(run(redisMemoryRule, redis({ usedMemoryBytes: hourly(20, () => 0.2 * MAX) })))).toEqual(['usedMemoryBytes over 30 days']);
    expect(recs(run(redisMemoryRule, redis({ nodeType: 'cache.r7g.large', nodeMemoryGB: 13.07, usedMemoryBytes: hourly(30, () => 0.2 * MAX) })))).toEqual([]);
  });

  it('prices Redis Enterprise per GB', () => {
    const [r] = recs(run(redisMemoryRule, redis({ flavour: 'redis-enterprise', nodeType: '32 GB', nodeMemoryGB: 32, nodes: 3, unitPrice: '0.029', usedMemoryBytes: hourly(30, () => 0.2 * MAX) })));
    expect(r.action.params.to).toBe('16 GB');
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(16 * 3 * 0.029 * 730, 1);
  });

  it('says what it lacked', () => {
    expect(missingOf(run(redisMemoryRule, redis({ usedMemoryBytes: undefined })))).toEqual(['usedMemoryBytes']);
  });
});

describe('redis-throughput', () => {
  it('adds shards above 75% of the shards’ operations per second', () => {
    const r0 = redis({ shardCapacityOps: 25_000, opsPerSecond: hourly(30, withP95(37_500, 10_000)) });
    expect(recs(run(redisThroughputRule, r0))).toEqual([]);
    const [r] = recs(run(redisThroughputRule, { ...r0, opsPerSecond: hourly(30, withP95(40_000, 10_000)) }));
    expect(r.action).toEqual({ type: 'scale-out', params: { fromShards: 2, toShards: 3 } });
  });

  it('needs the rate and the shard capacity', () => {
    expect(missingOf(run(redisThroughputRule, redis()))).toEqual(['opsPerSecond', 'shardCapacityOps']);
  });
});

describe('redis-fragmentation', () => {
  it('notes a ratio above 1.5 only', () => {
    expect(recs(run(redisFragmentationRule, redis({ fragmentationRatio: 1.5 })))).toEqual([]);
    const [r] = recs(run(redisFragmentationRule, redis({ fragmentationRatio: 1.8 })));
    expect(r.text).toContain('1.5');
    expect(r.monthlySavings).toBeNull();
  });
});
