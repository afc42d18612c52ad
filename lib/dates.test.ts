import { describe, expect, it } from 'vitest';
import { addIsoDays, addUtcMonths, isIsoDay, parseIsoDay, startOfUtcMonth, utcDaysIn, utcDaysOverlapping, ZDay } from './dates';

const at = (iso: string) => new Date(iso);

describe('UTC calendar helpers', () => {
  it('moves by months from a month start, or by calendar months clamped to the month end', () => {
    expect(startOfUtcMonth(at('2026-03-31T23:59:59Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(startOfUtcMonth(at('2026-03-31T23:59:59Z'), -13).toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(startOfUtcMonth(at('2026-11-15T00:00:00Z'), 2).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(addUtcMonths(at('2026-01-31T06:00:00Z'), 1).toISOString()).toBe('2026-02-28T06:00:00.000Z');
  });

  it('counts days as YYYY-MM-DD strings across month and year ends', () => {
    expect(addIsoDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addIsoDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(parseIsoDay('2026-11-05T10:00:00Z').toISOString()).toBe('2026-11-05T00:00:00.000Z');
  });

  it('lists the days a period starts in, or touches', () => {
    const from = at('2026-11-01T12:00:00Z');
    const to = at('2026-11-03T06:00:00Z');
    expect(utcDaysIn(from, to).map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-11-02', '2026-11-03']);
    expect(utcDaysOverlapping(from, to).map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
  });

  it('accepts only days that exist, and says so rather than throwing', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-13-45')).toBe(false);
    expect(isIsoDay('2026-1-05')).toBe(false);
    expect(ZDay.safeParse('2026-02-30').error?.issues[0].message).toBe('is not a real calendar date');
    expect(ZDay.safeParse('2026-13-45').success).toBe(false);
    expect(ZDay.safeParse('05/11/2026').error?.issues[0].message).toBe('must be a date as YYYY-MM-DD');
  });
});
