// Raises an alert for a budget or an anomaly monitor: one outbox row per subscribed channel, keyed by
// (channel, dedupe key), so raising it again (a re-run of detection, a second worker, a retry of the
// caller) adds nothing and never sends twice. Immediate ones are handed to the job queue at once;
// daily ones wait for the digest.
import type { TNotificationKind, TSubscriptionTarget } from '../api/schemas/notifications';
import { appUrl, env } from '../env';
import { prisma } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { logger } from '../logger';
import { nextDigestAt } from './digest-time';
import { parseAlert } from './payloads';
import { renderAlert } from './render';

export type TEnqueueInput = {
  targetType: TSubscriptionTarget;
  targetId: string;
  // what makes this alert the same alert: "budget:<id>:<period>:<threshold>", "anomaly:<id>:new"
  dedupeKey: string;
  kind: Exclude<TNotificationKind, 'test'>;
  payload: unknown;
  // subscriptions a feature still keeps in its own table (budget_subscription,
  // anomaly_monitor_subscription), added to the target's rows in notification_subscription; a
  // channel that no longer exists is skipped
  subscriptions?: { channelId: string; frequency: string }[];
};

type TDb = Pick<Prisma.TransactionClient, 'notificationSubscription' | 'notification' | 'notificationChannel'>;

export type TEnqueued = { created: { id: string; channelId: string; frequency: string }[]; alreadyQueued: number };

export async function enqueueNotification(
  input: TEnqueueInput,
  // inside the caller's transaction, its client: the alert commits with the state that raised it.
  // Then the caller dispatches the created ids after its commit (or the minute sweep does).
  options: { db?: TDb; now?: Date; dispatch?: boolean } = {},
): Promise<TEnqueued> {
  const db = options.db ?? prisma;
  const now = options.now ?? new Date();
  if (!input.dedupeKey || input.dedupeKey.length > 500) throw new Error('a notification needs a dedupe key of at most 500 characters');
  const alert = parseAlert(input.kind, input.payload);
  const subs: { channelId: string; frequency: string; channel: { name: string } }[] = await db.notificationSubscription.findMany({
    where: { targetType: input.targetType, targetId: input.targetId },
    include: { channel: { select: { name: true } } },
  });
  const extra = (input.subscriptions ?? []).filter((e) => !subs.some((s) => s.channelId === e.channelId));
  if (extra.length) {
    const channels = await db.notificationChannel.findMany({ where: { id: { in: extra.map((e) => e.channelId).filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } }, select: { id: true, name: true } });
    for (const e of extra) {
      const c = channels.find((x) => x.id === e.channelId);
      if (c && !subs.some((s) => s.channelId === c.id)) subs.push({ channelId: c.id, frequency: e.frequency === 'daily' ? 'daily' : 'immediate', channel: { name: c.name } });
    }
  }
  if (!subs.length) return { created: [], alreadyQueued: 0 };
  const config = env();
  const subject = renderAlert(alert, { locale: config.LOCALE, timeZone: config.ORG_TIMEZONE, appUrl: appUrl(), channelName: '' }).subject;
  const created = await db.notification.createManyAndReturn({
    data: subs.map((s) => ({
      channelId: s.channelId,
      channelName: s.channel.name,
      dedupeKey: input.dedupeKey,
      kind: input.kind,
      targetType: input.targetType,
      targetId: input.targetId,
      frequency: s.frequency,
      subject,
      payload: alert.payload as object,
      nextAttemptAt: s.frequency === 'daily' ? nextDigestAt(now, config.ORG_TIMEZONE) : now,
      createdAt: now,
    })),
    skipDuplicates: true,
    select: { id: true, channelId: true, frequency: true },
  });
  const result = { created: created.map((c) => ({ id: c.id, channelId: c.channelId ?? '', frequency: c.frequency })), alreadyQueued: subs.length - created.length };
  if (created.length) logger.info({ kind: input.kind, dedupeKey: input.dedupeKey, channels: created.length }, 'notification queued');
  if (options.dispatch ?? !options.db) await dispatchNotifications(result.created.filter((c) => c.frequency === 'immediate').map((c) => c.id));
  return result;
}

// Hands immediate notifications to the job queue. Best effort: one the queue does not take is found
// by the minute sweep of deliver-notification.
export async function dispatchNotifications(ids: string[]): Promise<void> {
  if (!ids.length) return;
  try {
    const { getBoss } = await import('../jobs/boss');
    const boss = await getBoss();
    await Promise.all(ids.map((notificationId) => boss.send('deliver-notification', { notificationId })));
  } catch (error) {
    logger.warn({ err: error, notifications: ids.length }, 'could not queue notification deliveries; the minute sweep will deliver them');
  }
}
