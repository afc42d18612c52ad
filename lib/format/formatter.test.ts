import { describe, expect, it } from 'vitest';
import { createFormatter } from './formatter';

// Expected strings are built with Intl itself (French puts U+202F between thousands and U+00A0
// before € and %), so the tests hold the formatter to the locale's rules, not to typed spaces.
const fr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
const en = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatter: money', () => {
  it('whole units by default, cents when asked, in the locale', () => {
    expect(fr.money(1234.5)).toBe(`1${NNBSP}235${NBSP}€`);
    expect(fr.money('1234.5', { digits: 2 })).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(en.money(1234.5, { digits: 2 })).toBe('€1,234.50');
    expect(fr.money(10, { currency: 'USD' })).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(10));
  });

  it('keeps sub-cent digits on unit prices', () => {
    expect(en.unitPrice('0.00042', { currency: 'USD' })).toBe('US$0.00042');
    expect(fr.unitPrice('0.5')).toBe(`0,50${NBSP}€`);
  });

  it('compacts for axes', () => {
    expect(en.moneyCompact(4900)).toBe('€4.9k');
    expect(fr.moneyCompact(4900)).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(4900));
  });
});

describe('formatter: numbers and percentages', () => {
  it('signs changes and not shares', () => {
    expect(fr.change(0.123)).toBe(`+12,3${NBSP}%`);
    expect(en.change(-0.504)).toBe('-50.4%');
    expect(fr.change(0)).toBe(`0,0${NBSP}%`);
    expect(fr.share(0.26)).toBe(`26${NBSP}%`);
    expect(en.share(0.255, 1)).toBe('25.5%');
  });

  it('writes counts whole, with the thousands separator', () => {
    expect(fr.integer(20000)).toBe(`20${NNBSP}000`);
    expect(en.integer(500000)).toBe('500,000');
  });
});

describe('formatter: dates and times', () => {
  it('formats calendar days without moving them across midnight', () => {
    expect(fr.day('2026-12-04')).toBe('4 déc. 2026');
    expect(en.day('2026-12-04T23:30:00Z')).toBe('4 Dec 2026');
    expect(fr.dayShort('2026-12-04')).toBe('4 déc.');
    expect(fr.month('2026-12')).toBe('déc. 26');
    expect(fr.monthLong('2026-12-01')).toBe('décembre 2026');
    expect(en.monthLong('2026-12')).toBe('December 2026');
  });

  it('writes an inclusive range of days', () => {
    // ICU puts thin spaces around the dash: hold the shape, not the spaces
    expect(en.dayRange('2026-12-01', '2026-12-04').replace(/\s/g, ' ')).toMatch(/^1 ?– ?4 Dec 2026$/);
    expect(fr.dayRange('2026-11-28', '2026-12-04')).toBe(new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(new Date('2026-11-28T00:00:00Z'), new Date('2026-12-04T00:00:00Z')));
  });

  it('shows an instant in the organisation’s zone, with the zone', () => {
    // 07:15 UTC is 08:15 in Paris in winter and 09:15 in summer
    expect(fr.dateTime('2026-12-04T07:15:00Z')).toBe('4 déc. 2026, 08:15 UTC+1');
    expect(fr.dateTime('2026-07-04T07:15:00Z')).toBe('4 juil. 2026, 09:15 UTC+2');
    expect(en.dateTime('2026-12-04T07:15:00Z')).toBe('4 Dec 2026, 08:15 CET');
    const utc = createFormatter({ locale: 'en-GB', timeZone: 'UTC', currency: 'EUR' });
    expect(utc.dateTime('2026-12-04T07:15:00Z')).toBe('4 Dec 2026, 07:15 UTC');
  });
});

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
