// The daily spend forecast of one series: candidates compared by rolling-origin backtest on the series' own
// history, intervals from that backtest's errors, months and the month end summed from the days.
import { addIsoDays, isIsoDay, parseIsoDay, DAY_MS } from '@/lib/dates';
import { sourceDay } from './calendar';
import { dampedTrend, holtWinters, seasonalNaive, type TModel } from './models';
import { quantile, sum, weightedConformalBounds } from './stats';

export type TChargeFrequency = 'usage' | 'recurring' | 'one-time';
export type TSpendPoint = { day: string; amount: number; frequency?: TChargeFrequency };
export const FORECAST_METHODS = ['seasonal-naive', 'holt-winters', 'damped-trend', 'run-rate'] as const;
export type TForecastMethod = (typeof FORECAST_METHODS)[number];
export type TRowMethod = TForecastMethod | 'plan';

export type TForecastDay = { day: string; mean: number; lower: number; upper: number; method: TRowMethod };
/** A calendar month: `actual` is what was spent before asOf, `forecast` the sum of the forecast days. */
export type TForecastMonth = {
  month: string;
  mean: number;
  lower: number;
  upper: number;
  method: TRowMethod;
  actual: number;
  forecast: number;
};
export type TBacktestSummary = {
  /** Weighted MAPE of the chosen method, Σ|error| / Σ|actual| over every (origin, horizon), as a fraction. */
  mape: number | null;
  /** Share of backtest actuals inside the interval built only from errors known at their origin. */
  coverage: number | null;
  coveragePoints: number;
  baselineMape: number | null;
  baselineName: 'seasonal-naive';
  points: number;
  horizon: number;
  candidates: { method: TForecastMethod; mape: number | null }[];
};
export type TSpendForecast = {
  asOf: string;
  interval: number;
  method: TForecastMethod;
  historyDays: number;
  note: string | null;
  days: TForecastDay[];
  months: TForecastMonth[];
  /** The month of asOf: actual to date plus the forecast of its remaining days. */
  monthEnd: TForecastMonth;
  /** The `periods` asked for, in the same shape (key instead of month). */
  periods: (Omit<TForecastMonth, 'month'> & { key: string })[];
  backtest: TBacktestSummary;
};

export type TForecastOptions = {
  points: readonly TSpendPoint[];
  /** The first day not known: only points before it are used. */
  asOf: string;
  /** Prediction interval in percent, 50–95. */
  interval?: number;
  /** Calendar months forecast after asOf's month, by day. */
  months?: number;
  /** Backtest horizons 1..horizon days. */
  horizon?: number;
  /** Rolling origins whose every horizon is known; the origins of the last days add partial horizons. */
  maxOrigins?: number;
  /** Ranges of days [startDay, endDay) to total like months, e.g. a budget's quarter or year. */
  periods?: readonly { key: string; startDay: string; endDay: string }[];
};

export const MIN_HISTORY_DAYS = 14;
export const DEFAULT_INTERVAL = 80;
// Fewer errors than this at a horizon and the interval pools every horizon's errors instead.
const MIN_ERRORS = 8;

type TSeries = {
  first: string;
  n: number;
  total: number[];
  usage: number[];
  recurring: Map<string, number>;
  // target day → the days its recurring charge repeats, latest first (memo: the backtest asks ~80 times)
  sources: Map<string, string[]>;
};

function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDay(to).getTime() - parseIsoDay(from).getTime()) / DAY_MS);
}

// Callers validate at their boundary; this keeps a bad row from turning into NaN forecasts silently.
function validate(points: readonly TSpendPoint[], asOf: string): void {
  if (!isIsoDay(asOf)) throw new RangeError(`asOf must be a day as YYYY-MM-DD, got "${asOf}"`);
  points.forEach((p, i) => {
    if (!isIsoDay(p.day)) throw new RangeError(`point ${i}: day must be YYYY-MM-DD, got "${p.day}"`);
    if (!Number.isFinite(p.amount)) throw new RangeError(`point ${i} (${p.day}): amount must be a finite number`);
  });
}

