import { describe, expect, it } from 'vitest';
import { EUROPE_PLAN } from '@/lib/planning/drivers';
import { fromTexts, parseNumber, toTexts } from './driver-text';

describe('driver texts', () => {
  it('round-trip the drivers', () => {
    const t = toTexts(EUROPE_PLAN.drivers);
    expect(t.peakRequestsPerSecond).toEqual({ range: true, low: '400', likely: '500', high: '700' });
    expect(t['serviceLevels.replicas']).toEqual({ range: false, low: '3', likely: '3', high: '3' });
    expect(fromTexts(t, EUROPE_PLAN.drivers.regions, EUROPE_PLAN.drivers)).toEqual({ drivers: EUROPE_PLAN.drivers, errors: {} });
  });

  it('read a French decimal comma and name each bad driver', () => {
    expect(parseNumber('0,35')).toBe(0.35);
    expect(parseNumber(' 1 500 ')).toBe(1500);
    const t = toTexts(EUROPE_PLAN.drivers);
    t.peakRequestsPerSecond = { ...t.peakRequestsPerSecond, likely: '900' };
    t.cols = { ...t.cols, range: false, likely: '-1' };
    t.registeredUsers = { ...t.registeredUsers, range: false, likely: '' };
    const r = fromTexts(t, [], EUROPE_PLAN.drivers);
    expect(r.drivers).toBeNull();
    expect(r.errors.peakRequestsPerSecond).toBe('peakRequestsPerSecond.likely must be ≤ high (900 > 700)');
    expect(r.errors.cols).toMatch(/^cols must be a finite number ≥ 0/);
    expect(r.errors.registeredUsers).toBe('enter a number');
    expect(r.errors.regions).toMatch(/at least one region/);
  });
});
