// Creates the cost_record partitions for this month and the next two ahead of time, so a write
// never waits on DDL at a month boundary (ingestion also creates any it needs).
import { z } from 'zod';
import { pool } from '../../db';
import { defineJob } from '../types';

export const ensurePartitionsJob = defineJob({
  name: 'ensure-partitions',
  payload: z.object({}).passthrough(),
  schedule: { cron: '17 3 * * *', payload: {} },
  queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, policy: 'singleton' },
  handler: async (_payload, ctx) => {
    const result = await pool().query<{ made: number }>(
      "SELECT ensure_cost_partitions(now(), now() + interval '2 months') AS made",
    );
    ctx.log(`cost partitions ensured (${result.rows[0].made} created)`);
    return { created: result.rows[0].made };
  },
});
