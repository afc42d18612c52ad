// Copies a scenario in one step ("Copy of X", or a given name), optionally with options changed:
// the way to try an alternative (Cloudflare instead of CloudFront, a 3-year commitment, another region).
import { prisma } from '../db';
import { AppError } from '../errors';
import { createScenarioTx, nameTaken } from './create-scenario';
import { checkScenarioId, isUniqueViolation, toScenario, type TScenarioActor, type TTx } from './scenario-row';
import type { TScenario } from './scenario-schema';
import { mergeOptions } from './update-scenario';

export type TCloneScenarioInput = { name?: string; description?: string; options?: unknown };

async function freeCopyName(tx: TTx, base: string): Promise<string> {
  const rows = await tx.scenario.findMany({ where: { name: { startsWith: base } }, select: { name: true } });
  const taken = new Set(rows.map((r) => r.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
}

export async function cloneScenario(id: string, input: TCloneScenarioInput, actor: TScenarioActor): Promise<TScenario> {
  checkScenarioId(id);
  let name = input.name?.trim();
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.scenario.findUnique({ where: { id } });
      if (!row || row.archived) throw new AppError('NOT_FOUND', `no scenario ${id}`);
      const source = toScenario(row);
      name ||= await freeCopyName(tx, `Copy of ${source.name}`);
      return createScenarioTx(
        tx,
        {
          name,
          description: input.description ?? source.description,
          drivers: source.drivers,
          coefficients: source.coefficients,
          options: mergeOptions(source.options, input.options),
          timeline: source.timeline,
          reference: source.reference,
          note: `cloned from "${source.name}" version ${source.version}`,
        },
        actor,
        'scenario.clone',
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(name ?? '', e);
    throw e;
  }
}
