// Changes a scenario (rename, drivers, options, coefficients, timeline) and writes the next version.
import { prisma } from '../db';
import { AppError } from '../errors';
import { mergeDriverOverrides } from './build-evaluate-input';
import { checkFromScenario, nameTaken } from './create-scenario';
import { auditTx, checkScenarioId, isUniqueViolation, json, toScenario, writeVersion, type TScenarioActor, type TTx } from './scenario-row';
import {
  ZScenarioName, parsePart, parseScenarioCoefficients, parseScenarioDrivers, parseScenarioOptions, parseScenarioTimeline, stableJson,
  type TScenario, type TScenarioSnapshot,
} from './scenario-schema';

export type TUpdateScenarioInput = {
  name?: string;
  description?: string;
  /** Drivers given replace the stored ones of the same name; the others stay. */
  drivers?: unknown;
  /** Replaces the coefficient overrides as a whole (leave one out to drop it). */
  coefficients?: unknown;
  /** Merged per resource class: { cdn: { provider: 'cloudflare' } } changes that option only. */
  options?: unknown;
  /** Merged with the stored timeline. */
  timeline?: unknown;
  /** Refuse the change (409) when the scenario was saved by someone else since this version. */
  expectedVersion?: number;
  note?: string;
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergeOptions(stored: Record<string, unknown>, patch: unknown): unknown {
  if (patch === undefined) return stored;
  if (!isObject(patch)) return patch; // the schema names the problem
  const out: Record<string, unknown> = { ...stored };
  for (const [k, v] of Object.entries(patch)) out[k] = isObject(v) && isObject(stored[k]) ? { ...(stored[k] as object), ...v } : v;
  return out;
}

export function applyPatch(current: TScenario, patch: TUpdateScenarioInput): TScenarioSnapshot {
  return {
    name: patch.name === undefined ? current.name : parsePart(ZScenarioName, patch.name, 'name'),
    description: patch.description ?? current.description,
    drivers: patch.drivers === undefined ? current.drivers : parseScenarioDrivers(mergeDriverOverrides(current.drivers, patch.drivers)),
    coefficients: patch.coefficients === undefined ? current.coefficients : parseScenarioCoefficients(patch.coefficients),
    options: patch.options === undefined ? current.options : parseScenarioOptions(mergeOptions(current.options, patch.options)),
    timeline:
      patch.timeline === undefined ? current.timeline : parseScenarioTimeline(isObject(patch.timeline) ? { ...current.timeline, ...patch.timeline } : patch.timeline),
  };
}

export async function updateScenarioTx(
  tx: TTx,
  id: string,
  patch: TUpdateScenarioInput,
  actor: TScenarioActor,
  audit: { action: string; details?: Record<string, unknown>; note?: string } = { action: 'scenario.update' },
): Promise<TScenario> {
  checkScenarioId(id);
  const row = await tx.scenario.findUnique({ where: { id } });
  if (!row || row.archived) throw new AppError('NOT_FOUND', `no scenario ${id}`);
  const current = toScenario(row);
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== current.version) {
    throw new AppError('CONFLICT', `scenario "${current.name}" was saved as version ${current.version} since version ${patch.expectedVersion} was read: reload it`, [
      { field: 'expectedVersion', message: `is ${current.version} now` },
    ]);
  }
  const next = applyPatch(current, patch);
  await checkFromScenario(tx, next.timeline.fromScenarioId, id);
  const version = current.version + 1;
  const updated = await tx.scenario
    .update({
      // the version in the condition makes a concurrent save fail instead of being overwritten
      where: { id, version: current.version },
      data: {
        name: next.name,
        description: next.description,
        drivers: json(next.drivers),
        coefficients: json(next.coefficients),
        options: json(next.options),
        timeline: json(next.timeline),
        version,
        updatedBy: actor.label ?? actor.id ?? actor.type,
      },
    })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === 'P2025') throw new AppError('CONFLICT', `scenario "${current.name}" was changed at the same time: reload it`, [], { cause: e });
      throw e;
    });
  const changed = (Object.keys(next) as (keyof TScenarioSnapshot)[]).filter((k) => stableJson(next[k]) !== stableJson(current[k]));
  const note = patch.note ?? audit.note ?? (changed.length ? `changed ${changed.join(', ')}` : 'saved without changes');
  await writeVersion(tx, { scenarioId: id, version, snapshot: next, actor, note });
  await auditTx(tx, actor, audit.action, { type: 'scenario', id }, { version, changed, ...(current.name !== next.name ? { from: current.name, to: next.name } : {}), ...audit.details });
  return toScenario(updated);
}

export async function updateScenario(id: string, patch: TUpdateScenarioInput, actor: TScenarioActor): Promise<TScenario> {
  try {
    return await prisma.$transaction((tx) => updateScenarioTx(tx, id, patch, actor));
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(String(patch.name ?? '').trim(), e);
    throw e;
  }
}
