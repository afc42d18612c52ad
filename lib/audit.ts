// The audit log: every change made by a person, a token, the CLI or the system.
import { prisma } from './db';
import type { TActor } from './auth/actor';

export async function audit(
  actor: TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null },
  action: string,
  entity: { type: string; id?: string | null },
  details: Record<string, unknown> = {},
  // inside a transaction, the transaction's client, so the audit row commits with the change
  db: Pick<typeof prisma, 'auditLog'> = prisma,
) {
  await db.auditLog.create({
    data: {
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label ?? null,
      action,
      entityType: entity.type,
      entityId: entity.id ?? null,
      details: details as object,
    },
  });
}
