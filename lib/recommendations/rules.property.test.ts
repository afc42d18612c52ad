import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE } from '../planning/price-catalogue';
import { RULES } from './rules';
import { HOUR_MS } from './stats';
import { DAY_MS } from '../dates';
import { NOW, ref } from './testing/series';
import type { TCommitmentTerm, TFacts, TPoint } from './types';

// Any facts a provider could report, however odd (zeros, spikes, gaps): no rule throws, and every
// number it returns survives JSON (no NaN, no Infinity), amounts are two-decimal strings.
const value = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
const series = (stepMs: number, max: number): fc.Arbitrary<TPoint[]> =>
  fc.array(fc.tuple(fc.integer({ min: 1, max }), value), { maxLength: 60 }).map((xs) => xs.map(([back, v]) => ({ t: NOW.getTime() - back * stepMs, v })));
const hourly = series(HOUR_MS, 40 * 24);
const daily = series(DAY_MS, 40);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const size = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1e5, noNaN: true }));

const facts: fc.Arbitrary<TFacts> = fc.record({
  atlasClusters: fc.array(
    fc.record({
      tier: fc.constantFrom('M10', 'M30', 'M40', 'M80', 'M5'), shards: fc.integer({ min: 1, max: 4 }), nodesPerShard: fc.constant(3),
      cpuPercent: maybe(hourly), memoryPercent: maybe(hourly), workingSetGB: maybe(size), diskUsedGB: maybe(daily), diskSizeGB: maybe(size), connections: maybe(hourly),
    }).map((c) => ({ ...c, resource: ref('atlas-cluster', 'c', 'mongodb-atlas') })),
    { maxLength: 2 },
  ),
  redis: fc.array(
    fc.record({
      flavour: fc.constantFrom('elasticache' as const, 'redis-enterprise' as const), nodeType: fc.constant('n'), nodeMemoryGB: fc.constantFrom(0, 13.07, 26.32, 16, 64),
      nodes: fc.integer({ min: 1, max: 6 }), shards: fc.integer({ min: 1, max: 4 }), maxmemoryBytes: size, usedMemoryBytes: maybe(hourly), evictions: maybe(hourly),
      opsPerSecond: maybe(hourly), shardCapacityOps: maybe(size), fragmentationRatio: maybe(fc.double({ min: 0, max: 5, noNaN: true })), unitPrice: maybe(fc.constantFrom('0', '0.241', '0.029')),
    }).map((r) => ({ ...r, resource: ref('redis-database', 'r'), currency: 'USD' })),
    { maxLength: 2 },
  ),
  workloads: fc.array(
    fc.record({
      replicas: fc.integer({ min: 0, max: 50 }), minReplicas: fc.integer({ min: 0, max: 50 }), maxReplicas: fc.integer({ min: 0, max: 100 }),
      requests: fc.record({ cpuCores: fc.constantFrom(0, 0.25, 1, 4), memoryGiB: fc.constantFrom(0, 0.5, 2, 8) }),
      replicasHourly: maybe(hourly), cpuCores: maybe(hourly), memoryGiB: maybe(hourly), requestsPerSecond: maybe(hourly), rpsPerPod: maybe(size), planPeakRps: maybe(size),
      prices: maybe(fc.constant({ vcpuHour: '0.04656', gibHour: '0.00511' })),
    }).map((w) => ({ ...w, resource: ref('workload', 'w'), currency: 'USD' })),
    { maxLength: 2 },
  ),
  nodePools: fc.array(
    fc.record({
      instanceType: fc.constantFrom('m6i.xlarge', 'c7i.large', 'z1.none'), nodes: fc.integer({ min: 0, max: 30 }), minNodes: fc.integer({ min: 0, max: 4 }),
      nodesHourly: maybe(hourly), requestedCpuCores: maybe(hourly), requestedMemoryGiB: maybe(hourly), allocatableCpuCores: maybe(hourly), allocatableMemoryGiB: maybe(hourly),
    })
      .map((p) => ({ ...p, resource: ref('node-group', 'g'), workloadIds: ['w'] })),
    { maxLength: 2 },
  ),
  cdn: fc.array(
    fc.record({ cacheHitRatio: maybe(daily), servedGB: maybe(hourly), originEgressPrice: maybe(fc.constantFrom('0', '0.09')) }).map((c) => ({ ...c, resource: ref('cdn-distribution', 'd'), currency: 'USD' })),
    { maxLength: 2 },
  ),
  buckets: fc.array(
    fc.record({
      storageClassGB: maybe(fc.record({ standard: size, infrequent: size, archive: size })), standardAgeGB: maybe(fc.record({ over30Days: size, over90Days: size })),
      smallObjectShare: maybe(fc.double({ min: 0, max: 1, noNaN: true })), typicalLifetimeDays: maybe(fc.option(fc.integer({ min: 0, max: 400 }), { nil: null })),
      coldReadsGBPerMonth: maybe(size), prices: maybe(fc.constant({ standard: '0.024', infrequent: '0.0131', archive: '0.005' })),
    }).map((b) => ({ ...b, resource: ref('bucket', 'b'), currency: 'USD' })),
    { maxLength: 2 },
  ),
  capacities: fc.array(
    fc.record({ capacity: size, usage: maybe(daily), planMultipliers: maybe(fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 12 })) }).map((c) => ({ ...c, resource: ref('disk', 'k'), metric: 'storage', unit: 'GB' })),
    { maxLength: 2 },
  ),
  commitmentPools: fc.array(
    fc.record({
      measure: fc.constantFrom('spend' as const, 'count' as const), unitPrice: fc.constantFrom('0', '1', '0.112'), baseline: maybe(hourly),
      projection: maybe(fc.array(fc.record({ p10: fc.double({ min: 0, max: 5, noNaN: true }), p50: fc.double({ min: 0, max: 10, noNaN: true }), p90: fc.double({ min: 0, max: 20, noNaN: true }) }), { minLength: 1, maxLength: 12 }).map((months) => ({ kind: 'quantiles' as const, months }))),
      terms: maybe(fc.constant<TCommitmentTerm[]>([{ termMonths: 12, payment: 'partial-upfront', discount: 0.3, upfrontShare: 0.5 }])),
    }).map((p) => ({ ...p, resource: ref('commitment-pool', 'p'), instrument: 'Compute Savings Plan', currency: 'USD' })),
    { maxLength: 1 },
  ),
});

describe('every rule on arbitrary facts', () => {
  it('never throws and returns only finite numbers and two-decimal amounts', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(facts, (generated) => {
        const f = { ...generated, prices: DEFAULT_PRICE_CATALOGUE };
        for (const rule of RULES) {
          for (const outcome of rule.evaluate(f, NOW)) {
            if (!('recommendations' in outcome)) continue;
            for (const r of outcome.recommendations) {
              seen.add(r.ruleId);
              expect(JSON.parse(JSON.stringify(r)), rule.id).toEqual(r);
              if (r.monthlySavings) for (const v of Object.values(r.monthlySavings)) expect(v).toMatch(/^-?\d+\.\d{2}$/);
              expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    // The facts are odd enough to break things yet still trigger most rules.
    expect(seen.size, [...seen].join()).toBeGreaterThanOrEqual(6);
  });
});
