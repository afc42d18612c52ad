// Merges cost_staging into cost_record in a few set-based statements: partitions first, then one
// upsert that only touches rows whose values changed (or a plain insert when nothing can conflict),
// then the cost_daily rollup of what changed.
import type pg from 'pg';
import { logger } from '../logger';
import { MUTABLE_COLUMNS, STAGED_COLUMNS } from './cost-columns';
import { COST_STAGING } from './cost-staging';
import { refreshCostDaily } from './refresh-cost-daily';
import { createTempTable } from './temp-table';

export type TMergeResult = { inserted: number; updated: number; unchanged: number };

const cols = STAGED_COLUMNS.join(', ');
const setList = MUTABLE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
const oldRow = MUTABLE_COLUMNS.map((c) => `t.${c}`).join(', ');
const newRow = MUTABLE_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ');
const stagedRow = MUTABLE_COLUMNS.map((c) => `s.${c}`).join(', ');

// The staged rows that differ from what cost_record holds (or that it lacks) are found first, by a
// join in the statement's snapshot, and only those go through INSERT … ON CONFLICT: on a re-import
// most rows are unchanged, and the upsert would otherwise lock (and so write) every one of them to
// find that out. The join also tells each written row's kind: a key that was not there is an
// insert, one that was is an update, unless this transaction wrote it itself (a key the file
// repeats after CostWriter stored it directly): that one is neither, it was counted when first
// written. A row another transaction inserts or changes between the snapshot and the upsert is
// still caught by ON CONFLICT; one that matched the file in the snapshot and that another
// transaction changes or deletes while this runs keeps that change (the upsert would have put the
// file's row back).
// `distinctKeys`: no key is staged twice, so the rows need no DISTINCT ON (a sort of every staged
// row); otherwise the last staged wins.
function upsertSql(distinctKeys: boolean): string {
  const src = distinctKeys
    ? `SELECT ${cols} FROM ${COST_STAGING}`
    : `SELECT DISTINCT ON (natural_key) ${cols} FROM ${COST_STAGING} ORDER BY natural_key, staging_seq DESC`;
  return `
  WITH src AS (${src}),
  changed AS MATERIALIZED (
    SELECT s.*, t.natural_key IS NULL AS fresh, t.xmin = pg_current_xact_id()::xid AS mine
      FROM src s LEFT JOIN cost_record t USING (natural_key, charge_period_start)
     WHERE t.natural_key IS NULL OR (${oldRow}) IS DISTINCT FROM (${stagedRow})
  ),
  up AS (
    INSERT INTO cost_record AS t (${cols})
    SELECT ${cols} FROM changed
    ON CONFLICT (natural_key, charge_period_start) DO UPDATE SET ${setList}, updated_at = now()
     WHERE (${oldRow}) IS DISTINCT FROM (${newRow})
    RETURNING t.natural_key, t.charge_period_start, t.provider_name
  )
  INSERT INTO cost_merge_affected (day, provider_name, kind)
  SELECT (up.charge_period_start AT TIME ZONE 'UTC')::date, up.provider_name,
         CASE WHEN c.fresh THEN 'inserted' WHEN c.mine THEN 'repeat' ELSE 'updated' END
    FROM up JOIN changed c USING (natural_key, charge_period_start)`;
}

// Keys in staging that this transaction already wrote to cost_record: not new, not the database's.
const MINE_SQL = `
  SELECT count(*) AS n
    FROM (SELECT DISTINCT natural_key, charge_period_start FROM ${COST_STAGING}) s
    JOIN cost_record t USING (natural_key, charge_period_start)
   WHERE t.xmin = pg_current_xact_id()::xid`;

// Rows whose charge_period_start range holds nothing yet cannot conflict (the key includes it):
// a plain INSERT costs about half the upsert and needs no join against cost_record. A writer that
// commits the same keys in between makes it fail with a unique violation (rolled back, retryable).
const INSERT_NEW_SQL = `INSERT INTO cost_record (${cols}) SELECT ${cols} FROM ${COST_STAGING}`;

// Runs in the caller's transaction, after createCostStaging and a COPY into it. Duplicate natural
// keys in staging: the last staged wins. Staging is emptied afterwards, so a caller may stage and
// merge several batches in one transaction. `afterDirect`: the caller wrote records straight to
// cost_record earlier in this transaction, so some staged keys may be its own.
export async function mergeStaging(
  client: pg.PoolClient | pg.Client,
  options: { source?: string; afterDirect?: boolean } = {},
): Promise<TMergeResult> {
  const bounds = await client.query<{ lo: Date | null; hi: Date | null; n: string; total: string }>(
    `SELECT min(charge_period_start) AS lo, max(charge_period_start) AS hi, count(DISTINCT natural_key) AS n,
            count(*) AS total
       FROM ${COST_STAGING}`,
  );
  const { lo, hi } = bounds.rows[0];
  let distinct = Number(bounds.rows[0].n);
  if (!lo || !hi || distinct === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const distinctKeys = distinct === Number(bounds.rows[0].total);

  await client.query('SELECT ensure_cost_partitions($1, $2)', [lo, hi]);
  // JIT compiles the wide upsert's expressions for seconds and wins nothing back on a bulk write;
  // set for these statements only, the caller's setting is put back below
  const jit = await client.query<{ was: string }>(`SELECT current_setting('jit') AS was, set_config('jit', 'off', true)`);

  let inserted: number;
  let updated: number;
  const fresh =
    distinctKeys &&
    !(
      await client.query<{ taken: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM cost_record WHERE charge_period_start BETWEEN $1 AND $2) AS taken',
        [lo, hi],
      )
    ).rows[0].taken;
  if (fresh) {
    const result = await client.query(INSERT_NEW_SQL);
    inserted = result.rowCount ?? 0;
    updated = 0;
    await refreshCostDaily(
      client,
      `SELECT DISTINCT (charge_period_start AT TIME ZONE 'UTC')::date AS day, provider_name FROM ${COST_STAGING}`,
    );
  } else {
    // autovacuum never analyses temporary tables: without statistics the planner would guess the
    // staging size and may pick nested loops for a file of millions of rows
    await client.query(`ANALYZE ${COST_STAGING}`);

    if (options.afterDirect) distinct -= Number((await client.query<{ n: string }>(MINE_SQL)).rows[0].n);
    await createTempTable(client, 'cost_merge_affected', 'day date NOT NULL, provider_name text NOT NULL, kind text NOT NULL');
    await client.query(upsertSql(distinctKeys));

    const counts = await client.query<{ inserted: string; updated: string; touched: string }>(
      `SELECT count(*) FILTER (WHERE kind = 'inserted') AS inserted, count(*) FILTER (WHERE kind = 'updated') AS updated,
              count(*) AS touched
         FROM cost_merge_affected`,
    );
    inserted = Number(counts.rows[0].inserted);
    updated = Number(counts.rows[0].updated);

    if (Number(counts.rows[0].touched) > 0) await refreshCostDaily(client, 'SELECT day, provider_name FROM cost_merge_affected');
  }
  await client.query(`SELECT set_config('jit', $1, true)`, [jit.rows[0].was]);
  await client.query(`TRUNCATE ${COST_STAGING}`);
  const result = { inserted, updated, unchanged: distinct - inserted - updated };
  logger.debug({ source: options.source, fresh, ...result }, 'cost records merged');
  return result;
}
