// The resource inventory with capacity and attributes, for the recommendation rules.
import { prisma } from '../db';

export type TInventoryItem = {
  id: string;
  provider: string;
  kind: string;
  externalId: string;
  name: string;
  region: string | null;
  size: string | null;
  capacity: Record<string, number>;
  attributes: Record<string, unknown>;
};

export async function listInventory(): Promise<TInventoryItem[]> {
  const rows = await prisma.resource.findMany({ orderBy: [{ provider: 'asc' }, { name: 'asc' }] });
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    kind: r.kind,
    externalId: r.externalId,
    name: r.name,
    region: r.region,
    size: r.size,
    capacity: Object.fromEntries(Object.entries((r.capacity ?? {}) as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number')),
    attributes: (r.attributes ?? {}) as Record<string, unknown>,
  }));
}
