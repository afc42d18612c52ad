// Parsing and checking one FOCUS cell. Each parser returns the value, or a CellError saying why the
// cell is refused: no wrapper object on success, since a file has tens of millions of cells.
import { tryNormalizeDecimal } from '../money/decimal';
import { CHARGE_CATEGORIES, type TChargeCategory } from './types';

export class CellError {
  constructor(readonly reason: string) {}
}

// Exports write nulls as an empty field or the word NULL (quoted or not).
export function isNullCell(raw: string | undefined): boolean {
  return raw === undefined || raw === '' || raw === 'NULL' || raw === 'null';
}

function quote(raw: string) {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

// A copy that does not keep alive the whole chunk of text the value was sliced from (V8 slices
// share their parent's memory): for values kept across chunks, as cache keys are.
function detached(value: string): string {
  return (` ${value}`).slice(1);
}

// Answers for values that repeat on every row (period bounds, tags), bounded.
function memo<T>(parse: (raw: string) => T | CellError, size = 10_000) {
  const cache = new Map<string, T | CellError>();
  return (raw: string): T | CellError => {
    let answer = cache.get(raw);
    if (answer === undefined) {
      answer = parse(raw);
      if (cache.size >= size) cache.clear();
      cache.set(detached(raw), answer);
    }
    return answer;
  };
}

// cost_record stores numeric(30,12): 18 digits before the point at most (more after it are rounded).
export const MAX_INTEGER_DIGITS = 18;

export function parseDecimalCell(raw: string): string | CellError {
  const value = tryNormalizeDecimal(raw);
  if (value === null) return new CellError(`not a number: ${quote(raw)}`);
  const dot = value.indexOf('.');
  const integerDigits = (dot < 0 ? value.length : dot) - (value.charCodeAt(0) === 45 ? 1 : 0);
  if (integerDigits > MAX_INTEGER_DIGITS)
    return new CellError(`too large: ${quote(raw)} (at most ${MAX_INTEGER_DIGITS} digits before the decimal point)`);
  return value;
}

// ISO 8601 date or date-time as exports write it: '2024-09-01', '2024-09-01 00:00:00',
// '2024-09-01T00:00:00Z', '2024-09-01T00:00:00.000+02:00'. No zone means UTC (FOCUS requires UTC).
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

// The same Date for every row with the same cell (a file repeats a few period bounds a million
// times): records from a file are read, never changed, so they can share it.
export const parseDateTimeCell = memo((raw: string): Date | CellError => {
  const ms = parseTimestamp(raw);
  return ms instanceof CellError ? ms : new Date(ms);
});

function parseTimestamp(raw: string): number | CellError {
  const m = DATETIME.exec(raw.trim());
  if (!m) return new CellError(`not a date-time: ${quote(raw)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12) return new CellError(`impossible date: ${quote(raw)} (month ${month})`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return new CellError(`impossible date: ${quote(raw)} (${y}-${mo} has ${daysInMonth} days)`);
  if (hour > 23 || minute > 59 || second > 59) return new CellError(`impossible time: ${quote(raw)}`);
  let offsetMinutes = 0;
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

const CATEGORY_BY_KEY = new Map(CHARGE_CATEGORIES.map((c) => [c.toLowerCase(), c]));

export function parseChargeCategoryCell(raw: string): TChargeCategory | CellError {
  return CATEGORY_BY_KEY.get(raw.trim().toLowerCase()) ?? new CellError(`unknown ChargeCategory ${quote(raw)}; allowed: ${CHARGE_CATEGORIES.join(', ')}`);
}

export function parseChargeClassCell(raw: string): 'Correction' | CellError {
  return raw.trim().toLowerCase() === 'correction' ? 'Correction' : new CellError(`unknown ChargeClass ${quote(raw)}; allowed: Correction`);
}

const FREQUENCIES = ['One-Time', 'Recurring', 'Usage-Based'] as const;
const FREQUENCY_BY_KEY = new Map(FREQUENCIES.map((f) => [f.toLowerCase(), f]));

// Some exporters write 'Usage-based': the case is not part of the meaning.
export function parseChargeFrequencyCell(raw: string): (typeof FREQUENCIES)[number] | CellError {
  return FREQUENCY_BY_KEY.get(raw.trim().toLowerCase()) ?? new CellError(`unknown ChargeFrequency ${quote(raw)}; allowed: ${FREQUENCIES.join(', ')}`);
}

export function parseCurrencyCell(raw: string): string | CellError {
  const value = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(value) ? value : new CellError(`not an ISO 4217 currency code: ${quote(raw)}`);
}

// Tags are a JSON object; values that are not strings are kept as their JSON text. The object is
// shared by every row with the same cell and frozen, so no one can change it under the others.
export const parseTagsCell = memo((raw: string): Readonly<Record<string, string>> | null | CellError => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return new CellError(`not a JSON object: ${quote(raw)}`);
  }
  if (parsed === null) return null;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return new CellError(`not a JSON object: ${quote(raw)}`);
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>))
    tags[k] = typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v);
  return Object.freeze(tags);
}, 1_000);
