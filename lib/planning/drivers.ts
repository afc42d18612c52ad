// Business drivers of a scenario: each a single number or a {low, likely, high} range.
import { z } from 'zod';
import { AppError, type TIssue } from '@/lib/errors';
import { REGIONS, type TRegion } from './regions';

export type TRange = { low: number; likely: number; high: number };
export type TDriverValue = number | TRange;

export type TValueRule = { integer?: boolean; max?: number; min?: number; positive?: boolean };

function describe(rule: TValueRule) {
  const parts = [rule.integer ? 'an integer' : 'a finite number'];
  if (rule.positive) parts.push('> 0');
  else parts.push(`≥ ${rule.min ?? 0}`);
  if (rule.max !== undefined) parts.push(`and ≤ ${rule.max}`);
  return parts.join(' ');
}

function checkNumber(v: unknown, path: string, rule: TValueRule): string | null {
  if (typeof v !== 'number') {
    return `${path} must be a number, not ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`;
  }
  const ok =
    Number.isFinite(v) &&
    (rule.positive ? v > 0 : v >= (rule.min ?? 0)) &&
    (rule.max === undefined || v <= rule.max) &&
    (!rule.integer || Number.isInteger(v));
  return ok ? null : `${path} must be ${describe(rule)} (got ${v})`;
}

/**
 * A driver value with messages that carry the driver's own path, because the API returns the
 * first message as is ("peakRequestsPerSecond.low must be ≤ likely").
 */
export function zDriverValue(path: string, rule: TValueRule = {}) {
  return z.unknown().transform((v, ctx): TDriverValue => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const r = v as Record<string, unknown>;
      let bad = false;
      for (const k of ['low', 'likely', 'high'] as const) {
        const msg = k in r ? checkNumber(r[k], `${path}.${k}`, rule) : `${path}.${k} is required`;
        if (msg) {
          ctx.addIssue({ code: 'custom', message: msg, path: [k] });
          bad = true;
        }
      }
      const extra = Object.keys(r).filter((k) => k !== 'low' && k !== 'likely' && k !== 'high');
      if (extra.length) {
        ctx.addIssue({ code: 'custom', message: `${path} has unknown keys: ${extra.join(', ')}`, path: [extra[0]] });
        bad = true;
      }
      if (bad) return z.NEVER;
      const range = { low: r.low as number, likely: r.likely as number, high: r.high as number };
      if (range.low > range.likely) {
        ctx.addIssue({ code: 'custom', message: `${path}.low must be ≤ likely (${range.low} > ${range.likely})`, path: ['low'] });
        return z.NEVER;
      }
      if (range.likely > range.high) {
        ctx.addIssue({ code: 'custom', message: `${path}.likely must be ≤ high (${range.likely} > ${range.high})`, path: ['likely'] });
        return z.NEVER;
      }
      return range;
    }
    const msg =
      typeof v === 'number'
        ? checkNumber(v, path, rule)
        : `${path} must be a number or a {low, likely, high} range, not ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`;
    if (msg) {
      ctx.addIssue({ code: 'custom', message: msg });
      return z.NEVER;
    }
    return v as number;
  });
}

/** What each numeric driver accepts beyond "a finite number ≥ 0" (the UI checks the same rules before the schema). */
export const DRIVER_RULES: Partial<Record<string, TValueRule>> = {
  monthlyActiveShare: { max: 1 },
  'serviceLevels.replicas': { integer: true, min: 1, max: 7 },
  'serviceLevels.rpoHours': { positive: true },
  'serviceLevels.rtoHours': { positive: true },
  'serviceLevels.backupRetentionDays': { min: 1 },
};

export const ZServiceLevels = z.object(
  {
    replicas: zDriverValue('serviceLevels.replicas', DRIVER_RULES['serviceLevels.replicas']),
    rpoHours: zDriverValue('serviceLevels.rpoHours', DRIVER_RULES['serviceLevels.rpoHours']),
    rtoHours: zDriverValue('serviceLevels.rtoHours', DRIVER_RULES['serviceLevels.rtoHours']),
    backupRetentionDays: zDriverValue('serviceLevels.backupRetentionDays', DRIVER_RULES['serviceLevels.backupRetentionDays']),
  },
  { error: 'serviceLevels must be an object' },
);

export const ZRegions = z
  .array(z.enum(REGIONS, { error: `regions must only contain ${REGIONS.join(', ')}` }), {
    error: 'regions must be an array',
  })
  .min(1, 'regions must name at least one region')
  .refine((a) => new Set(a).size === a.length, 'regions must not repeat a region');

