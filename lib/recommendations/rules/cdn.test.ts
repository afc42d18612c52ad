import { describe, expect, it } from 'vitest';
import { NOW, daily, hourly, ref } from '../testing/series';
import type { TCdnFacts, TRecommendation, TRuleOutcome } from '../types';
import { cdnCacheHitRule } from './cdn';

const cdn = (over: Partial<TCdnFacts> = {}): TCdnFacts => ({
  resource: ref('cdn-distribution', 'tiles', 'aws', null), cacheHitRatio: daily(30, () => 0.7), servedGB: hourly(30, () => 6000 / 720), originEgressPrice: '0.09', currency: 'USD', ...over,
});
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (c: TCdnFacts) => cdnCacheHitRule.evaluate({ cdn: [c] }, NOW);

describe('cdn-cache-hit', () => {
  it('flags a ratio under 85% with the origin egress it costs', () => {
    const [r] = recs(run(cdn()));
    const monthly = (6000 * 365) / 12 / 30; // 6,000 GB over 30 days
    expect(r.message.params.originGB).toBeCloseTo(monthly * 0.3, 1);
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(monthly * 0.15 * 0.09, 1);
    expect(r.text).toContain('85%');
  });

  it('is quiet at 85% and above', () => {
    expect(recs(run(cdn({ cacheHitRatio: daily(30, () => 0.85) })))).toEqual([]);
    expect(recs(run(cdn({ cacheHitRatio: daily(30, (i) => (i < 15 ? 0.84 : 0.87)) })))).toEqual([]);
    expect(recs(run(cdn({ cacheHitRatio: daily(30, () => 0.849) })))).toHaveLength(1);
  });

  it('still reports without an origin price, without a saving', () => {
    const [r] = recs(run(cdn({ originEgressPrice: undefined })));
    expect(r.monthlySavings).toBeNull();
  });

  it('reads the traffic over its own lookback, not a fixed 30 days', () => {
    // 14 days: the last 14 days' traffic (200 GB a day), not the 30 days' (which include a quiet fortnight)
    const c = cdn({ servedGB: hourly(30, (i) => (i >= 16 * 24 ? 200 / 24 : 50 / 24)), cacheHitRatio: daily(30, () => 0.7) });
    const [r] = recs(cdnCacheHitRule.evaluate({ cdn: [c], thresholds: { cdnLookbackDays: 14 } }, NOW));
    expect(r.message.params.originGB).toBeCloseTo(((200 * 365) / 12) * 0.3, 0);
  });

  it('reads daily totals as days (Cloudflare’s daily analytics), hourly ones as hours: the same traffic either way', () => {
    const hourlyRun = recs(run(cdn()))[0];
    const dailyRun = recs(run(cdn({ servedGB: daily(30, () => 6000 / 30) })))[0];
    expect(dailyRun.message.params.originGB).toBeCloseTo(hourlyRun.message.params.originGB as number, 6);
    expect(Number(dailyRun.monthlySavings!.p50)).toBeCloseTo(Number(hourlyRun.monthlySavings!.p50), 1);
  });

  it('weighs each day’s ratio by the bytes it served: a quiet day at a low ratio costs little origin egress', () => {
    // 25 busy days at 90% (200 GB each) and 5 quiet ones at 50% (2 GB each): 89.9% of bytes from cache, not 83.3%
    const quiet = (day: number) => day >= 25;
    const ratios = daily(30, (i) => (quiet(i) ? 0.5 : 0.9));
    const served = hourly(30, (i) => (quiet(Math.floor(i / 24)) ? 2 / 24 : 200 / 24));
    expect(recs(run(cdn({ cacheHitRatio: ratios, servedGB: served })))).toEqual([]);
    // the same days each weighing the same would have flagged it
    expect(recs(run(cdn({ cacheHitRatio: ratios, servedGB: hourly(30, () => 100 / 24) })))).toHaveLength(1);
  });

  it('says what it lacked', () => {
    expect(run(cdn({ cacheHitRatio: undefined, servedGB: undefined }))).toEqual([{ resource: cdn().resource, missing: ['cacheHitRatio', 'servedGB'] }]);
    expect(cdnCacheHitRule.evaluate({}, NOW)).toEqual([{ resource: null, missing: ['cdn'] }]);
  });
});
