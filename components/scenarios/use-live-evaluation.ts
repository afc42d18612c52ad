'use client';

// Re-evaluates the scenario in the browser ~100 ms after the last edit: the model is pure and a
// 2,000-sample evaluation over 24 months takes a few tens of milliseconds, so a change shows
// within the 200 ms budget without a round trip.
import { useEffect, useRef, useState } from 'react';
import { evaluateScenario, type TEvaluateInput, type TEvaluation } from '@/lib/planning/evaluate';

type TState = { result: TEvaluation | null; error: string | null; ms: number | null };

function run(input: TEvaluateInput | null): TState {
  if (!input) return { result: null, error: null, ms: null };
  const t0 = performance.now();
  try {
    const result = evaluateScenario(input);
    return { result, error: null, ms: performance.now() - t0 };
  } catch (e) {
    return { result: null, error: e instanceof Error ? e.message : String(e), ms: null };
  }
}

export function useLiveEvaluation(input: TEvaluateInput | null, delayMs = 100) {
  const first = useRef(input);
  // the first result is also rendered on the server: no timing in it, or the HTML would not match
  const [state, setState] = useState<TState>(() => ({ ...run(input), ms: null }));
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (input === first.current) return;
    first.current = null;
    // invalid drivers: the last result stays on screen, the inputs show the error
    setPending(input !== null);
    if (!input) return;
    const timer = setTimeout(() => {
      setState(run(input));
      setPending(false);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [input, delayMs]);

  return { ...state, pending };
}
