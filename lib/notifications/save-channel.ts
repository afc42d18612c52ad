// Creates, changes and deletes notification channels. A webhook's URL and secret are sealed before
// they reach the database; the audit log records which fields changed, never their values.
import crypto from 'node:crypto';
import { ZCreateChannel, ZUpdateChannel, type TChannelView, type TCreateChannel, type TUpdateChannel } from '../api/schemas/notifications';
import { audit } from '../audit';
import type { TAuditActor } from '../connections/audit-actor';
import { parseInput } from '../connections/validate';
import { prisma } from '../db';
import { AppError } from '../errors';
import type { NotificationChannel } from '../generated/prisma/client';
import { logger } from '../logger';
import { getChannel } from '../queries/list-channels';
import { openWebhook, sealWebhook, urlHint } from './channel-secrets';

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}

function nameTaken(name: string) {
  return new AppError('CONFLICT', `a channel named "${name}" already exists`, [{ field: 'name', message: 'already used' }]);
}

export async function findChannelRow(id: string): Promise<NotificationChannel> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.notificationChannel.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError('NOT_FOUND', `no notification channel ${id}`);
  return row;
}

export async function createChannel(actor: TAuditActor, input: TCreateChannel): Promise<TChannelView> {
  const data = parseInput(ZCreateChannel, input);
  const id = crypto.randomUUID();
  try {
    if (data.type === 'email') {
      await prisma.notificationChannel.create({ data: { id, type: 'email', name: data.name, addresses: data.addresses } });
    } else {
      await prisma.notificationChannel.create({
        data: {
          id,
          type: 'webhook',
          name: data.name,
          format: data.format,
          urlHint: urlHint(data.url),
          secretEnc: sealWebhook(id, { url: data.url, secret: data.secret ?? null }),
          hasSecret: data.secret !== undefined,
        },
      });
    }
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(data.name);
    throw e;
  }
  await audit(actor, 'channel.create', { type: 'notification_channel', id }, {
    type: data.type,
    name: data.name,
    ...(data.type === 'email' ? { addresses: data.addresses.length } : { format: data.format, secret: data.secret !== undefined }),
  });
  logger.info({ channelId: id, type: data.type }, 'notification channel created');
  return getChannel(id);
}

export async function updateChannel(actor: TAuditActor, id: string, input: TUpdateChannel): Promise<TChannelView> {
  const data = parseInput(ZUpdateChannel, input);
  const row = await findChannelRow(id);
  const foreign = row.type === 'email' ? (['url', 'secret', 'format'] as const) : (['addresses'] as const);
  const wrong = foreign.filter((k) => data[k] !== undefined);
  if (wrong.length)
    throw new AppError(
      'BAD_REQUEST',
      wrong.map((k) => `${k}: not a field of ${row.type} channels`).join('; '),
      wrong.map((k) => ({ field: k, message: `not a field of ${row.type} channels` })),
    );
  const changes: Parameters<typeof prisma.notificationChannel.update>[0]['data'] = {};
  if (data.name !== undefined) changes.name = data.name;
  if (data.addresses !== undefined) changes.addresses = data.addresses;
  if (data.format !== undefined) changes.format = data.format;
  if (row.type === 'webhook' && (data.url !== undefined || data.secret !== undefined)) {
    const stored = openWebhook(row.id, row.secretEnc ?? '');
    const next = { url: data.url ?? stored.url, secret: data.secret === undefined ? stored.secret : data.secret };
    changes.secretEnc = sealWebhook(row.id, next);
    changes.urlHint = urlHint(next.url);
    changes.hasSecret = next.secret !== null;
  }
  try {
    await prisma.notificationChannel.update({ where: { id: row.id }, data: changes });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(data.name ?? row.name);
    throw e;
  }
  await audit(actor, 'channel.update', { type: 'notification_channel', id: row.id }, { name: data.name ?? row.name, fields: Object.keys(data).filter((k) => data[k as keyof typeof data] !== undefined) });
  return getChannel(row.id);
}

// Its subscriptions go with it; its log stays (under its name), and what it had not delivered yet
// is abandoned, visibly, rather than left pending for a channel that is gone.
export async function deleteChannel(actor: TAuditActor, id: string): Promise<{ id: string; name: string }> {
  const row = await findChannelRow(id);
  await prisma.$transaction(async (tx) => {
    await tx.notification.updateMany({
      where: { channelId: row.id, status: { in: ['pending', 'retrying'] } },
      data: { status: 'abandoned', lastError: 'the channel was deleted before this was delivered', lockedUntil: null },
    });
    await tx.notificationChannel.delete({ where: { id: row.id } });
    // subscriptions budgets and monitors keep in their own tables name the channel without a foreign key
    await tx.budgetSubscription.deleteMany({ where: { channelId: row.id } });
    await tx.anomalyMonitorSubscription.deleteMany({ where: { channelId: row.id } });
    await audit(actor, 'channel.delete', { type: 'notification_channel', id: row.id }, { name: row.name, type: row.type }, tx);
  });
  logger.info({ channelId: row.id }, 'notification channel deleted');
  return { id: row.id, name: row.name };
}
