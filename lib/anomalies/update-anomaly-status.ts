// A person's judgement of an anomaly: acknowledged, expected (planned activity) or a false positive (its days then
// leave the baseline's spread and are not judged again), with a note. Audited.
import { audit } from '../audit';
import type { TActor } from '../auth/actor';
import type { TAnomalyStatus, TAnomalyView } from '../api/schemas/anomalies';
import { isUuid } from '../connections/find-connection';
import { prisma } from '../db';
import { AppError } from '../errors';
import { listAnomalies } from '../queries/list-anomalies';

type TStatusActor = TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null };

export async function updateAnomalyStatus(id: string, input: { status: TAnomalyStatus; note?: string }, actor: TStatusActor): Promise<TAnomalyView> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', `no anomaly ${id}`);
  const existing = await prisma.anomaly.findUnique({ where: { id }, select: { status: true, note: true, monitorId: true } });
  if (!existing) throw new AppError('NOT_FOUND', `no anomaly ${id}`);
  const note = input.note === undefined ? existing.note : input.note || null;
  if (existing.status !== input.status || existing.note !== note) {
    await prisma.$transaction(async (tx) => {
      await tx.anomaly.update({
        where: { id },
        data: { status: input.status, note, statusChangedAt: new Date(), statusChangedBy: actor.label ?? actor.id ?? actor.type },
      });
      await audit(actor, 'anomaly.status', { type: 'anomaly', id }, { from: existing.status, to: input.status, note }, tx);
    });
  }
  const [view] = await listAnomalies({ monitor: existing.monitorId }).then((rows) => rows.filter((r) => r.id === id));
  return view;
}
