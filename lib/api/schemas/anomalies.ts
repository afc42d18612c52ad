// Anomalies and their monitors: the API's query, body and answer shapes.
import { z } from 'zod';
import { ZDay } from '../../dates';
import { MONITOR_KINDS, ZMonitorScope } from '../../anomalies/monitor-scope';
import { ZScopedKey } from '../../queries/cost-keys';

export const ANOMALY_STATUSES = ['open', 'acknowledged', 'expected', 'false_positive'] as const;
export type TAnomalyStatus = (typeof ANOMALY_STATUSES)[number];

const decimal = (what: string) => z.string().describe(`${what}, a decimal string`);

export const ZAnomalyListQuery = z
  .object({
    from: ZDay.optional().describe('anomalies with a day on or after it'),
    to: ZDay.optional().describe('anomalies with a day before it (exclusive)'),
    status: z.enum(ANOMALY_STATUSES).optional(),
    provider: z.string().min(1).max(200).optional().describe('monitors within a provider (its total, services, regions, accounts)'),
    service: ZScopedKey('AWS:Amazon EC2').optional(),
    monitor: z.uuid().optional().describe('one monitor'),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must be after from (to is exclusive)', path: ['to'] });
export type TAnomalyListQuery = z.infer<typeof ZAnomalyListQuery>;

export const ZContribution = z.object({
  key: z.string(),
  label: z.string(),
  expected: z.number(),
  actual: z.number(),
  impact: z.number().describe('actual − expected over the anomaly’s days, in money'),
  share: z.number().nullable().describe('impact ÷ the anomaly’s impact'),
});

export const ZAnomaly = z.object({
  id: z.uuid(),
  monitor: z.object({ id: z.uuid(), kind: z.enum(MONITOR_KINDS), key: z.string(), name: z.string() }),
  scope: ZMonitorScope,
  startDay: z.string(),
  endDay: z.string(),
  direction: z.enum(['increase', 'decrease']),
  currency: z.string(),
  expected: decimal('expected spend over its days'),
  actual: decimal('actual spend over its days'),
  impact: decimal('actual − expected'),
  impactPercent: z.string().nullable().describe('impact ÷ expected × 100; null when nothing was expected'),
  score: z.number().describe('the largest robust z-score of its days'),
  contributions: z.array(ZContribution),
  contributionDimension: z.enum(['provider', 'service', 'usageType']).nullable(),
  status: z.enum(ANOMALY_STATUSES),
  note: z.string().nullable(),
  provisional: z.boolean().describe('a day of it is still estimated by the provider'),
  ongoing: z.boolean().describe('it runs to the last billed day'),
  detectedAt: z.string(),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
});
export type TAnomalyView = z.infer<typeof ZAnomaly>;

export const ZUpdateAnomaly = z
  .object({
    status: z.enum(ANOMALY_STATUSES),
    note: z.string().trim().max(2000).optional().describe('why (kept with the status)'),
  })
  .strict();

export const ZDetectRequest = z
  .object({
    from: ZDay.optional().describe('first day to judge (default: 13 days before to); 14 days of history are needed before it'),
    to: ZDay.optional().describe('last day to judge, inclusive (default: the last billed day)'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

export const ZDetectResult = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  judgedFrom: z.string().nullable(),
  monitors: z.number(),
  found: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  removed: z.number(),
  alerts: z.number(),
});

const ZSubscription = z.object({ channelId: z.uuid(), frequency: z.enum(['immediate', 'daily']).default('immediate') }).strict();
const ZMinPercent = z.number().min(0).max(10_000).describe('a day must deviate by at least this percent of its expected spend (default 20)');
const ZMinAmount = z.number().min(0).max(1e12).describe('and by at least this amount a day, in the monitor’s currency (default 20)');

export const ZCreateMonitor = z
  .object({
    name: z.string().trim().min(1).max(200),
    scope: ZMonitorScope.refine((s) => Object.keys(s).length > 0, { message: 'must name at least one filter (the total has its own monitor)' }),
    minPercent: ZMinPercent.default(20),
    minAmount: ZMinAmount.default(20),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
    subscriptions: z.array(ZSubscription).max(50).default([]),
  })
  .strict();
export type TCreateMonitor = z.infer<typeof ZCreateMonitor>;

export const ZUpdateMonitor = z
  .object({
    name: z.string().trim().min(1).max(200).optional().describe('custom monitors only'),
    scope: ZMonitorScope.optional().describe('custom monitors only'),
    minPercent: ZMinPercent.optional(),
    minAmount: ZMinAmount.optional(),
    enabled: z.boolean().optional(),
    subscriptions: z.array(ZSubscription).max(50).optional().describe('replaces the list'),
  })
  .strict();
export type TUpdateMonitor = z.infer<typeof ZUpdateMonitor>;

export const ZMonitor = z.object({
  id: z.uuid(),
  kind: z.enum(MONITOR_KINDS),
  key: z.string(),
  name: z.string(),
  scope: ZMonitorScope,
  minPercent: z.number(),
  minAmount: z.number(),
  currency: z.string(),
  enabled: z.boolean(),
  subscriptions: z.array(z.object({ channelId: z.string(), frequency: z.enum(['immediate', 'daily']) })),
  openAnomalies: z.number(),
});
export type TMonitorView = z.infer<typeof ZMonitor>;

export const ZAnomalySeriesQuery = z
  .object({ from: ZDay, to: ZDay.describe('inclusive') })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { message: 'at most 400 days after from', path: ['to'] });

export const ZAnomalySeries = z.object({
  monitorId: z.string(),
  name: z.string(),
  currency: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      actual: z.number(),
      expected: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      anomalous: z.boolean(),
      estimated: z.boolean(),
    }),
  ),
});
