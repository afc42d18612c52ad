import { describe, expect, it } from 'vitest';
import { describeMetric, describeTrend } from './describe';
import { headroomFigures } from './headroom';

const GiB = 2 ** 30;
const NBSP = '\u00a0';

describe('describeMetric', () => {
  it('states P95 against capacity, the headroom and the trend, in French number style', () => {
    const p95 = 5.9 * GiB;
    const text = describeMetric({
      noun: 'memory',
      unit: 'bytes',
      p50: 5 * GiB,
      p95,
      max: 6.5 * GiB,
      capacity: 8 * GiB,
      headroom: headroomFigures({ p95, capacity: 8 * GiB }),
      trend: { status: 'growing', slopePerDay: 0.015 * GiB, daysToFull: 140.4, fullAt: null },
    });
    expect(text).toBe(`P95 memory 5,9 GB of 8 GB — 26${NBSP}% headroom; at the current trend full in ~140 days.`);
  });

  it('says when the P95 is over capacity, and in English number style for en-GB', () => {
    const text = describeMetric({
      noun: 'CPU',
      unit: 'percent',
      p50: 80,
      p95: 110,
      max: 120,
      capacity: 100,
      headroom: headroomFigures({ p95: 110, capacity: 100 }),
      trend: { status: 'full', slopePerDay: 1, daysToFull: 0, fullAt: null },
      locale: 'en-GB',
    });
    expect(text).toBe('P95 CPU 110% of 100% — 10% over capacity; at capacity on the current trend.');
  });

  it('gives P50 and max when there is no capacity', () => {
    const text = describeMetric({ noun: 'operations', unit: 'ops/s', p50: 812.25, p95: 1234, max: 2050, capacity: null, headroom: null, trend: null, locale: 'en-GB' });
    expect(text).toBe('P95 operations 1,234 ops/s (P50 812 ops/s, max 2,050 ops/s).');
  });
});

describe('describeTrend', () => {
  it('speaks of far horizons and flat lines plainly', () => {
    expect(describeTrend({ status: 'growing', slopePerDay: 1, daysToFull: 5000, fullAt: null })).toBe('at the current trend not full within two years');
    expect(describeTrend({ status: 'growing', slopePerDay: 1, daysToFull: 0.4, fullAt: null })).toBe('at the current trend full within a day');
    expect(describeTrend({ status: 'not-growing', slopePerDay: -1, daysToFull: null, fullAt: null })).toBe('not growing over this window');
    expect(describeTrend({ status: 'no-trend', slopePerDay: 0.1, daysToFull: null, fullAt: null })).toBe('no clear trend over this window');
    expect(describeTrend({ status: 'insufficient-data', slopePerDay: null, daysToFull: null, fullAt: null })).toBeNull();
  });
});
