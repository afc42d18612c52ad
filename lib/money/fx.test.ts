import { describe, expect, it } from 'vitest';
import { convertAmount, convertWithRates, formatMoney, rateFor, type TFxRate } from './fx';

const rates: TFxRate[] = [
  { date: '2026-03-02', base: 'USD', quote: 'EUR', rate: '0.93' },
  { date: '2026-03-01', base: 'USD', quote: 'EUR', rate: '0.92' },
  { date: '2026-03-05', base: 'USD', quote: 'EUR', rate: '0.95' },
  { date: '2026-03-03', base: 'GBP', quote: 'EUR', rate: '1.17' },
];

describe('rateFor', () => {
  it('takes the latest rate on or before the day, whatever the order', () => {
    expect(rateFor(rates, '2026-03-01', { base: 'USD', quote: 'EUR' })?.rate).toBe('0.92');
    expect(rateFor(rates, '2026-03-04', { base: 'USD', quote: 'EUR' })?.rate).toBe('0.93');
    expect(rateFor(rates, new Date('2026-03-05T23:59:00Z'), { base: 'USD', quote: 'EUR' })?.rate).toBe('0.95');
    expect(rateFor(rates, '2026-02-28', { base: 'USD', quote: 'EUR' })).toBeUndefined();
    expect(rateFor(rates, '2026-03-04')?.rate).toBe('1.17'); // no pair: latest of any
  });
});

describe('conversion', () => {
  it('multiplies exactly', () => {
    expect(convertAmount('1000.10', '0.92')).toBe('920.092');
    expect(convertAmount('0.0000012345', '0.92')).toBe('0.00000113574');
  });

  it('uses the stored rate of the day, and says when there is none', () => {
    expect(convertWithRates('100', 'USD', 'EUR', '2026-03-04', rates)).toBe('93');
    expect(convertWithRates('100', 'EUR', 'EUR', '1999-01-01', rates)).toBe('100');
    expect(convertWithRates('100', 'USD', 'EUR', '2026-01-01', rates)).toBeUndefined();
    expect(convertWithRates('100', 'EUR', 'USD', '2026-03-04', rates)).toBeUndefined();
  });
});

describe('formatMoney', () => {
  it('formats French by default (narrow no-break space groups, no-break space before €)', () => {
    expect(formatMoney('1234.56', 'EUR')).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney(-5, 'EUR')).toBe('-5,00\u00a0€');
    expect(formatMoney('1234.5', 'USD', 'en-US')).toBe('$1,234.50');
  });

  it('keeps sub-cent precision of decimal strings when asked', () => {
    expect(formatMoney('0.0000012345', 'USD', 'en-US', { maximumFractionDigits: 10 })).toBe('$0.0000012345');
    expect(formatMoney('12345678901234567.89', 'EUR', 'en-US')).toBe('€12,345,678,901,234,567.89');
  });

  it('refuses what is not a number', () => {
    expect(() => formatMoney('abc', 'EUR')).toThrow(/not a decimal/);
  });
});
