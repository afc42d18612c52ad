// Inserts what the planner starts from, once: the default price catalogue and the two presets
// ("Grand Est (today)", and "Europe (plan)" rolling out from it). Idempotent: an edited price or a
// changed, renamed or archived preset is left as it is; items new in the default catalogue are added.
import { prisma } from '../db';
import { EUROPE_PLAN, GRAND_EST_TODAY, type TScenarioPreset } from '../planning/drivers';
import { DEFAULT_PRICE_CATALOGUE } from '../planning/price-catalogue';
import { createScenarioTx } from './create-scenario';
import type { TScenarioActor, TTx } from './scenario-row';

const SEED_ACTOR: TScenarioActor = { type: 'system', id: null, label: 'planning seed' };
// Two processes (app and worker) may start at once: one seeds, the other waits and finds it done.
const LOCK_KEY = 7_341_902_115;

export type TPlanningSeedResult = { pricesInserted: number; scenariosInserted: string[] };

async function freeName(tx: TTx, name: string): Promise<string> {
  const taken = await tx.scenario.findUnique({ where: { name }, select: { id: true } });
  return taken ? `${name} (preset)` : name;
}

async function ensurePreset(tx: TTx, preset: TScenarioPreset, timeline: Record<string, unknown>, reference: string | null): Promise<{ id: string; inserted: boolean }> {
  const existing = await tx.scenario.findUnique({ where: { presetId: preset.id }, select: { id: true } });
  if (existing) return { id: existing.id, inserted: false };
  const notes = Object.entries(preset.notes).map(([k, v]) => `${k}: ${v}`).join('\n');
  const created = await createScenarioTx(
    tx,
    {
      name: await freeName(tx, preset.name),
      description: `${preset.description}${notes ? `\n\n${notes}` : ''}`,
      drivers: preset.drivers,
      timeline,
      presetId: preset.id,
      reference,
      note: 'seeded from the scaling plan',
    },
    SEED_ACTOR,
    'scenario.seed',
  );
  return { id: created.id, inserted: true };
}

export async function ensurePlanningSeed(): Promise<TPlanningSeedResult> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY}::bigint)`;
      const prices = await tx.priceItem.createMany({
        data: DEFAULT_PRICE_CATALOGUE.map((p) => ({
          id: p.id,
          sku: p.sku,
          provider: p.provider,
          kind: p.kind,
          name: p.name,
          region: p.region,
          currency: p.currency,
          unit: p.unit,
          unitPrice: p.unitPrice,
          effectiveDate: new Date(`${p.effectiveDate}T00:00:00Z`),
          source: p.source,
          estimate: p.estimate,
          tier: p.tier ?? undefined,
          includedQuantity: p.includedQuantity ?? null,
          updatedBy: SEED_ACTOR.label,
        })),
        skipDuplicates: true,
      });
      const inserted: string[] = [];
      // Today's platform does not roll out from anything: its months stay flat.
      const grandEst = await ensurePreset(tx, GRAND_EST_TODAY, { fromScenarioId: null, curve: 'step', months: 24, start: null }, null);
      if (grandEst.inserted) inserted.push(GRAND_EST_TODAY.name);
      const europe = await ensurePreset(tx, EUROPE_PLAN, { fromScenarioId: grandEst.id, curve: 's-curve', months: 24, start: null }, 'seed-plan');
      if (europe.inserted) {
        inserted.push(EUROPE_PLAN.name);
        // the customer's plan is what forecasts, budgets and commitments follow until someone picks another
        const marked = await tx.scenario.count({ where: { planOfRecord: true } });
        if (marked === 0) await tx.scenario.update({ where: { id: europe.id }, data: { planOfRecord: true } });
      }
      return { pricesInserted: prices.count, scenariosInserted: inserted };
    },
    { timeout: 30_000 },
  );
}
