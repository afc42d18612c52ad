import { describe, expect, it } from 'vitest';
import { describeTrend } from './describe';

describe('describeTrend', () => {
  it('gives the days to full, rounded, within two years', () => {
    expect(describeTrend({ status: 'growing', slopePerDay: 1, daysToFull: 140.4, fullAt: null })).toEqual({ key: 'trendInDays', days: 140 });
  });

  it('speaks of far horizons, the next day and flat lines plainly', () => {
    expect(describeTrend({ status: 'growing', slopePerDay: 1, daysToFull: 5000, fullAt: null })).toEqual({ key: 'trendBeyondHorizon' });
    expect(describeTrend({ status: 'growing', slopePerDay: 1, daysToFull: 0.4, fullAt: null })).toEqual({ key: 'trendWithinDay' });
    expect(describeTrend({ status: 'full', slopePerDay: 1, daysToFull: 0, fullAt: null })).toEqual({ key: 'trendFull' });
    expect(describeTrend({ status: 'not-growing', slopePerDay: -1, daysToFull: null, fullAt: null })).toEqual({ key: 'trendNotGrowing' });
    expect(describeTrend({ status: 'no-trend', slopePerDay: 0.1, daysToFull: null, fullAt: null })).toEqual({ key: 'trendNoTrend' });
  });

  it('says nothing without enough data', () => {
    expect(describeTrend({ status: 'insufficient-data', slopePerDay: null, daysToFull: null, fullAt: null })).toBeNull();
    expect(describeTrend(null)).toBeNull();
  });
});
