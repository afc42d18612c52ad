// Delivers the outbox. A row is claimed by a short lease in one UPDATE (two workers never send the
// same row at once), sent, and settled: sent; retrying with exponential backoff; failed when the
// channel refused it for good; abandoned, visibly, after MAX_ATTEMPTS. One channel failing never
// holds another: each row (or digest) is claimed, sent and settled on its own.
import { ZodError } from 'zod';
import type { TChannelType, TNotificationStatus } from '../api/schemas/notifications';
import { CredentialsDecryptError } from '../crypto/credentials';
import { prisma } from '../db';
import { appUrl, env } from '../env';
import type { Notification, NotificationChannel } from '../generated/prisma/client';
import { logger } from '../logger';
import { openWebhook, webhookSecretForms } from './channel-secrets';
import { DeliveryError } from './delivery-error';
import { parseAlert, type TAlert } from './payloads';
import { renderAlert, renderDigest, toHtml, toSlack, toText, type TRenderContext, type TRendered } from './render';
import { sendEmails } from './send-email';
import { scrubSmtp } from './smtp';
import { sendWebhook } from './send-webhook';

export const MAX_ATTEMPTS = 8;

export type TDeliveryOptions = {
  now?: Date;
  maxAttempts?: number;
  // the first retry's delay; each next one doubles, up to maxDelayMs
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  // how long a claim holds a row before another worker may take it (a worker that died mid-send)
  leaseMs?: number;
  // false: one attempt, then failed (a "Send test" answers at once rather than retrying for hours)
  retry?: boolean;
};

export type TDeliveryOutcome = { id: string; status: TNotificationStatus; attempts: number; nextAttemptAt: Date | null; error: string | null };

function settings(options: TDeliveryOptions) {
  return {
    now: options.now ?? new Date(),
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    baseDelayMs: options.baseDelayMs ?? 60_000,
    maxDelayMs: options.maxDelayMs ?? 2 * 3_600_000,
    timeoutMs: options.timeoutMs ?? 10_000,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    retry: options.retry ?? true,
  };
}

// 1 min, 2, 4, 8… after the first, second, third failure, capped.
export function retryDelayMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

function renderContext(channelName: string): TRenderContext {
  const config = env();
  return { locale: config.LOCALE, timeZone: config.ORG_TIMEZONE, appUrl: appUrl(), channelName };
}

type TMessage = { rendered: TRendered & { sections?: TRendered[] }; alerts: { id: string; kind: string; dedupeKey: string; createdAt: Date; alert: TAlert }[] };

// Sends one message (a single alert or a digest) on a channel; returns the addresses now served.
async function send(channel: NotificationChannel, message: TMessage, already: string[], s: ReturnType<typeof settings>, deliveryId: string): Promise<string[]> {
  const ctx = renderContext(channel.name);
  if ((channel.type as TChannelType) === 'email') {
    const todo = channel.addresses.filter((a) => !already.includes(a));
    try {
      const sent = await sendEmails(todo, { subject: message.rendered.subject, text: toText(message.rendered, ctx), html: toHtml(message.rendered, ctx), notificationId: deliveryId }, { timeoutMs: s.timeoutMs });
      return [...already, ...sent];
    } catch (e) {
      if (e instanceof DeliveryError) throw new DeliveryError(e.message, e.retryable, [...already, ...e.delivered]);
      throw e;
    }
  }
  let secrets;
  try {
    secrets = openWebhook(channel.id, channel.secretEnc ?? '');
  } catch (e) {
    if (e instanceof CredentialsDecryptError) throw new DeliveryError(`the webhook's stored address cannot be read (${e.message})`, false);
    throw e;
  }
  const single = message.alerts.length === 1 && !message.rendered.sections;
  const body =
    channel.format === 'slack'
      ? toSlack(message.rendered, ctx)
      : {
          id: deliveryId,
          type: single ? message.alerts[0].kind : 'digest',
          subject: message.rendered.subject,
          text: toText(message.rendered, ctx),
          link: message.rendered.link,
          channel: channel.name,
          notifications: message.alerts.map((a) => ({ id: a.id, kind: a.kind, dedupeKey: a.dedupeKey, createdAt: a.createdAt.toISOString(), data: a.alert.payload })),
        };
  await sendWebhook(
    { url: secrets.url, secret: secrets.secret, body: JSON.stringify(body), notificationId: deliveryId, event: single ? message.alerts[0].kind : 'digest', secretForms: webhookSecretForms(secrets) },
    { timeoutMs: s.timeoutMs, now: s.now },
  );
  return [];
}

