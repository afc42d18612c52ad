// The expected spend of each day of a series from the days before it only: a weekday-seasonal, robust
// baseline (medians throughout), and the spread of its past one-step residuals (median and MAD).
import { addIsoDays, DAY_MS, isIsoDay, parseIsoDay } from '@/lib/dates';
import { recurringSourceDay } from '@/lib/forecast/calendar';
import { mad, median } from '@/lib/forecast/stats';

/**
 * A day's spend. `frequency` as FOCUS ChargeFrequency: usage is judged against the weekday baseline; recurring
 * charges against the same day of the previous month (a monthly fee on the 1st is expected on the 1st, not an
 * anomaly every month); one-time charges (purchases of commitments, support plans) are decisions, not
 * anomalies, and are left out, as AWS Cost Anomaly Detection leaves out upfront fees.
 */
export type TAnomalyPoint = {
  day: string;
  amount: number;
  estimated?: boolean;
  frequency?: 'usage' | 'recurring' | 'one-time';
};

/** Days of history needed before the first day that is judged. */
export const MIN_HISTORY_DAYS = 14;
// The weekday profile and the residual spread look back eight weeks.
const WINDOW_DAYS = 56;
// The level is the median of the last 14 deseasonalised days: a change that lasts is the new normal once it
// holds the majority of them (after 7 or 8 days), while a spike of up to 6 days leaves it where it was.
const LEVEL_DAYS = 14;
// 1.4826 · MAD estimates σ for normal data (Rousseeuw & Croux 1993).
const MAD_TO_SIGMA = 1.4826;
// Past residuals needed before their spread is trusted; before that the window's fit residuals stand in.
const MIN_RESIDUALS = 14;

export type TBaselineDay = {
  day: string;
  actual: number;
  estimated: boolean;
  /** Null for the first 14 days: not enough history to say. */
  expected: number | null;
  /** Median of the past residuals: the baseline's recent bias. */
  center: number;
  /** Robust σ of the past residuals (1.4826 · MAD), floored so a perfectly regular series has no zero spread. */
  scale: number;
  /** Robust z-score of the day's residual, (actual − expected − center) / scale. */
  score: number;
  /** Large both statistically and in money. */
  anomalous: boolean;
};

export type TThresholds = { threshold: number; minPercent: number; minAmount: number };

/**
 * Iglewicz & Hoaglin's cut-off of 3.5 for the modified z-score 0.6745 · (x − median) / MAD ("How to Detect and
 * Handle Outliers", ASQC 1993), the same quantity as (x − median) / (1.4826 · MAD) used here; 20% and 20 a day
 * are the money defaults.
 */
export const DEFAULT_THRESHOLDS: TThresholds = { threshold: 3.5, minPercent: 20, minAmount: 20 };

export function isAnomalous(deviation: number, score: number, expected: number, t: TThresholds): boolean {
  const bigInMoney = Math.abs(deviation) >= t.minAmount && Math.abs(deviation) >= (t.minPercent / 100) * Math.abs(expected);
  return Math.abs(score) >= t.threshold && Math.sign(score) === Math.sign(deviation) && bigInMoney;
}

/**
 * A weekday's effect: the median of its values. With only two (the first fortnight) a median is their mean and
 * one spike would set it, so when two ratios disagree (one over 1.5 times the other) the one nearer to no
 * effect is taken: a real weekday pattern repeats, a one-off does not. (Additive profiles, for series with
 * zero days, keep the plain median.)
 */
function weekdayEffect(values: number[], neutral: number, multiplicative: boolean): number {
  if (values.length === 0) return neutral;
  if (values.length === 2) {
    const [a, b] = values;
    if (multiplicative && Math.max(a, b) / Math.min(a, b) > 1.5) return Math.abs(Math.log(a)) <= Math.abs(Math.log(b)) ? a : b;
  }
  return median(values);
}

function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDay(to).getTime() - parseIsoDay(from).getTime()) / DAY_MS);
}

/**
 * Every day from the first point to the last (or `to`), missing days as zero spend, with its baseline.
 * `excludeFromSpread`: days whose residuals do not count in the spread (false positives: they are real spend,
 * so they stay in the level and the weekday profile, but their deviation does not widen the band).
 *
 * The weekday profile is multiplicative (each weekday's median ratio to its trailing week's median) when the
 * series is positive, so it scales with the level after a shift; additive otherwise (zeros, credits). Anomalous
 * days stay in both the profile and the level: medians ignore a few of them, and a change that lasts (a new
 * level, a new weekly job) becomes the new normal once it holds the majority of the window.
 */
