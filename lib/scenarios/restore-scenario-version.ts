// Brings back a saved version: its content becomes the next version (history is never rewritten).
import { prisma } from '../db';
import { AppError } from '../errors';
import { nameTaken } from './create-scenario';
import { checkScenarioId, isUniqueViolation, type TScenarioActor } from './scenario-row';
import type { TScenario, TScenarioSnapshot } from './scenario-schema';
import { updateScenarioTx } from './update-scenario';

export async function restoreScenarioVersion(id: string, version: number, actor: TScenarioActor): Promise<TScenario> {
  checkScenarioId(id);
  let snapshot: TScenarioSnapshot | undefined;
  try {
    return await prisma.$transaction(async (tx) => {
      const v = await tx.scenarioVersion.findUnique({ where: { scenarioId_version: { scenarioId: id, version } } });
      if (!v) throw new AppError('NOT_FOUND', `scenario ${id} has no version ${version}`);
      snapshot = v.snapshot as unknown as TScenarioSnapshot;
      const row = await tx.scenario.findUnique({ where: { id }, select: { name: true } });
      // an archived name in an old snapshot is not restored (only the content is)
      const name = /\(archived \d{4}-\d{2}-\d{2} \d{2}:\d{2} [0-9a-f]{8}\)$/.test(snapshot.name) ? row?.name : snapshot.name;
      return updateScenarioTx(
        tx,
        id,
        { name, description: snapshot.description, drivers: snapshot.drivers, coefficients: snapshot.coefficients, options: snapshot.options, timeline: { ...snapshot.timeline, phases: snapshot.timeline.phases } },
        actor,
        { action: 'scenario.restore', details: { restoredVersion: version }, note: `restored version ${version}` },
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(snapshot?.name ?? '', e);
    throw e;
  }
}
