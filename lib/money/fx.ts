// Currency conversion and display. Rates come from the fx_rate table: the rate of a day is the
// latest stored rate on or before it (the same rule in TypeScript and in SQL, so numbers agree).
import { isoDay } from '../dates';
import { multiplyDecimal, parseDecimal } from './decimal';

export type TFxRate = {
  date: string; // YYYY-MM-DD (UTC day the rate applies from)
  base: string; // ISO 4217: 1 base = rate quote
  quote: string;
  rate: string; // decimal string
};

function dayOf(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : isoDay(date);
}

// The latest rate on or before `date` (for the pair, when given); undefined when there is none.
export function rateFor<T extends Pick<TFxRate, 'date'> & Partial<TFxRate>>(
  rates: readonly T[],
  date: Date | string,
  pair?: { base: string; quote: string },
): T | undefined {
  const day = dayOf(date);
  let best: T | undefined;
  for (const r of rates) {
    if (pair && (r.base !== pair.base || r.quote !== pair.quote)) continue;
    if (r.date <= day && (!best || r.date > best.date)) best = r;
  }
  return best;
}

// amount × rate, exact, rounded half away from zero to `scale` decimals (numeric(30,12) by default).
export function convertAmount(amount: string, rate: string, scale = 12): string {
  return multiplyDecimal(amount, rate, scale);
}

// Converts with stored rates; same currency needs no rate. Undefined when no rate applies, so a
// caller can say which currency and day are missing instead of showing a wrong total.
export function convertWithRates(
  amount: string,
  from: string,
  to: string,
  date: Date | string,
  rates: readonly TFxRate[],
): string | undefined {
  if (from === to) return amount;
  const rate = rateFor(rates, date, { base: from, quote: to });
  return rate ? convertAmount(amount, rate.rate) : undefined;
}

// SQL expression for the rate that converts `currencyExpr` on `dayExpr` into the currency bound at
// `quoteParam` ($n): 1 for the same currency, else the latest fx_rate on or before the day (NULL if none).
export function fxRateSql(opts: { currencyExpr: string; dayExpr: string; quoteParam: string }): string {
  const { currencyExpr, dayExpr, quoteParam } = opts;
  return `(CASE WHEN ${currencyExpr} = ${quoteParam} THEN 1::numeric ELSE (
    SELECT fx.rate FROM fx_rate fx
     WHERE fx.base = ${currencyExpr} AND fx.quote = ${quoteParam} AND fx.date <= ${dayExpr}
     ORDER BY fx.date DESC LIMIT 1) END)`;
}

const formatters = new Map<string, Intl.NumberFormat>();

// "1 234,56 €" in fr-FR. Decimal strings are formatted exactly (Intl accepts numeric strings);
// pass maximumFractionDigits for unit prices below a cent.
export function formatMoney(
  amount: string | number,
  currency: string,
  locale = 'fr-FR',
  options: Pick<Intl.NumberFormatOptions, 'minimumFractionDigits' | 'maximumFractionDigits' | 'notation' | 'signDisplay'> = {},
): string {
  const key = `${locale}|${currency}|${JSON.stringify(options)}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency, ...options });
    formatters.set(key, nf);
  }
  if (typeof amount === 'string') {
    parseDecimal(amount); // refuse garbage rather than printing "NaN €"
    return nf.format(amount as Intl.StringNumericLiteral);
  }
  return nf.format(amount);
}
