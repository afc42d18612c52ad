// The costs table of a query: its costs and those of the previous range of the same length (the
// change column), read together.
import { getCosts, type TCostQuery, type TCostResult } from '../queries/get-costs';
import { buildCostTable, previousRange, type TCostTable, type TCostTableSort } from './cost-table';

export type TCostTableAnswer = { result: TCostResult; table: TCostTable; previous: { from: string; to: string } };

export async function readCostTable(query: TCostQuery, sort: Partial<TCostTableSort> = {}): Promise<TCostTableAnswer> {
  const previous = previousRange(query.from, query.to);
  const [result, before] = await Promise.all([getCosts(query), getCosts({ ...query, ...previous })]);
  return { result, table: buildCostTable(result, before, sort), previous };
}
