// Forecast accuracy: MAPE and 80%-interval coverage of 1–7-day-ahead forecasts over rolling origins, for the
// method the backtest chooses and for seasonal naive (same weekday last week) in the same run, on the demo
// dataset's total (in EUR) and on a generated weekly-seasonal series with trend and noise. Pure: no database.
import { addIsoDays } from '../dates';
import { DEFAULT_DEMO_SEED, generateDemo } from '../demo/generate-demo';
import { createRng } from '../demo/prng';
import { forecastSpend, type TChargeFrequency, type TSpendPoint } from '../forecast/forecast-spend';
import type { TBench, TBenchContext } from './registry';

const HORIZON = 7;
const ORIGINS = 90;

function demoTotal(now: Date): TSpendPoint[] {
  const data = generateDemo({ now, seed: DEFAULT_DEMO_SEED });
  const usdEur = new Map(data.fxRates.map((r) => [r.date, Number(r.rate)]));
  const byKey = new Map<string, TSpendPoint>();
  for (const c of data.costs) {
    const day = c.chargePeriodStart.toISOString().slice(0, 10);
    const rate = c.billingCurrency === 'EUR' ? 1 : (usdEur.get(day) ?? 0.92);
    const frequency: TChargeFrequency = c.chargeFrequency === 'Recurring' ? 'recurring' : c.chargeFrequency === 'One-Time' ? 'one-time' : 'usage';
    const key = `${day}|${frequency}`;
    const p = byKey.get(key) ?? { day, amount: 0, frequency };
    p.amount += Number(c.effectiveCost) * rate;
    byKey.set(key, p);
  }
  return [...byKey.values()];
}

// 365 days: level 200 growing 0.15 a day, weekday factors of a business week, 6% multiplicative noise.
export function weeklySeries(start = '2025-01-06', days = 365, seed = 11): TSpendPoint[] {
  const rng = createRng(seed, 'bench.forecast');
  const weekday = [1.0, 1.06, 1.1, 1.08, 1.02, 0.72, 0.66];
  return Array.from({ length: days }, (_, i) => ({ day: addIsoDays(start, i), amount: (200 + 0.15 * i) * weekday[i % 7] * (1 + 0.06 * rng.normal()) }));
}

function measure(ctx: TBenchContext, series: string, points: TSpendPoint[]) {
  const asOf = addIsoDays(points.reduce((m, p) => (p.day > m ? p.day : m), points[0].day), 1);
  const t = performance.now();
  const f = forecastSpend({ points, asOf, interval: 80, horizon: HORIZON, maxOrigins: ORIGINS, months: 0 });
  const ms = performance.now() - t;
  const b = f.backtest;
  ctx.emit({
    name: 'forecast_backtest_mape',
    series,
    value: b.mape ?? Number.NaN,
    unit: 'fraction',
    baseline: b.baselineMape ?? Number.NaN,
    baselineName: 'seasonal naive (same weekday last week)',
    ratio: b.mape !== null && b.baselineMape ? b.mape / b.baselineMape : Number.NaN,
    coverage: b.coverage,
    coverageTarget: 0.8,
    coveragePoints: b.coveragePoints,
    method: f.method,
    candidates: b.candidates,
    horizonDays: HORIZON,
    points: b.points,
    historyDays: f.historyDays,
    ms: Math.round(ms),
  });
}

export const forecastBench: TBench = {
  name: 'forecast',
  run: async (ctx) => {
    measure(ctx, 'demo-total', demoTotal(new Date()));
    measure(ctx, 'weekly-trend-noise', weeklySeries());
  },
};
