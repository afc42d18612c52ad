// A person's decision on a recommendation: accept, dismiss (with a reason), snooze (until a date), mark
// implemented, or reopen. Audited with the actor in the same transaction.
import { z } from 'zod';
import { audit } from '../audit';
import type { TActor } from '../auth/actor';
import { prisma } from '../db';
import { AppError } from '../errors';
import type { TUpdateRecommendation } from '../api/schemas/recommendations';

export type TStatusActor = TActor | { type: 'cli' | 'system'; id?: string | null; label?: string | null };

export async function updateRecommendationStatus(id: string, input: TUpdateRecommendation, actor: TStatusActor, now = new Date()): Promise<void> {
  if (!z.string().uuid().safeParse(id).success) throw new AppError('NOT_FOUND', `no recommendation ${id}`);
  let snoozedUntil: Date | null = null;
  if (input.status === 'snoozed') {
    snoozedUntil = new Date(input.snoozedUntil!.length === 10 ? `${input.snoozedUntil}T00:00:00Z` : input.snoozedUntil!);
    if (!(snoozedUntil > now)) throw new AppError('BAD_REQUEST', 'snoozedUntil must be in the future', [{ field: 'snoozedUntil', message: 'must be in the future' }]);
  }
  const label = actor.label ?? actor.id ?? actor.type;
  await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; status: string; monthly_savings_p50: string | null }[]>`
      SELECT id, status, monthly_savings_p50::text FROM recommendation WHERE id = ${id}::uuid FOR UPDATE`;
    if (!row) throw new AppError('NOT_FOUND', `no recommendation ${id}`);
    await tx.recommendation.update({
      where: { id },
      data: {
        status: input.status,
        statusReason: input.status === 'dismissed' || input.status === 'snoozed' || input.reason ? (input.reason ?? null) : null,
        snoozedUntil,
        // what it saved when dismissed: a refresh reopens it only when savings reach 1.5× this
        dismissedSavings: input.status === 'dismissed' ? (row.monthly_savings_p50 ?? '0') : null,
        implementedAt: input.status === 'implemented' ? (row.status === 'implemented' ? undefined : now) : null,
        statusChangedAt: now,
        statusChangedBy: label,
      },
    });
    await audit(
      actor,
      'recommendation.status',
      { type: 'recommendation', id },
      { from: row.status, to: input.status, reason: input.reason ?? null, snoozedUntil: snoozedUntil?.toISOString() ?? null },
      tx,
    );
  });
}
