// Notification channels with their subscription counts and latest delivery, for the settings page,
// the API and the CLI. Never a webhook's URL or secret.
import type { TChannelView } from '../api/schemas/notifications';
import { prisma } from '../db';
import { AppError } from '../errors';
import { toChannelView } from '../notifications/channel-view';

async function views(where: { id?: string }): Promise<TChannelView[]> {
  const rows = await prisma.notificationChannel.findMany({ where, orderBy: { name: 'asc' }, include: { _count: { select: { subscriptions: true } } } });
  if (!rows.length) return [];
  const last = await prisma.$queryRaw<{ channel_id: string; status: string; at: Date }[]>`
    SELECT DISTINCT ON (channel_id) channel_id::text, status, coalesce(sent_at, updated_at) AS at FROM notification
     WHERE channel_id = ANY(${rows.map((r) => r.id)}::uuid[])
     ORDER BY channel_id, created_at DESC, id DESC`;
  const byChannel = new Map(last.map((l) => [l.channel_id, { status: l.status, at: l.at }]));
  // budgets and monitors still keep subscriptions in their own tables too (read beside ours at enqueue)
  const own = await prisma.$queryRaw<{ channel_id: string; n: number }[]>`
    SELECT channel_id::text, count(*)::int AS n FROM (
      SELECT channel_id FROM budget_subscription WHERE channel_id = ANY(${rows.map((r) => r.id)}::uuid[])
      UNION ALL SELECT channel_id FROM anomaly_monitor_subscription WHERE channel_id = ANY(${rows.map((r) => r.id)}::uuid[])) s
     GROUP BY channel_id`;
  const ownCount = new Map(own.map((o) => [o.channel_id, o.n]));
  return rows.map((r) => toChannelView(r, { subscriptions: r._count.subscriptions + (ownCount.get(r.id) ?? 0), lastDelivery: byChannel.get(r.id) ?? null }));
}

export async function listChannels(): Promise<TChannelView[]> {
  return views({});
}

export async function getChannel(id: string): Promise<TChannelView> {
  const [view] = await views({ id });
  if (!view) throw new AppError('NOT_FOUND', `no notification channel ${id}`);
  return view;
}
