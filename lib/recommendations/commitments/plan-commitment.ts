// A commitment plan for one instrument: the optimal and conservative levels, and the growth-aware ladder.
import { moneyFromNumber } from '../../money/decimal';
import { HOURS_PER_MONTH } from '../../planning/sizing/common';
import { HOUR_MS, completeness, inWindow, percentile, round } from '../stats';
import { DAY_MS } from '../../dates';
import type { TCommitmentTerm, TLookback, TMonthlyProjection, TPoint, TSavingsRange } from '../types';
import {
  distributionOf, expectedMin, expectedValue, mergeDistributions, optimalLadderLevels, optimalLevel, quantile, scaledMixture,
  type TDistribution,
} from './optimiser';
import { projectionPaths } from './projection';

/** The conservative level is the one used in this share of projected hours (its 10% quantile). */
export const CONSERVATIVE_USED_SHARE = 0.9;
/** Ladder steps smaller than this share of the final level wait for the next step (a readable schedule). */
export const DEFAULT_MIN_TRANCHE_SHARE = 0.05;
/** Usage shortfalls the plan is stress-tested against. */
export const SHORTFALLS = [0.2, 0.4] as const;

export type TCommitmentPlanInput = {
  /** Eligible on-demand usage per hour, in the measure's units (money per hour for spend). */
  baseline: readonly TPoint[];
  /** Only baseline points before this instant are read. */
  asOf: Date;
  lookbackDays: number;
  /** Multipliers on the lookback's level, month 0 being the month that starts at asOf. */
  projection: TMonthlyProjection;
  term: TCommitmentTerm;
  measure: 'spend' | 'count';
  /** On-demand price of one unit per hour (1 for spend). */
  unitPrice: number;
  currency: string;
  minTrancheShare?: number;
};

export type TCommitmentOption = {
  /** On-demand usage covered per hour, in the measure's units. */
  level: number;
  /** The commitment as bought: discounted spend per hour (Savings Plans' unit)… */
  commitmentPerHour: string;
  /** …and per month of 730 hours (a monthly bundle's unit, such as CloudFront's Security Savings Bundle). */
  commitmentPerMonth: string;
  /** For a ladder: all its tranches' upfront, and their recurring fees once all are bought. */
  upfront: string;
  recurringMonthly: string;
  expectedMonthlySavings: string;
  monthlySavings: TSavingsRange;
  termSavings: string;
  /** upfront ÷ (on-demand charges avoided a month − recurring fee a month): months of cash savings that pay the
   *  upfront back (for a ladder: months from now until its last tranche has);
   *  null when they never do. */
  breakEvenMonths: number | null;
  utilisationToBreakEven: number;
  projectedUtilisation: number;
  projectedCoverage: number;
  /** Expected monthly savings if usage falls 20% and 40% below the projection (negative: a loss). */
  savingsIfUsageFalls: { by20: string; by40: string };
};

export type TTranche = {
  /** Months after asOf when it is bought (0: now). */
  month: number;
  /** Added level, in the measure's units. */
  amount: number;
  commitmentPerHour: string;
  commitmentPerMonth: string;
  upfront: string;
  recurringMonthly: string;
  expectedMonthlySavings: string;
  breakEvenMonths: number | null;
};

export type TCommitmentPlan = {
  asOf: string;
  lookback: TLookback;
  term: TCommitmentTerm;
  measure: 'spend' | 'count';
  currency: string;
  baseline: { meanPerHour: number; p10PerHour: number; p50PerHour: number; p90PerHour: number; hours: number };
  optimal: TCommitmentOption;
  conservative: TCommitmentOption;
  ladder: TCommitmentOption & { tranches: TTranche[]; levels: number[] };
};

type TModel = {
  months: TDistribution[];
  baseline: TDistribution;
  /** Per path, per month multiplier. */
  paths: number[][];
  reference: { p10: number[]; p50: number[]; p90: number[] } | null;
  d: number;
  upfrontShare: number;
  termMonths: number;
  monthFactor: number;
};

/** The baseline the plan reads: points in [asOf − lookback, asOf), nothing after. */
export function baselineWindow(baseline: readonly TPoint[], asOf: Date, lookbackDays: number): { points: TPoint[]; lookback: TLookback } {
  const to = asOf.getTime();
  const from = to - lookbackDays * DAY_MS;
  const points = inWindow(baseline, from, to);
  return {
    points,
    lookback: { days: lookbackDays, from: new Date(from).toISOString(), to: asOf.toISOString(), completeness: round(completeness(points, from, to, HOUR_MS), 4) },
  };
}

