import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  centsToDecimal,
  compareDecimal,
  decimalFromNumber,
  decimalToUnits,
  divideDecimal,
  formatFixed,
  isDecimalString,
  moneyFromNumber,
  multiplyDecimal,
  multiplyExact,
  normalizeDecimal,
  numberToDecimal,
  roundDecimal,
  subtractDecimal,
  sumDecimals,
  toFixedDecimal,
  tryNormalizeDecimal,
} from './decimal';

describe('decimal strings', () => {
  it('adds without float error', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('0.0000012345', '1000000', '-0.0000002345')).toBe('1000000.000001');
    expect(addDecimals()).toBe('0');
    expect(subtractDecimal('10', '10.00')).toBe('0');
    expect(subtractDecimal('1', '1.5')).toBe('-0.5');
    expect(subtractDecimal('1', '1.000')).toBe('0');
    expect(subtractDecimal('0.3', '0.1')).toBe('0.2');
    expect(() => addDecimals('1', 'x')).toThrow('not a decimal number');
  });

  it('sums any number of amounts exactly where floats drift', () => {
    expect(sumDecimals(Array(1000).fill('0.0000000007'))).toBe('0.0000007');
    expect(sumDecimals(['13.1234567891', '5.5', '-5.5'])).toBe('13.1234567891');
    expect(sumDecimals(['100.10', '0.005', '3'])).toBe('103.105');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(new Set(['1.5', '2.25']))).toBe('3.75');
  });

  it('multiplies exactly and rounds half away from zero at the scale', () => {
    expect(multiplyDecimal('1234.56', '0.92')).toBe('1135.7952');
    expect(multiplyDecimal('0.0000012345', '0.9187')).toBe('0.000001134135'); // 1.13413515e-6 → 12 places
    expect(multiplyDecimal('2.5', '1', 0)).toBe('3');
    expect(multiplyDecimal('-2.5', '1', 0)).toBe('-3');
    expect(multiplyDecimal('19.99', '3', 2)).toBe('59.97');
  });

  it('multiplies exactly with every digit kept', () => {
    expect(multiplyExact('0.881', '2', '24')).toBe('42.288');
    expect(multiplyExact('0.1', '0.1')).toBe('0.01');
    expect(multiplyExact('0.1', '0.2')).toBe('0.02');
    expect(multiplyExact('0.112', '0.72')).toBe('0.08064');
    expect(multiplyExact('-1.5', '2')).toBe('-3');
    // 14 places: multiplyDecimal would round this to 12
    expect(multiplyExact('0.0000012345', '0.9187')).toBe('0.00000113413515');
  });

  it('divides to a scale', () => {
    expect(divideDecimal('1', '3', 6)).toBe('0.333333');
    expect(divideDecimal('2', '3', 6)).toBe('0.666667');
    expect(divideDecimal('1', '0.92', 12)).toBe('1.086956521739');
    expect(divideDecimal('2', '3', 4)).toBe('0.6667');
    expect(divideDecimal('1', '8', 2)).toBe('0.13');
    expect(divideDecimal('-1', '8', 2)).toBe('-0.13');
    expect(toFixedDecimal(divideDecimal('398.58', '2190', 6), 6)).toBe('0.182000');
    expect(() => divideDecimal('1', '0')).toThrow(/division by zero/);
  });

  it('parses exponents and normalises', () => {
    expect(normalizeDecimal('1E-7')).toBe('0.0000001');
    expect(normalizeDecimal('1.5e3')).toBe('1500');
    expect(normalizeDecimal('-0.000')).toBe('0');
    expect(normalizeDecimal('+007.10')).toBe('7.1');
    expect(normalizeDecimal('0.00000080000')).toBe('0.0000008');
    expect(normalizeDecimal('1.50E-3')).toBe('0.0015');
    expect(normalizeDecimal('-2.5e2')).toBe('-250');
    expect(normalizeDecimal('.5')).toBe('0.5');
    expect(normalizeDecimal('12345678901234567890.123456789012')).toBe('12345678901234567890.123456789012');
    expect(isDecimalString('abc')).toBe(false);
    expect(isDecimalString('.5')).toBe(true);
    expect(isDecimalString('3')).toBe(true);
    expect(() => normalizeDecimal('1,5')).toThrow(/not a decimal/);
  });

  it('says null, not throws, for text that is not a number', () => {
    for (const bad of ['', 'abc', '1,5', '1.2.3', 'NaN', 'Infinity', '1e', '--1', '1e999999999']) {
      expect(tryNormalizeDecimal(bad)).toBeNull();
    }
    expect(isDecimalString('1e999999999')).toBe(false);
    const plain: [string, string][] = [['100', '100'], ['0', '0'], ['00', '0'], ['5.', '5'], ['-00.50', '-0.5'], ['10.0100', '10.01'], ['-0', '0'], ['.', '']];
    for (const [raw, out] of plain) expect(tryNormalizeDecimal(raw)).toBe(out || null);
    expect(tryNormalizeDecimal(' +1.50E-3 ')).toBe('0.0015');
  });

  it('rounds, fixes and compares', () => {
    expect(roundDecimal('1.005', 2)).toBe('1.01');
    expect(toFixedDecimal('1.5', 2)).toBe('1.50');
    expect(toFixedDecimal('-0.004', 2)).toBe('0.00');
    expect(toFixedDecimal('-0.005', 2)).toBe('-0.01');
    expect(toFixedDecimal(subtractDecimal('1.00', '2.5'), 2)).toBe('-1.50');
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('-1', '0.0000000001')).toBe(-1);
    expect(compareDecimal('-1', '0.5')).toBe(-1);
    expect(compareDecimal('2', '10')).toBe(-1);
    expect(decimalFromNumber(0.1 + 0.2, 10)).toBe('0.3');
  });

  it('turns model floats into money at the boundary', () => {
    expect(moneyFromNumber(1234.5678)).toBe('1234.57');
    expect(moneyFromNumber(-0.001)).toBe('0.00');
    expect(moneyFromNumber(2, 3)).toBe('2.000');
    expect(() => moneyFromNumber(Number.NaN)).toThrow();
  });

  it('writes JSON numbers without exponents', () => {
    expect(numberToDecimal(0.54)).toBe('0.54');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(numberToDecimal(1.25e-7)).toBe('0.000000125');
    expect(numberToDecimal(-2.5e-8)).toBe('-0.000000025');
    expect(numberToDecimal(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimal(24)).toBe('24');
    expect(() => numberToDecimal(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('turns cents into amounts exactly', () => {
    expect(centsToDecimal(12345)).toBe('123.45');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-500)).toBe('-5.00');
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(9007199254740993n)).toBe('90071992547409.93');
    expect(() => centsToDecimal('1.5')).toThrow();
  });
});

describe('decimalToUnits / formatFixed', () => {
  const units12 = (a: string) => formatFixed(decimalToUnits(a, 12), 12);

  it('rounds to the places half away from zero, as numeric(30,12) stores', () => {
    expect(units12('0.1234567890125')).toBe('0.123456789013');
    expect(units12('0.1234567890124999')).toBe('0.123456789012');
    expect(units12('-0.0000000000005')).toBe('-0.000000000001');
    expect(units12('-0.0000000000004')).toBe('0.000000000000');
    expect(units12('123456789012345678.123456789012')).toBe('123456789012345678.123456789012');
    expect(units12('7')).toBe('7.000000000000');
    expect(units12('-12.5')).toBe('-12.500000000000');
    expect(decimalToUnits('1.005', 2)).toBe(101n);
    expect(decimalToUnits('-1.005', 2)).toBe(-101n);
    expect(formatFixed(-500n, 2)).toBe('-5.00');
    expect(formatFixed(7n, 0)).toBe('7');
  });

  it('sums exactly where floats would drift', () => {
    let sum = 0n;
    for (let i = 0; i < 1000; i++) sum += decimalToUnits('0.1', 12);
    expect(formatFixed(sum, 12)).toBe('100.000000000000');
  });
});
