// Inventory rows by (provider, external_id), in one statement; returns the ids for sample writes.
import type pg from 'pg';
import type { TResourceInput } from '../focus/types';

export type TResourceUpsertResult = {
  // resourceKey(provider, externalId) → resource.id
  ids: Map<string, string>;
  inserted: number;
  updated: number;
  unchanged: number;
};

export function resourceKey(provider: string, externalId: string): string {
  return `${provider}\u0000${externalId}`;
}

export async function upsertResources(
  client: pg.PoolClient | pg.Client,
  resources: readonly TResourceInput[],
  options: { source: string; connectionId?: string | null },
): Promise<TResourceUpsertResult> {
  // The same resource twice in one call would make ON CONFLICT touch a row twice: last wins.
  const unique = new Map<string, TResourceInput>();
  for (const r of resources) unique.set(resourceKey(r.provider, r.externalId), r);
  if (unique.size === 0) return { ids: new Map(), inserted: 0, updated: 0, unchanged: 0 };

  const input = [...unique.values()].map((r) => ({
    provider: r.provider,
    kind: r.kind,
    external_id: r.externalId,
    name: r.name,
    region: r.region ?? null,
    size: r.size ?? null,
    capacity: r.capacity ?? {},
    attributes: r.attributes ?? {},
  }));
  const { rows } = await client.query<{ id: string; provider: string; external_id: string; existed: boolean; changed: boolean }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         provider text, kind text, external_id text, name text, region text, size text, capacity jsonb, attributes jsonb)
     ),
     existing AS (
       SELECT r.provider, r.external_id FROM resource r JOIN input i USING (provider, external_id)
     ),
     up AS (
       INSERT INTO resource AS t (id, connection_id, provider, kind, external_id, name, region, size, capacity, attributes, source, updated_at)
       SELECT gen_random_uuid(), $2::uuid, provider, kind, external_id, name, region, size, capacity, attributes, $3, now()
         FROM input
       ON CONFLICT (provider, external_id) DO UPDATE SET
         kind = EXCLUDED.kind, name = EXCLUDED.name, region = EXCLUDED.region, size = EXCLUDED.size,
         capacity = EXCLUDED.capacity, attributes = EXCLUDED.attributes, source = EXCLUDED.source,
         connection_id = coalesce(EXCLUDED.connection_id, t.connection_id), updated_at = now()
        WHERE (t.kind, t.name, t.region, t.size, t.capacity, t.attributes, t.source, t.connection_id)
              IS DISTINCT FROM
              (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.region, EXCLUDED.size, EXCLUDED.capacity, EXCLUDED.attributes,
               EXCLUDED.source, coalesce(EXCLUDED.connection_id, t.connection_id))
       RETURNING t.id, t.provider, t.external_id
     )
     SELECT up.id, up.provider, up.external_id, e.provider IS NOT NULL AS existed, true AS changed
       FROM up LEFT JOIN existing e USING (provider, external_id)
     UNION ALL
     -- unchanged rows are not returned by the upsert: read their ids (same snapshot, so only old rows)
     SELECT r.id, r.provider, r.external_id, true, false
       FROM resource r JOIN input i USING (provider, external_id)`,
    [JSON.stringify(input), options.connectionId ?? null, options.source],
  );
  const ids = new Map<string, string>();
  let inserted = 0;
  let updated = 0;
  const changed = new Set<string>();
  for (const row of rows) {
    const key = resourceKey(row.provider, row.external_id);
    if (row.changed) {
      changed.add(key);
      if (row.existed) updated += 1;
      else inserted += 1;
    }
    ids.set(key, row.id);
  }
  return { ids, inserted, updated, unchanged: unique.size - changed.size };
}
