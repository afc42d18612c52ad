import { describe, expect, it } from 'vitest';
import { capacityOf, conditionHolds, gaugeScale } from './evidence';

describe('gaugeScale', () => {
  it('ends past the capacity of a share, so 100 % shows', () => {
    expect(gaugeScale({ value: 0.82, unit: 'ratio', threshold: 0.75 })).toEqual({ max: 1.1, capacity: 1 });
  });

  it('ends past the value when it exceeds the threshold', () => {
    expect(gaugeScale({ value: 3, unit: 'keys', threshold: 0 })!.max).toBeCloseTo(3.3);
    expect(gaugeScale({ value: 3, unit: 'keys', threshold: 0 })!.capacity).toBeNull();
  });

  it('draws no gauge without a threshold, a value, or anything above zero', () => {
    expect(gaugeScale({ value: 1, unit: 'GB' })).toBeNull();
    expect(gaugeScale({ value: null, unit: 'days', threshold: 60 })).toBeNull();
    expect(gaugeScale({ value: 0, unit: 'keys', threshold: 0 })).toBeNull();
  });

  it('knows percent units', () => {
    expect(capacityOf('%')).toBe(100);
    expect(capacityOf('days')).toBeNull();
  });
});

describe('conditionHolds', () => {
  it('reads each comparison at and around its threshold', () => {
    expect(conditionHolds({ value: 0.76, unit: 'ratio', threshold: 0.75, comparison: 'above' })).toBe(true);
    expect(conditionHolds({ value: 0.75, unit: 'ratio', threshold: 0.75, comparison: 'above' })).toBe(false);
    expect(conditionHolds({ value: 41, unit: 'days', threshold: 60, comparison: 'below' })).toBe(true);
    expect(conditionHolds({ value: 60, unit: 'days', threshold: 60, comparison: 'below' })).toBe(false);
    expect(conditionHolds({ value: 14, unit: 'days', threshold: 14, comparison: 'at-least' })).toBe(true);
    expect(conditionHolds({ value: 0.75, unit: 'ratio', threshold: 0.75, comparison: 'at-most' })).toBe(true);
    expect(conditionHolds({ value: 1, unit: 'keys', threshold: 0 })).toBe(true);
    expect(conditionHolds({ value: null, unit: 'keys', threshold: 0 })).toBe(false);
  });
});
