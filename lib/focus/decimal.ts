// Exact decimal strings for amounts read from files and provider payloads: parsing, normalising
// (no exponent, no float on the way) and adding, on BigInt so sub-cent values never drift.

const DECIMAL = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

type TScaled = { units: bigint; scale: number };

function parse(value: string): TScaled | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const [, sign, intPart, fracA, fracB, exp] = m;
  const frac = fracA ?? fracB ?? '';
  const digits = `${intPart ?? ''}${frac}` || '0';
  let units = BigInt(digits);
  let scale = frac.length - (exp ? Number(exp) : 0);
  if (!Number.isSafeInteger(scale) || Math.abs(scale) > 1000) return null;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

function format({ units, scale }: TScaled): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    const int = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
    const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
    const text = frac ? `${int}.${frac}` : int;
    return negative && text !== '0' ? `-${text}` : text;
  }
  const int = digits.replace(/^0+(?=\d)/, '');
  return negative && int !== '0' ? `-${int}` : int;
}

export function isDecimal(value: string): boolean {
  return parse(value) !== null;
}

const PLAIN = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/;

// '1.50E-3' → '0.0015', '+2.00' → '2', '-0.0' → '0'; null when the text is not a number.
export function normalizeDecimal(value: string): string | null {
  // fast path for what files mostly hold (imports parse millions of these): plain digits
  if (value.length > 0 && value.length < 60 && value !== '-' && value !== '.' && value !== '-.') {
    const m = PLAIN.exec(value);
    if (m) {
      const int = m[2] || '0';
      const frac = m[3] ?? '';
      if (!(m[2] || frac || /\d/.test(value))) return null;
      const text = frac ? `${int}.${frac}` : int;
      return m[1] && text !== '0' ? `-${text}` : text;
    }
  }
  const parsed = parse(value);
  return parsed ? format(parsed) : null;
}

function align(a: TScaled, b: TScaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

function mustParse(value: string): TScaled {
  const parsed = parse(value);
  if (!parsed) throw new TypeError(`not a decimal number: ${JSON.stringify(value)}`);
  return parsed;
}

export function addDecimals(a: string, b: string): string {
  const [x, y, scale] = align(mustParse(a), mustParse(b));
  return format({ units: x + y, scale });
}

export function sumDecimals(values: Iterable<string>): string {
  let total: TScaled = { units: 0n, scale: 0 };
  for (const v of values) {
    const [x, y, scale] = align(total, mustParse(v));
    total = { units: x + y, scale };
  }
  return format(total);
}

export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(mustParse(a), mustParse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}
