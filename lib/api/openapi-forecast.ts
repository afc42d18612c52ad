// OpenAPI operation of the spend forecast.
import { z } from 'zod';
import { FORECAST_METHODS } from '../forecast/forecast-spend';
import { ZForecastQuery } from '../queries/get-forecast';
import type { TOperation } from './openapi';

const decimal = (what: string) => z.string().describe(`${what}, decimal string`);

export const ZForecastResult = z.object({
  currency: z.string(),
  asOf: z.string().describe('the first day not known: the forecast used only the days before it'),
  interval: z.number().describe('prediction interval in percent'),
  granularity: z.enum(['day', 'month']),
  groupBy: z.string(),
  rows: z.array(
    z.object({
      period: z.string().describe('the day, or the first day of the month (a month includes what was spent before asOf)'),
      key: z.string().describe('the group as the costs API keys it; total for groupBy=none'),
      label: z.string(),
      mean: decimal('expected spend'),
      lower: decimal('lower bound of the interval'),
      upper: decimal('upper bound of the interval'),
      method: z.enum([...FORECAST_METHODS, 'plan']).describe('the model the backtest chose, or plan: the plan of record\'s P50 and its P10–P90'),
    }),
  ),
  backtest: z.object({
    mape: z.number().nullable().describe('weighted MAPE of the chosen method over rolling origins, 1–28 days ahead, as a fraction'),
    coverage: z.number().nullable().describe('share of backtest actuals inside the interval built from errors known at their origin'),
    baselineMape: z.number().nullable(),
    baselineName: z.literal('seasonal-naive'),
    points: z.number(),
    method: z.string(),
    historyDays: z.number(),
    note: z.string().nullable().describe('set when the history is under 14 days (a plain run rate)'),
  }),
  plan: z.object({ scenarioId: z.string(), name: z.string(), version: z.number() }).nullable(),
  providerForecasts: z.array(
    z.object({
      provider: z.literal('AWS'),
      source: z.literal('GetCostForecast'),
      period: z.string(),
      periodEnd: z.string(),
      currency: z.string().describe('as AWS returned it (not converted)'),
      mean: z.string(),
      lower: z.string().nullable(),
      upper: z.string().nullable(),
      level: z.number().nullable().describe('the prediction interval AWS was asked for, in percent'),
      fetchedAt: z.string(),
      ours: z
        .object({ mean: z.string(), lower: z.string(), upper: z.string(), method: z.string() })
        .describe('our forecast of the same scope (AWS), days and currency, at the query\'s interval: spent before asOf plus the forecast of the rest'),
    }),
  ).describe('AWS Cost Explorer\'s own forecast of the account, for the total and the AWS scope'),
});

export const forecastOperations: TOperation[] = [
  {
    method: 'get',
    path: '/api/v1/forecast',
    summary:
      'Spend forecast by day (up to 3 months after asOf\'s month) or by month (up to 12), for the total or a scope, with the interval from the series\' own rolling-origin backtest; "plan" rows follow the plan of record for the total',
    query: ZForecastQuery,
    response: ZForecastResult,
    tag: 'forecast',
  },
];
