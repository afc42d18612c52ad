// The staging table every cost source writes into: a temporary copy of cost_record's shape that
// lives until the caller's transaction ends, filled by COPY and emptied by mergeStaging.
import type pg from 'pg';
import type { TFocusRecord } from '../focus/types';
import { fieldOfColumn, RECORD_COLUMNS, STAGED_COLUMNS } from './cost-columns';
import { copyCsv, rowError, type TRows } from './copy-csv';
import { naturalKey } from './natural-key';
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

function encodeRecord(source: string) {
  return (r: TFocusRecord, index: number): (string | null)[] => {
    try {
      return [naturalKey(r), ...RECORD_COLUMNS.map((c) => c.value(r)), source];
    } catch (e) {
      throw rowError(index, e);
    }
  };
}

// Streams records into staging with COPY; returns how many rows were staged. Rows are numbered
// from 1 in error messages, in the order the iterable yields them.
export async function copyIntoStaging(
  client: pg.PoolClient | pg.Client,
  records: TRows<TFocusRecord>,
  source: string,
): Promise<number> {
  return copyCsv(client, COST_STAGING, STAGED_COLUMNS, records, encodeRecord(source), fieldOfColumn);
}
