// The "savings captured" figure of issue 14's bench: on a generated history, the share of the hindsight
// optimum's savings that our planner and the flat-lookback policy each realise, recommended at one asOf.
import type { TCommitmentTerm } from '../types';
import { DEFAULT_HISTORY, generateHistory, plannedProjection, type THistoryOptions, type THistoryShape } from './histories';
import { planCommitment } from './plan-commitment';
import { MONTH_MS, flatLookbackSteps, followPlanner, hindsightOptimal, replaySchedule, type TStep } from './replay';

export type TCaptureInput = {
  shape: THistoryShape;
  start: Date;
  /** Month of the history when the recommendation is made (the bench uses 3). */
  asOfMonth: number;
  term: TCommitmentTerm;
  lookbackDays?: number;
  history?: Partial<Omit<THistoryOptions, 'start'>>;
};

export type TCapture = {
  /** Our planner followed month by month (each tranche bought when its month comes): share of the optimum. */
  ours: number;
  /** The ladder as recommended at asOf, bought on schedule without looking again. */
  ladder: number;
  /** The flat-lookback policy: one commitment at asOf, optimal for the last 30 days. */
  flat: number;
  /** The hindsight optimum's savings in money (the denominator). */
  optimum: number;
  /** Tranches of the ladder recommended at asOf. */
  tranches: number;
};

export function captureShares(input: TCaptureInput): TCapture {
  const o = { ...DEFAULT_HISTORY, ...input.history };
  const history = generateHistory(input.shape, { ...o, start: input.start });
  // A flat history had a flat plan; the growing and the short ones were planned to grow alike.
  const planned = input.shape === 'flat' ? { ...o, growth: 1 } : o;
  const asOf = new Date(input.start.getTime() + input.asOfMonth * MONTH_MS);
  const T = input.term.termMonths;
  const planAt = (at: Date, month: number) =>
    planCommitment({
      baseline: history, asOf: at, lookbackDays: input.lookbackDays ?? 30, projection: plannedProjection(planned, input.asOfMonth + month, T),
      term: input.term, measure: 'spend', unitPrice: 1, currency: 'USD',
    });
  const replay = { start: asOf, termMonths: T, discount: input.term.discount, unitPrice: 1, actual: history };
  const optimum = hindsightOptimal(replay).result.savings;
  const share = (steps: TStep[]) => (optimum > 0 ? replaySchedule(steps, replay).savings / optimum : 0);
  const ladder = planAt(asOf, 0).ladder.tranches;
  return {
    ours: share(followPlanner(asOf, T, planAt)),
    ladder: share(ladder),
    tranches: ladder.length,
    flat: share(flatLookbackSteps(history, asOf, input.term.discount)),
    optimum,
  };
}