// Records the result of one attempt on the rows it covered (one, or a digest's).
async function settle(rows: Notification[], channel: NotificationChannel | null, outcome: { delivered: string[]; error: unknown; subject: string | null }, s: ReturnType<typeof settings>): Promise<TDeliveryOutcome[]> {
  const results: TDeliveryOutcome[] = [];
  for (const row of rows) {
    let status: TNotificationStatus;
    let nextAttemptAt: Date | null = null;
    let error: string | null = null;
    if (!outcome.error) status = 'sent';
    else {
      const e = outcome.error;
      const retryable = e instanceof DeliveryError ? e.retryable : true;
      error = e instanceof DeliveryError ? e.message : scrubSmtp(`unexpected error: ${(e as Error)?.message ?? String(e)}`, env().SMTP_URL);
      if (!retryable || !s.retry) status = 'failed';
      else if (row.attempts >= s.maxAttempts) {
        status = 'abandoned';
        error = `gave up after ${row.attempts} attempts: ${error}`;
      } else {
        status = 'retrying';
        nextAttemptAt = new Date(s.now.getTime() + retryDelayMs(row.attempts, s.baseDelayMs, s.maxDelayMs));
      }
    }
    await prisma.notification.update({
      where: { id: row.id },
      data: {
        status,
        lockedUntil: null,
        lastError: error,
        deliveredTo: outcome.delivered,
        subject: outcome.subject ?? row.subject,
        ...(status === 'sent' ? { sentAt: s.now } : {}),
        ...(nextAttemptAt ? { nextAttemptAt } : {}),
      },
    });
    if (status !== 'sent') logger.warn({ notificationId: row.id, channelId: channel?.id, status, attempts: row.attempts, error }, 'notification not delivered');
    else logger.info({ notificationId: row.id, channelId: channel?.id, attempts: row.attempts }, 'notification delivered');
    results.push({ id: row.id, status, attempts: row.attempts, nextAttemptAt, error });
  }
  return results;
}

// Claims one immediate notification if it is due and no one holds it; null when not claimable.
async function claimOne(id: string, s: ReturnType<typeof settings>): Promise<Notification | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE notification SET locked_until = ${new Date(s.now.getTime() + s.leaseMs)}, attempts = attempts + 1, updated_at = ${s.now}
     WHERE id = ${id}::uuid AND frequency = 'immediate' AND status IN ('pending', 'retrying')
       AND next_attempt_at <= ${s.now} AND (locked_until IS NULL OR locked_until <= ${s.now})
     RETURNING id::text`;
  return rows.length ? prisma.notification.findUnique({ where: { id } }) : null;
}

// A stored alert that no longer parses (written by hand, or by an older version) cannot be sent:
// retrying will not change it, so it fails at once, saying which fields.
function alertOf(row: Notification): TAlert {
  try {
    return parseAlert(row.kind, row.payload);
  } catch (e) {
    const detail = e instanceof ZodError ? e.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ') : (e as Error).message;
    throw new DeliveryError(`the alert's stored data is not valid: ${detail}`.slice(0, 1000), false);
  }
}

// One attempt at one immediate notification. Not due, already sent, or held by another worker:
// null, and nothing happens.
export async function deliverNotification(id: string, options: TDeliveryOptions = {}): Promise<TDeliveryOutcome | null> {
  const s = settings(options);
  const row = await claimOne(id, s);
  if (!row) return null;
  const channel = row.channelId ? await prisma.notificationChannel.findUnique({ where: { id: row.channelId } }) : null;
  if (!channel) return (await settle([row], null, { delivered: row.deliveredTo, error: new DeliveryError('the channel was deleted', false), subject: null }, s))[0];
  let subject: string | null = null;
  try {
    const alert = alertOf(row);
    const rendered = renderAlert(alert, renderContext(channel.name));
    subject = rendered.subject;
    const delivered = await send(channel, { rendered, alerts: [{ id: row.id, kind: row.kind, dedupeKey: row.dedupeKey, createdAt: row.createdAt, alert }] }, row.deliveredTo, s, row.id);
    return (await settle([row], channel, { delivered, error: null, subject }, s))[0];
  } catch (error) {
    const delivered = error instanceof DeliveryError && error.delivered.length ? error.delivered : row.deliveredTo;
    return (await settle([row], channel, { delivered, error, subject }, s))[0];
  }
}