function prepare(points: readonly TSpendPoint[], asOf: string): TSeries {
  validate(points, asOf);
  const known = points.filter((p) => p.day < asOf);
  if (known.length === 0) return { first: asOf, n: 0, total: [], usage: [], recurring: new Map(), sources: new Map() };
  const first = known.reduce((m, p) => (p.day < m ? p.day : m), known[0].day);
  const n = daysBetween(first, asOf);
  const total = new Array<number>(n).fill(0);
  const usage = new Array<number>(n).fill(0);
  const recurring = new Map<string, number>();
  for (const p of known) {
    const i = daysBetween(first, p.day);
    total[i] += p.amount;
    const frequency = p.frequency ?? 'usage';
    if (frequency === 'usage') usage[i] += p.amount;
    else if (frequency === 'recurring') recurring.set(p.day, (recurring.get(p.day) ?? 0) + p.amount);
    // One-time charges count in the total (and so in the errors) but are neither trended nor repeated.
  }
  return { first, n, total, usage, recurring, sources: new Map() };
}

function recurringAt(s: TSeries, target: string, before: string): number {
  let sources = s.sources.get(target);
  if (!sources) {
    sources = [];
    for (let back = 1; back <= 12; back++) {
      const src = sourceDay(target, back);
      if (src !== null) sources.push(src);
    }
    s.sources.set(target, sources);
  }
  const src = sources.find((d) => d < before);
  return src === undefined || src < s.first ? 0 : (s.recurring.get(src) ?? 0);
}

// Models are fitted to the last 26 weeks: older data adds little to a weekly model, slows the grid fit, and
// holds the fit back after a change of regime.
const FIT_DAYS = 182;

// A forecaster: the total forecast for the `horizon` days from index `origin`, knowing only [0, origin).
type TForecaster = (s: TSeries, origin: number, horizon: number) => number[];

function withCalendar(model: TModel): TForecaster {
  return (s, origin, horizon) => {
    const usage = model(s.usage.slice(Math.max(0, origin - FIT_DAYS), origin), horizon);
    if (s.recurring.size === 0) return usage;
    const before = addIsoDays(s.first, origin);
    return usage.map((u, i) => u + recurringAt(s, addIsoDays(before, i), before));
  };
}

// The baseline forecasts the total as it is, calendar charges included: it is what the others must beat.
const CANDIDATES: { method: TForecastMethod; forecaster: TForecaster }[] = [
  { method: 'seasonal-naive', forecaster: (s, origin, horizon) => seasonalNaive(s.total.slice(0, origin), horizon) },
  { method: 'holt-winters', forecaster: withCalendar(holtWinters) },
  { method: 'damped-trend', forecaster: withCalendar(dampedTrend) },
];

type TBacktest = {
  origins: number[];
  // errors[c][i][h-1] = actual − forecast of candidate c from origins[i] at horizon h (absent past the data)
  errors: number[][][];
  // levels[c][i] = the mean of candidate c's forecast over its first week from origins[i] (fewer days at the last origins)
  levels: number[][];
  absError: number[];
  absActual: number;
  points: number;
};

function runBacktest(s: TSeries, horizon: number, maxOrigins: number, nonNegative: boolean): TBacktest {
  const origins: number[] = [];
  for (let o = Math.max(MIN_HISTORY_DAYS, s.n - horizon - maxOrigins + 1); o < s.n; o++) origins.push(o);
  const errors = CANDIDATES.map(() => [] as number[][]);
  const levels = CANDIDATES.map(() => [] as number[]);
  const absError = CANDIDATES.map(() => 0);
  let absActual = 0;
  let points = 0;
  for (const o of origins) {
    const h = Math.min(horizon, s.n - o);
    for (const y of s.total.slice(o, o + h)) absActual += Math.abs(y);
    points += h;
    CANDIDATES.forEach((c, ci) => {
      const f = c.forecaster(s, o, h).map((v) => (nonNegative ? Math.max(0, v) : v));
      const e = f.map((v, j) => s.total[o + j] - v);
      errors[ci].push(e);
      levels[ci].push(forecastLevel(f));
      absError[ci] += sum(e.map(Math.abs));
    });
  }
  return { origins, errors, levels, absError, absActual, points };
}

