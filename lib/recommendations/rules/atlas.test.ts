import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import { NOW, daily, hourly, ref, withP95 } from '../testing/series';
import type { TAtlasClusterFacts, TFacts, TRecommendation, TRuleOutcome } from '../types';
import { atlasDiskRule, atlasIdleRule, atlasTierRule } from './atlas';

const cluster = (over: Partial<TAtlasClusterFacts> = {}): TAtlasClusterFacts => ({
  resource: ref('atlas-cluster', 'routes', 'mongodb-atlas'),
  tier: 'M40', shards: 1, nodesPerShard: 3,
  cpuPercent: hourly(14, () => 30), memoryPercent: hourly(14, () => 40), workingSetGB: 4,
  ...over,
});
const facts = (c: TAtlasClusterFacts): TFacts => ({ atlasClusters: [c], prices: DEFAULT_PRICE_CATALOGUE });
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const missingOf = (o: TRuleOutcome[]) => o.flatMap((x) => ('missing' in x ? x.missing : []));

describe('atlas-tier', () => {
  it('scales up above 75% P95 CPU, not at 75%', () => {
    expect(recs(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(14, withP95(75, 40)) })), NOW))).toEqual([]);
    const [r] = recs(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(14, withP95(75.5, 40)) })), NOW));
    expect(r.action).toMatchObject({ type: 'tier-up', params: { from: 'M40', to: 'M50' } });
    expect(r.text).toContain('75%');
    expect(r.message).toMatchObject({ key: 'atlasTierUp', params: { p95: 75.5, threshold: 75, metric: 'CPU' } });
    expect(r.evidence[0]).toMatchObject({ metric: 'cpuP95', value: 75.5, threshold: 75 });
    expect(r.monthlySavings).toBeNull();
    expect(r.details?.extraMonthlyCost).toBeGreaterThan(0);
  });

  it('scales up on memory too, and asks for a shard at the largest tier', () => {
    const [r] = recs(atlasTierRule.evaluate(facts(cluster({ memoryPercent: hourly(14, withP95(80, 50)) })), NOW));
    expect(r.message.params.metric).toBe('memory');
    const [top] = recs(atlasTierRule.evaluate(facts(cluster({ tier: 'M80', memoryPercent: hourly(14, withP95(80, 50)) })), NOW));
    expect(top.message.key).toBe('atlasAddShard');
  });

  it('scales down under 50% CPU when the working set fits the lower tier under 60%', () => {
    const [r] = recs(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(14, withP95(49.9, 20)), workingSetGB: 4.7 })), NOW));
    expect(r.action).toMatchObject({ type: 'tier-down', params: { from: 'M40', to: 'M30' } });
    expect(r.text).toMatch(/50%.*60%/);
    // M40 → M30 in eu-west-3: (1.04 − 0.54) $/h × 1.15 for 3 nodes… the catalogue's per-node prices × 3 × 730 h.
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(0.5 * 1.15 * 730, 0);
    expect(r.lookback.days).toBe(14);
  });

  it('does not scale down at 50% CPU, or with a working set at 60% of the lower tier', () => {
    expect(recs(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(14, withP95(50, 20)) })), NOW))).toEqual([]);
    expect(recs(atlasTierRule.evaluate(facts(cluster({ workingSetGB: 0.6 * 8 })), NOW))).toEqual([]);
  });

  it('waits for 14 days of samples and a working set before a tier down', () => {
    expect(missingOf(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(7, () => 20) })), NOW))).toEqual(['cpuPercent over 14 days']);
    expect(missingOf(atlasTierRule.evaluate(facts(cluster({ workingSetGB: undefined })), NOW))).toEqual(['workingSetGB']);
  });

  it('keeps a sharded cluster at M30 or above, and moves all shards', () => {
    expect(recs(atlasTierRule.evaluate(facts(cluster({ tier: 'M30', shards: 2 })), NOW))).toEqual([]);
    const [r] = recs(atlasTierRule.evaluate(facts(cluster({ tier: 'M50', shards: 3, workingSetGB: 2 })), NOW));
    expect(r.text).toContain('all 3 shards');
  });

  it('says which facts it lacked', () => {
    expect(missingOf(atlasTierRule.evaluate(facts(cluster({ cpuPercent: undefined, memoryPercent: [] })), NOW))).toEqual(['cpuPercent', 'memoryPercent']);
    expect(atlasTierRule.evaluate({}, NOW)).toEqual([{ resource: null, missing: ['atlasClusters'] }]);
  });

  it('keeps its identity when the numbers move', () => {
    const a = recs(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(14, withP95(80, 40)) })), NOW))[0];
    const b = recs(atlasTierRule.evaluate(facts(cluster({ cpuPercent: hourly(14, withP95(90, 40)) })), NOW))[0];
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe('atlas-disk', () => {
  const disk = (perDay: number, startGB: number) => cluster({ diskSizeGB: 100, diskUsedGB: daily(30, (i) => startGB + perDay * (i - 29)) });

  it('warns under 60 days to the 90% auto-scale point, not above', () => {
    // 90 GB limit, 60.5 GB used at +0.5/day: 59 days.
    const [r] = recs(atlasDiskRule.evaluate(facts(disk(0.5, 60.5)), NOW));
    expect(r.evidence[0].value).toBeCloseTo(59, 0);
    expect(r.text).toContain('90%');
    expect(r.action.params.toGB).toBe(Math.ceil((60.5 + 0.5 * 183) / 0.9));
    expect(recs(atlasDiskRule.evaluate(facts(disk(0.5, 59.5)), NOW))).toEqual([]);
  });

  it('says when the tier cannot hold the disk', () => {
    const [r] = recs(atlasDiskRule.evaluate(facts(cluster({ tier: 'M10', diskSizeGB: 120, diskUsedGB: daily(30, (i) => 100 + i) })), NOW));
    expect(r.message.key).toBe('atlasDiskTierLimit');
  });

  it('needs the disk series and size', () => {
    expect(missingOf(atlasDiskRule.evaluate(facts(cluster()), NOW))).toEqual(['diskUsedGB', 'diskSizeGB']);
  });
});

describe('atlas-idle', () => {
  it('pauses a cluster without a connection for 14 days, saving its nodes', () => {
    const [r] = recs(atlasIdleRule.evaluate(facts(cluster({ connections: hourly(14, () => 0) })), NOW));
    expect(r.action.type).toBe('pause');
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(1.04 * 1.15 * 730, -1);
  });

  it('does not for one connection, nor on a shorter window', () => {
    expect(recs(atlasIdleRule.evaluate(facts(cluster({ connections: hourly(14, (i) => (i === 300 ? 1 : 0)) })), NOW))).toEqual([]);
    expect(missingOf(atlasIdleRule.evaluate(facts(cluster({ connections: hourly(10, () => 0) })), NOW))).toEqual(['connections over 14 days']);
  });
});
