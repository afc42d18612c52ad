// Exact decimal arithmetic on strings for connector amounts (cents, unit prices, quantities):
// values are held as a BigInt of units at a given scale, so no amount ever passes through a float.

type TDec = { units: bigint; scale: number };

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;

// Turns a JSON number (as the provider sent it) into a plain decimal string, exponent notation included.
export function numberToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const match = /^(-)?(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign = '', int, frac = '', expText] = match;
  const exponent = Number(expText);
  const digits = int + frac;
  const point = int.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + normalise(out);
}

function parse(value: string | number | bigint): TDec {
  if (typeof value === 'bigint') return { units: value, scale: 0 };
  const text = typeof value === 'number' ? numberToDecimal(value) : value.trim();
  const match = DECIMAL_RE.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = match;
  const units = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

function rescale(d: TDec, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return (negative ? '-' : '') + text;
}

// Drops trailing fractional zeros ('1.500' → '1.5', '2.000' → '2'); keeps '-0' out.
function normalise(text: string): string {
  let out = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  if (/^-0(\.0*)?$/.test(out)) out = '0';
  return out;
}

export type TDecimalInput = string | number | bigint;

export function addDecimal(...values: TDecimalInput[]): string {
  const parts = values.map(parse);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  return normalise(format(parts.reduce((sum, p) => sum + rescale(p, scale), 0n), scale));
}

export function subDecimal(a: TDecimalInput, b: TDecimalInput): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return normalise(format(rescale(x, scale) - rescale(y, scale), scale));
}

export function mulDecimal(...values: TDecimalInput[]): string {
  const parts = values.map(parse);
  const units = parts.reduce((p, d) => p * d.units, 1n);
  const scale = parts.reduce((s, d) => s + d.scale, 0);
  return normalise(format(units, scale));
}

export function negateDecimal(value: TDecimalInput): string {
  return subDecimal('0', value);
}

// Integer cents (as Atlas reports them) to a decimal amount with two places: 12345 → '123.45'.
export function centsToDecimal(cents: TDecimalInput): string {
  const d = parse(cents);
  if (d.scale !== 0) throw new RangeError(`cents must be an integer: ${String(cents)}`);
  return format(d.units, 2);
}

export function compareDecimal(a: TDecimalInput, b: TDecimalInput): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const diff = rescale(x, scale) - rescale(y, scale);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
