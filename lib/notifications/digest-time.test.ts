import { describe, expect, it } from 'vitest';
import { nextDigestAt } from './digest-time';

describe('next digest time', () => {
  it('is 08:00 in the organisation zone, today if still ahead, else tomorrow', () => {
    // Paris is UTC+1 in December: 08:00 local is 07:00 UTC
    expect(nextDigestAt(new Date('2026-12-06T05:30:00Z'), 'Europe/Paris').toISOString()).toBe('2026-12-06T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-06T07:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-06T23:30:00Z'), 'Europe/Paris').toISOString()).toBe('2026-12-07T07:00:00.000Z');
    // summer time: UTC+2
    expect(nextDigestAt(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-07-02T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-06T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-12-06T13:00:00.000Z');
  });
});
