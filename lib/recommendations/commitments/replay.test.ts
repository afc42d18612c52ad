import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../stats';
import type { TCommitmentTerm } from '../types';
import { captureShares } from './capture';
import { flatLookbackSteps, hindsightOptimal, levelsOf, replaySchedule, stepsOf } from './replay';

const START = new Date('2026-01-01T00:00:00Z');
const TERM: TCommitmentTerm = { termMonths: 12, payment: 'no-upfront', discount: 0.28, upfrontShare: 0 };

describe('replaySchedule', () => {
  const actual = Array.from({ length: 2 * 730 }, (_, h) => ({ t: START.getTime() + h * HOUR_MS, v: h < 730 ? 10 : 20 }));
  const input = { start: START, termMonths: 2, discount: 0.28, unitPrice: 1, actual };

  it('realises d × level per fully used hour', () => {
    expect(replaySchedule([{ month: 0, amount: 10 }], input).savings).toBeCloseTo(0.28 * 10 * 1460, 6);
  });

  it('charges idle commitment at its full price', () => {
    // Month 0 uses 10 of 20: 10 − 0.72·20 = −4.4 per hour; month 1 fully used: 0.28·20.
    expect(replaySchedule([{ month: 0, amount: 20 }], input).savings).toBeCloseTo(730 * (-4.4 + 5.6), 6);
  });

  it('adds each step from its month', () => {
    expect(levelsOf([{ month: 0, amount: 10 }, { month: 1, amount: 10 }], 2)).toEqual([10, 20]);
    expect(stepsOf([10, 10, 20])).toEqual([{ month: 0, amount: 10 }, { month: 2, amount: 10 }]);
    expect(replaySchedule([{ month: 0, amount: 10 }, { month: 1, amount: 10 }], input).savings).toBeCloseTo(0.28 * (10 + 20) * 730, 6);
  });

  it('knows the hindsight optimum of a step-up', () => {
    const best = hindsightOptimal(input);
    expect(best.steps).toEqual([{ month: 0, amount: 10 }, { month: 1, amount: 10 }]);
  });

  it('flat lookback commits the last 30 days’ level and nothing after asOf', () => {
    const asOf = new Date(START.getTime() + 730 * HOUR_MS);
    expect(flatLookbackSteps(actual, asOf, 0.28)).toEqual([{ month: 0, amount: 10 }]);
  });
});

describe('replay on generated histories: ours against the flat-lookback policy', () => {
  const run = (shape: 'growing' | 'flat' | 'short') => captureShares({ shape, start: START, asOfMonth: 3, term: TERM });

  it('captures more on a growing history', () => {
    const r = run('growing');
    expect(r.tranches).toBeGreaterThan(1);
    expect(r.ours).toBeGreaterThan(r.flat + 0.2);
    // The ladder as recommended at asOf, bought on schedule without looking again, also beats it here.
    expect(r.ladder).toBeGreaterThan(r.flat + 0.2);
    expect(r.ours).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('about the same on a flat one', () => {
    const r = run('flat');
    expect(r.tranches).toBe(1);
    expect(Math.abs(r.ours - r.flat)).toBeLessThan(0.05);
    expect(r.ours).toBeGreaterThan(0.9);
  });

  it('loses less than the flat policy when growth falls short, because it buys each step when the usage is there', () => {
    const r = run('short');
    expect(r.ours).toBeGreaterThan(r.flat + 0.1);
    expect(r.ours).toBeLessThanOrEqual(1 + 1e-9);
    // Bought blind on the plan's schedule, the same ladder would over-commit: why it is followed month by month.
    expect(r.ladder).toBeLessThan(r.ours);
  });
});
