import { describe, expect, it } from 'vitest';
import { NOW, ref } from '../testing/series';
import type { TBucketFacts, TRecommendation, TRuleOutcome } from '../types';
import { storageLifecycleRule } from './object-storage';

const bucket = (over: Partial<TBucketFacts> = {}): TBucketFacts => ({
  resource: ref('bucket', 'topo-tiles'),
  storageClassGB: { standard: 5000, infrequent: 0, archive: 0 },
  standardAgeGB: { over30Days: 4000, over90Days: 3000 },
  smallObjectShare: 0, typicalLifetimeDays: null, coldReadsGBPerMonth: 0,
  prices: { standard: '0.024', infrequent: '0.0131', archive: '0.005' }, currency: 'USD',
  ...over,
});
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (b: TBucketFacts) => storageLifecycleRule.evaluate({ buckets: [b] }, NOW);

describe('storage-lifecycle', () => {
  it('moves 30-to-90-day bytes to IA and older ones to Glacier IR', () => {
    const [r] = recs(run(bucket()));
    expect(r.action.params).toEqual({ infrequentAfterDays: 30, archiveAfterDays: 90, minObjectKB: 128 });
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(1000 * (0.024 - 0.0131) + 3000 * (0.024 - 0.005), 2);
    expect(r.text).toMatch(/128 KB.*30 days.*90 days/);
  });

  it('leaves objects under 128 KB in Standard', () => {
    const [r] = recs(run(bucket({ smallObjectShare: 0.25 })));
    expect(r.message.params).toMatchObject({ infrequentGB: 750, archiveGB: 2250 });
  });

  it('respects minimum durations: no Glacier IR for objects deleted before 180 days, nothing before 60', () => {
    const [r] = recs(run(bucket({ typicalLifetimeDays: 120 })));
    expect(r.action.params).toMatchObject({ infrequentAfterDays: 30, archiveAfterDays: null });
    expect(r.message.params.infrequentGB).toBe(4000);
    expect(recs(run(bucket({ typicalLifetimeDays: 59 })))).toEqual([]);
  });

  it('acts only when most bytes are in Standard', () => {
    expect(recs(run(bucket({ storageClassGB: { standard: 5000, infrequent: 5000, archive: 0 } })))).toEqual([]);
    expect(recs(run(bucket({ storageClassGB: { standard: 5001, infrequent: 5000, archive: 0 } })))).toHaveLength(1);
  });

  it('counts retrieval fees, and stays quiet when they eat the saving', () => {
    const [r] = recs(run(bucket({ coldReadsGBPerMonth: 1000 })));
    const retrieval = 1000 * (0.25 * 0.01 + 0.75 * 0.03);
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(1000 * 0.0109 + 3000 * 0.019 - retrieval, 2);
    expect(recs(run(bucket({ coldReadsGBPerMonth: 10_000 })))).toEqual([]);
  });

  it('says what it lacked', () => {
    expect(run(bucket({ prices: undefined, standardAgeGB: undefined }))).toEqual([{ resource: bucket().resource, missing: ['standardAgeGB', 'prices'] }]);
  });
});
