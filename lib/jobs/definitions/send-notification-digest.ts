// Every day at 08:00 in the organisation's zone: each channel's digest of the alerts its daily
// subscriptions raised since the last one.
import { z } from 'zod';
import { DIGEST_CRON } from '../../notifications/digest-time';
import { sendDigests } from '../../notifications/deliver';
import { defineJob } from '../types';

export const sendNotificationDigestJob = defineJob({
  name: 'send-notification-digest',
  payload: z.object({}).passthrough(),
  schedule: { cron: DIGEST_CRON, payload: {} },
  queue: { retryLimit: 0, policy: 'singleton', expireInSeconds: 3600 },
  handler: async (_payload, ctx) => {
    const results = await sendDigests();
    ctx.log(`notification digests: ${results.length} notification(s), ${results.filter((r) => r.status === 'sent').length} sent`);
    return { notifications: results.length };
  },
});
