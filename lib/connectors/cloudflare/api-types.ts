// Zod schemas of the Cloudflare API v4 payloads the connector reads: the REST envelope, zones,
// plan subscriptions, and the GraphQL Analytics answer for httpRequests1dGroups.
import { z } from 'zod';

export const ZCfMessage = z.object({ code: z.number().optional(), message: z.string() });

export function zCfEnvelope<T extends z.ZodType>(result: T) {
  return z.object({
    success: z.boolean(),
    errors: z.array(ZCfMessage).default([]),
    result,
    result_info: z
      .object({
        page: z.number().int(),
        per_page: z.number().int(),
        count: z.number().int().optional(),
        total_count: z.number().int().optional(),
        total_pages: z.number().int().optional(),
      })
      .nullish(),
  });
}

export const ZCfPlan = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  price: z.number().nullish(),
  currency: z.string().nullish(),
  frequency: z.string().nullish(),
  is_subscribed: z.boolean().nullish(),
  legacy_id: z.string().nullish(),
});

export const ZCfZone = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  paused: z.boolean().nullish(),
  type: z.string().nullish(),
  account: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
  plan: ZCfPlan.nullish(),
});
export type TCfZone = z.infer<typeof ZCfZone>;

export const ZCfSubscription = z.object({
  id: z.string().nullish(),
  currency: z.string().nullish(),
  current_period_start: z.string().nullish(),
  current_period_end: z.string().nullish(),
  frequency: z.enum(['weekly', 'monthly', 'quarterly', 'yearly']).nullish(),
  price: z.number().nullish(),
  state: z.string().nullish(),
  rate_plan: z
    .object({
      id: z.string().nullish(),
      public_name: z.string().nullish(),
      currency: z.string().nullish(),
      scope: z.string().nullish(),
      is_contract: z.boolean().nullish(),
      externally_managed: z.boolean().nullish(),
    })
    .nullish(),
  zone: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
});
export type TCfSubscription = z.infer<typeof ZCfSubscription>;

const count = z.number().nonnegative();

export const ZCfDailyGroup = z.object({
  dimensions: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date') }),
  sum: z.object({ requests: count, cachedRequests: count, bytes: count, cachedBytes: count }),
});
export type TCfDailyGroup = z.infer<typeof ZCfDailyGroup>;

export const ZCfGraphqlError = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export const ZCfTrafficAnswer = z.object({
  data: z
    .object({
      viewer: z.object({
        zones: z.array(z.object({ zoneTag: z.string(), httpRequests1dGroups: z.array(ZCfDailyGroup) })),
      }),
    })
    .nullish(),
  errors: z.array(ZCfGraphqlError).nullish(),
});