// The level a forecast expects: the mean of its first week (trend and weekly season included, a monthly fee
// spread over the week), so a series that grows is measured against what the model already expected of it,
// not against the past.
const LEVEL_DAYS = 7;
function forecastLevel(forecast: readonly number[]): number {
  const week = forecast.slice(0, LEVEL_DAYS).map((v) => Math.max(0, v));
  return week.length === 0 ? 0 : sum(week) / week.length;
}

// An origin's errors count half as much every HALF_LIFE_DAYS they are older than the forecast's own origin:
// when the errors change character (a quiet series that starts to move), the band follows within weeks, not
// after the whole backtest window has turned over. Long enough that a horizon still draws on ~30 origins.
export const HALF_LIFE_DAYS = 28;
function recencyWeight(ageDays: number): number {
  return Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
}
function recencyWeights(origins: number[], now: number): number[] {
  return origins.map((o) => recencyWeight(now - o));
}

/**
 * The backtest's errors in units of the forecast level at their origin (forecastLevel), and the level they
 * are to be multiplied by now. Spend that grows (a roll-out, a migration) makes errors grow with it: errors measured when spend was
 * a third of today's, taken as they are, give today a band a third too narrow (the demo's total covered 52%
 * of outcomes with an 80% band). Relative to the level they are exchangeable again. A series whose level
 * was zero somewhere (sparse, or only credits) keeps absolute errors: a ratio to zero means nothing.
 */
function relativeErrors(errors: number[][], scales: number[], now: number): { errors: number[][]; scale: number } {
  if (!(now > 0) || scales.some((v) => !(v > 0))) return { errors, scale: 1 };
  return { errors: errors.map((e, i) => e.map((v) => v / scales[i])), scale: now };
}

// Bounds (lower, upper offsets from the mean) for single days and for sums of days, from one candidate's errors.
type TErrorModel = {
  day: (h: number) => [number, number];
  sum: (a: number, b: number) => [number, number];
};

function scaled([lo, hi]: [number, number], f: number): [number, number] {
  return [lo * f, hi * f];
}

/**
 * Intervals from the backtest's own errors, conformal-style: at horizon h ≤ H the bounds are the weighted
 * conformal ranks of the errors seen at h, each origin weighted by its recency (recencyWeight). Sums of days (a month, the rest of this month) take the same ranks of the
 * backtest's sums of errors over the same horizons, so the correlation between neighbouring days' errors is
 * measured, not assumed. Past what the backtest saw (h > H, or a window longer than H) the nearest measured
 * bounds are widened by √(k/L) for a k-day sum measured on L-day windows (blocks treated as independent) and
 * by √(h/H) for distance (a random-walk growth of the error): an assumption, stated here, that only years of
 * history could replace by a monthly backtest.
 */
function errorModel(errors: number[][], weights: number[], horizon: number, level: number): TErrorModel {
  type TSample = { values: number[]; weights: number[] };
  const sample = (pick: (e: number[]) => number | null): TSample => {
    const out: TSample = { values: [], weights: [] };
    errors.forEach((e, i) => {
      const v = pick(e);
      if (v === null) return;
      out.values.push(v);
      out.weights.push(weights[i]);
    });
    return out;
  };
  const bounds = (x: TSample) => weightedConformalBounds(x.values, x.weights, level);
  const atHorizon = (h: number) => sample((e) => (e.length >= h ? e[h - 1] : null));
  const pooled: TSample = { values: errors.flat(), weights: errors.flatMap((e, i) => e.map(() => weights[i])) };
  const measuredH = (() => {
    let best = 1;
    for (let h = 1; h <= horizon; h++) if (atHorizon(h).values.length >= MIN_ERRORS) best = h;
    return best;
  })();
  const dayBounds = (h: number): [number, number] => {
    const e = atHorizon(Math.min(h, measuredH));
    const b = bounds(e.values.length >= MIN_ERRORS ? e : pooled);
    return h <= measuredH ? b : scaled(b, Math.sqrt(h / measuredH));
  };
  const windowSums = (a: number, b: number) => sample((e) => (e.length >= b ? sum(e.slice(a - 1, b)) : null));
  const sumBounds = (a: number, b: number): [number, number] => {
    if (a === b) return dayBounds(a);
    const k = b - a + 1;
    if (b <= measuredH) {
      const sums = windowSums(a, b);
      if (sums.values.length >= MIN_ERRORS) return bounds(sums);
    }
    // The longest window from horizon 1 that the backtest measured often enough.
    let length = Math.min(k, measuredH);
    while (length > 1 && windowSums(1, length).values.length < MIN_ERRORS) length--;
    const base = length === 1 ? dayBounds(1) : bounds(windowSums(1, length));
    const distance = Math.max(1, (a + b) / 2 / Math.max(1, measuredH));
    return scaled(base, Math.sqrt(k / length) * Math.sqrt(distance));
  };
  return { day: dayBounds, sum: sumBounds };
}

