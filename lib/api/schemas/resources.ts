// Response shapes of the resources API, for the OpenAPI document.
import { z } from 'zod';

const ZBasis = z.literal('hourly averages').describe('P50, P95 and max are over the hourly averages of the window');

const ZTrend = z
  .object({
    status: z.enum(['insufficient-data', 'no-trend', 'not-growing', 'growing', 'full']),
    slopePerDay: z.number().nullable(),
    daysToFull: z.number().nullable(),
    fullAt: z.string().nullable(),
  })
  .nullable()
  .describe('a least-squares line through the daily means, and when it reaches capacity; no-trend when the slope is within noise');

const ZTrafficBasis = z
  .enum(['per-second', 'per-hour', 'per-day'])
  .nullable()
  .describe('for traffic metrics, what one value counts: a rate per second, or the total of an hour or a day (as the provider samples it)');

// What identifies a resource in every response that names one.
const ZResourceHeader = z.object({
  id: z.string().uuid(),
  provider: z.string(),
  kind: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  size: z.string().nullable(),
  source: z.string(),
});

export const ZResourceList = z.object({
  from: z.string().describe('first day of the window, YYYY-MM-DD'),
  to: z.string().describe('day after the window, YYYY-MM-DD (exclusive)'),
  basis: ZBasis,
  resources: z.array(
    ZResourceHeader.extend({
      capacity: z.record(z.string(), z.unknown()).describe('capacity figures keyed by the metric they bound'),
      lastSampleAt: z.string().nullable(),
      metrics: z.array(
        z.object({
          metric: z.string(),
          label: z.string(),
          unit: z.string(),
          latest: z.number(),
          latestAt: z.string(),
          capacity: z.number().nullable(),
          p95: z.number().nullable(),
          fill: z.number().nullable().describe('p95 / capacity'),
          trend: ZTrend,
          basis: ZTrafficBasis,
        }),
      ),
      main: z
        .object({
          metric: z.string(),
          label: z.string(),
          noun: z.string(),
          unit: z.string(),
          p95: z.number(),
          capacity: z.number(),
          fill: z.number(),
          headroom: z.number().describe('1 − p95 / capacity'),
          trend: ZTrend,
          runwayDays: z.number().nullable().describe('days until capacity at the trend: 0 when at or over it; null when it does not fill up within two years'),
        })
        .nullable()
        .describe('the bounded metric that runs out first (shortest runway), else the fullest'),
    }),
  ),
});

export const ZResourceMetricsResult = z.object({
  resource: ZResourceHeader,
  from: z.string(),
  to: z.string(),
  step: z.enum(['hour', 'day']),
  metrics: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      unit: z.string(),
      capacity: z.number().nullable(),
      fills: z.boolean().describe('false for ratios where more is better: no headroom or trend then'),
      basis: ZTrafficBasis,
      points: z.array(z.object({ t: z.string().describe('start of the hour or UTC day'), avg: z.number(), max: z.number(), min: z.number() })),
      summary: z
        .object({
          basis: ZBasis,
          hours: z.number().int(),
          p50: z.number(),
          p95: z.number(),
          max: z.number().describe('the highest hourly average'),
          peak: z.number().describe('the highest single sample'),
          latest: z.object({ value: z.number(), at: z.string() }).nullable(),
          headroom: z
            .object({ p95Fill: z.number(), maxFill: z.number().nullable(), headroom: z.number().describe('1 − p95 / capacity') })
            .nullable(),
          trend: ZTrend,
        })
        .nullable()
        .describe('null when the window has no samples'),
    }),
  ),
});
