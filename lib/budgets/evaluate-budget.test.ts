import { describe, expect, it } from 'vitest';
import { evaluateBudget } from './evaluate-budget';
import { periodContaining } from './periods';

const TZ = 'Europe/Paris';
const thresholds = [
  { id: 'actual-80', on: 'actual' as const, percent: 80 },
  { id: 'forecast-100', on: 'forecast' as const, percent: 100 },
];

describe('evaluateBudget', () => {
  it('evaluates a plan-of-record budget for the quarter that contains an instant in Paris', () => {
    // 1 April 2026 00:30 in Paris is still 31 March in UTC: the second quarter already
    const period = periodContaining(new Date('2026-03-31T22:30:00Z'), 'quarter', TZ);
    const e = evaluateBudget({
      spec: { kind: 'scenario', months: [{ month: '2026-04', p50: '3000' }, { month: '2026-05', p50: '3000' }, { month: '2026-06', p50: '4000' }] },
      thresholds,
      period,
      timeZone: TZ,
      actual: '120.50',
      forecast: '10400',
    });
    expect(e).toMatchObject({
      period: '2026-Q2',
      amount: '10000',
      percentActual: 1.205,
      percentForecast: 104,
      state: 'alarm',
      amountBasis: { kind: 'scenario', basis: ['2026-04', '2026-05', '2026-06'], missing: [] },
    });
    expect(e.thresholds.map((t) => [t.id, t.limit, t.state])).toEqual([
      ['actual-80', '8000', 'ok'],
      ['forecast-100', '10000', 'alarm'],
    ]);
    expect(e.alerts.map((t) => t.id)).toEqual(['forecast-100']);
    const again = evaluateBudget({ spec: { kind: 'fixed', amount: '10000' }, thresholds, period, timeZone: TZ, actual: '120.50', forecast: '10400', alerted: [{ thresholdId: 'forecast-100', periodKey: '2026-Q2' }] });
    expect(again.state).toBe('alarm');
    expect(again.alerts).toEqual([]);
  });

  it('has no percent without an amount, and stays ok', () => {
    const period = periodContaining(new Date('2026-05-10T10:00:00Z'), 'month', TZ);
    const e = evaluateBudget({ spec: { kind: 'auto', periods: 3 }, thresholds, period, timeZone: TZ, actual: '500', forecast: '900', pastActuals: [] });
    expect(e).toMatchObject({ amount: null, percentActual: null, percentForecast: null, state: 'ok', alerts: [] });
    expect(e.amountBasis.missing).toEqual(['2026-02', '2026-03', '2026-04']);
  });
});
