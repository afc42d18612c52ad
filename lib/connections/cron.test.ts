import { describe, expect, it } from 'vitest';
import { cronMatches, isCronDue, nextCronTime, parseCron, previousCronTime } from './cron';

const sorted = (s: ReadonlySet<number>) => [...s].sort((a, b) => a - b);
const utc = (iso: string) => new Date(iso);

describe('parseCron', () => {
  it('reads stars, lists, ranges, steps and names', () => {
    const c = parseCron('*/15 9-17/4 1,15 JAN-mar mon-FRI');
    expect(sorted(c.minutes)).toEqual([0, 15, 30, 45]);
    expect(sorted(c.hours)).toEqual([9, 13, 17]);
    expect(sorted(c.days)).toEqual([1, 15]);
    expect(sorted(c.months)).toEqual([1, 2, 3]);
    expect(sorted(c.weekdays)).toEqual([1, 2, 3, 4, 5]);
    expect(sorted(parseCron('5/20 * * * 7').minutes)).toEqual([5, 25, 45]);
    expect(sorted(parseCron('0 0 * * 7').weekdays)).toEqual([0]);
    expect(sorted(parseCron('0 0 * * 5-7').weekdays)).toEqual([0, 5, 6]);
    expect(parseCron('0 */6 * * *').hours.size).toBe(4);
  });

  it('refuses malformed expressions naming the field', () => {
    expect(() => parseCron('0 */6 * *')).toThrow(/needs 5 fields/);
    expect(() => parseCron('60 * * * *')).toThrow(/minute: 60 is outside 0-59/);
    expect(() => parseCron('0 5-2 * * *')).toThrow(/hour: range 5-2 runs backwards/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step "0"/);
    expect(() => parseCron('0 0 32 * *')).toThrow(/day of month: 32/);
    expect(() => parseCron('0 0 * foo *')).toThrow(/month: "foo" is not a number/);
    expect(() => parseCron('0,,5 * * * *')).toThrow(/empty list item/);
  });
});

