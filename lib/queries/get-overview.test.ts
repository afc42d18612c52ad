import { describe, expect, it } from 'vitest';
import { localToday } from './get-overview';

describe("the organisation's today", () => {
  it('is already the 1st in Paris at 23:30 UTC on the last day of the month', () => {
    expect(localToday(new Date('2026-10-31T23:30:00Z'), 'Europe/Paris').toISOString().slice(0, 10)).toBe('2026-11-01');
    expect(localToday(new Date('2026-10-31T23:30:00Z'), 'UTC').toISOString().slice(0, 10)).toBe('2026-10-31');
    expect(localToday(new Date('2026-11-01T03:00:00Z'), 'America/New_York').toISOString().slice(0, 10)).toBe('2026-10-31');
  });
});
