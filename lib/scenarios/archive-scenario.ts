// Deleting a scenario archives it: it leaves the lists, its versions and audit trail stay, and other
// scenarios whose timeline starts from it keep working. Its name is freed for a new scenario by
// renaming it "<name> (archived <date> <id>)". A deleted plan of record leaves no plan of record.
import { prisma } from '../db';
import { AppError } from '../errors';
import { auditTx, checkScenarioId, toScenario, writeVersion, type TScenarioActor } from './scenario-row';
import type { TScenario } from './scenario-schema';

export async function archiveScenario(id: string, actor: TScenarioActor, now = new Date()): Promise<TScenario> {
  checkScenarioId(id);
  return prisma.$transaction(async (tx) => {
    const row = await tx.scenario.findUnique({ where: { id } });
    if (!row || row.archived) throw new AppError('NOT_FOUND', `no scenario ${id}`);
    const current = toScenario(row);
    const archivedName = `${current.name} (archived ${now.toISOString().slice(0, 16).replace('T', ' ')} ${id.slice(0, 8)})`;
    const version = current.version + 1;
    const updated = await tx.scenario.update({
      where: { id },
      data: { archived: true, planOfRecord: false, name: archivedName, version, updatedBy: actor.label ?? actor.id ?? actor.type },
    });
    await writeVersion(tx, { scenarioId: id, version, snapshot: { ...current, name: archivedName }, actor, note: `deleted (archived); was "${current.name}"` });
    await auditTx(tx, actor, 'scenario.delete', { type: 'scenario', id }, { name: current.name, archivedAs: archivedName, version, ...(row.planOfRecord ? { wasPlanOfRecord: true } : {}) });
    return toScenario(updated);
  });
}