// The daily digest of one channel: every daily notification due (pending ones raised before now
// when `all`, else those whose time has come), claimed together, sent as one message.
async function deliverDigest(channel: NotificationChannel, s: ReturnType<typeof settings>, all: boolean): Promise<TDeliveryOutcome[]> {
  const lease = new Date(s.now.getTime() + s.leaseMs);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE notification SET locked_until = ${lease}, attempts = attempts + 1, updated_at = ${s.now}
     WHERE channel_id = ${channel.id}::uuid AND frequency = 'daily' AND status IN ('pending', 'retrying')
       AND (locked_until IS NULL OR locked_until <= ${s.now})
       AND (next_attempt_at <= ${s.now} OR (${all} AND status = 'pending' AND created_at <= ${s.now}))
     RETURNING id::text`;
  if (!claimed.length) return [];
  const claimedRows = await prisma.notification.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  // one unreadable alert fails alone; the digest goes out with the others
  const unreadable: TDeliveryOutcome[] = [];
  const rows: Notification[] = [];
  const parsed = new Map<string, TAlert>();
  for (const r of claimedRows) {
    try {
      parsed.set(r.id, alertOf(r));
      rows.push(r);
    } catch (error) {
      unreadable.push(...(await settle([r], channel, { delivered: r.deliveredTo, error, subject: null }, s)));
    }
  }
  if (!rows.length) return unreadable;
  // an address served by an earlier attempt of every row in it already has all of them
  const already = channel.addresses.filter((a) => rows.every((r) => r.deliveredTo.includes(a)));
  let subject: string | null = null;
  try {
    const alerts = rows.map((r) => ({ id: r.id, kind: r.kind, dedupeKey: r.dedupeKey, createdAt: r.createdAt, alert: parsed.get(r.id)! }));
    const rendered = renderDigest(alerts.map((a) => a.alert), renderContext(channel.name));
    subject = rendered.subject;
    const delivered = await send(channel, { rendered, alerts }, already, s, rows[0].id);
    return [...unreadable, ...(await settle(rows, channel, { delivered, error: null, subject }, s))];
  } catch (error) {
    const delivered = error instanceof DeliveryError && error.delivered.length ? error.delivered : already;
    return [...unreadable, ...(await settle(rows, channel, { delivered, error, subject }, s))];
  }
}

async function channelsWithDueDigests(s: ReturnType<typeof settings>, all: boolean): Promise<NotificationChannel[]> {
  const ids = await prisma.$queryRaw<{ channel_id: string }[]>`
    SELECT DISTINCT channel_id::text FROM notification
     WHERE frequency = 'daily' AND status IN ('pending', 'retrying') AND channel_id IS NOT NULL
       AND (locked_until IS NULL OR locked_until <= ${s.now})
       AND (next_attempt_at <= ${s.now} OR (${all} AND status = 'pending' AND created_at <= ${s.now}))`;
  return ids.length ? prisma.notificationChannel.findMany({ where: { id: { in: ids.map((i) => i.channel_id) } } }) : [];
}

// The daily job: each channel's digest of what was raised since the last one.
export async function sendDigests(options: TDeliveryOptions = {}): Promise<TDeliveryOutcome[]> {
  const s = settings(options);
  const channels = await channelsWithDueDigests(s, true);
  const results = await Promise.all(channels.map((c) => deliverDigest(c, s, true).catch((e) => (logger.error({ err: e, channelId: c.id }, 'digest failed'), []))));
  return results.flat();
}

// The minute sweep: every immediate notification due (a job the queue lost, a retry whose time has
// come, a lease left by a worker that died) and every digest due (a daily run missed while no
// worker was up, a digest being retried). Channels in parallel, each channel's rows in order.
export async function deliverDue(options: TDeliveryOptions = {}): Promise<TDeliveryOutcome[]> {
  const s = settings(options);
  const due = await prisma.$queryRaw<{ id: string; channel_id: string | null }[]>`
    SELECT id::text, channel_id::text FROM notification
     WHERE frequency = 'immediate' AND status IN ('pending', 'retrying') AND next_attempt_at <= ${s.now}
       AND (locked_until IS NULL OR locked_until <= ${s.now})
     ORDER BY next_attempt_at, id LIMIT 500`;
  const byChannel = new Map<string, string[]>();
  for (const d of due) byChannel.set(d.channel_id ?? d.id, [...(byChannel.get(d.channel_id ?? d.id) ?? []), d.id]);
  const perChannel = await Promise.all(
    [...byChannel.values()].map(async (ids) => {
      const out: TDeliveryOutcome[] = [];
      for (const id of ids) {
        const r = await deliverNotification(id, options).catch((e) => (logger.error({ err: e, notificationId: id }, 'delivery failed'), null));
        if (r) out.push(r);
      }
      return out;
    }),
  );
  const digests = await Promise.all((await channelsWithDueDigests(s, false)).map((c) => deliverDigest(c, s, false)));
  return [...perChannel.flat(), ...digests.flat()];
}
