// The one formatter of the UI: numbers, money, percentages, dates and times for a locale, a display
// currency and the organisation's time zone. Pure, so server pages, client charts, e-mails and
// tests share it; pages get one through getFormat() (server) or useFormat() (client).
import { formatAxisQuantity, formatBytes, formatGigabytes, formatNumber, formatQuantity, formatShare } from './units';

export type TFormatContext = { locale: string; timeZone: string; currency: string };

// Intl formatters are costly to build and pages format hundreds of values: one per (locale, options).
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key) as T | undefined;
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}
const nf = (locale: string, options: Intl.NumberFormatOptions) => cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
const df = (locale: string, options: Intl.DateTimeFormatOptions) => cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

// A calendar day ("2026-12-04", or the first 10 characters of an ISO timestamp) as a UTC midnight,
// so that formatting it in UTC never moves it to the day before.
function utcDay(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

// "2026-12" or "2026-12-01" → the month's first day
function utcMonth(month: string): Date {
  return utcDay(month.length === 7 ? `${month}-01` : month);
}

const toNumber = (v: string | number) => (typeof v === 'number' ? v : Number(v));

export function createFormatter(ctx: TFormatContext) {
  const { locale, timeZone, currency } = ctx;
  return {
    locale,
    timeZone,
    currency,
    /** Money in whole units by default (estimates: cents would be false precision); `digits: 2` for bills. */
    money(amount: string | number, options: { currency?: string; digits?: number } = {}): string {
      const digits = options.digits ?? 0;
      return nf(locale, { style: 'currency', currency: options.currency ?? currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(toNumber(amount));
    },
    /** A difference of money, signed: "+1 234 €", "−3 675 €" (a gap between model and bill). */
    moneySigned(amount: string | number, options: { currency?: string; digits?: number } = {}): string {
      const digits = options.digits ?? 0;
      return nf(locale, { style: 'currency', currency: options.currency ?? currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(toNumber(amount));
    },
    /** Short money for axes and tight cells: "4,9 k€", "€4.9K". */
    moneyCompact(amount: string | number, options: { currency?: string } = {}): string {
      return nf(locale, { style: 'currency', currency: options.currency ?? currency, notation: 'compact', maximumFractionDigits: 1 }).format(toNumber(amount));
    },
    /** Unit prices keep their sub-cent digits ("0,000 42 $US"). */
    unitPrice(amount: string | number, options: { currency?: string } = {}): string {
      return nf(locale, { style: 'currency', currency: options.currency ?? currency, minimumFractionDigits: 2, maximumFractionDigits: 8 }).format(toNumber(amount));
    },
    /** A change, signed: 0.123 → "+12,3 %". */
    change(ratio: number, digits = 1): string {
      return nf(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(ratio);
    },
    /** A share of a whole, unsigned: 0.26 → "26 %". */
    share(ratio: number, digits = 0): string {
      return formatShare(ratio, locale, digits);
    },
    /** A plain number; decimals shrink as numbers grow unless `digits` is given. */
    number(value: number, digits?: number): string {
      return formatNumber(value, locale, digits);
    },
    /** A whole count with its thousands separator, never compacted: 20 000. */
    integer(value: number): string {
      return nf(locale, { maximumFractionDigits: 0 }).format(value);
    },
    /** A number as an input shows it for editing: every digit, the locale's decimal separator, no grouping ("0,3", "550000"). */
    inputNumber(value: number): string {
      return nf(locale, { useGrouping: false, maximumFractionDigits: 12 }).format(value);
    },
    bytes(value: number): string {
      return formatBytes(value, locale);
    },
    /** Decimal GB as a bill or a CDN counts them ("3 534 Go", "50 To"). */
    gigabytes(gb: number): string {
      return formatGigabytes(gb, locale);
    },
    quantity(value: number, unit: string): string {
      return formatQuantity(value, unit, locale);
    },
    axisQuantity(value: number, unit: string): string {
      return formatAxisQuantity(value, unit, locale);
    },
    /** A calendar day: "4 déc. 2026". */
    day(day: string): string {
      return df(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utcDay(day));
    },
    /** A day within a visible year (axes, table headers): "4 déc.". */
    dayShort(day: string): string {
      return df(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDay(day));
    },
    /** A month on an axis or header: "déc. 26". */
    month(month: string): string {
      return df(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(utcMonth(month));
    },
    /** A month in a sentence: "décembre 2026". */
    monthLong(month: string): string {
      return df(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcMonth(month));
    },
    /** Two calendar days, both inclusive: "1–4 déc. 2026". */
    dayRange(first: string, last: string): string {
      return df(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(utcDay(first), utcDay(last));
    },
    /** An instant in the organisation's zone, with the zone: "4 déc. 2026, 08:15 UTC+1". */
    dateTime(instant: Date | string | number): string {
      return df(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant)) + ` ${zoneName(locale, timeZone, new Date(instant))}`;
    },
    /** The time zone's short name at an instant ("UTC+1", "CET"), for captions. */
    zone(instant: Date | string | number = Date.now()): string {
      return zoneName(locale, timeZone, new Date(instant));
    },
  };
}

export type TFormatter = ReturnType<typeof createFormatter>;

function zoneName(locale: string, timeZone: string, at: Date): string {
  const part = df(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
