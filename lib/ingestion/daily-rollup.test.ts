import { describe, expect, it } from 'vitest';
import { fromUnits, toUnits } from './daily-rollup';

describe('toUnits / fromUnits', () => {
  it('rounds to 12 places half away from zero, as numeric(30,12) stores', () => {
    expect(fromUnits(toUnits('0.1234567890125'))).toBe('0.123456789013');
    expect(fromUnits(toUnits('0.1234567890124999'))).toBe('0.123456789012');
    expect(fromUnits(toUnits('-0.0000000000005'))).toBe('-0.000000000001');
    expect(fromUnits(toUnits('-0.0000000000004'))).toBe('0.000000000000');
    expect(fromUnits(toUnits('123456789012345678.123456789012'))).toBe('123456789012345678.123456789012');
    expect(fromUnits(toUnits('7'))).toBe('7.000000000000');
    expect(fromUnits(toUnits('-12.5'))).toBe('-12.500000000000');
  });

  it('sums exactly where floats would drift', () => {
    let sum = 0n;
    for (let i = 0; i < 1000; i++) sum += toUnits('0.1');
    expect(fromUnits(sum)).toBe('100.000000000000');
  });
});
