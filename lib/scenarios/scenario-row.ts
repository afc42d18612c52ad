// Maps a scenario row to what pages and the API see, and writes a version and an audit row in the
import { audit } from '../audit';
// same transaction as the change they record.
import type { Prisma, Scenario } from '@/lib/generated/prisma/client';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { TDrivers } from '@/lib/planning/drivers';
import type { TCoefficientOverrides } from '@/lib/planning/coefficients';
import { ZScenarioOptions, ZScenarioTimeline, type TScenario, type TScenarioSnapshot } from './scenario-schema';

export type TScenarioActor = TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null };
export type TTx = Prisma.TransactionClient;

export function actorLabel(actor: TScenarioActor): string {
  return actor.label ?? actor.id ?? actor.type;
}

export function toScenario(row: Scenario): TScenario {
  // Options and timeline are re-parsed so that options the model gained since the save get their defaults.
  const options = ZScenarioOptions.safeParse(row.options ?? {});
  const timeline = ZScenarioTimeline.safeParse(row.timeline ?? {});
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    drivers: row.drivers as unknown as TDrivers,
    coefficients: (row.coefficients ?? {}) as TCoefficientOverrides,
    options: options.success ? options.data : ZScenarioOptions.parse({}),
    timeline: timeline.success ? timeline.data : ZScenarioTimeline.parse({}),
    presetId: row.presetId,
    reference: row.reference,
    version: row.version,
    archived: row.archived,
    planOfRecord: row.planOfRecord,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function snapshotOf(s: TScenarioSnapshot): TScenarioSnapshot {
  return { name: s.name, description: s.description, drivers: s.drivers, coefficients: s.coefficients, options: s.options, timeline: s.timeline };
}

export const json = (v: unknown) => v as Prisma.InputJsonValue;

export async function writeVersion(tx: TTx, args: { scenarioId: string; version: number; snapshot: TScenarioSnapshot; actor: TScenarioActor; note: string }) {
  await tx.scenarioVersion.create({
    data: {
      scenarioId: args.scenarioId,
      version: args.version,
      snapshot: json(snapshotOf(args.snapshot)),
      changedBy: actorLabel(args.actor),
      note: args.note,
    },
  });
}

export async function auditTx(tx: TTx, actor: TScenarioActor, action: string, entity: { type: string; id: string }, details: Record<string, unknown> = {}) {
  await audit(actor, action, entity, json(details) as Record<string, unknown>, tx);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A scenario id that is not a UUID names no scenario: a 404, not a database error. */
export function checkScenarioId(id: string): void {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `no scenario ${id}`);
}

/** Prisma's unique-violation error on the scenario name, as a 409 that names the field. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}
