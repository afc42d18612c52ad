// Which channels hear about a budget or an anomaly monitor: one generic table, written by the
// features that own the targets inside their own transactions, so a budget and its subscriptions
// are saved (or refused) together.
import { FREQUENCIES, ZSubscriptions, type TFrequency, type TSubscriptionInput, type TSubscriptionTarget } from '../api/schemas/notifications';
import { prisma } from '../db';
import { AppError, type TIssue } from '../errors';
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client';

export type TSubscription = { channelId: string; channelName: string; channelType: string; frequency: TFrequency };
type TDb = Pick<Prisma.TransactionClient, 'notificationSubscription' | 'notificationChannel'>;

// Replaces the target's subscriptions with these. An unknown channel, or one listed twice, is a 400
// naming its place in the list (subscriptions.<i>.channelId), and nothing is written.
type TParsedSubscription = { channelId: string; frequency: TFrequency; i: number };

function parseSubscriptions(subs: TSubscriptionInput[], field: string): TParsedSubscription[] {
  const parsed = ZSubscriptions.safeParse(subs);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: [field, ...i.path.map(String)].join('.'), message: i.message }));
    throw new AppError('BAD_REQUEST', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
  return parsed.data.map((s, i) => ({ ...s, i }));
}

// An unknown channel, or one listed twice, is a 400 naming its place in the list.
function checkChannels(list: TParsedSubscription[], known: Map<string, { name: string; type: string }>, field: string) {
  const issues: TIssue[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.channelId)) issues.push({ field: `${field}.${s.i}.channelId`, message: 'lists this channel twice' });
    else if (!known.has(s.channelId)) issues.push({ field: `${field}.${s.i}.channelId`, message: 'is not a notification channel' });
    seen.add(s.channelId);
  }
  if (issues.length) throw new AppError('BAD_REQUEST', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

// Replaces the target's subscriptions with these, inside the caller's Prisma transaction. An unknown
// channel, or one listed twice, is a 400 naming its place in the list (subscriptions.<i>.channelId),
// and nothing is written.
export async function setSubscriptions(
  tx: TDb,
  targetType: TSubscriptionTarget,
  targetId: string,
  subs: TSubscriptionInput[],
  options: { field?: string } = {},
): Promise<TSubscription[]> {
  const field = options.field ?? 'subscriptions';
  const list = parseSubscriptions(subs, field);
  const ids = [...new Set(list.map((s) => s.channelId))];
  const channels = ids.length ? await tx.notificationChannel.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, type: true } }) : [];
  const known = new Map(channels.map((c) => [c.id, c]));
  checkChannels(list, known, field);
  await tx.notificationSubscription.deleteMany({ where: { targetType, targetId } });
  if (list.length) await tx.notificationSubscription.createMany({ data: list.map((s) => ({ channelId: s.channelId, targetType, targetId, frequency: s.frequency })) });
  return list.map((s) => ({ channelId: s.channelId, channelName: known.get(s.channelId)!.name, channelType: known.get(s.channelId)!.type, frequency: s.frequency }));
}

// The same, for features that write through a pg client in their own transaction.
export async function setSubscriptionsWithClient(
  client: Pick<pg.PoolClient, 'query'>,
  targetType: TSubscriptionTarget,
  targetId: string,
  subs: TSubscriptionInput[],
  options: { field?: string } = {},
): Promise<TSubscription[]> {
  const field = options.field ?? 'subscriptions';
  const list = parseSubscriptions(subs, field);
  const ids = [...new Set(list.map((s) => s.channelId))];
  const { rows } = ids.length
    ? await client.query<{ id: string; name: string; type: string }>('SELECT id::text, name, type FROM notification_channel WHERE id = ANY($1::uuid[])', [ids])
    : { rows: [] as { id: string; name: string; type: string }[] };
  const known = new Map(rows.map((c) => [c.id, c]));
  checkChannels(list, known, field);
  await client.query('DELETE FROM notification_subscription WHERE target_type = $1 AND target_id = $2', [targetType, targetId]);
  if (list.length)
    await client.query(
      `INSERT INTO notification_subscription (id, channel_id, target_type, target_id, frequency)
       SELECT gen_random_uuid(), c, $1, $2, f FROM unnest($3::uuid[], $4::text[]) AS t(c, f)`,
      [targetType, targetId, list.map((s) => s.channelId), list.map((s) => s.frequency)],
    );
  return list.map((s) => ({ channelId: s.channelId, channelName: known.get(s.channelId)!.name, channelType: known.get(s.channelId)!.type, frequency: s.frequency }));
}

export async function listSubscriptions(targetType: TSubscriptionTarget, targetId: string, db: Pick<TDb, 'notificationSubscription'> = prisma): Promise<TSubscription[]> {
  const rows = await db.notificationSubscription.findMany({
    where: { targetType, targetId },
    include: { channel: { select: { name: true, type: true } } },
    orderBy: [{ channel: { name: 'asc' } }],
  });
  return rows.map((r) => ({ channelId: r.channelId, channelName: r.channel.name, channelType: r.channel.type, frequency: FREQUENCIES.includes(r.frequency as TFrequency) ? (r.frequency as TFrequency) : 'immediate' }));
}

// The subscriptions of many targets at once (a list page), keyed by target id.
export async function listSubscriptionsOf(targetType: TSubscriptionTarget, targetIds: string[]): Promise<Map<string, TSubscription[]>> {
  const out = new Map<string, TSubscription[]>(targetIds.map((id) => [id, []]));
  if (!targetIds.length) return out;
  const rows = await prisma.notificationSubscription.findMany({
    where: { targetType, targetId: { in: targetIds } },
    include: { channel: { select: { name: true, type: true } } },
    orderBy: [{ channel: { name: 'asc' } }],
  });
  for (const r of rows) out.get(r.targetId)?.push({ channelId: r.channelId, channelName: r.channel.name, channelType: r.channel.type, frequency: r.frequency as TFrequency });
  return out;
}

// When a budget or monitor is deleted (the target is not a foreign key: it lives in another table).
export async function removeSubscriptions(tx: Pick<TDb, 'notificationSubscription'>, targetType: TSubscriptionTarget, targetId: string): Promise<void> {
  await tx.notificationSubscription.deleteMany({ where: { targetType, targetId } });
}
