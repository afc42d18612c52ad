// Parsing and checking one FOCUS cell. Each parser returns the value or a reason it is refused.
import { tryNormalizeDecimal } from '../money/decimal';
import { CHARGE_CATEGORIES, type TChargeCategory } from './types';

export type TCell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): TCell<T> => ({ ok: true, value });
const no = (reason: string): TCell<never> => ({ ok: false, reason });

// Exports write nulls as an empty field or the word NULL (quoted or not).
export function isNullCell(raw: string | undefined): boolean {
  return raw === undefined || raw === '' || raw === 'NULL' || raw === 'null';
}

function quote(raw: string) {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

export function parseDecimalCell(raw: string): TCell<string> {
  const value = tryNormalizeDecimal(raw);
  return value === null ? no(`not a number: ${quote(raw)}`) : ok(value);
}

// ISO 8601 date or date-time as exports write it: '2024-09-01', '2024-09-01 00:00:00',
// '2024-09-01T00:00:00Z', '2024-09-01T00:00:00.000+02:00'. No zone means UTC (FOCUS requires UTC).
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

// Files repeat the same few period bounds on every row: remember recent answers.
const recentDates = new Map<string, TCell<number>>();

export function parseDateTimeCell(raw: string): TCell<Date> {
  let cell = recentDates.get(raw);
  if (!cell) {
    cell = parseTimestamp(raw);
    if (recentDates.size >= 10_000) recentDates.clear();
    recentDates.set(raw, cell);
  }
  return cell.ok ? ok(new Date(cell.value)) : cell;
}

function parseTimestamp(raw: string): TCell<number> {
  const m = DATETIME.exec(raw.trim());
  if (!m) return no(`not a date-time: ${quote(raw)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12) return no(`impossible date: ${quote(raw)} (month ${month})`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return no(`impossible date: ${quote(raw)} (${y}-${mo} has ${daysInMonth} days)`);
  if (hour > 23 || minute > 59 || second > 59) return no(`impossible time: ${quote(raw)}`);
  let offsetMinutes = 0;
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return ok(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}

const CATEGORY_BY_KEY = new Map(CHARGE_CATEGORIES.map((c) => [c.toLowerCase(), c]));

export function parseChargeCategoryCell(raw: string): TCell<TChargeCategory> {
  const value = CATEGORY_BY_KEY.get(raw.trim().toLowerCase());
  return value ? ok(value) : no(`unknown ChargeCategory ${quote(raw)}; allowed: ${CHARGE_CATEGORIES.join(', ')}`);
}

export function parseChargeClassCell(raw: string): TCell<'Correction'> {
  return raw.trim().toLowerCase() === 'correction' ? ok('Correction') : no(`unknown ChargeClass ${quote(raw)}; allowed: Correction`);
}

const FREQUENCIES = ['One-Time', 'Recurring', 'Usage-Based'] as const;
const FREQUENCY_BY_KEY = new Map(FREQUENCIES.map((f) => [f.toLowerCase(), f]));

// Some exporters write 'Usage-based': the case is not part of the meaning.
export function parseChargeFrequencyCell(raw: string): TCell<(typeof FREQUENCIES)[number]> {
  const value = FREQUENCY_BY_KEY.get(raw.trim().toLowerCase());
  return value ? ok(value) : no(`unknown ChargeFrequency ${quote(raw)}; allowed: ${FREQUENCIES.join(', ')}`);
}

export function parseCurrencyCell(raw: string): TCell<string> {
  const value = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(value) ? ok(value) : no(`not an ISO 4217 currency code: ${quote(raw)}`);
}

// Tags are a JSON object; values that are not strings are kept as their JSON text.
export function parseTagsCell(raw: string): TCell<Record<string, string> | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return no(`not a JSON object: ${quote(raw)}`);
  }
  if (parsed === null) return ok(null);
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return no(`not a JSON object: ${quote(raw)}`);
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>))
    tags[k] = typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v);
  return ok(tags);
}