export function computeBaseline(
  points: readonly TAnomalyPoint[],
  options: { to?: string; excludeFromSpread?: ReadonlySet<string>; thresholds?: TThresholds } = {},
): TBaselineDay[] {
  points.forEach((p, i) => {
    if (!isIsoDay(p.day)) throw new RangeError(`point ${i}: day must be YYYY-MM-DD, got "${p.day}"`);
    if (!Number.isFinite(p.amount)) throw new RangeError(`point ${i} (${p.day}): amount must be a finite number`);
  });
  const known = options.to ? points.filter((p) => p.day <= options.to!) : [...points];
  if (known.length === 0) return [];
  let first = known[0].day;
  let last = known[0].day;
  for (const p of known) {
    if (p.day < first) first = p.day;
    if (p.day > last) last = p.day;
  }
  const n = daysBetween(first, last) + 1;
  // y: usage, the series the weekday baseline is fitted to; recurring: calendar charges, beside it
  const y = new Array<number>(n).fill(0);
  const recurring = new Array<number>(n).fill(0);
  const estimated = new Array<boolean>(n).fill(false);
  for (const p of known) {
    const i = daysBetween(first, p.day);
    const frequency = p.frequency ?? 'usage';
    if (frequency === 'usage') y[i] += p.amount;
    else if (frequency === 'recurring') recurring[i] += p.amount;
    else continue;
    if (p.estimated) estimated[i] = true;
  }
  const days = Array.from({ length: n }, (_, i) => addIsoDays(first, i));
  const recurringOnDay = (day: string) => recurring[daysBetween(first, day)] ?? 0;
  // A recurring charge whose month-earlier day is before the data cannot be judged: it is expected as it is.
  const recurringExpected = days.map((day, i) => {
    const src = recurringSourceDay(day, day);
    return src === null || src < first ? recurring[i] : recurringOnDay(src);
  });
  const actual = y.map((v, i) => v + recurring[i]);
  const firstWeekday = parseIsoDay(first).getUTCDay();
  const weekday = (i: number) => (firstWeekday + i) % 7;
  const exclude = options.excludeFromSpread ?? new Set<string>();
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;

  // The median of the trailing week: a typical day of the week that ends on day s (the first week's for the
  // first six days, so the first fortnight gives every weekday two values).
  const firstWeek = median(y.slice(0, 7));
  const weekMedian = y.map((_, s) => (s >= 6 ? median(y.slice(s - 6, s + 1)) : firstWeek));

  const expected: (number | null)[] = new Array(n).fill(null);
  const out: TBaselineDay[] = [];
  for (let t = 0; t < n; t++) {
    if (t < MIN_HISTORY_DAYS) {
      out.push({ day: days[t], actual: actual[t], estimated: estimated[t], expected: null, center: 0, scale: 0, score: 0, anomalous: false });
      continue;
    }
    const start = Math.max(0, t - WINDOW_DAYS);
    let multiplicative = true;
    for (let s = start; s < t && multiplicative; s++) if (!(weekMedian[s] > 0) || !(y[s] > 0)) multiplicative = false;
    const byWeekday: number[][] = [[], [], [], [], [], [], []];
    for (let s = start; s < t; s++) {
      byWeekday[weekday(s)].push(multiplicative ? y[s] / weekMedian[s] : y[s] - weekMedian[s]);
    }
    const neutral = multiplicative ? 1 : 0;
    const season = byWeekday.map((values) => weekdayEffect(values, neutral, multiplicative));
    const deseason = (s: number) => (multiplicative ? y[s] / season[weekday(s)] : y[s] - season[weekday(s)]);
    const reseason = (level: number, s: number) => (multiplicative ? level * season[weekday(s)] : level + season[weekday(s)]);
    const deseasonalised: number[] = [];
    for (let s = t - LEVEL_DAYS; s < t; s++) deseasonalised.push(deseason(s));
    const level = median(deseasonalised);
    const e = reseason(level, t) + recurringExpected[t];
    expected[t] = e;

    let residuals: number[] = [];
    for (let s = Math.max(MIN_HISTORY_DAYS, start); s < t; s++) {
      if (!exclude.has(days[s])) residuals.push(actual[s] - expected[s]!);
    }
    if (residuals.length < MIN_RESIDUALS) {
      residuals = [];
      for (let s = start; s < t; s++) {
        if (!exclude.has(days[s])) residuals.push(actual[s] - reseason(level, s) - recurringExpected[s]);
      }
    }
    const center = residuals.length === 0 ? 0 : median(residuals);
    const spread = residuals.length === 0 ? 0 : MAD_TO_SIGMA * mad(residuals, center);
    // A floor of 1% of the expected amount (and a cent): a series without noise must not turn every cent
    // of difference into an infinite score; the money thresholds decide about small amounts anyway.
    const scale = Math.max(spread, 0.01 * Math.abs(e), 0.01);
    const deviation = actual[t] - e;
    const score = (deviation - center) / scale;
    const anomalous = !exclude.has(days[t]) && isAnomalous(deviation, score, e, thresholds);
    out.push({ day: days[t], actual: actual[t], estimated: estimated[t], expected: e, center, scale, score, anomalous });
  }
  return out;
}
