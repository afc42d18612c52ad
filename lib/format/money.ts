// Display formatting for amounts and dates, in the reader's locale (French by default).
export function formatMoney(amount: string | number, currency: string, locale = 'fr-FR', digits = 0) {
  const n = typeof amount === 'number' ? amount : Number(amount);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

export function formatCompactMoney(amount: number, currency: string, locale = 'fr-FR') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

export function formatPercent(ratio: number, locale = 'fr-FR', digits = 1) {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: 'exceptZero' }).format(ratio);
}

export function formatMonth(isoDate: string, locale = 'fr-FR') {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function formatDay(isoDate: string, locale = 'fr-FR') {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
