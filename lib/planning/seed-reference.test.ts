import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import fr from '../../messages/fr.json';
import { createFormatter } from '../format/formatter';
import { EUROPE_PLAN } from './drivers';
import { evaluateScenario } from './evaluate';
import { SEED_COST_TABLE, SEED_TOTAL, compareWithSeed, verdictOf } from './seed-reference';
import { wordSeedExplanation } from './seed-explain';
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
    expect(cdn.explanation).toMatch(/^Model higher than the plan: “Cloudflare Enterprise \(annual contract\)” costs €2,760 a month whatever the traffic/);
  });
});

describe('scenarios: seed plan explanations in the page’s language', () => {
  it('words the same reasons in French, with French numbers and the plan’s words in quotes', () => {
    const r = evaluateScenario({
      drivers: EUROPE_PLAN.drivers, fx: FX, samples: 300, seed: 3, start: new Date('2027-01-01T00:00:00Z'),
      options: { cdn: { provider: 'cloudflare', cloudflarePlan: 'enterprise' } },
    });
    const c = compareWithSeed(r);
    const t = createTranslator({ locale: 'fr-FR', messages: fr, namespace: 'scenarios.seed' });
    const fmt = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
    const wording = { t: (k: string, v?: Record<string, string | number>) => t(k as never, v as never), className: (cls: string) => fr.scenarios.classes[cls as keyof typeof fr.scenarios.classes], fmt, currency: 'EUR' };
    const cdn = wordSeedExplanation(c.rows.find((x) => x.resourceClass === 'cdn')!.reason, wording);
    expect(cdn).toBe(`Modèle plus haut que le plan : « Cloudflare Enterprise (annual contract) » coûte ${fmt.money(2760)} par mois quel que soit le trafic, plus le trafic sortant de l'origine.`);
    for (const row of [...c.rows, c.total]) {
      const text = wordSeedExplanation(row.reason, wording);
      expect(text).not.toMatch(/Model|plan’s|\{|\}/);
    }
    expect(wordSeedExplanation(c.total.reason, wording)).toContain('médiane');
  });
});
