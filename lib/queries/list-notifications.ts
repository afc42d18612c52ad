// The delivery log: notifications newest first, with filters, for the settings page and the API.
import { ZNotificationsQuery, type TNotificationsQuery, type TNotificationView, type TChannelType, type TFrequency, type TNotificationKind, type TNotificationStatus, type TSubscriptionTarget } from '../api/schemas/notifications';
import { parseInput } from '../connections/validate';
import { prisma } from '../db';
import type { Prisma } from '../generated/prisma/client';

export async function listNotifications(query: TNotificationsQuery = {}): Promise<TNotificationView[]> {
  const q = parseInput(ZNotificationsQuery, query);
  const where: Prisma.NotificationWhereInput = {
    ...(q.channelId ? { channelId: q.channelId } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
  };
  const rows = await prisma.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit, include: { channel: { select: { type: true } } } });
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channelId,
    channelName: r.channelName,
    channelType: (r.channel?.type as TChannelType | undefined) ?? null,
    kind: r.kind as TNotificationKind,
    targetType: (r.targetType as TSubscriptionTarget | null) ?? null,
    targetId: r.targetId,
    frequency: r.frequency as TFrequency,
    subject: r.subject,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    status: r.status as TNotificationStatus,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' || r.status === 'retrying' ? r.nextAttemptAt.toISOString() : null,
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
