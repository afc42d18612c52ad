// The costs table download's query: a costs query and the table's order.
import type { z } from 'zod';
import { ZCostTableSort } from '../../costs/cost-table';
import { toAfterFrom, ZCostQueryFields } from '../../queries/get-costs';

export const ZCostTableQuery = ZCostQueryFields.extend(ZCostTableSort.shape).refine(...toAfterFrom);
export type TCostTableQuery = z.infer<typeof ZCostTableQuery>;
