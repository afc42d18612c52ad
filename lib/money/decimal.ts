// Exact decimal arithmetic on strings (BigInt scaled integers): money never goes through a float.
import { AppError } from '../errors';

type TScaled = { units: bigint; scale: number };

const DECIMAL_RE = /^([+-])?(\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export function isDecimalString(value: string): boolean {
  const m = DECIMAL_RE.exec(value.trim());
  return m !== null && (m[2] !== undefined || m[3] !== undefined);
}

export function parseDecimal(value: string): TScaled {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    throw new AppError('UNPROCESSABLE', `"${value}" is not a decimal number`);
  }
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  let digits = BigInt(`${intPart}${fracPart}` || '0');
  let scale = fracPart.length;
  const exp = expPart ? Number(expPart) : 0;
  if (exp > 0) {
    const shift = Math.min(exp, scale);
    scale -= shift;
    digits *= 10n ** BigInt(exp - shift);
  } else if (exp < 0) {
    scale -= exp;
  }
  return { units: sign === '-' ? -digits : digits, scale };
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

export function normalizeDecimal(value: string): string {
  const v = parseDecimal(value);
  return formatScaled(v.units, v.scale);
}

export function addDecimals(...values: string[]): string {
  const parsed = values.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const sum = parsed.reduce((acc, p) => acc + rescale(p, scale), 0n);
  return formatScaled(sum, scale);
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

export function roundDecimal(a: string, places: number): string {
  return formatScaled(rescale(parseDecimal(a), places), places);
}

// Fixed number of decimals, e.g. for display or files: toFixedDecimal('1.5', 2) === '1.50'.
export function toFixedDecimal(a: string, places: number): string {
  const rounded = rescale(parseDecimal(a), places);
  const negative = rounded < 0n;
  const digits = (negative ? -rounded : rounded).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const body = places > 0 ? `${int}.${digits.slice(digits.length - places)}` : int;
  return negative ? `-${body}` : body;
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
