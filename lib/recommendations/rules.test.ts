import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE } from '../planning/price-catalogue';
import { RULES } from './rules';
import { NOW, daily, hourly, ref, withP95 } from './testing/series';
import { RECOMMENDATION_KINDS, type TFacts } from './types';

const facts: TFacts = {
  prices: DEFAULT_PRICE_CATALOGUE,
  atlasClusters: [{ resource: ref('atlas-cluster', 'routes', 'mongodb-atlas'), tier: 'M30', shards: 1, nodesPerShard: 3, cpuPercent: hourly(14, withP95(80, 40)), memoryPercent: hourly(14, () => 50), diskSizeGB: 100, diskUsedGB: daily(30, (i) => 80 + 0.2 * i), connections: hourly(14, () => 5) }],
  redis: [{ resource: ref('redis-database', 'sessions'), flavour: 'elasticache', nodeType: 'cache.r7g.large', nodeMemoryGB: 13.07, nodes: 2, shards: 1, maxmemoryBytes: 10e9, usedMemoryBytes: hourly(30, () => 8e9), unitPrice: '0.241', currency: 'USD' }],
  workloads: [{ resource: ref('workload', 'api'), replicas: 10, minReplicas: 10, maxReplicas: 20, requests: { cpuCores: 1, memoryGiB: 2 }, cpuCores: hourly(14, () => 0.3), memoryGiB: hourly(14, () => 1), currency: 'USD' }],
  cdn: [{ resource: ref('cdn-distribution', 'tiles', 'aws', null), cacheHitRatio: daily(30, () => 0.7), servedGB: hourly(30, () => 5000 / 720), originEgressPrice: '0.09', currency: 'USD' }],
  buckets: [{ resource: ref('bucket', 'topo'), storageClassGB: { standard: 5000, infrequent: 0, archive: 0 }, standardAgeGB: { over30Days: 4000, over90Days: 3000 }, prices: { standard: '0.024', infrequent: '0.0131', archive: '0.005' }, currency: 'USD' }],
  capacities: [{ resource: ref('atlas-cluster', 'routes', 'mongodb-atlas'), metric: 'storage', unit: 'GB', capacity: 100, usage: daily(30, (i) => 80 + i) }],
  commitmentPools: [{ resource: ref('commitment-pool', 'compute-sp'), instrument: 'Compute Savings Plan', measure: 'spend', unitPrice: '1', currency: 'USD', baseline: hourly(30, () => 10), projection: { kind: 'quantiles', months: [{ p10: 1, p50: 1, p90: 1 }] }, terms: [{ termMonths: 12, payment: 'no-upfront', discount: 0.28, upfrontShare: 0 }] }],
};

afterEach(() => vi.useRealTimers());

describe('RULES', () => {
  it('has unique ids and covers every kind', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.kind))).toEqual(new Set(RECOMMENDATION_KINDS));
    for (const r of RULES) expect(r.version).toBeGreaterThanOrEqual(1);
  });

  it('each names the facts it lacks when given none', () => {
    for (const rule of RULES) {
      const out = rule.evaluate({}, NOW);
      const missing = out.flatMap((o) => ('missing' in o ? o.missing : []));
      expect(missing.length, rule.id).toBeGreaterThan(0);
      for (const m of missing) expect(rule.needs as string[], rule.id).toContain(m);
    }
  });

  it('yields a recommendation of every kind from believable facts, each with a unique identity', () => {
    const all = RULES.flatMap((r) => r.evaluate(facts, NOW)).flatMap((o) => ('recommendations' in o ? o.recommendations : []));
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(RECOMMENDATION_KINDS));
    expect(new Set(all.map((r) => r.fingerprint)).size).toBe(all.length);
    for (const r of all) {
      expect(r.message.key).toMatch(/^[a-z][A-Za-z]+$/);
      for (const v of Object.values(r.message.params)) expect(v === null || ['number', 'string'].includes(typeof v)).toBe(true);
      if (r.monthlySavings) expect(r.currency).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('takes thresholds from settings, and cites the values it used', () => {
    const atlas = RULES.find((r) => r.id === 'atlas-tier')!;
    const cdn = RULES.find((r) => r.id === 'cdn-cache-hit')!;
    const recsOf = (o: ReturnType<typeof atlas.evaluate>) => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
    expect(recsOf(atlas.evaluate(facts, NOW))).toHaveLength(1);
    expect(recsOf(atlas.evaluate({ ...facts, thresholds: { atlasScaleUpPercent: 85 } }, NOW))).toHaveLength(0);
    const [r] = recsOf(atlas.evaluate({ ...facts, thresholds: { atlasScaleUpPercent: 70 } }, NOW));
    expect(r.text).toContain('70%');
    expect(r.message.params.threshold).toBe(70);
    expect(recsOf(cdn.evaluate({ ...facts, thresholds: { cdnCacheHitTarget: 0.6 } }, NOW))).toHaveLength(0);
  });

  it('atlas-idle: each evidence item compares a number with a threshold in its own unit', () => {
    const idle = RULES.find((r) => r.id === 'atlas-idle')!;
    const cluster = { ...facts.atlasClusters![0], connections: hourly(20, (i) => (i < 2 * 24 ? 3 : 0)) };
    const [r] = idle.evaluate({ ...facts, atlasClusters: [cluster] }, NOW).flatMap((x) => ('recommendations' in x ? x.recommendations : []));
    expect(r.evidence).toEqual([
      expect.objectContaining({ metric: 'maxConnections', value: 0, unit: 'connections', threshold: 0, comparison: 'at-most' }),
      expect.objectContaining({ metric: 'daysWithoutConnection', value: 18, unit: 'days', threshold: 14, comparison: 'at-least' }),
    ]);
    const [lower] = idle.evaluate({ ...facts, atlasClusters: [cluster], thresholds: { idleDays: 10 } }, NOW).flatMap((x) => ('recommendations' in x ? x.recommendations : []));
    expect(lower.evidence[1]).toMatchObject({ value: 18, threshold: 10 });
  });

  it('reads no clock: the same facts and now give the same output at any wall time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const a = RULES.map((r) => r.evaluate(facts, NOW));
    vi.setSystemTime(new Date('2031-07-15T12:00:00Z'));
    const b = RULES.map((r) => r.evaluate(facts, NOW));
    expect(b).toEqual(a);
  });
});
