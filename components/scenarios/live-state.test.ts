import { describe, expect, it } from 'vitest';
import { EUROPE_PLAN } from '@/lib/planning/drivers';
import { evaluateScenario } from '@/lib/planning/evaluate';
import { FX } from '@/lib/planning/testing/fixtures';
import { nextState, staleness, type TLiveState } from './live-state';

const result = evaluateScenario({ drivers: EUROPE_PLAN.drivers, fx: FX, samples: 50, seed: 1, start: new Date('2027-01-01T00:00:00Z') });
const current: TLiveState = { result, error: null, ms: 12 };

describe('scenarios: stale result', () => {
  it('is current while the inputs are valid and the model answered', () => {
    expect(staleness(current, true)).toEqual({ stale: false, reason: null });
  });

  it('is stale, with the last result kept, while a driver is invalid', () => {
    expect(staleness(current, false)).toEqual({ stale: true, reason: 'invalid' });
  });

  it('keeps the last result and is stale when the model refuses valid inputs', () => {
    const failed = nextState(current, { error: 'no Atlas tier is large enough' });
    expect(failed.result).toBe(result);
    expect(staleness(failed, true)).toEqual({ stale: true, reason: 'error' });
    expect(staleness(nextState(failed, { result, ms: 5 }), true)).toEqual({ stale: false, reason: null });
  });

  it('has nothing to mark before any result', () => {
    expect(staleness({ result: null, error: null, ms: null }, false)).toEqual({ stale: false, reason: null });
  });
});
