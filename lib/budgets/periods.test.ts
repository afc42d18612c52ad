import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, periodContaining, periodFromKey, shiftPeriod, startOfLocalDay, BUDGET_PERIODS } from './periods';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;

describe('budget periods in the organisation time zone', () => {
  it('rolls the month over at midnight in Paris on the last day of the month, not at midnight UTC', () => {
    // 31 March 2026 is in summer time (UTC+2): 23:59:59 in Paris is 21:59:59 UTC
    expect(periodContaining(new Date('2026-03-31T21:59:59.999Z'), 'month', PARIS).key).toBe('2026-03');
    expect(periodContaining(new Date('2026-03-31T22:00:00.000Z'), 'month', PARIS).key).toBe('2026-04');
    // 31 January is in winter time (UTC+1)
    expect(periodContaining(new Date('2026-01-31T22:59:59Z'), 'month', PARIS).key).toBe('2026-01');
    expect(periodContaining(new Date('2026-01-31T23:00:00Z'), 'month', PARIS).key).toBe('2026-02');
    // the same instant in UTC is still March
    expect(periodContaining(new Date('2026-03-31T22:00:00.000Z'), 'month', 'UTC').key).toBe('2026-03');
  });

  it('gives a month with a daylight-saving change its real length', () => {
    const march = periodFromKey('2026-03', PARIS); // summer time from 29 March
    expect(march.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(march.end.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect((march.end.getTime() - march.start.getTime()) / HOUR).toBe(31 * 24 - 1);
    const october = periodFromKey('2026-10', PARIS); // winter time from 25 October
    expect(october.start.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(october.end.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect((october.end.getTime() - october.start.getTime()) / HOUR).toBe(31 * 24 + 1);
    // the night of the change itself belongs to its month
    expect(periodContaining(new Date('2026-03-29T01:30:00Z'), 'month', PARIS).key).toBe('2026-03');
    expect(periodContaining(new Date('2026-10-25T00:30:00Z'), 'month', PARIS).key).toBe('2026-10'); // 02:30 CEST
    expect(periodContaining(new Date('2026-10-25T01:30:00Z'), 'month', PARIS).key).toBe('2026-10'); // 02:30 CET
  });

  it('makes quarters and years with their months, rolling over at local midnight', () => {
    const q1 = periodFromKey('2026-Q1', PARIS);
    expect(q1).toMatchObject({ period: 'quarter', startDay: '2026-01-01', endDay: '2026-04-01', months: ['2026-01', '2026-02', '2026-03'] });
    expect(q1.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(periodContaining(new Date('2026-09-30T21:59:59Z'), 'quarter', PARIS).key).toBe('2026-Q3');
    expect(periodContaining(new Date('2026-09-30T22:00:00Z'), 'quarter', PARIS).key).toBe('2026-Q4');
    expect(periodContaining(new Date('2026-12-31T22:59:59Z'), 'year', PARIS).key).toBe('2026');
    const y = periodContaining(new Date('2026-12-31T23:00:00Z'), 'year', PARIS);
    expect(y).toMatchObject({ key: '2027', startDay: '2027-01-01', endDay: '2028-01-01' });
    expect(y.months).toHaveLength(12);
  });

  it('shifts periods across years and reads keys back', () => {
    expect(shiftPeriod(periodFromKey('2026-01', PARIS), -1, PARIS).key).toBe('2025-12');
    expect(shiftPeriod(periodFromKey('2026-Q4', PARIS), 1, PARIS).key).toBe('2027-Q1');
    expect(shiftPeriod(periodFromKey('2026-Q1', PARIS), -5, PARIS).key).toBe('2024-Q4');
    expect(shiftPeriod(periodFromKey('2026', PARIS), -2, PARIS).key).toBe('2024');
    expect(() => periodFromKey('2026-13', PARIS)).toThrow(RangeError);
    expect(() => periodFromKey('2026-Q5', PARIS)).toThrow(RangeError);
  });

  it('finds the start of a day where midnight does not exist (Santiago moves its clocks at midnight)', () => {
    // Chile starts summer time on Sunday 6 September 2026 at 00:00, straight to 01:00
    const start = startOfLocalDay(2026, 9, 6, 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDay(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('every instant lies in its period, which starts and ends at local midnights (any zone, any kind)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...BUDGET_PERIODS),
        fc.constantFrom(PARIS, 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'),
        (at, kind, zone) => {
          const p = periodContaining(at, kind, zone);
          expect(p.start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime()).toBeLessThan(p.end.getTime());
          expect(localDay(p.start, zone)).toBe(p.startDay);
          expect(localDay(new Date(p.start.getTime() - 1), zone) < p.startDay).toBe(true);
          expect(periodContaining(p.end, kind, zone).key).toBe(shiftPeriod(p, 1, zone).key);
          expect(periodContaining(new Date(p.end.getTime() - 1), kind, zone).key).toBe(p.key);
          expect(periodFromKey(p.key, zone)).toEqual(p);
        },
      ),
      { numRuns: 300, seed: 21 },
    );
  });
});
