// Business metrics and unit costs: answer shapes of the API.
import { z } from 'zod';

export const ZBusinessMetric = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.string(),
  per: z.number(),
  aggregation: z.enum(['sum', 'average']),
  source: z.enum(['manual', 'prometheus']),
  connectionId: z.string().nullable(),
  query: z.string().nullable(),
  points: z.number(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  lastValue: z.string().nullable(),
});

export const ZPointsResult = z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() });

export const ZUnitCosts = z.object({
  metric: z.object({ name: z.string(), label: z.string(), unit: z.string(), per: z.number(), aggregation: z.enum(['sum', 'average']) }),
  currency: z.string(),
  granularity: z.enum(['day', 'month']),
  rows: z.array(
    z.object({
      period: z.string().describe('first day of the period'),
      cost: z.string().describe('cost of the period’s days that have a metric value'),
      value: z.string().nullable().describe('the metric: its sum, or its daily average for an average metric'),
      unitCost: z.string().nullable().describe('cost ÷ value × per'),
      daysWithValue: z.number(),
      days: z.number(),
    }),
  ),
  total: z.object({ cost: z.string(), value: z.string().nullable(), unitCost: z.string().nullable() }),
  trend: z.object({ latest: z.string().nullable(), previous: z.string().nullable(), change: z.number().nullable() }),
});
