// Every change of one price, newest first.
import { prisma } from '../db';
import { AppError } from '../errors';

export type TPriceChange = { id: string; changedBy: string | null; changedAt: string; old: Record<string, unknown>; new: Record<string, unknown>; note: string | null };

export async function getPriceHistory(priceItemId: string): Promise<TPriceChange[]> {
  const item = await prisma.priceItem.findUnique({ where: { id: priceItemId }, select: { id: true } });
  if (!item) throw new AppError('NOT_FOUND', `no price item ${priceItemId}`);
  const rows = await prisma.priceItemHistory.findMany({ where: { priceItemId }, orderBy: [{ changedAt: 'desc' }, { id: 'desc' }] });
  return rows.map((r) => ({
    id: r.id.toString(),
    changedBy: r.changedBy,
    changedAt: r.changedAt.toISOString(),
    old: r.old as Record<string, unknown>,
    new: r.new as Record<string, unknown>,
    note: r.note,
  }));
}