// Under 14 days: the mean of the usage days seen; its spread from those days' own deviations (quantiles of a
// handful of days: rough, and said so), √k for a k-day sum.
function runRateModel(usage: number[], level: number): { rate: number; model: TErrorModel } {
  const rate = usage.length === 0 ? 0 : sum(usage) / usage.length;
  const deviations = usage.map((v) => v - rate);
  const alpha = 1 - level;
  const bounds: [number, number] =
    deviations.length < 2 ? [0, 0] : [quantile(deviations, alpha / 2), quantile(deviations, 1 - alpha / 2)];
  return {
    rate,
    model: { day: () => bounds, sum: (a, b) => scaled(bounds, Math.sqrt(b - a + 1)) },
  };
}

function lastDayOfMonthAfter(day: string, months: number): string {
  const d = parseIsoDay(day);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).toISOString().slice(0, 10);
}

export function forecastSpend(options: TForecastOptions): TSpendForecast {
  const { points, asOf } = options;
  const interval = options.interval ?? DEFAULT_INTERVAL;
  if (!(interval >= 50 && interval <= 95)) throw new RangeError(`interval must be between 50 and 95, got ${interval}`);
  const monthsAhead = options.months ?? 3;
  const horizon = options.horizon ?? 28;
  const maxOrigins = options.maxOrigins ?? 56;
  const level = interval / 100;

  const s = prepare(points, asOf);
  const nonNegative = s.total.every((v) => v >= 0);
  const clampMean = (v: number) => (nonNegative ? Math.max(0, v) : v);
  // Forecast by day to the end of the last month asked for, or of the last period asked for if later.
  const lastPeriodDay = (options.periods ?? []).reduce((m, p) => (p.endDay > m ? p.endDay : m), asOf);
  const lastMonthDay = lastDayOfMonthAfter(asOf, monthsAhead);
  const lastDay = addIsoDays(lastPeriodDay, -1) > lastMonthDay ? addIsoDays(lastPeriodDay, -1) : lastMonthDay;
  const steps = daysBetween(asOf, lastDay) + 1;

  let method: TForecastMethod;
  let means: number[];
  let errors: TErrorModel;
  let backtest: TBacktestSummary;
  let note: string | null = null;

  if (s.n < MIN_HISTORY_DAYS) {
    // Usage at its run rate; recurring charges still by their calendar, one-time charges not repeated.
    const run = runRateModel(s.usage, level);
    method = 'run-rate';
    means = withCalendar((_, h) => new Array<number>(h).fill(run.rate))(s, s.n, steps).map(clampMean);
    errors = run.model;
    note = `${s.n} days of history, fewer than ${MIN_HISTORY_DAYS}: a plain run rate, not backtested`;
    backtest = {
      mape: null,
      coverage: null,
      coveragePoints: 0,
      baselineMape: null,
      baselineName: 'seasonal-naive',
      points: 0,
      horizon: 0,
      candidates: [],
    };
  } else {
    const bt = runBacktest(s, horizon, maxOrigins, nonNegative);
    const mapeOf = (ci: number) => (bt.absActual > 0 ? bt.absError[ci] / bt.absActual : null);
    // Candidates are listed baseline first, so a tie keeps the simpler model.
    let chosen = 0;
    bt.absError.forEach((e, ci) => {
      if (e < bt.absError[chosen]) chosen = ci;
    });
    method = CANDIDATES[chosen].method;
    means = CANDIDATES[chosen].forecaster(s, s.n, steps).map(clampMean);
    const relative = relativeErrors(bt.errors[chosen], bt.levels[chosen], forecastLevel(means));
    const model = errorModel(relative.errors, recencyWeights(bt.origins, s.n), horizon, level);
    errors = {
      day: (h) => scaled(model.day(h), relative.scale),
      sum: (a, b) => scaled(model.sum(a, b), relative.scale),
    };
    backtest = {
      mape: mapeOf(chosen),
      ...sequentialCoverage(relative.errors, bt.origins, level),
      baselineMape: mapeOf(0),
      baselineName: 'seasonal-naive',
      points: bt.points,
      horizon,
      candidates: CANDIDATES.map((c, ci) => ({ method: c.method, mape: mapeOf(ci) })),
    };
  }

  // With no negative history (credits), spend does not go below zero, nor a month below what is already spent.
  // A band that would leave out its own mean (the backtest's errors all of one sign: a biased model) is
  // stretched to include it rather than shown beside it.
  const clampLower = (mean: number, lower: number, floor: number) =>
    nonNegative ? Math.max(floor, Math.min(mean, lower)) : Math.min(mean, lower);
  const days: TForecastDay[] = means.map((mean, i) => {
    const [lo, hi] = errors.day(i + 1);
    return { day: addIsoDays(asOf, i), mean, lower: clampLower(mean, mean + lo, 0), upper: Math.max(mean, mean + hi), method };
  });

  // Any range of days [startDay, endDay): what was spent in it before asOf plus the forecast of the rest, its
  // interval from the backtest's sums of errors over the same horizons.
  const aggregate = (startDay: string, endDay: string) => {
    let actual = 0;
    for (let k = Math.max(0, daysBetween(s.first, startDay)); k < s.n && addIsoDays(s.first, k) < endDay; k++) actual += s.total[k];
    const a = Math.max(0, daysBetween(asOf, startDay));
    const b = Math.min(days.length, daysBetween(asOf, endDay));
    const forecast = b > a ? sum(means.slice(a, b)) : 0;
    const [lo, hi] = b > a ? errors.sum(a + 1, b) : [0, 0];
    const mean = actual + forecast;
    return { mean, lower: clampLower(mean, mean + lo, actual), upper: Math.max(mean, mean + hi), method, actual, forecast };
  };

  const months: TForecastMonth[] = [];
  for (let month = asOf.slice(0, 7); month <= lastMonthDay.slice(0, 7); month = nextMonth(month)) {
    months.push({ month, ...aggregate(`${month}-01`, `${nextMonth(month)}-01`) });
  }
  const periods = (options.periods ?? []).map((p) => ({ key: p.key, ...aggregate(p.startDay, p.endDay) }));

  return { asOf, interval, method, historyDays: s.n, note, days, months, monthEnd: months[0], periods, backtest };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/**
 * Out-of-sample coverage: each backtest point is judged by the interval built from the errors at its horizon
 * whose targets were already known at its origin, as a live forecast would have been.
 */
function sequentialCoverage(
  errors: number[][],
  origins: number[],
  level: number,
): { coverage: number | null; coveragePoints: number } {
  let covered = 0;
  let judged = 0;
  errors.forEach((e, i) => {
    e.forEach((error, j) => {
      const h = j + 1;
      const known: number[] = [];
      const weights: number[] = [];
      errors.forEach((past, k) => {
        if (past.length >= h && origins[k] + h - 1 < origins[i]) {
          known.push(past[h - 1]);
          weights.push(recencyWeight(origins[i] - origins[k]));
        }
      });
      if (known.length < MIN_ERRORS) return;
      const [lo, hi] = weightedConformalBounds(known, weights, level);
      judged++;
      if (error >= lo && error <= hi) covered++;
    });
  });
  return { coverage: judged === 0 ? null : covered / judged, coveragePoints: judged };
}
