// Display helpers shared by the scenario components (pure: server pages and client charts use them).
import { RESOURCE_CLASSES, type TResourceClass } from '@/lib/planning/types';

export const CLASS_COLORS: Record<TResourceClass, string> = {
  application: '#3b82f6',
  atlas: '#2f7d62',
  redis: '#ef4444',
  cdn: '#f59e0b',
  objectStorage: '#8b5cf6',
  monitoring: '#64748b',
};

export const CLASS_ORDER = RESOURCE_CLASSES;

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, key: string, opts: Intl.NumberFormatOptions) {
  const k = `${locale}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    cache.set(k, f);
  }
  return f;
}

/** Whole currency units: monthly costs are estimates, cents would be false precision. */
export function money(amount: string | number, currency: string, locale: string): string {
  return nf(locale, `m0|${currency}`, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(Number(amount));
}

/** Unit prices keep their sub-cent digits ("0,000 42 $US"). */
export function unitPrice(amount: string, currency: string, locale: string): string {
  return nf(locale, `up|${currency}`, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 8 }).format(Number(amount));
}

export function num(value: number, locale: string, digits = 2): string {
  return nf(locale, `n${digits}`, { maximumFractionDigits: digits }).format(value);
}

export function range(low: string | number, high: string | number, currency: string, locale: string): string {
  return `${money(low, currency, locale)} – ${money(high, currency, locale)}`;
}

export function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
