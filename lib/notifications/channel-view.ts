// A channel as the API and the settings page show it: no URL, no secret.
import type { TChannelType, TChannelView, TNotificationStatus, TWebhookFormat } from '../api/schemas/notifications';
import type { NotificationChannel } from '../generated/prisma/client';

export function toChannelView(
  row: NotificationChannel,
  extra: { subscriptions: number; lastDelivery: { status: string; at: Date } | null },
): TChannelView {
  return {
    id: row.id,
    type: row.type as TChannelType,
    name: row.name,
    addresses: row.addresses,
    urlHint: row.urlHint,
    format: (row.format as TWebhookFormat | null) ?? null,
    hasSecret: row.hasSecret,
    subscriptions: extra.subscriptions,
    lastDelivery: extra.lastDelivery ? { status: extra.lastDelivery.status as TNotificationStatus, at: extra.lastDelivery.at.toISOString() } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