export function planCommitment(input: TCommitmentPlanInput): TCommitmentPlan {
  const { term } = input;
  if (!(term.discount > 0 && term.discount < 1)) throw new Error(`discount must be in (0, 1): ${term.discount}`);
  if (!(term.upfrontShare >= 0 && term.upfrontShare <= 1)) throw new Error(`upfrontShare must be in [0, 1]: ${term.upfrontShare}`);
  const { points, lookback } = baselineWindow(input.baseline, input.asOf, input.lookbackDays);
  if (points.length === 0) throw new Error('no baseline usage before asOf in the lookback');
  const values = points.map((p) => p.v);
  const baseline = distributionOf(values);
  const { paths, reference } = projectionPaths(input.projection, term.termMonths);
  const months: TDistribution[] = [];
  for (let k = 0; k < term.termMonths; k++) months.push(scaledMixture(baseline, paths.map((path) => path[k])));
  const model: TModel = {
    months, baseline, paths, reference, d: term.discount, upfrontShare: term.upfrontShare, termMonths: term.termMonths,
    monthFactor: HOURS_PER_MONTH * input.unitPrice,
  };
  const integer = input.measure === 'count';
  const pooled = months.reduce((a, b) => mergeDistributions(a, b));

  const optimal = optimalLevel(pooled, term.discount, integer);
  const conservativeRaw = quantile(pooled, 1 - CONSERVATIVE_USED_SHARE);
  const conservative = integer ? Math.floor(conservativeRaw) : conservativeRaw;
  const ladderLevels = readableLadder(optimalLadderLevels(months, term.discount, integer), input.minTrancheShare ?? DEFAULT_MIN_TRANCHE_SHARE);
  const money = (x: number) => moneyFromNumber(x, 2);
  const flat = (level: number) => evaluateSchedule(model, Array(term.termMonths).fill(level), input);

  return {
    asOf: input.asOf.toISOString(),
    lookback,
    term,
    measure: input.measure,
    currency: input.currency,
    baseline: {
      meanPerHour: round(expectedValue(baseline), 6),
      p10PerHour: round(percentile(values, 0.1), 6),
      p50PerHour: round(percentile(values, 0.5), 6),
      p90PerHour: round(percentile(values, 0.9), 6),
      hours: points.length,
    },
    optimal: flat(optimal),
    conservative: flat(conservative),
    ladder: {
      ...evaluateSchedule(model, ladderLevels, input),
      levels: ladderLevels.map((l) => round(l, 6)),
      tranches: tranchesOf(model, ladderLevels).map((t) => ({
        month: t.month,
        amount: round(t.amount, 6),
        commitmentPerHour: moneyFromNumber((1 - model.d) * t.amount * input.unitPrice, 4),
        commitmentPerMonth: money((1 - model.d) * t.amount * model.monthFactor),
        upfront: money(t.upfront),
        recurringMonthly: money(t.recurring),
        expectedMonthlySavings: money(t.savings),
        breakEvenMonths: t.breakEven,
      })),
    },
  };
}

/** Steps smaller than `minShare` of the top level are bought with the next step instead (later, never sooner). */
export function readableLadder(levels: number[], minShare: number): number[] {
  const top = levels.length > 0 ? levels[levels.length - 1] : 0;
  const out: number[] = [];
  let held = levels.length > 0 ? levels[0] : 0;
  for (let k = 0; k < levels.length; k++) {
    if (k === 0 || levels[k] - held >= minShare * top) held = Math.max(held, levels[k]);
    out.push(held);
  }
  return out;
}

/** Expected savings per month in money at month k for level L: E_k[min(U, L)] − (1 − d)·L, × hours × price. */
function monthSavings(model: TModel, k: number, level: number, scale = 1): number {
  // Usage scaled by s: E[min(sU, L)] = s·E[min(U, L/s)].
  const used = scale === 1 ? expectedMin(model.months[k], level) : scale * expectedMin(model.months[k], level / scale);
  return (used - (1 - model.d) * level) * model.monthFactor;
}

/** The same for one path: usage in month k is the baseline × the path's multiplier. */
function pathMonthSavings(model: TModel, path: number[], k: number, level: number): number {
  const m = path[k];
  const used = m > 0 ? m * expectedMin(model.baseline, level / m) : 0;
  return (used - (1 - model.d) * level) * model.monthFactor;
}

