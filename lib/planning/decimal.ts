// Exact decimal-string arithmetic for prices (BigInt scaled integers), and the float → money boundary.

type TScaled = { n: bigint; scale: number };

function parse(s: string): TScaled {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) throw new Error(`not a decimal string: ${s}`);
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac);
  return { n: m[1] ? -n : n, scale: frac.length };
}

function format({ n, scale }: TScaled): string {
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

function align(a: TScaled, scale: number): bigint {
  return a.n * 10n ** BigInt(scale - a.scale);
}

/** Removes trailing zeros of the fraction ("0.1200" → "0.12", "3.000" → "3"). */
export function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function mulDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  return trimDecimal(format({ n: x.n * y.n, scale: x.scale + y.scale }));
}

export function addDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ n: align(x, scale) + align(y, scale), scale });
}

export function subDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ n: align(x, scale) - align(y, scale), scale });
}

export function sumDecimals(values: string[]): string {
  return values.reduce((acc, v) => addDecimal(acc, v), '0');
}

/** a ÷ b rounded half away from zero to `scale` digits. */
export function divDecimal(a: string, b: string, scale: number): string {
  const x = parse(a);
  const y = parse(b);
  if (y.n === 0n) throw new Error('division by zero');
  // a/b = (x.n / 10^xs) / (y.n / 10^ys); scaled by 10^(scale+1) for rounding.
  const num = x.n * 10n ** BigInt(y.scale + scale + 1);
  const den = y.n * 10n ** BigInt(x.scale);
  let q = num / den;
  q = q >= 0n ? (q + 5n) / 10n : (q - 5n) / 10n;
  return format({ n: q, scale });
}

/**
 * The one place where a model estimate (a float from the Monte Carlo) becomes money: rounded to
 * `digits` decimals. Model outputs are estimates, never ledger amounts, so float arithmetic
 * before this point is acceptable and keeps 10,000 samples fast.
 */
export function moneyFromNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite amount: ${x}`);
  const s = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}
