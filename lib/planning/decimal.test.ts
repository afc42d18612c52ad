import { describe, expect, it } from 'vitest';
import { addDecimal, divDecimal, moneyFromNumber, mulDecimal, subDecimal, sumDecimals } from './decimal';

describe('decimal strings', () => {
  it('multiplies, adds, subtracts exactly', () => {
    expect(mulDecimal('0.112', '0.72')).toBe('0.08064');
    expect(mulDecimal('0.1', '0.2')).toBe('0.02');
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(subDecimal('1.00', '2.5')).toBe('-1.50');
    expect(sumDecimals(['100.10', '0.005', '3'])).toBe('103.105');
  });

  it('divides with half-up rounding', () => {
    expect(divDecimal('2', '3', 4)).toBe('0.6667');
    expect(divDecimal('1', '8', 2)).toBe('0.13');
    expect(divDecimal('-1', '8', 2)).toBe('-0.13');
    expect(divDecimal('398.58', '2190', 6)).toBe('0.182000');
  });

  it('turns model floats into money at the boundary', () => {
    expect(moneyFromNumber(1234.5678)).toBe('1234.57');
    expect(moneyFromNumber(-0.001)).toBe('0.00');
    expect(() => moneyFromNumber(Number.NaN)).toThrow();
  });
});
