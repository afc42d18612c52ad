// Folds the day's rows of data_change (one per writing transaction) into one, so that reading the
// cost data's version stays a scan of a few rows.
import { z } from 'zod';
import { compactDataChanges } from '../../queries/data-version';
import { defineJob } from '../types';

export const compactDataChangesJob = defineJob({
  name: 'compact-data-changes',
  payload: z.object({}).passthrough(),
  schedule: { cron: '41 3 * * *', payload: {} },
  queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, policy: 'singleton' },
  handler: async (_payload, ctx) => {
    const folded = await compactDataChanges();
    ctx.log(`data changes compacted (${folded} rows folded into one)`);
    return { folded };
  },
});
