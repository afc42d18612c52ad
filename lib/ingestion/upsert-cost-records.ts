// The one-call write path for cost records (connectors, the demo, FOCUS files go through CostWriter
// the same way). The caller owns the transaction.
import type pg from 'pg';
import type { TFocusRecord } from '../focus/types';
import type { TRows } from './copy-csv';
import { writeCostRecords } from './cost-writer';
import type { TMergeResult } from './merge-staging';

export async function upsertCostRecords(
  client: pg.PoolClient | pg.Client,
  records: TRows<TFocusRecord>,
  source: string,
): Promise<TMergeResult & { staged: number }> {
  const { inserted, updated, unchanged, written } = await writeCostRecords(client, records, source);
  return { inserted, updated, unchanged, staged: written };
}
