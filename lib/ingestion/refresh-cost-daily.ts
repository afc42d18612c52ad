// Keeps the cost_daily rollup equal to SUM over cost_record for the (UTC day, provider) pairs a
// write touched: delete those pairs and re-aggregate them, in the writer's transaction.
import type pg from 'pg';

// Rollup dimensions are never NULL in cost_daily: '' stands for "not given". Every dimension the
// costs API groups or filters by is part of the key, so that each group's sum is exact; the
// account name is a label only: names that differ within a group take the greatest in code-point
// order (COLLATE "C"), the order DailyRollup uses. The migration
// 20261204020000_cost_daily_category_identity rebuilds with the same statement.
const ROLLUP_SELECT = `
  SELECT (r.charge_period_start AT TIME ZONE 'UTC')::date AS day,
         r.provider_name,
         coalesce(r.service_name, '') AS service_name,
         coalesce(r.service_category, '') AS service_category,
         coalesce(r.region_id, '') AS region_id,
         coalesce(r.sub_account_id, '') AS sub_account_id,
         max(coalesce(r.sub_account_name, '') COLLATE "C") AS sub_account_name,
         r.billing_currency,
         sum(r.billed_cost) AS billed_cost,
         sum(r.effective_cost) AS effective_cost,
         sum(r.list_cost) AS list_cost,
         count(*)::int AS record_count
    FROM cost_record r`;

const ROLLUP_GROUP = 'GROUP BY 1, 2, 3, 4, 5, 6, 8';

// cost_daily's primary key.
export const ROLLUP_KEY = ['day', 'provider_name', 'service_name', 'service_category', 'region_id', 'sub_account_id', 'billing_currency'];

// cost_daily's columns, in the order ROLLUP_SELECT yields them (DailyRollup writes them too).
export const ROLLUP_COLUMNS = [
  'day', 'provider_name', 'service_name', 'service_category', 'region_id', 'sub_account_id', 'sub_account_name',
  'billing_currency', 'billed_cost', 'effective_cost', 'list_cost', 'record_count',
];

// `pairsSql` is a query returning (day date, provider_name text) rows, e.g. a temp table.
export async function refreshCostDaily(client: pg.PoolClient | pg.Client, pairsSql: string): Promise<number> {
  await client.query('DROP TABLE IF EXISTS pg_temp.cost_daily_pairs');
  await client.query(
    `CREATE TEMP TABLE cost_daily_pairs ON COMMIT DROP AS SELECT DISTINCT day, provider_name FROM (${pairsSql}) p`,
  );
  const { rows } = await client.query<{ lo: string | null; hi: string | null }>(
    'SELECT min(day)::text AS lo, max(day)::text AS hi FROM cost_daily_pairs',
  );
  const { lo, hi } = rows[0];
  if (!lo || !hi) return 0;
  const providers = await client.query<{ provider_name: string }>('SELECT DISTINCT provider_name FROM cost_daily_pairs');
  await lockRollupProviders(client, providers.rows.map((r) => r.provider_name));
  await client.query(
    `DELETE FROM cost_daily d USING cost_daily_pairs p WHERE d.day = p.day AND d.provider_name = p.provider_name`,
  );
  // The range bound lets the planner prune cost_record's monthly partitions.
  const inserted = await client.query(
    `INSERT INTO cost_daily (${ROLLUP_COLUMNS.join(', ')})
     ${ROLLUP_SELECT}
      WHERE r.charge_period_start >= ($1::date)::timestamp AT TIME ZONE 'UTC'
        AND r.charge_period_start < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
        AND EXISTS (SELECT 1 FROM cost_daily_pairs p
                     WHERE p.day = (r.charge_period_start AT TIME ZONE 'UTC')::date
                       AND p.provider_name = r.provider_name)
     ${ROLLUP_GROUP}`,
    [lo, hi],
  );
  return inserted.rowCount ?? 0;
}

// Two writers rebuilding the same provider's days would both delete, then both insert the same
// keys: serialise per provider, in one order so that two writers cannot deadlock. Held to the end
// of the caller's transaction.
export async function lockRollupProviders(client: pg.PoolClient | pg.Client, providers: string[]): Promise<void> {
  await client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('tourmalet.cost_daily:' || p, 0))
       FROM (SELECT DISTINCT p FROM unnest($1::text[]) p ORDER BY 1) ordered`,
    [providers],
  );
}

// Rebuilds the whole rollup (repair tool; ingestion keeps it current incrementally).
export async function rebuildCostDaily(client: pg.PoolClient | pg.Client): Promise<number> {
  await client.query('LOCK TABLE cost_daily IN EXCLUSIVE MODE');
  await client.query('DELETE FROM cost_daily');
  const inserted = await client.query(`INSERT INTO cost_daily (${ROLLUP_COLUMNS.join(', ')}) ${ROLLUP_SELECT} ${ROLLUP_GROUP}`);
  return inserted.rowCount ?? 0;
}
