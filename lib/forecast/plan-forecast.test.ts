import { describe, expect, it } from 'vitest';
import { planForecast, planForecastDays } from './plan-forecast';

const plan = [
  { month: '2026-05', p10: '4500.00', p50: '6000.00', p90: '9100.00' },
  { month: '2026-04', p10: 3000, p50: 3600, p90: 4200 },
];

describe('planForecast', () => {
  it('turns P10/P50/P90 months into rows in month order', () => {
    expect(planForecast(plan)).toEqual([
      { month: '2026-04', mean: 3600, lower: 3000, upper: 4200, method: 'plan', actual: 0, forecast: 3600 },
      { month: '2026-05', mean: 6000, lower: 4500, upper: 9100, method: 'plan', actual: 0, forecast: 6000 },
    ]);
    expect(planForecast(plan, { from: '2026-05' }).map((r) => r.month)).toEqual(['2026-05']);
  });

  it('spreads a month evenly over its days', () => {
    const days = planForecastDays(plan);
    expect(days).toHaveLength(30 + 31);
    expect(days[0]).toEqual({ day: '2026-04-01', mean: 120, lower: 100, upper: 140, method: 'plan' });
    expect(days.filter((d) => d.day.startsWith('2026-05')).reduce((a, d) => a + d.mean, 0)).toBeCloseTo(6000, 9);
    expect(planForecastDays(plan, { from: '2026-05-30' }).map((d) => d.day)).toEqual(['2026-05-30', '2026-05-31']);
  });

  it('rejects a malformed month or out-of-order percentiles', () => {
    expect(() => planForecast([{ month: '2026-13', p10: 1, p50: 2, p90: 3 }])).toThrow(/YYYY-MM/);
    expect(() => planForecast([{ month: '2026-01', p10: 5, p50: 2, p90: 3 }])).toThrow(/p10 ≤ p50 ≤ p90/);
    expect(() => planForecast([{ month: '2026-01', p10: 'x', p50: 2, p90: 3 }])).toThrow(/p10 is not a number/);
  });
});
