'use client';

// Re-evaluates the scenario in the browser ~100 ms after the last edit: the model is pure and a
// 2,000-sample evaluation over 24 months takes a few tens of milliseconds, so a change shows
// within the 200 ms budget without a round trip.
import { useEffect, useRef, useState } from 'react';
import { evaluateScenario, type TEvaluateInput } from '@/lib/planning/evaluate';
import { nextState, staleness, type TLiveState } from './live-state';

function run(prev: TLiveState, input: TEvaluateInput): TLiveState {
  const t0 = performance.now();
  try {
    const result = evaluateScenario(input);
    return nextState(prev, { result, ms: performance.now() - t0 });
  } catch (e) {
    return nextState(prev, { error: e instanceof Error ? e.message : String(e) });
  }
}

const EMPTY: TLiveState = { result: null, error: null, ms: null };

export function useLiveEvaluation(input: TEvaluateInput | null, delayMs = 100) {
  const first = useRef(input);
  // the first result is also rendered on the server: no timing in it, or the HTML would not match
  const [state, setState] = useState<TLiveState>(() => (input ? { ...run(EMPTY, input), ms: null } : EMPTY));
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (input === first.current) return;
    first.current = null;
    // invalid drivers: the last result stays on screen, marked stale (see live-state.ts)
    setPending(input !== null);
    if (!input) return;
    const timer = setTimeout(() => {
      setState((prev) => run(prev, input));
      setPending(false);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [input, delayMs]);

  return { ...state, pending, ...staleness(state, input !== null) };
}
