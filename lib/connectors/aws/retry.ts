// Capped exponential backoff with full jitter for Cost Explorer's throttling errors.
// Delays go through injectable sleep/random so tests run in milliseconds.

export type TRetryPolicy = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
};

export const DEFAULT_RETRY: TRetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: abortableSleep,
  random: Math.random,
};

// Full jitter: a uniform delay in [0, min(cap, base·2^retry)), so many clients do not retry in step.
export function backoffDelay(retry: number, policy: Pick<TRetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  shouldRetry: (e: unknown) => boolean,
  policy: TRetryPolicy,
  signal?: AbortSignal,
  onRetry?: (info: { retry: number; delayMs: number; error: unknown }) => void,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (e) {
      if (retry + 1 >= policy.maxAttempts || !shouldRetry(e) || signal?.aborted) throw e;
      const delayMs = backoffDelay(retry, policy);
      onRetry?.({ retry: retry + 1, delayMs, error: e });
      await policy.sleep(delayMs, signal);
    }
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
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
}
