// Capped exponential backoff with jitter, and the abortable sleep it waits with. Delays go through
// injectable sleep/random so tests run in milliseconds.

export type TSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type TBackoff = { baseDelayMs: number; maxDelayMs: number; random: () => number };

// base·2^retry, capped, before jitter.
function cappedDelay(retry: number, backoff: Pick<TBackoff, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** retry);
}

// Full jitter: a uniform delay in [0, cap), so many clients do not retry in step.
export function fullJitterDelay(retry: number, backoff: TBackoff): number {
  return Math.floor(backoff.random() * cappedDelay(retry, backoff));
}

// Equal jitter: half the capped delay is fixed, the other half random, so a retry never comes at once.
export function equalJitterDelay(retry: number, backoff: TBackoff): number {
  const capped = cappedDelay(retry, backoff);
  return Math.round(capped / 2 + (capped / 2) * backoff.random());
}

export const abortableSleep: TSleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
