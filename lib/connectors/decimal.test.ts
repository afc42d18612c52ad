import { describe, expect, it } from 'vitest';
import { addDecimal, centsToDecimal, compareDecimal, mulDecimal, numberToDecimal, subDecimal } from './decimal';

describe('decimal strings', () => {
  it('turns cents into amounts exactly', () => {
    expect(centsToDecimal(12345)).toBe('123.45');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-500)).toBe('-5.00');
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(9007199254740993n)).toBe('90071992547409.93');
    expect(() => centsToDecimal('1.5')).toThrow();
  });

  it('writes JSON numbers without exponents', () => {
    expect(numberToDecimal(0.54)).toBe('0.54');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(numberToDecimal(1.25e-7)).toBe('0.000000125');
    expect(numberToDecimal(-2.5e-8)).toBe('-0.000000025');
    expect(numberToDecimal(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimal(24)).toBe('24');
  });

  it('adds, subtracts and multiplies without floats', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal()).toBe('0');
    expect(subDecimal('1', '1.000')).toBe('0');
    expect(subDecimal('0.3', '0.1')).toBe('0.2');
    expect(mulDecimal('0.881', 2, 24)).toBe('42.288');
    expect(mulDecimal('0.1', '0.1')).toBe('0.01');
    expect(mulDecimal('-1.5', '2')).toBe('-3');
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('-1', '0.5')).toBe(-1);
  });
});
