// Replays a commitment schedule against the usage that actually followed, beside the hindsight optimum
// and the flat-lookback policy (commit the level the last 30 days would have justified, as AWS does).
import { HOURS_PER_MONTH } from '../../planning/sizing/common';
import { HOUR_MS } from '../stats';
import type { TPoint } from '../types';
import { baselineWindow, type TCommitmentPlan } from './plan-commitment';
import { distributionOf, optimalLadderLevels, optimalLevel } from './optimiser';

export const MONTH_MS = HOURS_PER_MONTH * HOUR_MS;
/** AWS Cost Explorer's default recommendation lookback, and what it assumes the future will be. */
export const FLAT_LOOKBACK_DAYS = 30;

export type TStep = { month: number; amount: number };

export type TReplayInput = {
  /** When month 0 starts (the plan's asOf). */
  start: Date;
  termMonths: number;
  discount: number;
  unitPrice: number;
  actual: readonly TPoint[];
};

export type TReplayResult = {
  /** Net savings over the observed hours of the term, in money (float: a bench figure, not a ledger amount). */
  savings: number;
  /** On-demand charges the schedule avoided and what the commitments cost over those hours. */
  avoided: number;
  committedCost: number;
  hours: number;
};

/** The level active in each month of the term: the sum of the steps bought so far. */
export function levelsOf(steps: readonly TStep[], termMonths: number): number[] {
  const levels = new Array<number>(termMonths).fill(0);
  for (const s of steps) for (let k = Math.max(0, s.month); k < termMonths; k++) levels[k] += s.amount;
  return levels;
}

function monthOf(start: number, t: number): number {
  return Math.floor((t - start) / MONTH_MS);
}

/** Realised savings of a schedule: for each observed hour, min(usage, level) − (1 − d)·level, × price. */
export function replaySchedule(steps: readonly TStep[], input: TReplayInput): TReplayResult {
  const levels = levelsOf(steps, input.termMonths);
  const start = input.start.getTime();
  let avoided = 0;
  let committedCost = 0;
  let hours = 0;
  for (const p of input.actual) {
    const k = monthOf(start, p.t);
    if (k < 0 || k >= input.termMonths) continue;
    const level = levels[k];
    avoided += Math.min(Math.max(p.v, 0), level);
    committedCost += (1 - input.discount) * level;
    hours++;
  }
  return { savings: (avoided - committedCost) * input.unitPrice, avoided: avoided * input.unitPrice, committedCost: committedCost * input.unitPrice, hours };
}

/** Steps from a non-decreasing level per month. */
export function stepsOf(levels: readonly number[]): TStep[] {
  const steps: TStep[] = [];
  let below = 0;
  levels.forEach((level, month) => {
    if (level > below) steps.push({ month, amount: level - below });
    below = Math.max(below, level);
  });
  return steps;
}

/**
 * The best schedule knowing the future: the optimal non-decreasing monthly levels (the same
 * pool-adjacent-violators the planner uses) over the actual hourly usage of each month.
 */
export function hindsightOptimal(input: TReplayInput & { integer?: boolean }): { steps: TStep[]; result: TReplayResult } {
  const start = input.start.getTime();
  const byMonth: number[][] = Array.from({ length: input.termMonths }, () => []);
  for (const p of input.actual) {
    const k = monthOf(start, p.t);
    if (k >= 0 && k < input.termMonths) byMonth[k].push(p.v);
  }
  const levels = optimalLadderLevels(byMonth.map((m) => distributionOf(m)), input.discount, input.integer ?? false);
  const steps = stepsOf(levels);
  return { steps, result: replaySchedule(steps, input) };
}

/** The flat-lookback policy: one commitment now, optimal for the last 30 days' hourly usage as if it never changed. */
export function flatLookbackSteps(history: readonly TPoint[], asOf: Date, discount: number, integer = false): TStep[] {
  const { points } = baselineWindow(history, asOf, FLAT_LOOKBACK_DAYS);
  const level = optimalLevel(distributionOf(points.map((p) => p.v)), discount, integer);
  return level > 0 ? [{ month: 0, amount: level }] : [];
}

/**
 * Follows the planner month by month, as its recommendation says: buy the ladder's first tranche
 * now, and each later tranche when its month comes and the usage is there. At each month the plan is
 * made again as of that month (`planAt` must read nothing after it) and the level is raised to its
 * month-0 level; a commitment once bought is kept to the end of the replay.
 */
export function followPlanner(start: Date, termMonths: number, planAt: (asOf: Date, month: number) => TCommitmentPlan): TStep[] {
  const steps: TStep[] = [];
  let held = 0;
  for (let m = 0; m < termMonths; m++) {
    const plan = planAt(new Date(start.getTime() + m * MONTH_MS), m);
    const target = plan.ladder.levels[0] ?? 0;
    if (target > held) {
      steps.push({ month: m, amount: target - held });
      held = target;
    }
  }
  return steps;
}
