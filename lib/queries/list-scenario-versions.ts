// The saved versions of a scenario, newest first.
import { prisma } from '../db';
import type { TScenarioSnapshot } from '../scenarios/scenario-schema';
import { getScenario } from './get-scenario';

export type TScenarioVersion = { version: number; changedBy: string | null; changedAt: string; note: string | null; snapshot: TScenarioSnapshot };

export async function listScenarioVersions(scenarioId: string): Promise<TScenarioVersion[]> {
  await getScenario(scenarioId, { includeArchived: true });
  const rows = await prisma.scenarioVersion.findMany({ where: { scenarioId }, orderBy: { version: 'desc' } });
  return rows.map((r) => ({
    version: r.version,
    changedBy: r.changedBy,
    changedAt: r.changedAt.toISOString(),
    note: r.note,
    snapshot: r.snapshot as unknown as TScenarioSnapshot,
  }));
}

export async function getScenarioVersion(scenarioId: string, version: number): Promise<TScenarioVersion | null> {
  const r = await prisma.scenarioVersion.findUnique({ where: { scenarioId_version: { scenarioId, version } } });
  return r ? { version: r.version, changedBy: r.changedBy, changedAt: r.changedAt.toISOString(), note: r.note, snapshot: r.snapshot as unknown as TScenarioSnapshot } : null;
}
