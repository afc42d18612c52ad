import { describe, expect, it } from 'vitest';
import { periodFromKey } from './periods';
import { resolveBudgetAmount } from './resolve-amount';

const TZ = 'Europe/Paris';

describe('resolveBudgetAmount', () => {
  it('fixed', () => {
    expect(resolveBudgetAmount({ spec: { kind: 'fixed', amount: '5000.00' }, period: periodFromKey('2026-03', TZ), timeZone: TZ }).amount).toBe('5000');
    expect(() => resolveBudgetAmount({ spec: { kind: 'fixed', amount: 'lots' }, period: periodFromKey('2026-03', TZ), timeZone: TZ })).toThrow(/not a decimal/);
  });

  it('planned per period, and nothing for a period without an entry', () => {
    const spec = { kind: 'planned' as const, amounts: [{ period: '2026-Q1', amount: '12000' }, { period: '2026-Q2', amount: '15000.50' }] };
    expect(resolveBudgetAmount({ spec, period: periodFromKey('2026-Q2', TZ), timeZone: TZ })).toMatchObject({ amount: '15000.5', basis: ['2026-Q2'] });
    expect(resolveBudgetAmount({ spec, period: periodFromKey('2026-Q3', TZ), timeZone: TZ })).toMatchObject({ amount: null, missing: ['2026-Q3'] });
  });

  it('auto: the average of the last N periods, to the cent, and what it lacked', () => {
    const actuals = [
      { period: '2025-12', amount: '900' },
      { period: '2026-01', amount: '1000.10' },
      { period: '2026-02', amount: '1100.20' },
      { period: '2026-03', amount: '99999' }, // the current period itself does not count
    ];
    const march = periodFromKey('2026-03', TZ);
    expect(resolveBudgetAmount({ spec: { kind: 'auto', periods: 2 }, period: march, timeZone: TZ, actuals })).toMatchObject({
      amount: '1050.15',
      basis: ['2026-01', '2026-02'],
      missing: [],
    });
    expect(resolveBudgetAmount({ spec: { kind: 'auto', periods: 3 }, period: march, timeZone: TZ, actuals }).amount).toBe('1000.1');
    const young = resolveBudgetAmount({ spec: { kind: 'auto', periods: 6 }, period: march, timeZone: TZ, actuals });
    expect(young).toMatchObject({ amount: '1000.1', missing: ['2025-09', '2025-10', '2025-11'] });
    expect(resolveBudgetAmount({ spec: { kind: 'auto', periods: 2 }, period: march, timeZone: TZ, actuals: [] }).amount).toBeNull();
    expect(() => resolveBudgetAmount({ spec: { kind: 'auto', periods: 0 }, period: march, timeZone: TZ })).toThrow(RangeError);
  });

  it("from a scenario: the plan's monthly P50 summed over the period", () => {
    const months = [
      { month: '2026-04', p50: '4500.25' },
      { month: '2026-05', p50: 6000 },
      { month: '2026-06', p50: '7000.75' },
      { month: '2026-07', p50: '9000' },
    ];
    expect(resolveBudgetAmount({ spec: { kind: 'scenario', months }, period: periodFromKey('2026-Q2', TZ), timeZone: TZ })).toMatchObject({
      amount: '17501',
      basis: ['2026-04', '2026-05', '2026-06'],
    });
    expect(resolveBudgetAmount({ spec: { kind: 'scenario', months }, period: periodFromKey('2026-05', TZ), timeZone: TZ }).amount).toBe('6000');
    const q3 = resolveBudgetAmount({ spec: { kind: 'scenario', months }, period: periodFromKey('2026-Q3', TZ), timeZone: TZ });
    expect(q3).toMatchObject({ amount: null, missing: ['2026-08', '2026-09'] });
  });
});
