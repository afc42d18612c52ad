// The stored shape of a scenario (drivers, coefficient overrides, options, timeline). Pure: the
// scenario page imports it in the browser too.
import { z } from 'zod';
import { ZDay } from '../dates';
import { ZCoefficientOverrides, type TCoefficientOverrides } from '@/lib/planning/coefficients';
import { ZDrivers, zodIssuesToAppIssues, type TDrivers } from '@/lib/planning/drivers';
import { withFieldPath } from '@/lib/planning/evaluate';
import { ZOptions } from '@/lib/planning/options';
import { CURVES } from '@/lib/planning/timeline';
import { AppError } from '@/lib/errors';

// one day schema for the whole app: a real calendar date within what PostgreSQL's date stores and
// people mean (a year 0000 reached the database as a 500)
export const ZIsoDay = ZDay;

export const ZPhaseWeeks = z.object({
  preparationWeeks: z.number().min(0).max(104),
  migrationWeeks: z.number().min(0).max(104),
  rolloutWeeks: z.number().min(0).max(104),
});

export const ZScenarioTimeline = z.object({
  /** The scenario the roll-out starts from; none means the drivers do not change over the months. */
  fromScenarioId: z.uuid().nullable().default(null),
  curve: z.enum(CURVES).default('s-curve'),
  months: z.number().int().min(1).max(120).default(24),
  /** First day of the plan; none means the first day of the month after the evaluation. */
  start: ZIsoDay.nullable().default(null),
  phases: ZPhaseWeeks.optional(),
});
export type TScenarioTimeline = z.output<typeof ZScenarioTimeline>;

/** The model's options plus the one choice that is not the model's: list prices or prices paid. */
export const ZScenarioOptions = ZOptions.extend({ usePaidPrices: z.boolean().default(false) });
export type TScenarioOptions = z.output<typeof ZScenarioOptions>;
export type TScenarioOptionsInput = z.input<typeof ZScenarioOptions>;

export const ZScenarioName = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

/** What a version keeps: everything an editor can change. */
export type TScenarioSnapshot = {
  name: string;
  description: string;
  drivers: TDrivers;
  coefficients: TCoefficientOverrides;
  options: TScenarioOptions;
  timeline: TScenarioTimeline;
};

export type TScenario = TScenarioSnapshot & {
  id: string;
  presetId: string | null;
  reference: string | null;
  version: number;
  archived: boolean;
  /** The plan forecasts, budgets, commitment ladders and the weekly report follow (one scenario at most). */
  planOfRecord: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
};

/** Parses one part of a scenario, or throws a 400 whose message starts with the field's path. */
export function parsePart<T extends z.ZodType>(schema: T, value: unknown, path: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = zodIssuesToAppIssues(r.error).map((i) => {
    const field = i.field ? `${path}.${i.field}` : path;
    return { field, message: withFieldPath(field, i.message) };
  });
  throw new AppError('BAD_REQUEST', issues[0]?.message ?? `${path} is invalid`, issues);
}

export const parseScenarioDrivers = (v: unknown): TDrivers => parsePart(ZDrivers, v, 'drivers') as TDrivers;
export const parseScenarioOptions = (v: unknown): TScenarioOptions => parsePart(ZScenarioOptions, v ?? {}, 'options');
export const parseScenarioTimeline = (v: unknown): TScenarioTimeline => parsePart(ZScenarioTimeline, v ?? {}, 'timeline');
export const parseScenarioCoefficients = (v: unknown): TCoefficientOverrides =>
  parsePart(ZCoefficientOverrides, v ?? {}, 'coefficients') as TCoefficientOverrides;

/** JSON with object keys sorted: jsonb gives keys back in its own order, so plain JSON.stringify would see changes that are not. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}
