import { describe, expect, it } from 'vitest';
import { createFormatter } from './formatter';
import { parseDecimal } from './parse-decimal';

describe('scenarios: parseDecimal', () => {
  it.each(['fr-FR', 'en-GB', 'en-US'])('reads both decimal separators in %s', (locale) => {
    expect(parseDecimal('0,3', locale)).toBe(0.3);
    expect(parseDecimal('0.3', locale)).toBe(0.3);
    expect(parseDecimal(' 12 ', locale)).toBe(12);
    expect(parseDecimal('-1,5', locale)).toBe(-1.5);
    expect(parseDecimal('\u22122.5', locale)).toBe(-2.5);
    expect(parseDecimal('1e3', locale)).toBe(1000);
    expect(parseDecimal('0.125', locale)).toBe(0.125);
  });

  it('tolerates thousands separators: spaces (incl. U+00A0, U+202F) and repeated groups', () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      expect(parseDecimal('1 500', locale)).toBe(1500);
      expect(parseDecimal('1\u00a0500', locale)).toBe(1500);
      expect(parseDecimal('1\u202f500\u202f000,5', locale)).toBe(1500000.5);
      expect(parseDecimal('1,500,000', locale)).toBe(1500000);
      expect(parseDecimal('1.500.000', locale)).toBe(1500000);
      expect(parseDecimal('1,500.25', locale)).toBe(1500.25);
      expect(parseDecimal('1.500,25', locale)).toBe(1500.25);
    }
  });

  it('reads a single comma before three digits as the locale does', () => {
    expect(parseDecimal('1,500', 'en-GB')).toBe(1500);
    expect(parseDecimal('1,500', 'fr-FR')).toBe(1.5);
    expect(parseDecimal('0,500', 'en-GB')).toBe(0.5);
  });

  it('reads back what the formatter writes, in both languages', () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      const f = createFormatter({ locale, timeZone: 'Europe/Paris', currency: 'EUR' });
      for (const v of [0.35, 20000, 1234567.25, 550000, 0.000125]) {
        expect(parseDecimal(f.inputNumber(v), locale)).toBe(v);
        expect(parseDecimal(f.number(Math.min(v, 99_999), 2), locale)).toBe(Number(Math.min(v, 99_999).toFixed(2)));
      }
      expect(parseDecimal(f.integer(1_234_567), locale)).toBe(1_234_567);
    }
  });

  it('says NaN for what is not one number', () => {
    for (const bad of ['', '  ', 'abc', '1,2,3', '1.2.3', '12a', '--1', '1,2.3,4', ',', '.', '-', '1 2,5,0']) expect(parseDecimal(bad, 'fr-FR')).toBeNaN();
  });
});
