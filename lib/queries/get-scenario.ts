// One scenario by id (archived ones only when asked for: their ids stay valid for timelines and history).
import { z } from 'zod';
import { prisma } from '../db';
import { AppError } from '../errors';
import { toScenario } from '../scenarios/scenario-row';
import type { TScenario } from '../scenarios/scenario-schema';

export const ZScenarioId = z.uuid();

export async function findScenario(id: string, options: { includeArchived?: boolean } = {}): Promise<TScenario | null> {
  if (!ZScenarioId.safeParse(id).success) return null;
  const row = await prisma.scenario.findUnique({ where: { id } });
  if (!row || (row.archived && !options.includeArchived)) return null;
  return toScenario(row);
}

export async function getScenario(id: string, options: { includeArchived?: boolean } = {}): Promise<TScenario> {
  const s = await findScenario(id, options);
  if (!s) throw new AppError('NOT_FOUND', `no scenario ${id}`);
  return s;
}
