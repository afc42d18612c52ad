// Evaluates a scenario: deterministic lines with reasoning, Monte Carlo percentiles, tornado and timeline.
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { COEFFICIENT_IDS, ZCoefficientOverrides, resolveCoefficients, type TCoefficientId, type TCoefficientOverrides, type TCoefficientPoint } from './coefficients';
import { GRAND_EST_TODAY, NUMERIC_DRIVERS, ZDrivers, zodIssuesToAppIssues, type TDriverPoint, type TDrivers } from './drivers';
import { moneyFromNumber, subtractDecimal, toFixedDecimal } from '../money/decimal';
import { mulberry32, percentiles3, triangularQuantile } from './distributions';
import { capacityOf, evaluatePoint, explainPoint, newModelState, prepareModel, type TModelContext, type TModelState } from './model';
import { ZOptions, resolveOptions, type TOptionsInput } from './options';
import { DEFAULT_PRICE_CATALOGUE, ZPriceCatalogue, type TPriceCatalogue } from './price-catalogue';
import { DRIVER_KEYS, driverRanges, likelyCoefficientPoint, likelyDriverPoint, newDriverPoint, roundIf, uncertainInputs } from './point';
import { CURVES, buildTimeline, type TCurve, type TPhase, type TPhaseWeeks, type TTimelineState } from './timeline';
import { RESOURCE_CLASSES, type TCapacity, type TLine, type TPercentiles, type TResourceClass } from './types';
import type { TRegion } from './regions';

export type TTimelineInput = {
  /** Where the roll-out starts from; defaults to "Grand Est (today)". */
  from?: TDrivers;
  curve?: TCurve;
  months?: number;
  phases?: TPhaseWeeks;
};

export type TEvaluateInput = {
  drivers: TDrivers;
  coefficients?: TCoefficientOverrides;
  prices?: TPriceCatalogue;
  options?: TOptionsInput;
  /** Rate from each price currency to the output currency, e.g. { USD: 0.92 } for EUR output. */
  fx: Record<string, number>;
  currency?: string;
  samples?: number;
  seed?: number;
  timeline?: TTimelineInput;
  /** Start of the plan (time is passed in, never read from a clock). */
  start: Date;
  /** Return the steady-state total of every sample (for a histogram). */
  keepSamples?: boolean;
};

export type TLineResult = TLine & TPercentiles;
export type TClassResult = { resourceClass: TResourceClass; likely: string } & TPercentiles;

export type TMonthResult = {
  month: string;
  phase: TPhase;
  phases: TPhase[];
  regions: TRegion[];
  progress: { data: number; traffic: number };
  total: TPercentiles;
  /** Cost at the likely values, total and per resource class (for the stacked chart). */
  likely: string;
  classes: Record<TResourceClass, string>;
  capacity: TCapacity;
  /** Capacity changes from the previous month, e.g. "Atlas M30 → M40" (English, for the API and exports). */
  steps: string[];
  /** The same changes as data, for the page to word in its language. */
  changes: TCapacityChange[];
  stepUp: boolean;
};

export type TCapacityChange = { field: 'atlasTier' | 'atlasShards' | 'atlasNodes' | 'pods' | 'nodes' | 'redisNodes'; from: number | string; to: number | string };

export type TTornadoBar = {
  input: string;
  label: string;
  unit: string;
  inputLow: number;
  inputHigh: number;
  /** Steady-state monthly total with this input at its low (high) value and every other at likely. */
  low: string;
  high: string;
  swing: string;
};

export type TEvaluation = {
  currency: string;
  samples: number;
  seed: number;
  steadyState: { total: TPercentiles; lines: TLineResult[]; classes: TClassResult[]; capacity: TCapacity };
  months: TMonthResult[];
  tornado: TTornadoBar[];
  deterministic: { total: string; lines: TLine[]; classes: Record<TResourceClass, string>; capacity: TCapacity };
  /** Steady-state total of each sample, in sample order (only with keepSamples). */
  sampleTotals?: number[];
};

export const ZEvaluateInput = z.object({
  drivers: ZDrivers,
  coefficients: ZCoefficientOverrides.optional(),
  prices: ZPriceCatalogue.optional(),
  options: ZOptions.optional(),
  fx: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().finite()),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  samples: z.number().int().min(1).max(100_000).default(5000),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  timeline: z
    .object({
      from: ZDrivers.optional(),
      curve: z.enum(CURVES).default('s-curve'),
      months: z.number().int().min(1).max(120).default(24),
      phases: z.object({ preparationWeeks: z.number().min(0), migrationWeeks: z.number().min(0), rolloutWeeks: z.number().min(0) }).optional(),
    })
    .optional(),
  start: z.coerce.date(),
  keepSamples: z.boolean().optional(),
});

