import { describe, expect, it } from 'vitest';
import { addWeeks, isIsoWeek, isoWeek, isoWeekOf, lastCompleteWeek, weekContaining, weekInstants, ZIsoWeek } from './iso-week';

describe('ISO weeks', () => {
  it('numbers weeks by their Thursday, across year ends', () => {
    expect(isoWeekOf('2026-12-06')).toEqual({ year: 2026, week: 49 });
    expect(isoWeekOf('2026-11-30')).toEqual({ year: 2026, week: 49 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
  });

  it('gives a week Monday to Sunday with an exclusive end', () => {
    expect(isoWeek('2026-W49')).toMatchObject({ from: '2026-11-30', last: '2026-12-06', to: '2026-12-07' });
    expect(isoWeek('2020-W53')).toMatchObject({ from: '2020-12-28', to: '2021-01-04' });
    expect(addWeeks(isoWeek('2026-W01'), -1).key).toBe('2025-W52');
    expect(addWeeks(isoWeek('2026-W52'), 1).key).toBe('2026-W53');
    expect(weekContaining('2027-01-01').key).toBe('2026-W53');
  });

  it('refuses weeks that do not exist', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-49')).toBe(false);
    expect(ZIsoWeek.safeParse('2025-W53').success).toBe(false);
  });

  it('takes the last complete week in the organisation’s zone, not in UTC', () => {
    // Monday 7 December 2026 00:30 in Paris is still Sunday 6 December in UTC
    expect(lastCompleteWeek(new Date('2026-12-06T23:30:00Z'), 'Europe/Paris').key).toBe('2026-W49');
    expect(lastCompleteWeek(new Date('2026-12-06T23:30:00Z'), 'UTC').key).toBe('2026-W48');
    // Sunday evening in Paris: that week is not over
    expect(lastCompleteWeek(new Date('2026-12-06T22:30:00Z'), 'Europe/Paris').key).toBe('2026-W48');
  });

  it('handles the weeks the clocks change in Europe/Paris', () => {
    // summer time starts Sunday 29 March 2026: that week has 167 hours
    const spring = weekInstants(isoWeek('2026-W13'), 'Europe/Paris');
    expect(spring.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    // winter time returns Sunday 25 October 2026: 169 hours
    const autumn = weekInstants(isoWeek('2026-W43'), 'Europe/Paris');
    expect(autumn.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
    // Monday 30 March 00:30 summer time (29 March 22:30 UTC): the week of the change is complete
    expect(lastCompleteWeek(new Date('2026-03-29T22:30:00Z'), 'Europe/Paris').key).toBe('2026-W13');
    expect(lastCompleteWeek(new Date('2026-03-29T21:30:00Z'), 'Europe/Paris').key).toBe('2026-W12');
    // Monday 26 October 00:30 winter time (25 October 23:30 UTC)
    expect(lastCompleteWeek(new Date('2026-10-25T23:30:00Z'), 'Europe/Paris').key).toBe('2026-W43');
    expect(lastCompleteWeek(new Date('2026-10-25T22:30:00Z'), 'Europe/Paris').key).toBe('2026-W42');
  });
});