export const ZDrivers = z.object(
  {
    cols: zDriverValue('cols'),
    predefinedRoutes: zDriverValue('predefinedRoutes'),
    registeredUsers: zDriverValue('registeredUsers'),
    monthlyActiveShare: zDriverValue('monthlyActiveShare', DRIVER_RULES.monthlyActiveShare),
    requestsPerDay: zDriverValue('requestsPerDay'),
    peakRequestsPerSecond: zDriverValue('peakRequestsPerSecond'),
    weatherCountries: zDriverValue('weatherCountries'),
    topographicDataTB: zDriverValue('topographicDataTB'),
    cdnBandwidthTBPerMonth: zDriverValue('cdnBandwidthTBPerMonth'),
    regions: ZRegions,
    serviceLevels: ZServiceLevels,
  },
  { error: 'drivers must be an object' },
);

export type TServiceLevels = z.output<typeof ZServiceLevels>;
export type TDrivers = {
  cols: TDriverValue;
  predefinedRoutes: TDriverValue;
  registeredUsers: TDriverValue;
  monthlyActiveShare: TDriverValue;
  requestsPerDay: TDriverValue;
  peakRequestsPerSecond: TDriverValue;
  weatherCountries: TDriverValue;
  topographicDataTB: TDriverValue;
  cdnBandwidthTBPerMonth: TDriverValue;
  regions: TRegion[];
  serviceLevels: {
    replicas: TDriverValue;
    rpoHours: TDriverValue;
    rtoHours: TDriverValue;
    backupRetentionDays: TDriverValue;
  };
};

/** Numeric drivers in a fixed order: the Monte Carlo and the tornado iterate over this list. */
export const NUMERIC_DRIVERS = [
  { id: 'cols', key: 'cols', label: 'Cols (mountain passes)', unit: 'cols' },
  { id: 'predefinedRoutes', key: 'predefinedRoutes', label: 'Predefined routes', unit: 'routes' },
  { id: 'registeredUsers', key: 'registeredUsers', label: 'Registered users', unit: 'users' },
  { id: 'monthlyActiveShare', key: 'monthlyActiveShare', label: 'Monthly active share', unit: 'share' },
  { id: 'requestsPerDay', key: 'requestsPerDay', label: 'Requests per day', unit: 'req/day' },
  { id: 'peakRequestsPerSecond', key: 'peakRequestsPerSecond', label: 'Peak requests per second', unit: 'req/s' },
  { id: 'weatherCountries', key: 'weatherCountries', label: 'Weather countries', unit: 'countries' },
  { id: 'topographicDataTB', key: 'topographicDataTB', label: 'Topographic data', unit: 'TB' },
  { id: 'cdnBandwidthTBPerMonth', key: 'cdnBandwidthTBPerMonth', label: 'CDN bandwidth', unit: 'TB/month' },
  { id: 'serviceLevels.replicas', key: 'replicas', label: 'Database replicas', unit: 'nodes' },
  { id: 'serviceLevels.rpoHours', key: 'rpoHours', label: 'RPO', unit: 'hours' },
  { id: 'serviceLevels.rtoHours', key: 'rtoHours', label: 'RTO', unit: 'hours' },
  { id: 'serviceLevels.backupRetentionDays', key: 'backupRetentionDays', label: 'Backup retention', unit: 'days' },
] as const;

export type TNumericDriverId = (typeof NUMERIC_DRIVERS)[number]['id'];
export type TDriverKey = (typeof NUMERIC_DRIVERS)[number]['key'];

/** Point values of every numeric driver, plus the number of regions in service. */
export type TDriverPoint = Record<TDriverKey, number> & { regionCount: number };

export function getDriverValue(d: TDrivers, id: TNumericDriverId): TDriverValue {
  if (id.startsWith('serviceLevels.')) {
    return d.serviceLevels[id.slice('serviceLevels.'.length) as keyof TDrivers['serviceLevels']];
  }
  return d[id as Exclude<TNumericDriverId, `serviceLevels.${string}`>];
}

export function toRange(v: TDriverValue): TRange {
  return typeof v === 'number' ? { low: v, likely: v, high: v } : v;
}

/** Returns a copy of the drivers with one numeric driver replaced. */
export function withDriver(d: TDrivers, id: TNumericDriverId, value: TDriverValue): TDrivers {
  if (id.startsWith('serviceLevels.')) {
    const k = id.slice('serviceLevels.'.length) as keyof TDrivers['serviceLevels'];
    return { ...d, serviceLevels: { ...d.serviceLevels, [k]: value } };
  }
  return { ...d, [id]: value };
}

