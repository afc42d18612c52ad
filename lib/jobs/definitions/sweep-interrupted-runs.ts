// Every minute, on whichever worker takes it: runs whose process stopped (crash, kill -9, a lost
// host) are marked interrupted while the app runs, not only at the next start. Runs whose owner is
// alive keep their lock and are left alone (lib/runtime/run-claim.ts).
import { z } from 'zod';
import { sweepInterruptedRuns } from '../../runtime/sweep-interrupted-runs';
import { defineJob } from '../types';

export const sweepInterruptedRunsJob = defineJob({
  name: 'sweep-interrupted-runs',
  payload: z.object({}).passthrough(),
  schedule: { cron: '* * * * *', payload: {} },
  queue: { retryLimit: 0, policy: 'singleton', expireInSeconds: 60 },
  handler: async () => {
    const result = await sweepInterruptedRuns();
    return { interrupted: result.interrupted.length, alive: result.alive };
  },
});
