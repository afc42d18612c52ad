// Every minute: queues a sync for each enabled connection whose schedule has come due since its
// last run. Every minute rather than every five so a live Redis connection can sample as often as
// its sampleEveryMinutes asks (down to 1); the check itself is one small query.
import { z } from 'zod';
import { scheduleDueSyncs } from '../../connections/schedule-due-syncs';
import { defineJob } from '../types';

export const syncSchedulerJob = defineJob({
  name: 'sync-scheduler',
  payload: z.object({}).passthrough(),
  schedule: { cron: '* * * * *', payload: {} },
  queue: { retryLimit: 0, policy: 'singleton', expireInSeconds: 300 },
  handler: async (_payload, ctx) => {
    const result = await scheduleDueSyncs({ now: new Date() });
    if (result.enqueued.length) ctx.log(`sync scheduler queued ${result.enqueued.length} connection(s)`);
    return result;
  },
});
