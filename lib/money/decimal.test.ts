import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimal,
  decimalFromNumber,
  divideDecimal,
  isDecimalString,
  multiplyDecimal,
  normalizeDecimal,
  roundDecimal,
  subtractDecimal,
  toFixedDecimal,
} from './decimal';

describe('decimal strings', () => {
  it('adds without float error', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('0.0000012345', '1000000', '-0.0000002345')).toBe('1000000.000001');
    expect(addDecimals()).toBe('0');
    expect(subtractDecimal('10', '10.00')).toBe('0');
    expect(subtractDecimal('1', '1.5')).toBe('-0.5');
  });

  it('multiplies exactly and rounds half away from zero at the scale', () => {
    expect(multiplyDecimal('1234.56', '0.92')).toBe('1135.7952');
    expect(multiplyDecimal('0.0000012345', '0.9187')).toBe('0.000001134135'); // 1.13413515e-6 → 12 places
    expect(multiplyDecimal('2.5', '1', 0)).toBe('3');
    expect(multiplyDecimal('-2.5', '1', 0)).toBe('-3');
    expect(multiplyDecimal('19.99', '3', 2)).toBe('59.97');
  });

  it('divides to a scale', () => {
    expect(divideDecimal('1', '3', 6)).toBe('0.333333');
    expect(divideDecimal('2', '3', 6)).toBe('0.666667');
    expect(divideDecimal('1', '0.92', 12)).toBe('1.086956521739');
    expect(() => divideDecimal('1', '0')).toThrow(/division by zero/);
  });

  it('parses exponents and normalises', () => {
    expect(normalizeDecimal('1E-7')).toBe('0.0000001');
    expect(normalizeDecimal('1.5e3')).toBe('1500');
    expect(normalizeDecimal('-0.000')).toBe('0');
    expect(normalizeDecimal('+007.10')).toBe('7.1');
    expect(isDecimalString('abc')).toBe(false);
    expect(isDecimalString('.5')).toBe(true);
    expect(() => normalizeDecimal('1,5')).toThrow(/not a decimal/);
  });

  it('rounds, fixes and compares', () => {
    expect(roundDecimal('1.005', 2)).toBe('1.01');
    expect(toFixedDecimal('1.5', 2)).toBe('1.50');
    expect(toFixedDecimal('-0.004', 2)).toBe('0.00');
    expect(toFixedDecimal('-0.005', 2)).toBe('-0.01');
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('-1', '0.0000000001')).toBe(-1);
    expect(compareDecimal('2', '10')).toBe(-1);
    expect(decimalFromNumber(0.1 + 0.2, 10)).toBe('0.3');
  });
});