function evaluateSchedule(model: TModel, levels: number[], input: TCommitmentPlanInput): TCommitmentOption {
  const T = model.termMonths;
  const money = (x: number) => moneyFromNumber(x, 2);
  let savings = 0;
  let used = 0;
  let usage = 0;
  let committed = 0;
  const falls = SHORTFALLS.map(() => 0);
  for (let k = 0; k < T; k++) {
    savings += monthSavings(model, k, levels[k]);
    used += expectedMin(model.months[k], levels[k]);
    usage += expectedValue(model.months[k]);
    committed += levels[k];
    SHORTFALLS.forEach((f, i) => (falls[i] += monthSavings(model, k, levels[k], 1 - f)));
  }
  const pathMean = (path: number[]) => {
    let s = 0;
    for (let k = 0; k < T; k++) s += pathMonthSavings(model, path, k, levels[k]);
    return s / T;
  };
  let range: [number, number, number];
  if (model.reference) range = [pathMean(model.reference.p10), pathMean(model.reference.p50), pathMean(model.reference.p90)];
  else {
    const perPath = model.paths.map(pathMean);
    range = [percentile(perPath, 0.1), percentile(perPath, 0.5), percentile(perPath, 0.9)];
  }
  const tranches = tranchesOf(model, levels);
  const upfront = tranches.reduce((s, t) => s + t.upfront, 0);
  const recurring = tranches.length > 0 ? tranches.reduce((s, t) => s + t.recurring, 0) : 0;
  const firstBreakEven = tranches.length === 1 ? tranches[0].breakEven : breakEvenOfAll(tranches);
  return {
    level: round(levels[0], 6),
    commitmentPerHour: moneyFromNumber((1 - model.d) * levels[0] * input.unitPrice, 4),
    commitmentPerMonth: money((1 - model.d) * levels[0] * model.monthFactor),
    upfront: money(upfront),
    recurringMonthly: money(recurring),
    expectedMonthlySavings: money(savings / T),
    monthlySavings: { p10: money(range[0]), p50: money(range[1]), p90: money(range[2]) },
    termSavings: money(savings),
    breakEvenMonths: firstBreakEven,
    utilisationToBreakEven: round(1 - model.d, 6),
    projectedUtilisation: committed > 0 ? round(used / committed, 4) : 0,
    projectedCoverage: usage > 0 ? round(used / usage, 4) : 0,
    savingsIfUsageFalls: { by20: money(falls[0] / T), by40: money(falls[1] / T) },
  };
}

type TRawTranche = { month: number; amount: number; upfront: number; recurring: number; savings: number; breakEven: number | null };

/**
 * Each step of the schedule is a tranche bought that month for a full term. Its layer of the
 * commitment, [below, below + amount], is used as far as usage reaches into it: its avoided on-demand
 * charges are E[min(U, top)] − E[min(U, below)] over its months within the plan's term.
 */
function tranchesOf(model: TModel, levels: number[]): TRawTranche[] {
  const out: TRawTranche[] = [];
  let below = 0;
  for (let m = 0; m < levels.length; m++) {
    const amount = levels[m] - below;
    if (amount <= 1e-12) continue;
    const top = levels[m];
    let avoided = 0;
    for (let k = m; k < levels.length; k++) avoided += (expectedMin(model.months[k], top) - expectedMin(model.months[k], below)) * model.monthFactor;
    avoided /= levels.length - m;
    const cost = (1 - model.d) * amount * model.monthFactor;
    const upfront = model.upfrontShare * cost * model.termMonths;
    const recurring = (1 - model.upfrontShare) * cost;
    out.push({ month: m, amount, upfront, recurring, savings: avoided - cost, breakEven: breakEven(upfront, avoided - recurring) });
    below = top;
  }
  return out;
}

/** Months for the cash saved each month (avoided on-demand charges − recurring fee) to repay the upfront. */
export function breakEven(upfront: number, monthlyCashSavings: number): number | null {
  if (upfront <= 0) return monthlyCashSavings > 0 ? 0 : null;
  if (monthlyCashSavings <= 0) return null;
  return round(upfront / monthlyCashSavings, 2);
}

function breakEvenOfAll(tranches: TRawTranche[]): number | null {
  if (tranches.length === 0) return null;
  let latest = 0;
  for (const t of tranches) {
    if (t.breakEven === null) return null;
    latest = Math.max(latest, t.month + t.breakEven);
  }
  return round(latest, 2);
}

