// Keeps utilization_hourly equal to the aggregates of utilization_sample for the (resource, metric,
// UTC hour) buckets a write changed, in the writer's transaction.
import type pg from 'pg';

// The one definition of a bucket's figures, shared by the incremental refresh and the repair.
const AGGREGATES = `
  (array_agg(u.unit ORDER BY u.ts DESC))[1] AS unit,
  min(u.value) AS min, max(u.value) AS max, avg(u.value) AS avg, sum(u.value) AS sum,
  count(*)::int AS count,
  (array_agg(u.value ORDER BY u.ts DESC))[1] AS last`;

const COLUMNS = 'resource_id, metric, hour, unit, min, max, avg, sum, count, last';

// `bucketsTable` holds (resource_id uuid, metric text, hour timestamptz) rows, one per bucket, with
// hour = date_trunc('hour', ts, 'UTC'). Samples are only added or changed by ingestion (they go
// away only with their resource, and the rollup with them), so an upsert keeps every bucket exact.
export async function refreshUtilizationHourly(client: pg.PoolClient | pg.Client, bucketsTable: string): Promise<number> {
  // Two writers on the same resource would each aggregate without the other's uncommitted samples
  // and the later upsert would drop the earlier's: serialise per resource, in order (no deadlock
  // between two refreshes). The lock is taken after the samples are written, so the aggregate
  // statement below (a new snapshot) sees every sample committed before it.
  await client.query(`
    SELECT pg_advisory_xact_lock(hashtextextended('tourmalet.utilization_hourly:' || resource_id::text, 0))
      FROM (SELECT DISTINCT resource_id FROM ${bucketsTable} ORDER BY 1) r`);
  // One index range scan of the samples per (resource, metric), bounded by the buckets' span:
  // a plain join on a ts range lets the planner hash on (resource, metric) and compare every pair.
  const result = await client.query(`
    WITH spans AS (
      SELECT resource_id, metric, min(hour) AS lo, max(hour) + interval '1 hour' AS hi
        FROM ${bucketsTable} GROUP BY 1, 2
    ),
    agg AS (
      SELECT s.resource_id, s.metric, date_trunc('hour', u.ts, 'UTC') AS hour, ${AGGREGATES}
        FROM spans s
        CROSS JOIN LATERAL (
          SELECT x.ts, x.value, x.unit FROM utilization_sample x
           WHERE x.resource_id = s.resource_id AND x.metric = s.metric AND x.ts >= s.lo AND x.ts < s.hi
        ) u
       GROUP BY 1, 2, 3
    )
    INSERT INTO utilization_hourly AS t (${COLUMNS})
    SELECT a.resource_id, a.metric, a.hour, a.unit, a.min, a.max, a.avg, a.sum, a.count, a.last
      FROM agg a JOIN ${bucketsTable} b USING (resource_id, metric, hour)
    ON CONFLICT (resource_id, metric, hour) DO UPDATE SET
      unit = EXCLUDED.unit, min = EXCLUDED.min, max = EXCLUDED.max, avg = EXCLUDED.avg,
      sum = EXCLUDED.sum, count = EXCLUDED.count, last = EXCLUDED.last`);
  return result.rowCount ?? 0;
}

// Rebuilds the whole rollup (repair tool; ingestion keeps it current incrementally).
export async function rebuildUtilizationHourly(client: pg.PoolClient | pg.Client): Promise<number> {
  await client.query('LOCK TABLE utilization_hourly IN EXCLUSIVE MODE');
  await client.query('DELETE FROM utilization_hourly');
  const inserted = await client.query(
    `INSERT INTO utilization_hourly (${COLUMNS})
     SELECT u.resource_id, u.metric, date_trunc('hour', u.ts, 'UTC'), ${AGGREGATES}
       FROM utilization_sample u GROUP BY 1, 2, 3`,
  );
  return inserted.rowCount ?? 0;
}