/** Parses an evaluation request or throws a 400 naming the first bad field. */
export function parseEvaluateInput(input: unknown): TEvaluateInput {
  const r = ZEvaluateInput.safeParse(input);
  if (r.success) return r.data as TEvaluateInput;
  const issues = zodIssuesToAppIssues(r.error).map((i) => ({ ...i, message: withFieldPath(i.field, i.message) }));
  throw new AppError('BAD_REQUEST', issues[0]?.message ?? 'invalid input', issues);
}

/** "peakRequestsPerSecond.low must be ≤ likely" under field "drivers.peakRequestsPerSecond.low" → "drivers.peakRequestsPerSecond.low must be ≤ likely". */
export function withFieldPath(field: string | undefined, message: string): string {
  if (!field) return message;
  const parts = field.split('.');
  for (let i = 0; i < parts.length; i++) {
    const suffix = parts.slice(i).join('.');
    if (message.startsWith(suffix)) return [...parts.slice(0, i), message].join('.');
  }
  return `${field}: ${message}`;
}

const DATA_KEYS = new Set(['cols', 'predefinedRoutes', 'weatherCountries', 'topographicDataTB']);
const SERVICE_KEYS = new Set(['replicas', 'rpoHours', 'rtoHours', 'backupRetentionDays']);
type TGrowth = 'data' | 'traffic' | 'service';
const GROWTH: TGrowth[] = DRIVER_KEYS.map((k) => (DATA_KEYS.has(k) ? 'data' : SERVICE_KEYS.has(k) ? 'service' : 'traffic'));

function setPointFrom(p: TDriverPoint, vals: Float64Array, regionCount: number) {
  for (let i = 0; i < DRIVER_KEYS.length; i++) p[DRIVER_KEYS[i]] = vals[i];
  p.regionCount = regionCount;
}

function interpolate(p: TDriverPoint, from: Float64Array, to: Float64Array, st: TTimelineState) {
  for (let i = 0; i < DRIVER_KEYS.length; i++) {
    const g = GROWTH[i];
    const a = from[i];
    const b = to[i];
    p[DRIVER_KEYS[i]] = g === 'service' ? (st.targetServiceLevels ? b : a) : a + (g === 'data' ? st.dataProgress : st.trafficProgress) * (b - a);
  }
  p.regionCount = st.regionCount;
}

function pct(a: Float64Array, from: number, n: number): TPercentiles {
  const [p10, p50, p90] = percentiles3(a, from, n);
  return { p10: moneyFromNumber(p10), p50: moneyFromNumber(p50), p90: moneyFromNumber(p90) };
}

function classCosts(ctx: TModelContext, lineCosts: Float64Array | number[]): Record<TResourceClass, number> {
  const out = Object.fromEntries(RESOURCE_CLASSES.map((c) => [c, 0])) as Record<TResourceClass, number>;
  ctx.lineClasses.forEach((cls, i) => (out[cls] += lineCosts[i]));
  return out;
}

function moneyRecord(r: Record<TResourceClass, number>): Record<TResourceClass, string> {
  return Object.fromEntries(RESOURCE_CLASSES.map((c) => [c, moneyFromNumber(r[c])])) as Record<TResourceClass, string>;
}

function capacityChanges(prev: TCapacity, cur: TCapacity): TCapacityChange[] {
  const fields: TCapacityChange['field'][] = ['atlasTier', 'atlasShards', 'atlasNodes', 'pods', 'nodes', 'redisNodes'];
  return fields.filter((f) => prev[f] !== cur[f]).map((f) => ({ field: f, from: prev[f], to: cur[f] }));
}

function capacitySteps(changes: TCapacityChange[], cur: TCapacity): string[] {
  const label = { atlasTier: 'Atlas', atlasShards: 'Atlas shards', atlasNodes: 'Atlas nodes', pods: 'pods', nodes: cur.instanceType ? `${cur.instanceType} nodes` : 'nodes', redisNodes: 'Redis nodes' };
  return changes.map((c) => `${label[c.field]} ${c.from} → ${c.to}`);
}

/** Runs the model once at a point and returns the line costs (for months and the tornado). */
function runOnce(d: TDriverPoint, c: TCoefficientPoint, ctx: TModelContext, s: TModelState, lineOut: Float64Array): number {
  return evaluatePoint(d, c, ctx, s, lineOut, 1, 0);
}

