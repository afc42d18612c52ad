import { describe, expect, it } from 'vitest';
import { ZGetCostForecastResponse } from '../connectors/aws/api-types';
import { DEFAULT_DEMO_SEED, generateDemo } from './generate-demo';
import { demoAwsForecastInsights } from './aws-forecast';

describe('demoAwsForecastInsights', () => {
  it("stores Cost Explorer's GetCostForecast as a sync does: the rest of this month and the next three, in USD, with an 80% interval", () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const insights = demoAwsForecastInsights(generateDemo({ now, seed: DEFAULT_DEMO_SEED }).costs, now);
    expect(insights.map((i) => [i.kind, i.key, i.periodStart?.toISOString().slice(0, 10), i.periodEnd?.toISOString().slice(0, 10)])).toEqual([
      ['aws.forecast', 'current-month', '2026-12-06', '2027-01-01'],
      ['aws.forecast', 'next-3-months', '2027-01-01', '2027-04-01'],
    ]);
    for (const i of insights) {
      const { request, response } = i.payload as { request: { PredictionIntervalLevel: number }; response: unknown };
      expect(request.PredictionIntervalLevel).toBe(80);
      const parsed = ZGetCostForecastResponse.parse(response);
      expect(parsed.Total?.Unit).toBe('USD');
      for (const r of parsed.ForecastResultsByTime ?? []) {
        expect(Number(r.PredictionIntervalLowerBound)).toBeLessThan(Number(r.MeanValue));
        expect(Number(r.MeanValue)).toBeLessThan(Number(r.PredictionIntervalUpperBound));
        expect(Number(r.MeanValue)).toBeGreaterThan(0);
      }
    }
    expect((insights[1].payload as { response: { ForecastResultsByTime: unknown[] } }).response.ForecastResultsByTime).toHaveLength(3);
  });
});