export function zodIssuesToAppIssues(error: z.ZodError): TIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || undefined, message: i.message }));
}

/** Parses drivers or throws a 400 whose message names the first bad driver. */
export function parseDrivers(input: unknown): TDrivers {
  const r = ZDrivers.safeParse(input);
  if (r.success) return r.data as TDrivers;
  const issues = zodIssuesToAppIssues(r.error).map((i) => ({
    ...i,
    message: i.field && !i.message.startsWith(i.field.split('.')[0]) ? `${i.field}: ${i.message}` : i.message,
  }));
  throw new AppError('BAD_REQUEST', issues[0]?.message ?? 'invalid drivers', issues);
}

export type TScenarioPreset = { id: string; name: string; description: string; drivers: TDrivers; notes: Record<string, string> };

/** "Grand Est (today)": the seed plan's current figures ("~" values taken as stated). */
export const GRAND_EST_TODAY: TScenarioPreset = {
  id: 'grand-est-today',
  name: 'Grand Est (today)',
  description: 'One French region, as the seed plan describes today’s platform.',
  drivers: {
    cols: 500,
    predefinedRoutes: 2000,
    registeredUsers: 20000,
    monthlyActiveShare: { low: 0.2, likely: 0.3, high: 0.45 },
    requestsPerDay: 200000,
    peakRequestsPerSecond: 20,
    weatherCountries: 0.1,
    topographicDataTB: 0.2,
    cdnBandwidthTBPerMonth: 0.2,
    regions: ['paris'],
    serviceLevels: { replicas: 3, rpoHours: 24, rtoHours: 24, backupRetentionDays: 7 },
  },
  notes: {
    monthlyActiveShare: 'Not in the plan: an assumption (20–45% of registered users active in a month).',
    weatherCountries: 'The plan says "1 region"; one French region is counted as a tenth of a country’s weather grid.',
    serviceLevels: 'Not in the plan for today: a daily backup (RPO 24 h) kept 7 days is assumed.',
  },
};

/** "Europe (plan)": "~" becomes a ± range around the figure, "+" a range that starts at it. */
export const EUROPE_PLAN: TScenarioPreset = {
  id: 'europe-plan',
  name: 'Europe (plan)',
  description: 'The seed plan’s European target, with its "~" and "+" figures as ranges.',
  drivers: {
    cols: { low: 8000, likely: 10000, high: 12000 },
    predefinedRoutes: { low: 40000, likely: 50000, high: 60000 },
    registeredUsers: { low: 500000, likely: 550000, high: 750000 },
    monthlyActiveShare: { low: 0.2, likely: 0.3, high: 0.45 },
    requestsPerDay: { low: 4000000, likely: 5000000, high: 6500000 },
    peakRequestsPerSecond: { low: 400, likely: 500, high: 700 },
    weatherCountries: { low: 45, likely: 50, high: 55 },
    topographicDataTB: { low: 5, likely: 5, high: 6.5 },
    cdnBandwidthTBPerMonth: { low: 5, likely: 5.5, high: 8 },
    regions: ['paris', 'frankfurt', 'london', 'madrid', 'rome', 'amsterdam'],
    serviceLevels: { replicas: 3, rpoHours: 1, rtoHours: 4, backupRetentionDays: { low: 7, likely: 14, high: 30 } },
  },
  notes: {
    cols: '~10,000 in the plan: ±20%.',
    predefinedRoutes: '~50,000 in the plan: ±20%.',
    registeredUsers: '"500,000+ potential" in the plan: at least 500,000, up to 750,000.',
    monthlyActiveShare: 'Not in the plan: an assumption (20–45% of registered users active in a month).',
    requestsPerDay: '~5,000,000 in the plan: −20% to +30%.',
    peakRequestsPerSecond: '~500 in the plan: −20% to +40% (peaks are the least certain figure).',
    weatherCountries: '~50 countries in the plan: ±10%.',
    topographicDataTB: '"~5TB" and storage "5TB+" in the plan: 5 to 6.5 TB.',
    cdnBandwidthTBPerMonth: '"~5TB/month" and CDN "5TB+" in the plan: 5 to 8 TB.',
    regions: 'Points of presence named in the plan.',
    serviceLevels: 'RPO < 1 h and RTO < 4 h from the plan’s disaster-recovery target; retention is not stated (7–30 days).',
  },
};

export const SCENARIO_PRESETS: TScenarioPreset[] = [GRAND_EST_TODAY, EUROPE_PLAN];
