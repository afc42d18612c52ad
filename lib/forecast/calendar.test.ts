import { describe, expect, it } from 'vitest';
import { recurringSourceDay, sourceDay } from './calendar';

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

describe('recurringSourceDay', () => {
  it('is the latest earlier month with that day, before the first unknown day', () => {
    expect(recurringSourceDay('2026-03-01', '2026-02-20')).toBe('2026-02-01');
    // known only up to 2026-01-20: March 1st repeats January 1st
    expect(recurringSourceDay('2026-03-01', '2026-01-20')).toBe('2026-01-01');
    expect(recurringSourceDay('2026-03-31', '2026-03-31')).toBe('2026-01-31');
    expect(recurringSourceDay('2026-03-01', '2025-01-01')).toBeNull(); // over a year back
  });
});
