// Retries Cost Explorer's throttling errors with capped exponential backoff and full jitter.
import { abortableSleep, fullJitterDelay, type TBackoff, type TSleep } from '../backoff';

export type TRetryPolicy = TBackoff & { maxAttempts: number; sleep: TSleep };

export const DEFAULT_RETRY: TRetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: abortableSleep,
  random: Math.random,
};

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
      const delayMs = fullJitterDelay(retry, policy);
      onRetry?.({ retry: retry + 1, delayMs, error: e });
      await policy.sleep(delayMs, signal);
    }
  }
}
