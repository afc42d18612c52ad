import { describe, expect, it } from 'vitest';
import { autoStep, parseWindowDays, spanDays, windowForDays } from './window';

describe('windowForDays', () => {
  it('covers the last N whole UTC days including today, hourly up to 30 days', () => {
    const now = new Date('2026-11-25T23:30:00+01:00'); // 22:30 UTC
    expect(windowForDays(7, now)).toEqual({ from: '2026-11-19', to: '2026-11-26', step: 'hour' });
    expect(windowForDays(30, now)).toEqual({ from: '2026-10-27', to: '2026-11-26', step: 'hour' });
    expect(windowForDays(90, now)).toEqual({ from: '2026-08-28', to: '2026-11-26', step: 'day' });
  });

  it('chooses the step from the span', () => {
    expect(spanDays('2026-03-01', '2026-03-31')).toBe(30);
    expect(autoStep('2026-03-01', '2026-03-31')).toBe('hour');
    expect(autoStep('2026-03-01', '2026-04-01')).toBe('day');
  });

  it('reads ?days= as one of the offered windows', () => {
    expect(parseWindowDays('7')).toBe(7);
    expect(parseWindowDays(['90', '7'])).toBe(90);
    expect(parseWindowDays('8')).toBe(30);
    expect(parseWindowDays(undefined)).toBe(30);
  });
});
