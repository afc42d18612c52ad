// Marks a scenario as the plan of record, or clears the mark. One scenario at most carries it: the
// previous one loses it in the same transaction (and a partial unique index refuses a second).
import { prisma } from '../db';
import { AppError } from '../errors';
import { auditTx, checkScenarioId, toScenario, type TScenarioActor } from './scenario-row';
import type { TScenario } from './scenario-schema';

export async function setPlanOfRecord(id: string, actor: TScenarioActor): Promise<TScenario> {
  checkScenarioId(id);
  return prisma.$transaction(async (tx) => {
    const row = await tx.scenario.findUnique({ where: { id } });
    if (!row || row.archived) throw new AppError('NOT_FOUND', `no scenario ${id}`);
    if (row.planOfRecord) return toScenario(row);
    const previous = await tx.scenario.findFirst({ where: { planOfRecord: true }, select: { id: true, name: true } });
    if (previous) await tx.scenario.update({ where: { id: previous.id }, data: { planOfRecord: false } });
    const updated = await tx.scenario.update({ where: { id }, data: { planOfRecord: true } });
    await auditTx(tx, actor, 'scenario.plan-of-record', { type: 'scenario', id }, { name: row.name, ...(previous ? { previous: previous.name } : {}) });
    return toScenario(updated);
  });
}

export async function clearPlanOfRecord(id: string, actor: TScenarioActor): Promise<TScenario> {
  checkScenarioId(id);
  return prisma.$transaction(async (tx) => {
    const row = await tx.scenario.findUnique({ where: { id } });
    if (!row || row.archived) throw new AppError('NOT_FOUND', `no scenario ${id}`);
    if (!row.planOfRecord) return toScenario(row);
    const updated = await tx.scenario.update({ where: { id }, data: { planOfRecord: false } });
    await auditTx(tx, actor, 'scenario.plan-of-record-cleared', { type: 'scenario', id }, { name: row.name });
    return toScenario(updated);
  });
}
