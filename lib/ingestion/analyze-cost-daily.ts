// Keeps the planner's statistics of cost_daily current after a large write. The costs API plans
// its joins from them, and autovacuum only gets to a table a minute or more after a write (the
// bench's and the demo's first readers came before it): a write that changed more than a tenth of
// the rollup analyses it at once. ANALYZE of cost_daily reads a sample of 30 000 rows at most, and
// only of the columns queries use (the migration turns the others off): 24–28 ms for the demo's
// 6 600 rows, 95–230 ms after a million-record write (215 000 rows, a write of 12–20 s) here.
// cost_record is left to autovacuum: its readers (export, calibration, the writers' probes) go by
// time range through partition pruning and the primary key, plans that do not turn on its
// statistics, and ANALYZE of a million of its rows (614 MB) took 1.3–1.7 s here.
import { pool } from '../db';
import { logger } from '../logger';

// Changed records of one write past which cost_daily is analysed, as a share of its rows at the
// last ANALYZE (each record changes one rollup row at most), and in any case (a rollup that has
// never been analysed counts 0 rows or -1).
const FRACTION = 0.1;
const MIN_CHANGED = 200;

// After the write's transaction committed (an ANALYZE inside it would hold its lock, which
// analyses of other writers wait for, to the commit). Never fails: the write is done already.
export async function analyzeCostDailyAfterWrite(changedRecords: number): Promise<boolean> {
  if (changedRecords < MIN_CHANGED) return false;
  try {
    const { rows } = await pool().query<{ n: number }>("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'cost_daily'::regclass");
    if (changedRecords < FRACTION * rows[0].n) return false;
    await pool().query('ANALYZE cost_daily');
    return true;
  } catch (err) {
    logger.warn({ err }, 'ANALYZE cost_daily after a write failed; autovacuum will get to it');
    return false;
  }
}
