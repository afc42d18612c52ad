// Every code name the scenario pages can show has words in both languages, with a unit where it has one.
import { describe, expect, it } from 'vitest';
import { COEFFICIENT_IDS } from '@/lib/planning/coefficients';
import { NUMERIC_DRIVERS } from '@/lib/planning/drivers';
import { evaluateScenario } from '@/lib/planning/evaluate';
import { PHASES } from '@/lib/planning/timeline';
import { REGIONS } from '@/lib/planning/regions';
import { EUROPE_PLAN } from '@/lib/planning/drivers';
import { FX } from '@/lib/planning/testing/fixtures';
import { RESOURCE_CLASSES } from '@/lib/planning/types';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

type TLabel = { label: string; unit?: string };
const capacityFields = Object.keys(evaluateScenario({ drivers: EUROPE_PLAN.drivers, fx: FX, samples: 1, start: new Date('2027-01-01T00:00:00Z') }).deterministic.capacity);
// camelCase words ("mainPods"), not units such as "vCPU"
const looksLikeCode = (s: string) => /\b[a-z]{2,}[A-Z]/.test(s);

describe.each([['en', en.scenarios], ['fr', fr.scenarios]] as const)('scenarios: labels in %s', (_lang, m) => {
  const check = (table: Record<string, TLabel>, codes: readonly string[], unitless: readonly string[] = []) => {
    for (const code of codes) {
      const l = table[code];
      expect(l, code).toBeDefined();
      expect(l.label.length, code).toBeGreaterThan(1);
      expect(looksLikeCode(l.label), `${code}: ${l.label}`).toBe(false);
      if (!unitless.includes(code)) expect(l.unit?.length, `${code} has a unit`).toBeGreaterThan(0);
      else expect(l.unit, `${code} is a name`).toBeUndefined();
    }
  };

  it('names every driver, with its unit', () => check(m.drivers, NUMERIC_DRIVERS.map((d) => d.key)));
  it('names every capacity field', () => {
    expect(capacityFields.length).toBeGreaterThan(20);
    check(m.capacity as Record<string, TLabel>, capacityFields, ['computeKind', 'instanceType', 'atlasTier', 'redisNodeType']);
  });
  it('names every coefficient, with its unit', () => check(m.coefficients, COEFFICIENT_IDS));
  it('names every resource class, region and phase', () => {
    for (const c of RESOURCE_CLASSES) expect(m.classes[c]).toBeTruthy();
    for (const r of REGIONS) expect(m.regions[r]).toBeTruthy();
    for (const p of PHASES) expect(m.phases[p]).toBeTruthy();
  });
});

describe('scenarios: French labels', () => {
  it('are French, not the English ones copied', () => {
    expect(fr.scenarios.capacity.mainPods.label).toBe('Pods principaux');
    expect(fr.scenarios.capacity.atlasTierRamGB.label).toBe('RAM par nœud Atlas');
    expect(fr.scenarios.drivers.registeredUsers.label).toBe('Utilisateurs inscrits');
    const same = Object.keys(en.scenarios.drivers).filter((k) => en.scenarios.drivers[k as keyof typeof en.scenarios.drivers].label === fr.scenarios.drivers[k as keyof typeof fr.scenarios.drivers].label);
    expect(same).toEqual([]);
  });
});
