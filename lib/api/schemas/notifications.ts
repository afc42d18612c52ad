// Request and response schemas for notification channels, subscriptions and the delivery log (they
// also feed the OpenAPI document). A webhook's URL and secret appear in requests only: responses
// carry a hint of the URL and hasSecret.
import { z } from 'zod';
import { ZHttpUrl } from '../../connectors/http-url';

export const CHANNEL_TYPES = ['email', 'webhook'] as const;
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export const NOTIFICATION_KINDS = ['budget_threshold', 'anomaly', 'test'] as const;
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'retrying', 'failed', 'abandoned'] as const;
export const SUBSCRIPTION_TARGETS = ['budget', 'anomaly_monitor'] as const;
export const FREQUENCIES = ['immediate', 'daily'] as const;

export type TChannelType = (typeof CHANNEL_TYPES)[number];
export type TWebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type TNotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export type TSubscriptionTarget = (typeof SUBSCRIPTION_TARGETS)[number];
export type TFrequency = (typeof FREQUENCIES)[number];

const ZName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

// one address: no display name, no list (each address gets its own message)
export const ZEmailAddress = z.string().trim().toLowerCase().pipe(z.email({ error: 'must be an e-mail address' }).max(254));

const ZAddresses = z
  .array(ZEmailAddress)
  .min(1, 'must list at least one address')
  .max(50, 'must list at most 50 addresses')
  .refine((list) => new Set(list).size === list.length, 'lists an address twice');

const ZWebhookUrl = ZHttpUrl.max(2000, 'must be at most 2000 characters');
const ZSecret = z.string().min(16, 'must be at least 16 characters').max(256, 'must be at most 256 characters');

export const ZCreateChannel = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('email'), name: ZName, addresses: ZAddresses }).strict(),
    z
      .object({
        type: z.literal('webhook'),
        name: ZName,
        url: ZWebhookUrl,
        secret: ZSecret.optional().describe('signs each request (Tourmalet-Signature header); write-only'),
        format: z.enum(WEBHOOK_FORMATS).default('json').describe('slack: a body Slack incoming webhooks accept'),
      })
      .strict(),
  ],
  { error: 'must be email or webhook' },
);
export type TCreateChannel = z.input<typeof ZCreateChannel>;

// the type is fixed at creation; fields of the other type are refused
export const ZUpdateChannel = z
  .object({
    name: ZName.optional(),
    addresses: ZAddresses.optional().describe('e-mail channels'),
    url: ZWebhookUrl.optional().describe('webhook channels; absent keeps the stored one'),
    secret: ZSecret.nullable().optional().describe('webhook channels; null removes it, absent keeps it'),
    format: z.enum(WEBHOOK_FORMATS).optional().describe('webhook channels'),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type TUpdateChannel = z.input<typeof ZUpdateChannel>;

export const ZChannel = z.object({
  id: z.string(),
  type: z.enum(CHANNEL_TYPES),
  name: z.string(),
  addresses: z.array(z.string()).describe('e-mail channels; empty for webhooks'),
  urlHint: z.string().nullable().describe('webhook channels: the URL’s origin and last characters, never the whole URL'),
  format: z.enum(WEBHOOK_FORMATS).nullable(),
  hasSecret: z.boolean(),
  subscriptions: z.number().describe('budgets and monitors subscribed'),
  lastDelivery: z
    .object({ status: z.enum(NOTIFICATION_STATUSES), at: z.string() })
    .nullable()
    .describe('the latest notification of this channel'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TChannelView = z.infer<typeof ZChannel>;

export const ZChannelTestResult = z.object({
  notificationId: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  error: z.string().nullable().describe('what went wrong, credentials redacted'),
});

export const ZSubscription = z.object({
  channelId: z.string().uuid({ error: 'must be a channel id' }),
  frequency: z.enum(FREQUENCIES).default('immediate'),
});
export type TSubscriptionInput = z.input<typeof ZSubscription>;
export const ZSubscriptions = z.array(ZSubscription).max(50, 'must list at most 50 subscriptions');

export const ZNotificationsQuery = z.object({
  channelId: z.string().uuid().optional(),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  targetType: z.enum(SUBSCRIPTION_TARGETS).optional(),
  targetId: z.string().uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('created at or after (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('created before (ISO 8601)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TNotificationsQuery = z.input<typeof ZNotificationsQuery>;

export const ZNotification = z.object({
  id: z.string(),
  channelId: z.string().nullable().describe('null once the channel is deleted'),
  channelName: z.string(),
  channelType: z.enum(CHANNEL_TYPES).nullable(),
  kind: z.enum(NOTIFICATION_KINDS),
  targetType: z.enum(SUBSCRIPTION_TARGETS).nullable(),
  targetId: z.string().nullable(),
  frequency: z.enum(FREQUENCIES),
  subject: z.string().nullable().describe('as last sent, in the organisation’s language'),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable().describe('pending or retrying: when it is tried next'),
  lastError: z.string().nullable().describe('credentials redacted'),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotificationView = z.infer<typeof ZNotification>;
