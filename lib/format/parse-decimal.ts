// Reads a number as a person types it in either language: "0,3" and "0.3", "1 500" (with a plain,
// no-break or narrow no-break space), "1,500.5" and "1.500,5". Returns NaN for anything that is not
// one number, so the caller can say "enter a number" instead of guessing. Pure.

const SPACES = /[\s\u00a0\u202f\u2009']/g;

export function parseDecimal(text: string, locale = 'fr-FR'): number {
  let t = text.trim().replace(SPACES, '').replace(/^\u2212/, '-');
  if (t === '' || !/^[+-]?[\d.,]+(?:[eE][+-]?\d+)?$/.test(t)) return Number.NaN;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // both present: the last one is the decimal separator, the other groups thousands
    const [group, decimal] = lastComma > lastDot ? [/\./g, ','] : [/,/g, '.'];
    t = t.replace(group, '');
    if (t.split(decimal).length > 2) return Number.NaN;
    t = t.replace(decimal, '.');
  } else if (lastComma >= 0) {
    t = oneSeparator(t, ',', locale);
  } else if (lastDot >= 0) {
    t = oneSeparator(t, '.', locale);
  }
  if (Number.isNaN(Number(t)) || t === '' || t === '-' || t === '+') return Number.NaN;
  return Number(t);
}

// One kind of separator: repeated, it groups thousands ("1.500.000", "1,500,000"); once, it is the
// decimal separator ("0,3", "2.5"), except where it is the locale's own grouping separator before
// exactly three digits ("1,500" in English is 1500; French groups with a space, so "1,500" is 1.5).
function oneSeparator(t: string, sep: ',' | '.', locale: string): string {
  const parts = t.split(sep);
  if (parts.length > 2) return parts.slice(1).every((p) => /^\d{3}$/.test(p)) ? parts.join('') : 'x';
  if (groupSeparatorOf(locale) === sep && /^[+-]?[1-9]\d{0,2}$/.test(parts[0]) && /^\d{3}$/.test(parts[1])) return parts.join('');
  return parts.join('.');
}

export function groupSeparatorOf(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1234567).find((p) => p.type === 'group')?.value ?? ',';
}
