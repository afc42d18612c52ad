// Exact decimal arithmetic on strings (BigInt scaled integers): money never goes through a float.
// Pure (no node: imports): lib/planning uses it in the browser too.
import { AppError } from '../errors';

type TScaled = { units: bigint; scale: number };

// '12', '-0.5', '.5', '5.', '+1.5e-3'; PostgreSQL numeric accepts the same forms.
const DECIMAL_RE = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
// An exponent this far out is not an amount, and 10n ** it would take the process down.
const MAX_SCALE = 1000;

function scan(value: string): TScaled | null {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) return null;
  const [, sign, intPart = '', fracA, fracB, expPart] = m;
  const frac = fracA ?? fracB ?? '';
  let units = BigInt(`${intPart}${frac}` || '0');
  let scale = frac.length - (expPart ? Number(expPart) : 0);
  if (!Number.isSafeInteger(scale) || Math.abs(scale) > MAX_SCALE) return null;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

export function isDecimalString(value: string): boolean {
  return scan(value) !== null;
}

export function parseDecimal(value: string): TScaled {
  const parsed = scan(value);
  if (!parsed) throw new AppError('UNPROCESSABLE', `"${value}" is not a decimal number`);
  return parsed;
}

function rescale(v: TScaled, scale: number): bigint {
  return scale >= v.scale ? v.units * 10n ** BigInt(scale - v.scale) : roundDiv(v.units, 10n ** BigInt(v.scale - scale));
}

// Integer division rounding half away from zero (the rounding PostgreSQL numeric uses).
function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

// Shortest plain string (no exponent, no trailing zeros): '1234.5', '-0.0000012345', '0'.
export function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    const int = digits.slice(0, digits.length - scale);
    const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
    digits = frac ? `${int}.${frac}` : int;
  }
  return negative && digits !== '0' ? `-${digits}` : digits;
}

// Units of 10^-places written with exactly `places` decimals: formatFixed(-500n, 2) === '-5.00'.
export function formatFixed(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const body = places > 0 ? `${int}.${digits.slice(digits.length - places)}` : int;
  return negative ? `-${body}` : body;
}

// Plain digits as files mostly hold them ('0012.50', '-3'); imports normalise millions of these.
const PLAIN_RE = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/;

// '1.50E-3' → '0.0015', '+2.00' → '2', '-0.0' → '0'; null when the text is not a number.
export function tryNormalizeDecimal(value: string): string | null {
  if (value.length > 0 && value.length < 60 && value !== '-' && value !== '.' && value !== '-.') {
    const m = PLAIN_RE.exec(value);
    if (m) {
      const int = m[2] || '0';
      const frac = m[3] ?? '';
      if (!(m[2] || frac || /\d/.test(value))) return null;
      const text = frac ? `${int}.${frac}` : int;
      return m[1] && text !== '0' ? `-${text}` : text;
    }
  }
  const parsed = scan(value);
  return parsed ? formatScaled(parsed.units, parsed.scale) : null;
}

export function normalizeDecimal(value: string): string {
  const normalized = tryNormalizeDecimal(value);
  if (normalized === null) throw new AppError('UNPROCESSABLE', `"${value}" is not a decimal number`);
  return normalized;
}

// Takes any iterable, so a file's worth of amounts need not be spread into arguments.
export function sumDecimals(values: Iterable<string>): string {
  let units = 0n;
  let scale = 0;
  for (const value of values) {
    const p = parseDecimal(value);
    if (p.scale > scale) {
      units *= 10n ** BigInt(p.scale - scale);
      scale = p.scale;
    }
    units += rescale(p, scale);
  }
  return formatScaled(units, scale);
}

export function addDecimals(...values: string[]): string {
  return sumDecimals(values);
}

export function subtractDecimal(a: string, b: string): string {
  const pb = parseDecimal(b);
  return addDecimals(a, formatScaled(-pb.units, pb.scale));
}

export function negateDecimal(a: string): string {
  const p = parseDecimal(a);
  return formatScaled(-p.units, p.scale);
}

// a × b rounded half away from zero to `scale` places (12 = the numeric(30,12) columns).
export function multiplyDecimal(a: string, b: string, scale = 12): string {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const product: TScaled = { units: pa.units * pb.units, scale: pa.scale + pb.scale };
  return formatScaled(rescale(product, scale), scale);
}

// The exact product, every digit kept (unit price × quantity × hours): no rounding at all.
export function multiplyExact(...values: string[]): string {
  let units = 1n;
  let scale = 0;
  for (const value of values) {
    const p = parseDecimal(value);
    units *= p.units;
    scale += p.scale;
  }
  return formatScaled(units, scale);
}

export function divideDecimal(a: string, b: string, scale = 12): string {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  if (pb.units === 0n) throw new AppError('UNPROCESSABLE', 'division by zero');
  // a/b = (ua/10^sa)/(ub/10^sb); scale the numerator so the quotient has `scale` places
  const shift = scale + pb.scale - pa.scale;
  const num = shift >= 0 ? pa.units * 10n ** BigInt(shift) : pa.units;
  const den = shift >= 0 ? pb.units : pb.units * 10n ** BigInt(-shift);
  return formatScaled(roundDiv(num, den), scale);
}

// A decimal as a whole number of 10^-places units, rounded half away from zero (as PostgreSQL
// stores it in a numeric(p, places) column): decimalToUnits('1.005', 2) === 101n.
export function decimalToUnits(a: string, places: number): bigint {
  return rescale(parseDecimal(a), places);
}

export function roundDecimal(a: string, places: number): string {
  return formatScaled(rescale(parseDecimal(a), places), places);
}

// Fixed number of decimals, e.g. for display or files: toFixedDecimal('1.5', 2) === '1.50'.
export function toFixedDecimal(a: string, places: number): string {
  return formatFixed(decimalToUnits(a, places), places);
}

export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const scale = Math.max(pa.scale, pb.scale);
  const x = rescale(pa, scale);
  const y = rescale(pb, scale);
  return x === y ? 0 : x < y ? -1 : 1;
}

// For generated quantities (demo, tests): a finite number as a decimal string with `places` decimals.
export function decimalFromNumber(n: number, places: number): string {
  if (!Number.isFinite(n)) throw new AppError('UNPROCESSABLE', `${n} is not a finite number`);
  return normalizeDecimal(n.toFixed(places));
}

/**
 * The one place where a model estimate (a float from the Monte Carlo) becomes money: rounded to
 * `digits` decimals, all of them written ('0.00'). Model outputs are estimates, never ledger
 * amounts, so float arithmetic before this point is acceptable and keeps 10,000 samples fast.
 */
export function moneyFromNumber(x: number, digits = 2): string {
  return toFixedDecimal(decimalFromNumber(x, digits), digits);
}

// A JSON number as the provider sent it, written out without an exponent: 1.25e-7 → '0.000000125'.
// String(number) is the shortest text that reads back as the same number, so no float digits are invented.
export function numberToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new AppError('UNPROCESSABLE', `${value} is not a finite number`);
  return normalizeDecimal(String(value));
}

// Integer cents (as Atlas reports them) to an amount with two places: 12345 → '123.45', -500 → '-5.00'.
export function centsToDecimal(cents: number | bigint | string): string {
  const text = typeof cents === 'number' ? numberToDecimal(cents) : String(cents);
  const p = parseDecimal(text);
  if (p.scale !== 0) throw new AppError('UNPROCESSABLE', `cents must be an integer: ${text}`);
  return formatFixed(p.units, 2);
}
