import { describe, expect, it } from 'vitest';
import { recurringOn, sourceDay } from './calendar';

describe('sourceDay', () => {
  it('is the same day of an earlier month, or none when that month is shorter', () => {
    expect(sourceDay('2026-05-01', 1)).toBe('2026-04-01');
    expect(sourceDay('2026-01-15', 1)).toBe('2025-12-15');
    expect(sourceDay('2026-03-31', 1)).toBeNull(); // February has no 31st
    expect(sourceDay('2026-03-31', 2)).toBe('2026-01-31');
    expect(sourceDay('2026-03-29', 1)).toBeNull(); // 2026 is not a leap year
    expect(sourceDay('2028-03-29', 1)).toBe('2028-02-29');
  });
});

describe('recurringOn', () => {
  const fees = new Map([
    ['2026-01-01', 500],
    ['2026-02-01', 600],
    ['2026-01-31', 40],
  ]);
  const on = (day: string) => fees.get(day) ?? 0;
  it('repeats the latest known month', () => {
    expect(recurringOn('2026-03-01', '2026-02-20', '2026-01-01', on)).toBe(600);
    // known only up to 2026-01-20: March 1st repeats January 1st
    expect(recurringOn('2026-03-01', '2026-01-20', '2026-01-01', on)).toBe(500);
    expect(recurringOn('2026-03-31', '2026-02-20', '2026-01-01', on)).toBe(40);
    expect(recurringOn('2026-03-02', '2026-02-20', '2026-01-01', on)).toBe(0);
  });
  it('knows nothing before the first known day', () => {
    expect(recurringOn('2026-03-01', '2026-02-20', '2026-02-05', on)).toBe(0);
  });
});
