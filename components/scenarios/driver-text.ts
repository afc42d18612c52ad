// Driver inputs as the person types them (strings in the page's language: "0,3" or "0.3"), and their
// conversion to drivers with one problem per driver, as a code the page words in its language. Pure.
import { AppError } from '@/lib/errors';
import type { TFormatter } from '@/lib/format/formatter';
import { parseDecimal } from '@/lib/format/parse-decimal';
import { DRIVER_RULES, NUMERIC_DRIVERS, getDriverValue, toRange, withDriver, type TDrivers, type TNumericDriverId, type TValueRule } from '@/lib/planning/drivers';
import type { TRegion } from '@/lib/planning/regions';
import { parseScenarioDrivers } from '@/lib/scenarios/scenario-schema';

export type TDriverText = { range: boolean; low: string; likely: string; high: string };
export type TDriverTexts = Record<TNumericDriverId, TDriverText>;

/** A driver's problem, worded by the page ("Registered users: enter a number"). */
export type TDriverProblem =
  | { code: 'enterNumber' | 'enterWhole' | 'mustBePositive' | 'lowAboveLikely' | 'likelyAboveHigh' | 'noRegion' | 'invalid' }
  | { code: 'tooSmall'; min: number }
  | { code: 'tooLarge'; max: number };

export type TDriverProblems = Partial<Record<TNumericDriverId | 'regions', TDriverProblem>>;

export function toTexts(d: TDrivers, fmt: Pick<TFormatter, 'inputNumber'>): TDriverTexts {
  const out = {} as TDriverTexts;
  for (const nd of NUMERIC_DRIVERS) {
    const v = getDriverValue(d, nd.id);
    const r = toRange(v);
    out[nd.id] = { range: typeof v !== 'number', low: fmt.inputNumber(r.low), likely: fmt.inputNumber(r.likely), high: fmt.inputNumber(r.high) };
  }
  return out;
}

function checkValue(v: number, rule: TValueRule): TDriverProblem | null {
  if (!Number.isFinite(v)) return { code: 'enterNumber' };
  if (rule.integer && !Number.isInteger(v)) return { code: 'enterWhole' };
  if (rule.positive && !(v > 0)) return { code: 'mustBePositive' };
  if (!rule.positive && v < (rule.min ?? 0)) return { code: 'tooSmall', min: rule.min ?? 0 };
  if (rule.max !== undefined && v > rule.max) return { code: 'tooLarge', max: rule.max };
  return null;
}

/** The first problem of one driver's text, or null; checks the same rules as the schema (lib/planning/drivers.ts). */
export function problemOf(t: TDriverText, rule: TValueRule, locale: string): TDriverProblem | null {
  const parts = (t.range ? [t.low, t.likely, t.high] : [t.likely]).map((s) => parseDecimal(s, locale));
  for (const v of parts) {
    const p = checkValue(v, rule);
    if (p) return p;
  }
  if (t.range && parts[0] > parts[1]) return { code: 'lowAboveLikely' };
  if (t.range && parts[1] > parts[2]) return { code: 'likelyAboveHigh' };
  return null;
}

export function fromTexts(texts: TDriverTexts, regions: TRegion[], base: TDrivers, locale: string): { drivers: TDrivers | null; errors: TDriverProblems } {
  let raw = { ...base, regions } as TDrivers;
  const errors: TDriverProblems = {};
  for (const nd of NUMERIC_DRIVERS) {
    const t = texts[nd.id];
    const problem = problemOf(t, DRIVER_RULES[nd.id] ?? {}, locale);
    if (problem) {
      errors[nd.id] = problem;
      continue;
    }
    const n = (s: string) => parseDecimal(s, locale);
    raw = withDriver(raw, nd.id, t.range ? { low: n(t.low), likely: n(t.likely), high: n(t.high) } : n(t.likely));
  }
  if (regions.length === 0) errors.regions = { code: 'noRegion' };
  if (Object.keys(errors).length) return { drivers: null, errors };
  try {
    return { drivers: parseScenarioDrivers(raw), errors };
  } catch (e) {
    // the checks above mirror the schema: anything it still refuses is named, never shown raw
    if (!(e instanceof AppError)) throw e;
    for (const i of e.issues) {
      const id = driverOfField(i.field);
      if (NUMERIC_DRIVERS.some((d) => d.id === id) || id === 'regions') errors[id as TNumericDriverId | 'regions'] ??= { code: 'invalid' };
    }
    if (Object.keys(errors).length === 0) errors.regions = { code: 'invalid' };
    return { drivers: null, errors };
  }
}

/** The driver a validation field belongs to: "drivers.serviceLevels.rpoHours.low" → "serviceLevels.rpoHours". */
export function driverOfField(field: string | undefined): string {
  const f = (field ?? '').replace(/^drivers\./, '');
  return f.replace(/\.(low|likely|high)$/, '');
}

/** The message key of a driver in the "scenarios.drivers" messages: the last part of its id. */
export function driverKeyOf(id: TNumericDriverId): string {
  return NUMERIC_DRIVERS.find((d) => d.id === id)!.key;
}
