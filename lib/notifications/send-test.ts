// "Send test": a test notification on one channel, delivered at once, its result answered and kept
// in the delivery log like any other. One attempt: the person who asked sees what went wrong now.
import crypto from 'node:crypto';
import { audit } from '../audit';
import type { TAuditActor } from '../connections/audit-actor';
import { prisma } from '../db';
import { appUrl, env } from '../env';
import { renderAlert } from './render';
import { deliverNotification, type TDeliveryOutcome } from './deliver';
import { findChannelRow } from './save-channel';

export async function sendChannelTest(actor: TAuditActor, channelId: string, options: { timeoutMs?: number } = {}): Promise<TDeliveryOutcome & { notificationId: string }> {
  const channel = await findChannelRow(channelId);
  const payload = { channelName: channel.name, requestedBy: actor.label ?? null };
  const config = env();
  const subject = renderAlert({ kind: 'test', payload }, { locale: config.LOCALE, timeZone: config.ORG_TIMEZONE, appUrl: appUrl(), channelName: channel.name }).subject;
  const row = await prisma.notification.create({
    data: { channelId: channel.id, channelName: channel.name, dedupeKey: `test:${crypto.randomUUID()}`, kind: 'test', frequency: 'immediate', subject, payload },
  });
  const outcome = await deliverNotification(row.id, { retry: false, timeoutMs: options.timeoutMs ?? 10_000 });
  await audit(actor, 'channel.test', { type: 'notification_channel', id: channel.id }, { name: channel.name, status: outcome?.status ?? 'pending' });
  return { ...(outcome ?? { id: row.id, status: 'pending', attempts: 0, nextAttemptAt: null, error: null }), notificationId: row.id };
}