export function evaluateScenario(input: TEvaluateInput): TEvaluation {
  const currency = input.currency ?? 'EUR';
  const samples = input.samples ?? 5000;
  const seed = input.seed ?? 1;
  if (!Number.isInteger(samples) || samples < 1) throw new AppError('BAD_REQUEST', 'samples must be a positive integer');
  const coefficients = resolveCoefficients(input.coefficients);
  const options = resolveOptions(input.options);
  let ctx: TModelContext;
  try {
    ctx = prepareModel({ prices: input.prices ?? DEFAULT_PRICE_CATALOGUE, options, fx: input.fx, currency });
  } catch (e) {
    throw new AppError('BAD_REQUEST', e instanceof Error ? e.message : String(e), [], { cause: e });
  }
  const L = ctx.lineKeys.length;
  const state = newModelState();

  // Deterministic (likely) evaluation with reasoning.
  const likelyD = likelyDriverPoint(input.drivers);
  const likelyC = likelyCoefficientPoint(coefficients);
  const detLines = new Float64Array(L);
  const detTotal = runOnce(likelyD, likelyC, ctx, state, detLines);
  const lines = explainPoint(likelyD, likelyC, ctx, state);
  if (lines.length !== L || lines.some((l, i) => l.key !== ctx.lineKeys[i])) throw new Error('line keys out of order');
  const detCapacity = capacityOf(ctx, state);
  const detClasses = classCosts(ctx, detLines);

  // Timeline states (deterministic part).
  const tl = input.timeline;
  const fromDrivers = tl ? (tl.from ?? GRAND_EST_TODAY.drivers) : input.drivers;
  const timeline = tl
    ? buildTimeline({ start: input.start, months: tl.months ?? 24, curve: tl.curve ?? 's-curve', phases: tl.phases, fromRegions: fromDrivers.regions, targetRegions: input.drivers.regions })
    : null;
  const targetRegionCount = input.drivers.regions.length;
  const states = timeline?.states ?? [];
  const isTarget = states.map((s) => s.dataProgress === 1 && s.trafficProgress === 1 && s.targetServiceLevels && s.regionCount === targetRegionCount);

  // Monte Carlo.
  const toRanges = driverRanges(input.drivers);
  const fromRanges = driverRanges(fromDrivers);
  const nD = DRIVER_KEYS.length;
  const toVals = new Float64Array(nD);
  const fromVals = new Float64Array(nD);
  const coefIds = COEFFICIENT_IDS.filter((id) => coefficients[id].high > coefficients[id].low);
  const cPoint = { ...likelyC };
  const dPoint = newDriverPoint();
  const rng = mulberry32(seed);
  const totals = new Float64Array(samples);
  const lineSamples = new Float64Array(L * samples);
  const stateTotals = new Float64Array(states.length * samples);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < nD; i++) {
      const a = toRanges[i];
      const b = fromRanges[i];
      if (a.high > a.low || b.high > b.low) {
        const u = rng();
        toVals[i] = triangularQuantile(a.low, a.likely, a.high, u);
        fromVals[i] = triangularQuantile(b.low, b.likely, b.high, u);
      } else {
        toVals[i] = a.likely;
        fromVals[i] = b.likely;
      }
    }
    for (let j = 0; j < coefIds.length; j++) {
      const id = coefIds[j];
      const r = coefficients[id];
      cPoint[id] = roundIf(id, triangularQuantile(r.low, r.likely, r.high, rng()));
    }
    setPointFrom(dPoint, toVals, targetRegionCount);
    const total = evaluatePoint(dPoint, cPoint, ctx, state, lineSamples, samples, s);
    totals[s] = total;
    for (let k = 0; k < states.length; k++) {
      if (isTarget[k]) {
        stateTotals[k * samples + s] = total;
        continue;
      }
      interpolate(dPoint, fromVals, toVals, states[k]);
      stateTotals[k * samples + s] = evaluatePoint(dPoint, cPoint, ctx, state);
    }
  }

  const sampleTotals = input.keepSamples ? Array.from(totals) : undefined;

  // Percentiles: classes from per-sample class sums, lines and total from their own samples.
  const classSamples = new Float64Array(samples);
  const classes: TClassResult[] = RESOURCE_CLASSES.map((cls) => {
    classSamples.fill(0);
    ctx.lineClasses.forEach((lc, i) => {
      if (lc !== cls) return;
      for (let s = 0; s < samples; s++) classSamples[s] += lineSamples[i * samples + s];
    });
    return { resourceClass: cls, likely: moneyFromNumber(detClasses[cls]), ...pct(classSamples, 0, samples) };
  });
  const lineResults: TLineResult[] = lines.map((l, i) => ({ ...l, ...pct(lineSamples, i * samples, samples) }));
  const total = pct(totals, 0, samples);

  // Months: percentiles per state, capacity and steps from the likely values.
  const months: TMonthResult[] = [];
  if (timeline) {
    const statePct = states.map((_, k) => pct(stateTotals, k * samples, samples));
    const likelyFrom = new Float64Array(nD);
    const likelyTo = new Float64Array(nD);
    toRanges.forEach((r, i) => (likelyTo[i] = r.likely));
    fromRanges.forEach((r, i) => (likelyFrom[i] = r.likely));
    const scratch = new Float64Array(L);
    const det = states.map((st) => {
      interpolate(dPoint, likelyFrom, likelyTo, st);
      const t = runOnce(dPoint, likelyC, ctx, state, scratch);
      return { total: t, classes: moneyRecord(classCosts(ctx, scratch)), capacity: capacityOf(ctx, state) };
    });
    // Today's capacity (the "from" scenario before any change) is what the first month steps up from.
    interpolate(dPoint, likelyFrom, likelyTo, { dataProgress: 0, trafficProgress: 0, targetServiceLevels: false, regionCount: Math.max(1, fromDrivers.regions.filter((r) => input.drivers.regions.includes(r)).length) });
    runOnce(dPoint, likelyC, ctx, state, scratch);
    let prev: TCapacity = capacityOf(ctx, state);
    for (const m of timeline.months) {
      const st = states[m.stateIndex];
      const dd = det[m.stateIndex];
      const changes = capacityChanges(prev, dd.capacity);
      const steps = capacitySteps(changes, dd.capacity);
      months.push({
        month: m.month, phase: m.phase, phases: m.phases, regions: m.regions,
        progress: { data: st.dataProgress, traffic: st.trafficProgress },
        total: statePct[m.stateIndex], likely: moneyFromNumber(dd.total), classes: dd.classes, capacity: dd.capacity,
        steps, changes, stepUp: steps.some((x) => isUp(x)),
      });
      prev = dd.capacity;
    }
  }

  // Tornado: the steady-state total at each uncertain input's low and high, others at likely.
  const tornado: TTornadoBar[] = [];
  const scratch = new Float64Array(L);
  const tp = { ...likelyD };
  const tc = { ...likelyC };
  for (const u of uncertainInputs(input.drivers, coefficients)) {
    const at = (v: number) => {
      if (u.kind === 'driver') {
        const key = NUMERIC_DRIVERS.find((nd) => `drivers.${nd.id}` === u.input)!.key;
        tp[key] = v;
        const t = runOnce(tp, tc, ctx, state, scratch);
        tp[key] = likelyD[key];
        return t;
      }
      const id = u.input.slice('coefficients.'.length) as TCoefficientId;
      tc[id] = roundIf(id, v);
      const t = runOnce(tp, tc, ctx, state, scratch);
      tc[id] = likelyC[id];
      return t;
    };
    const lo = at(u.range.low);
    const hi = at(u.range.high);
    const [low, high] = [moneyFromNumber(lo), moneyFromNumber(hi)];
    const swing = toFixedDecimal(subtractDecimal(high, low), 2).replace(/^-/, '');
    tornado.push({ input: u.input, label: u.label, unit: u.unit, inputLow: u.range.low, inputHigh: u.range.high, low, high, swing });
  }
  tornado.sort((a, b) => Number(b.swing) - Number(a.swing) || a.input.localeCompare(b.input));

  return {
    currency,
    samples,
    seed,
    steadyState: { total, lines: lineResults, classes, capacity: detCapacity },
    months,
    tornado,
    deterministic: { total: moneyFromNumber(detTotal), lines, classes: moneyRecord(detClasses), capacity: detCapacity },
    ...(sampleTotals ? { sampleTotals } : {}),
  };
}

function isUp(step: string): boolean {
  const m = /(\S+) → (\S+)$/.exec(step);
  if (!m) return false;
  const [a, b] = [m[1], m[2]];
  if (/^M\d+$/.test(a) && /^M\d+$/.test(b)) return Number(b.slice(1)) > Number(a.slice(1));
  return Number(b) > Number(a);
}
