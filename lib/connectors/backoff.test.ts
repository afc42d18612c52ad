import { describe, expect, it } from 'vitest';
import { abortableSleep, equalJitterDelay, fullJitterDelay } from './backoff';

describe('backoff', () => {
  const policy = (r: number) => ({ baseDelayMs: 500, maxDelayMs: 3000, random: () => r });

  it('doubles up to the cap, with full or equal jitter', () => {
    expect([0, 1, 2, 3, 4].map((retry) => fullJitterDelay(retry, policy(0.999)))).toEqual([499, 999, 1998, 2997, 2997]);
    expect(fullJitterDelay(3, policy(0))).toBe(0);
    expect([0, 1, 2, 3].map((retry) => equalJitterDelay(retry, policy(0.5)))).toEqual([375, 750, 1500, 2250]);
    expect(equalJitterDelay(5, policy(0))).toBe(1500);
  });

  it('stops sleeping when the signal aborts', async () => {
    const controller = new AbortController();
    const slept = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(slept).rejects.toThrow('cancelled');
    await expect(abortableSleep(1, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
