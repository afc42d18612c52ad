'use client';

// false in the server's HTML and while React hydrates it, true once the component runs in the
// browser: a form that needs its handlers disables its controls until then, so that nobody fills
// or submits it before it is live (a plain browser submit would skip the handler; a file chosen
// early could be lost).
import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
