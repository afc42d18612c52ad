// The staging table for cost records that may collide with stored ones: a temporary copy of
// cost_record's shape that lives until the caller's transaction ends, filled by CostWriter's COPY
// and emptied by mergeStaging.
import type pg from 'pg';
import { createTempTable } from './temp-table';

export const COST_STAGING = 'pg_temp.cost_staging';

// Must run inside the caller's transaction (withTransaction): ON COMMIT DROP would otherwise drop
// the table as soon as it is made. Calling it again in the same transaction starts afresh.
export async function createCostStaging(client: pg.PoolClient | pg.Client): Promise<void> {
  // LIKE copies the NOT NULL constraints, so a record missing a required column fails during COPY
  // with its line number; staging_seq keeps arrival order so that the last duplicate wins.
  await createTempTable(
    client,
    'cost_staging',
    'LIKE cost_record INCLUDING DEFAULTS, staging_seq bigint GENERATED ALWAYS AS IDENTITY',
  );
}
