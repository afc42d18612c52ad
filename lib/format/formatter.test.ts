import { describe, expect, it } from 'vitest';
import { createFormatter } from './formatter';

describe('plan against actual: signed money', () => {
  const fr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
  const en = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });

  it('signs gains and losses in the locale, and leaves zero unsigned', () => {
    expect(fr.moneySigned(1234.4)).toBe('+1\u202f234\u00a0€');
    expect(fr.moneySigned(-3675)).toBe('-3\u202f675\u00a0€');
    expect(en.moneySigned(-3675)).toBe('-€3,675');
    expect(en.moneySigned(0)).toBe('€0');
    expect(en.moneySigned('12.345', { digits: 2 })).toBe('+€12.35');
  });
});
