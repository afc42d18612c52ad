// Whether the result on the scenario page still describes the inputs on screen. Pure, so the rule
// is tested on its own: a result computed from other values than the ones typed is shown dimmed
// with a note, never as if it were current.
import type { TEvaluation } from '@/lib/planning/evaluate';

export type TLiveState = {
  result: TEvaluation | null;
  /** The model's own error for the current input (a valid input it still cannot evaluate). */
  error: string | null;
  ms: number | null;
};

export type TStaleness = { stale: boolean; reason: 'invalid' | 'error' | null };

/**
 * invalid: the drivers on screen do not parse, so the result is the last valid one's;
 * error: the model refused the current values, the result is the last one it could compute.
 * A pending re-evaluation (the ~100 ms after a keystroke) is not stale: it is about to be current.
 */
export function staleness(state: TLiveState, inputValid: boolean): TStaleness {
  if (!state.result) return { stale: false, reason: null };
  if (!inputValid) return { stale: true, reason: 'invalid' };
  if (state.error) return { stale: true, reason: 'error' };
  return { stale: false, reason: null };
}

/** The next state after an evaluation: a failure keeps the last result (marked stale by `staleness`). */
export function nextState(prev: TLiveState, outcome: { result: TEvaluation; ms: number } | { error: string }): TLiveState {
  if ('error' in outcome) return { result: prev.result, error: outcome.error, ms: null };
  return { result: outcome.result, error: null, ms: outcome.ms };
}
