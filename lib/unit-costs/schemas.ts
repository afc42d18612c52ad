// Business metrics and unit costs: the shapes the API, the CLI and the pages accept.
import { z } from 'zod';
import { ZDay } from '../dates';
import { tryNormalizeDecimal } from '../money/decimal';

export const ZMetricName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (active-users, requests), at most 63 characters');

// A value as a JSON number or a decimal string ("1234.5"); never negative (a count of users or requests).
export const ZMetricValue = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v.trim();
    const normal = /e/i.test(text) ? tryNormalizeDecimal(Number(text).toFixed(6)) : tryNormalizeDecimal(text);
    if (normal === null || text === '') {
      ctx.addIssue({ code: 'custom', message: 'must be a number' });
      return z.NEVER;
    }
    if (normal.startsWith('-')) {
      ctx.addIssue({ code: 'custom', message: 'must not be negative' });
      return z.NEVER;
    }
    if (Number(normal) >= 1e24) {
      ctx.addIssue({ code: 'custom', message: 'is too large' });
      return z.NEVER;
    }
    return normal;
  })
  .describe('a non-negative number (a JSON number or a decimal string)');

export const ZMetricPoint = z.object({ day: ZDay, value: ZMetricValue }).strict();
export type TMetricPoint = z.infer<typeof ZMetricPoint>;

export const ZMetricPoints = z
  .object({ points: z.array(ZMetricPoint).min(1).max(5000).describe('one value per day; a day sent again replaces its value') })
  .strict();

export const ZCreateMetric = z
  .object({
    name: ZMetricName,
    label: z.string().trim().min(1).max(100).describe('for people: Active users'),
    unit: z.string().trim().min(1).max(40).describe('one of what is counted: user, request'),
    per: z.number().int().min(1).max(1_000_000_000).default(1).describe('unit costs are shown per this many units (1 user, 1000000 requests)'),
    aggregation: z.enum(['sum', 'average']).default('sum').describe('how a month is made of its days: sum (requests) or average (active users)'),
    source: z.enum(['manual', 'prometheus']).default('manual'),
    connectionId: z.uuid().optional().describe('for source prometheus: a Prometheus connection'),
    query: z.string().trim().min(1).max(2000).optional().describe('for source prometheus: PromQL whose value at the end of a UTC day is that day’s value, e.g. sum(increase(http_requests_total[1d]))'),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.source === 'prometheus') {
      if (!m.connectionId) ctx.addIssue({ code: 'custom', path: ['connectionId'], message: 'is required for a metric pulled from Prometheus' });
      if (!m.query) ctx.addIssue({ code: 'custom', path: ['query'], message: 'is required for a metric pulled from Prometheus' });
    } else {
      if (m.connectionId) ctx.addIssue({ code: 'custom', path: ['connectionId'], message: 'only for source prometheus' });
      if (m.query) ctx.addIssue({ code: 'custom', path: ['query'], message: 'only for source prometheus' });
    }
  });
export type TCreateMetric = z.infer<typeof ZCreateMetric>;
