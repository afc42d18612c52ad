// Utilisation samples in bulk: COPY into a temporary table, then one upsert on (resource, metric, ts),
// then the hourly rollup of the buckets that changed. Resources must exist first (upsertResources):
// a sample for an unknown resource is refused.
import type pg from 'pg';
import { AppError, FieldError } from '../errors';
import type { TSampleInput } from '../focus/types';
import { copyCsv, rowError, type TRows } from './copy-csv';
import { refreshUtilizationHourly } from './refresh-utilization-hourly';
import { createTempTable } from './temp-table';

export type TSampleUpsertResult = { inserted: number; updated: number; unchanged: number };

const COLUMNS = ['provider', 'external_id', 'metric', 'unit', 'ts', 'value'] as const;

function encodeSample(s: TSampleInput, index: number): (string | null)[] {
  try {
    if (!(s.ts instanceof Date) || Number.isNaN(s.ts.getTime())) throw new FieldError('ts', 'is not a valid date');
    if (typeof s.value !== 'number' || !Number.isFinite(s.value)) throw new FieldError('value', `${s.value} is not a finite number`);
    // String(number) is the shortest text that reads back as the same float8.
    return [s.provider, s.resourceExternalId, s.metric, s.unit, s.ts.toISOString(), String(s.value)];
  } catch (e) {
    throw rowError(index, e);
  }
}

export async function upsertSamples(
  client: pg.PoolClient | pg.Client,
  samples: TRows<TSampleInput>,
): Promise<TSampleUpsertResult> {
  await createTempTable(
    client,
    'sample_staging',
    `provider text NOT NULL, external_id text NOT NULL, metric text NOT NULL, unit text NOT NULL,
     ts timestamptz(3) NOT NULL, value double precision NOT NULL,
     staging_seq bigint GENERATED ALWAYS AS IDENTITY`,
  );
  await createTempTable(
    client,
    'sample_buckets',
    'resource_id uuid NOT NULL, metric text NOT NULL, hour timestamptz(3) NOT NULL, PRIMARY KEY (resource_id, metric, hour)',
  );
  const staged = await copyCsv(client, 'pg_temp.sample_staging', COLUMNS, samples, encodeSample);
  if (staged === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  await client.query('ANALYZE pg_temp.sample_staging'); // temp tables are never auto-analysed

  const unknown = await client.query<{ provider: string; external_id: string }>(
    `SELECT DISTINCT s.provider, s.external_id FROM pg_temp.sample_staging s
      WHERE NOT EXISTS (SELECT 1 FROM resource r WHERE r.provider = s.provider AND r.external_id = s.external_id)
      ORDER BY 1, 2 LIMIT 5`,
  );
  if (unknown.rows.length) {
    const list = unknown.rows.map((r) => `${r.provider}/${r.external_id}`).join(', ');
    throw new AppError('UNPROCESSABLE', `Samples refer to resources that are not stored: ${list}`, [
      { field: 'resourceExternalId', message: `unknown resources: ${list}` },
    ]);
  }

  const { rows } = await client.query<{ distinct_count: string; inserted: string; updated: string }>(`
    WITH src AS (
      SELECT DISTINCT ON (r.id, s.metric, s.ts) r.id AS resource_id, s.metric, s.unit, s.ts, s.value
        FROM pg_temp.sample_staging s
        JOIN resource r ON r.provider = s.provider AND r.external_id = s.external_id
       ORDER BY r.id, s.metric, s.ts, s.staging_seq DESC
    ),
    existing AS (
      SELECT u.resource_id, u.metric, u.ts FROM utilization_sample u JOIN src USING (resource_id, metric, ts)
    ),
    up AS (
      INSERT INTO utilization_sample AS t (resource_id, metric, unit, ts, value)
      SELECT resource_id, metric, unit, ts, value FROM src
      ON CONFLICT (resource_id, metric, ts) DO UPDATE SET unit = EXCLUDED.unit, value = EXCLUDED.value
       WHERE (t.unit, t.value) IS DISTINCT FROM (EXCLUDED.unit, EXCLUDED.value)
      RETURNING t.resource_id, t.metric, t.ts
    ),
    -- unchanged samples leave their hour as it is: only the changed buckets are re-aggregated
    buckets AS (
      INSERT INTO pg_temp.sample_buckets (resource_id, metric, hour)
      SELECT DISTINCT resource_id, metric, date_trunc('hour', ts, 'UTC') FROM up
    )
    SELECT (SELECT count(*) FROM src) AS distinct_count,
           count(*) FILTER (WHERE e.resource_id IS NULL) AS inserted,
           count(*) FILTER (WHERE e.resource_id IS NOT NULL) AS updated
      FROM up LEFT JOIN existing e USING (resource_id, metric, ts)`);
  await client.query('TRUNCATE pg_temp.sample_staging');
  const inserted = Number(rows[0].inserted);
  const updated = Number(rows[0].updated);
  if (inserted + updated > 0) {
    await client.query('ANALYZE pg_temp.sample_buckets');
    await refreshUtilizationHourly(client, 'pg_temp.sample_buckets');
    await client.query('TRUNCATE pg_temp.sample_buckets');
  }
  return { inserted, updated, unchanged: Number(rows[0].distinct_count) - inserted - updated };
}
