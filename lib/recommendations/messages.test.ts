// Every message key a rule or the engine can emit has its text in both languages, with the arguments
// the rule (and messageValues) supply.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import fr from '../../messages/fr.json';
import { INSTRUMENT_IDS } from './commitments/instruments';
import { RULES } from './rules';

const RULE_DIR = path.join(import.meta.dirname, 'rules');
const ENGINE_DIR = path.join(import.meta.dirname, 'engine');

/** String literals used as message keys in the rules' sources: key: 'x', and the two branches of key: c ? 'x' : 'y'. */
function emittedKeys(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/key:\s*'([A-Za-z]+)'/g)) keys.add(m[1]);
    for (const m of text.matchAll(/key:\s*[^,'}]+\?\s*'([A-Za-z]+)'\s*:\s*'([A-Za-z]+)'/g)) {
      keys.add(m[1]);
      keys.add(m[2]);
    }
    for (const m of text.matchAll(/keys\.add\('([A-Za-z]+)'\)/g)) keys.add(m[1]);
    for (const m of text.matchAll(/'(commitmentProvider[A-Za-z]+)'/g)) keys.add(m[1]);
  }
  return keys;
}

const enMessages = (en as { recommendations: { messages: Record<string, unknown> } }).recommendations.messages;
const frMessages = (fr as { recommendations: { messages: Record<string, unknown> } }).recommendations.messages;

describe('recommendation messages', () => {
  const keys = new Set([...emittedKeys(RULE_DIR), ...emittedKeys(ENGINE_DIR), 'commitmentProviderNone']);

  it('finds the keys of every rule file (the scan is not vacuous)', () => {
    expect(keys.size).toBeGreaterThan(40);
    for (const k of ['commitmentLadder', 'redisScaleUp', 'capacityRunway', 'riskFull', 'needsPrometheus', 'commitmentProviderLower']) expect(keys).toContain(k);
  });

  it('has every emitted key in English and French', () => {
    for (const key of keys) {
      expect({ key, en: typeof enMessages[key] }).toEqual({ key, en: 'string' });
      expect({ key, fr: typeof frMessages[key] }).toEqual({ key, fr: 'string' });
    }
  });

  it('names every instrument, payment option and rule in both languages', () => {
    for (const lang of [enMessages, frMessages]) {
      for (const id of INSTRUMENT_IDS) expect((lang.instruments as Record<string, string>)[id]).toBeTruthy();
      for (const p of ['no-upfront', 'partial-upfront', 'all-upfront']) expect((lang.payments as Record<string, string>)[p]).toBeTruthy();
      for (const r of RULES) expect({ rule: r.id, name: (lang.rules as Record<string, string>)[r.id] }).toEqual({ rule: r.id, name: expect.any(String) });
    }
  });
});
