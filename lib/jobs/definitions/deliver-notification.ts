// Delivers one notification (queued when it is raised), or, every minute without an id, sweeps the
// outbox for anything due: retries whose time has come, jobs the queue lost, digests a stopped
// worker missed. Retries are the outbox's own (next_attempt_at), not the queue's.
import { z } from 'zod';
import { deliverDue, deliverNotification } from '../../notifications/deliver';
import { notifyAnomalyAlerts, notifyBudgetAlarms } from '../../notifications/notify-raised-alerts';
import { defineJob } from '../types';

export const deliverNotificationJob = defineJob({
  name: 'deliver-notification',
  payload: z.object({ notificationId: z.string().uuid().optional() }).passthrough(),
  schedule: { cron: '* * * * *', payload: {} },
  queue: { retryLimit: 0, expireInSeconds: 600 },
  handler: async (payload, ctx) => {
    if (!payload.notificationId) {
      // alarms and alerts raised by a run that stopped before handing them over (or by the API/CLI)
      await notifyBudgetAlarms();
      await notifyAnomalyAlerts();
      const results = await deliverDue();
      if (results.length) ctx.log(`notification sweep: ${results.filter((r) => r.status === 'sent').length} sent, ${results.filter((r) => r.status !== 'sent').length} not`);
      return { attempted: results.length };
    }
    const outcome = await deliverNotification(payload.notificationId);
    if (outcome?.status === 'retrying' && outcome.nextAttemptAt) {
      const { getBoss } = await import('../boss');
      const boss = await getBoss();
      await boss.send('deliver-notification', { notificationId: payload.notificationId }, { startAfter: outcome.nextAttemptAt });
    }
    return outcome;
  },
});
