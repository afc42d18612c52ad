import { describe, expect, it } from 'vitest';
import { EUROPE_PLAN } from './drivers';
import { evaluateScenario } from './evaluate';
import { SEED_COST_TABLE, SEED_TOTAL, compareWithSeed, verdictOf } from './seed-reference';
import { FX } from './testing/fixtures';

describe('seed plan reference', () => {
  it('holds the plan’s table, whose lines add up to its total', () => {
    const sum = (k: 'low' | 'high') => SEED_COST_TABLE.reduce((a, r) => a + Number(r[k]), 0);
    expect(sum('low')).toBe(Number(SEED_TOTAL.low));
    expect(sum('high')).toBe(Number(SEED_TOTAL.high));
    expect(SEED_TOTAL).toEqual({ low: '4500', high: '9100' });
  });

  it('classifies the model band against the plan range', () => {
    expect(verdictOf(100, 150, 200, 120, 180)).toBe('agrees');
    expect(verdictOf(100, 110, 200, 120, 180)).toBe('overlaps');
    expect(verdictOf(190, 200, 210, 120, 180)).toBe('above');
    expect(verdictOf(10, 20, 30, 120, 180)).toBe('below');
  });

  it('converts the plan when the result is in another currency', () => {
    const r = evaluateScenario({ drivers: EUROPE_PLAN.drivers, fx: {}, currency: 'USD', samples: 200, seed: 3, start: new Date('2027-01-01T00:00:00Z') });
    const c = compareWithSeed(r, { eurToResultCurrency: 1.1 });
    expect(c.total.planLow).toBe('4950.00');
    expect(c.total.planHigh).toBe('10010.00');
    expect(() => compareWithSeed(r)).toThrowError(/eurToResultCurrency/);
  });

  it('explains a disagreement with the numbers behind it', () => {
    const r = evaluateScenario({
      drivers: EUROPE_PLAN.drivers, fx: FX, samples: 300, seed: 3, start: new Date('2027-01-01T00:00:00Z'),
      options: { cdn: { provider: 'cloudflare', cloudflarePlan: 'enterprise' } },
    });
    const cdn = compareWithSeed(r).rows.find((x) => x.resourceClass === 'cdn')!;
    expect(cdn.verdict).toBe('above');
    expect(cdn.explanation).toMatch(/^Model higher than the plan: Cloudflare Enterprise \(annual contract\) costs 2,760 EUR a month whatever the traffic/);
  });
});
