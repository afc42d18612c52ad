// Scenarios that are not archived: the seeded presets first, then by name.
import { prisma } from '../db';
import { toScenario } from '../scenarios/scenario-row';
import type { TScenario } from '../scenarios/scenario-schema';

const PRESET_ORDER = ['grand-est-today', 'europe-plan'];

export async function listScenarios(): Promise<TScenario[]> {
  const rows = await prisma.scenario.findMany({ where: { archived: false }, orderBy: { name: 'asc' } });
  const rank = (p: string | null) => (p && PRESET_ORDER.includes(p) ? PRESET_ORDER.indexOf(p) : PRESET_ORDER.length);
  return rows.map(toScenario).sort((a, b) => rank(a.presetId) - rank(b.presetId) || a.name.localeCompare(b.name));
}