describe('evaluation in a time zone', () => {
  it('finds the previous and next six-hourly times in UTC', () => {
    const c = parseCron('0 */6 * * *');
    expect(previousCronTime(c, utc('2026-11-25T10:37:12Z'), 'UTC')).toEqual(utc('2026-11-25T06:00:00Z'));
    expect(previousCronTime(c, utc('2026-11-25T12:00:00Z'), 'UTC')).toEqual(utc('2026-11-25T12:00:00Z'));
    expect(nextCronTime(c, utc('2026-11-25T12:00:00Z'), 'UTC')).toEqual(utc('2026-11-25T18:00:00Z'));
    expect(nextCronTime(c, utc('2026-11-25T23:59:00Z'), 'UTC')).toEqual(utc('2026-11-26T00:00:00Z'));
  });

  it('means wall-clock time in the organisation’s zone, winter and summer', () => {
    const c = parseCron('0 6 * * *');
    // Paris is UTC+1 in November and UTC+2 in July
    expect(previousCronTime(c, utc('2026-11-25T10:00:00Z'), 'Europe/Paris')).toEqual(utc('2026-11-25T05:00:00Z'));
    expect(previousCronTime(c, utc('2026-07-10T10:00:00Z'), 'Europe/Paris')).toEqual(utc('2026-07-10T04:00:00Z'));
    expect(nextCronTime(c, utc('2026-03-28T12:00:00Z'), 'Europe/Paris')).toEqual(utc('2026-03-29T04:00:00Z'));
  });

  it('skips a time that a spring-forward change removes, and keeps the day around it', () => {
    // 2026-03-29 in Paris: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that day
    const c = parseCron('30 2 * * *');
    expect(previousCronTime(c, utc('2026-03-29T12:00:00Z'), 'Europe/Paris')).toEqual(utc('2026-03-28T01:30:00Z'));
    expect(nextCronTime(c, utc('2026-03-28T02:00:00Z'), 'Europe/Paris')).toEqual(utc('2026-03-30T00:30:00Z'));
  });

  it('applies Vixie cron’s either-day rule when both day fields are restricted', () => {
    const c = parseCron('0 12 13 * 5'); // the 13th, or any Friday
    expect(cronMatches(c, utc('2026-11-13T12:00:00Z'), 'UTC')).toBe(true); // a Friday the 13th
    expect(cronMatches(c, utc('2026-11-20T12:00:00Z'), 'UTC')).toBe(true); // a Friday
    expect(cronMatches(c, utc('2026-12-13T12:00:00Z'), 'UTC')).toBe(true); // a Sunday the 13th
    expect(cronMatches(c, utc('2026-11-19T12:00:00Z'), 'UTC')).toBe(false);
    // a day field that starts with * makes both apply: odd days that are Fridays
    const d = parseCron('0 12 */2 * 5');
    expect(cronMatches(d, utc('2026-11-20T12:00:00Z'), 'UTC')).toBe(false); // Friday the 20th: even day
    expect(cronMatches(d, utc('2026-11-19T12:00:00Z'), 'UTC')).toBe(false); // the 19th: a Thursday
    expect(cronMatches(d, utc('2026-11-13T12:00:00Z'), 'UTC')).toBe(true);
  });

  it('finds a leap day years ahead', () => {
    expect(nextCronTime(parseCron('0 0 29 2 *'), utc('2026-03-01T00:00:00Z'), 'UTC')).toEqual(utc('2028-02-29T00:00:00Z'));
  });

  // The jumps over days and hours must agree with a plain minute-by-minute scan, including across
  // daylight-saving changes of one hour (Paris, New York) and of half an hour (Lord Howe Island).
  it('agrees with a minute-by-minute scan around daylight-saving changes', () => {
    const expressions = ['30 2 * * *', '0 */6 * * *', '15,45 1-3 * * *', '*/7 23 * * *', '59 0 * * *', '0 3 * * 0'];
    const cases: [string, string][] = [
      ['Europe/Paris', '2026-03-29T00:40:00Z'],
      ['Europe/Paris', '2026-10-25T00:10:00Z'],
      ['America/New_York', '2026-11-01T05:20:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:10:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:50:00Z'],
    ];
    const MINUTE = 60_000;
    for (const [zone, iso] of cases)
      for (const text of expressions) {
        const c = parseCron(text);
        const at = utc(iso).getTime();
        let prev: Date | null = null;
        for (let t = at; t > at - 8 * 1440 * MINUTE; t -= MINUTE)
          if (cronMatches(c, new Date(t), zone)) {
            prev = new Date(t);
            break;
          }
        let next: Date | null = null;
        for (let t = at + MINUTE; t < at + 8 * 1440 * MINUTE; t += MINUTE)
          if (cronMatches(c, new Date(t), zone)) {
            next = new Date(t);
            break;
          }
        expect([zone, text, previousCronTime(c, new Date(at), zone)]).toEqual([zone, text, prev]);
        expect([zone, text, nextCronTime(c, new Date(at), zone)]).toEqual([zone, text, next]);
      }
  });
});

describe('isCronDue', () => {
  const c = parseCron('0 */6 * * *');
  it('is due when a scheduled time passed since the last run, and not before', () => {
    expect(isCronDue(c, { lastRun: utc('2026-11-25T06:00:30Z'), now: utc('2026-11-25T11:59:00Z'), timeZone: 'UTC' })).toBe(false);
    expect(isCronDue(c, { lastRun: utc('2026-11-25T06:00:30Z'), now: utc('2026-11-25T12:00:00Z'), timeZone: 'UTC' })).toBe(true);
    expect(isCronDue(c, { lastRun: utc('2026-11-25T12:00:00Z'), now: utc('2026-11-25T12:04:00Z'), timeZone: 'UTC' })).toBe(false);
    expect(isCronDue(c, { lastRun: utc('2026-01-01T00:00:30Z'), now: utc('2026-11-25T12:04:00Z'), timeZone: 'UTC' })).toBe(true);
  });
  it('is due at once for a connection that never ran', () => {
    expect(isCronDue(c, { lastRun: null, now: utc('2026-11-25T11:59:00Z'), timeZone: 'UTC' })).toBe(true);
  });
});
