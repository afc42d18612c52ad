// Driver inputs as the person types them (strings, a comma as decimal separator allowed), and their
// conversion to drivers with one message per driver. Pure.
import { AppError } from '@/lib/errors';
import { NUMERIC_DRIVERS, getDriverValue, toRange, withDriver, type TDrivers, type TNumericDriverId } from '@/lib/planning/drivers';
import type { TRegion } from '@/lib/planning/regions';
import { parseScenarioDrivers } from '@/lib/scenarios/scenario-schema';

export type TDriverText = { range: boolean; low: string; likely: string; high: string };
export type TDriverTexts = Record<TNumericDriverId, TDriverText>;

export function toTexts(d: TDrivers): TDriverTexts {
  const out = {} as TDriverTexts;
  for (const nd of NUMERIC_DRIVERS) {
    const v = getDriverValue(d, nd.id);
    const r = toRange(v);
    out[nd.id] = { range: typeof v !== 'number', low: String(r.low), likely: String(r.likely), high: String(r.high) };
  }
  return out;
}

export function parseNumber(s: string): number {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

/** The driver a validation field belongs to: "drivers.serviceLevels.rpoHours.low" → "serviceLevels.rpoHours". */
export function driverOfField(field: string | undefined): string {
  const f = (field ?? '').replace(/^drivers\./, '');
  return f.replace(/\.(low|likely|high)$/, '');
}

export function fromTexts(texts: TDriverTexts, regions: TRegion[], base: TDrivers): { drivers: TDrivers | null; errors: Record<string, string> } {
  let raw = { ...base, regions } as TDrivers;
  const errors: Record<string, string> = {};
  for (const nd of NUMERIC_DRIVERS) {
    const t = texts[nd.id];
    const parts = t.range ? [t.low, t.likely, t.high] : [t.likely];
    if (parts.some((p) => p.trim() === '')) errors[nd.id] = 'enter a number';
    const value = t.range ? { low: parseNumber(t.low), likely: parseNumber(t.likely), high: parseNumber(t.high) } : parseNumber(t.likely);
    raw = withDriver(raw, nd.id, value);
  }
  try {
    const drivers = parseScenarioDrivers(raw);
    return Object.keys(errors).length ? { drivers: null, errors } : { drivers, errors };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    for (const i of e.issues) {
      const id = driverOfField(i.field);
      errors[id] ??= i.message.replace(/^drivers\./, '');
    }
    return { drivers: null, errors };
  }
}
