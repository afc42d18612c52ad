// The one-call write path for cost records: stage, COPY, merge. The caller owns the transaction.
import type pg from 'pg';
import type { TFocusRecord } from '../focus/types';
import type { TRows } from './copy-csv';
import { copyIntoStaging, createCostStaging } from './cost-staging';
import { mergeStaging, type TMergeResult } from './merge-staging';

export async function upsertCostRecords(
  client: pg.PoolClient | pg.Client,
  records: TRows<TFocusRecord>,
  source: string,
): Promise<TMergeResult & { staged: number }> {
  await createCostStaging(client);
  const staged = await copyIntoStaging(client, records, source);
  const result = await mergeStaging(client, { source });
  return { ...result, staged };
}
