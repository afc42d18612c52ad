// Creates a scenario and its first version.
import { prisma } from '../db';
import { AppError } from '../errors';
import { auditTx, isUniqueViolation, json, toScenario, writeVersion, type TScenarioActor, type TTx } from './scenario-row';
import {
  ZScenarioName, parsePart, parseScenarioCoefficients, parseScenarioDrivers, parseScenarioOptions, parseScenarioTimeline,
  type TScenario, type TScenarioSnapshot,
} from './scenario-schema';

export type TCreateScenarioInput = {
  name: string;
  description?: string;
  drivers: unknown;
  coefficients?: unknown;
  options?: unknown;
  timeline?: unknown;
  reference?: string | null;
  presetId?: string | null;
  note?: string;
};

export function parseSnapshot(input: Omit<TCreateScenarioInput, 'reference' | 'presetId' | 'note'>): TScenarioSnapshot {
  return {
    name: parsePart(ZScenarioName, input.name, 'name'),
    description: input.description ?? '',
    drivers: parseScenarioDrivers(input.drivers),
    coefficients: parseScenarioCoefficients(input.coefficients),
    options: parseScenarioOptions(input.options),
    timeline: parseScenarioTimeline(input.timeline),
  };
}

/** The from-scenario of a timeline must exist (an archived one is fine: its drivers are kept). */
export async function checkFromScenario(tx: TTx, fromScenarioId: string | null, selfId?: string) {
  if (!fromScenarioId) return;
  if (fromScenarioId === selfId) {
    throw new AppError('BAD_REQUEST', 'timeline.fromScenarioId must be another scenario', [{ field: 'timeline.fromScenarioId', message: 'must be another scenario' }]);
  }
  const from = await tx.scenario.findUnique({ where: { id: fromScenarioId }, select: { id: true } });
  if (!from) throw new AppError('BAD_REQUEST', `timeline.fromScenarioId: no scenario ${fromScenarioId}`, [{ field: 'timeline.fromScenarioId', message: 'no such scenario' }]);
}

export function nameTaken(name: string, cause: unknown): AppError {
  return new AppError('CONFLICT', `a scenario named "${name}" already exists`, [{ field: 'name', message: 'already used' }], { cause });
}

export async function createScenarioTx(tx: TTx, input: TCreateScenarioInput, actor: TScenarioActor, action = 'scenario.create'): Promise<TScenario> {
  const snap = parseSnapshot(input);
  await checkFromScenario(tx, snap.timeline.fromScenarioId);
  const label = actor.label ?? actor.id ?? actor.type;
  const row = await tx.scenario.create({
    data: {
      name: snap.name,
      description: snap.description,
      drivers: json(snap.drivers),
      coefficients: json(snap.coefficients),
      options: json(snap.options),
      timeline: json(snap.timeline),
      presetId: input.presetId ?? null,
      reference: input.reference ?? null,
      version: 1,
      createdBy: label,
      updatedBy: label,
    },
  });
  await writeVersion(tx, { scenarioId: row.id, version: 1, snapshot: snap, actor, note: input.note ?? 'created' });
  await auditTx(tx, actor, action, { type: 'scenario', id: row.id }, { name: snap.name, ...(input.note ? { note: input.note } : {}) });
  return toScenario(row);
}

export async function createScenario(input: TCreateScenarioInput, actor: TScenarioActor): Promise<TScenario> {
  try {
    return await prisma.$transaction((tx) => createScenarioTx(tx, input, actor));
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name.trim(), e);
    throw e;
  }
}
