// The demo's AWS connection as a real sync leaves it: Cost Explorer's GetCostForecast for the rest of the
// current month and the next three months, stored as { request, response } exactly as fetch-insights.ts
// stores them. The figures are derived from the demo's own AWS spend (a run rate of its last 14 days, with
// an interval widening with distance) so that AWS's forecast sits near, but not on, ours, as it does live.
import { addIsoDays, isoDay, startOfUtcDay, startOfUtcMonth } from '../dates';
import type { TProviderInsight } from '../connectors/types';
import type { TFocusRecord } from '../focus/types';

const RUN_RATE_DAYS = 14;

export function demoAwsForecastInsights(costs: readonly Pick<TFocusRecord, 'providerName' | 'chargePeriodStart' | 'billedCost'>[], now: Date): TProviderInsight[] {
  const today = startOfUtcDay(now);
  const since = addIsoDays(isoDay(today), -RUN_RATE_DAYS);
  let spent = 0;
  for (const c of costs) {
    if (c.providerName !== 'AWS') continue;
    const day = c.chargePeriodStart.toISOString().slice(0, 10);
    if (day >= since && day < isoDay(today)) spent += Number(c.billedCost);
  }
  const daily = spent / RUN_RATE_DAYS;
  const amount = (v: number) => v.toFixed(10);
  const periods = [
    { key: 'current-month', start: today, end: startOfUtcMonth(now, 1), months: [[today, startOfUtcMonth(now, 1)]] },
    {
      key: 'next-3-months',
      start: startOfUtcMonth(now, 1),
      end: startOfUtcMonth(now, 4),
      months: [1, 2, 3].map((m) => [startOfUtcMonth(now, m), startOfUtcMonth(now, m + 1)]),
    },
  ];
  return periods.map((p) => {
    const request = {
      TimePeriod: { Start: isoDay(p.start), End: isoDay(p.end) },
      Metric: 'UNBLENDED_COST',
      Granularity: 'MONTHLY',
      PredictionIntervalLevel: 80,
    };
    let total = 0;
    const results = p.months.map(([start, end], i) => {
      const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
      // AWS's model in the demo: the run rate growing 2% a month, its band ±9% widening 4 points a month
      const mean = daily * days * Math.pow(1.02, i + (p.key === 'current-month' ? 0 : 1));
      const spread = 0.09 + 0.04 * (i + (p.key === 'current-month' ? 0 : 1));
      total += mean;
      return {
        TimePeriod: { Start: isoDay(start), End: isoDay(end) },
        MeanValue: amount(mean),
        PredictionIntervalLowerBound: amount(mean * (1 - spread)),
        PredictionIntervalUpperBound: amount(mean * (1 + spread)),
      };
    });
    const response = { Total: { Amount: amount(total), Unit: 'USD' }, ForecastResultsByTime: results };
    return { kind: 'aws.forecast', key: p.key, periodStart: p.start, periodEnd: p.end, payload: { request, response } };
  });
}
