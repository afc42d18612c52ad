import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, isDecimal, normalizeDecimal, sumDecimals } from './decimal';

describe('decimal strings', () => {
  it('normalises without going through a float', () => {
    expect(normalizeDecimal('0.00000080000')).toBe('0.0000008');
    expect(normalizeDecimal('1.50E-3')).toBe('0.0015');
    expect(normalizeDecimal('-2.5e2')).toBe('-250');
    expect(normalizeDecimal('+007.10')).toBe('7.1');
    expect(normalizeDecimal('-0.000')).toBe('0');
    expect(normalizeDecimal('.5')).toBe('0.5');
    expect(normalizeDecimal('12345678901234567890.123456789012')).toBe('12345678901234567890.123456789012');
    for (const bad of ['', 'abc', '1,5', '1.2.3', 'NaN', 'Infinity', '1e', '--1']) expect(normalizeDecimal(bad)).toBeNull();
    expect(isDecimal('3')).toBe(true);
    const plain: [string, string][] = [['100', '100'], ['0', '0'], ['00', '0'], ['5.', '5'], ['-00.50', '-0.5'], ['10.0100', '10.01'], ['-0', '0'], ['.', '']];
    for (const [raw, out] of plain) expect(normalizeDecimal(raw)).toBe(out || null);
  });

  it('adds exactly where floats drift', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(sumDecimals(Array(1000).fill('0.0000000007'))).toBe('0.0000007');
    expect(sumDecimals(['13.1234567891', '5.5', '-5.5'])).toBe('13.1234567891');
    expect(sumDecimals([])).toBe('0');
    expect(compareDecimals('0.10', '0.1')).toBe(0);
    expect(compareDecimals('-1', '0.5')).toBe(-1);
    expect(() => addDecimals('1', 'x')).toThrow('not a decimal number');
  });
});
