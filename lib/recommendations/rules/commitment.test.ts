import { describe, expect, it } from 'vitest';
import { NOW, hourly, ref } from '../testing/series';
import type { TCommitmentPoolFacts, TMonthlyProjection, TRecommendation, TRuleOutcome } from '../types';
import { commitmentRule } from './commitment';

const flat: TMonthlyProjection = { kind: 'quantiles', months: [{ p10: 1, p50: 1, p90: 1 }] };
const growing: TMonthlyProjection = { kind: 'quantiles', months: [1, 1, 1, 2, 2, 2, 4, 4, 4, 4, 4, 4].map((m) => ({ p10: m * 0.8, p50: m, p90: m * 1.2 })) };
const pool = (over: Partial<TCommitmentPoolFacts> = {}): TCommitmentPoolFacts => ({
  resource: ref('commitment-pool', 'compute-sp:eu', 'aws', null),
  instrument: 'Compute Savings Plan', measure: 'spend', unitPrice: '1', currency: 'USD',
  baseline: hourly(30, (i) => 10 + 2 * Math.sin((2 * Math.PI * i) / 24)),
  projection: flat,
  terms: [{ termMonths: 12, payment: 'no-upfront', discount: 0.28, upfrontShare: 0 }],
  ...over,
});
const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (p: TCommitmentPoolFacts) => commitmentRule.evaluate({ commitmentPools: [p] }, NOW);

describe('commitment-ladder', () => {
  it('recommends one purchase on a flat plan', () => {
    const [r] = recs(run(pool()));
    expect(r.kind).toBe('commitment');
    expect(r.message.key).toBe('commitmentFlat');
    expect(r.action.params.tranches).toBe(1);
    expect(r.text).toMatch(/^Buy [\d.]+ USD\/h of Compute Savings Plan now \(1-year no-upfront\)/);
    expect(r.text).toContain('72% utilisation to break even');
    expect(Number(r.monthlySavings!.p50)).toBeGreaterThan(0);
    expect(r.lookback).toMatchObject({ days: 30, completeness: 1 });
  });

  it('lays out a ladder on a growing plan', () => {
    const [r] = recs(run(pool({ projection: growing })));
    expect(r.message.key).toBe('commitmentLadder');
    expect(r.text).toMatch(/more in month 3.*more in month 6/);
    expect(Number(r.monthlySavings!.p10)).toBeLessThan(Number(r.monthlySavings!.p90));
  });

  it('picks the term and payment that save the most a month', () => {
    const [r] = recs(run(pool({ terms: [
      { termMonths: 12, payment: 'no-upfront', discount: 0.28, upfrontShare: 0 },
      { termMonths: 36, payment: 'all-upfront', discount: 0.5, upfrontShare: 1 },
    ] })));
    expect(r.action.params).toMatchObject({ termMonths: 36, payment: 'all-upfront' });
    expect((r.details?.alternatives as unknown[]).length).toBe(1);
  });

  it('says why the provider’s level differs', () => {
    const [lower] = recs(run(pool({ projection: growing, providerRecommendation: { level: 9, lookbackDays: 30 } })));
    expect(lower.message.params.comparison).toBe('commitmentProviderLower');
    const [higher] = recs(run(pool({ providerRecommendation: { level: 14, lookbackDays: 30 } })));
    expect(higher.message.params.comparison).toBe('commitmentProviderHigher');
  });

  it('counts reserved nodes in whole units', () => {
    const [r] = recs(run(pool({ instrument: 'cache.r7g.large reserved nodes', measure: 'count', unitPrice: '0.241', baseline: hourly(30, () => 4) })));
    expect(r.action.params.nowAmount).toBe(4);
    expect(r.text).toMatch(/^Buy 4 cache\.r7g\.large reserved nodes now/);
  });

  it('says which facts it lacked', () => {
    expect(run(pool({ baseline: [], projection: undefined, terms: [] }))).toEqual([{ resource: pool().resource, missing: ['baseline', 'projection', 'terms'] }]);
  });
});
