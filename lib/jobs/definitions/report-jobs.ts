// The weekly report's jobs: every minute, queue each schedule's due occurrence (and at worker start,
// one missed while no worker was up); per occurrence, send it, retried with backoff on SMTP failures.
import { z } from 'zod';
import { prisma } from '../../db';
import { enqueueDueReports, type TReportSendPayload } from '../../reports/enqueue-due-reports';
import { isoWeek, ZIsoWeek } from '../../reports/iso-week';
import { sendReport } from '../../reports/send-report';
import { getBoss } from '../boss';
import { defineJob } from '../types';

export const REPORT_SEND_RETRIES = 4;

export async function queueReportSend(payload: TReportSendPayload) {
  const boss = await getBoss();
  // a second queueing of the same occurrence while the first waits is dropped (the delivery log
  // stops the rest)
  await boss.send(reportSendJob.name, payload, { singletonKey: `${payload.scheduleId}:${payload.week}:${payload.runKey}` });
}

export const reportSendJob = defineJob({
  name: 'report-send',
  payload: z.object({ scheduleId: z.string().uuid(), week: ZIsoWeek, runKey: z.string().min(1).max(100) }),
  queue: { retryLimit: REPORT_SEND_RETRIES, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  handler: async (payload, ctx) => {
    const schedule = await prisma.reportSchedule.findUnique({ where: { id: payload.scheduleId } });
    if (!schedule || !schedule.enabled) {
      ctx.log(`report ${payload.scheduleId} ${payload.week}: schedule deleted or disabled, nothing sent`);
      return { skipped: true };
    }
    const result = await sendReport({ schedule, week: isoWeek(payload.week), runKey: payload.runKey, now: new Date(), maxAttempts: REPORT_SEND_RETRIES + 1 });
    const count = (status: string) => result.outcomes.filter((o) => o.status === status).length;
    ctx.log(`report ${schedule.name} ${payload.week}: ${count('sent')} sent, ${count('skipped')} already sent, ${count('failed')} failed, ${count('retrying')} to retry`);
    // the job fails so that pg-boss tries again later; the recipients already sent are skipped then
    if (count('retrying')) throw new Error(`${count('retrying')} recipient(s) of report ${schedule.name} to retry after an SMTP failure`);
    return result;
  },
});

export const reportSchedulerJob = defineJob({
  name: 'report-scheduler',
  payload: z.object({}).passthrough(),
  schedule: { cron: '* * * * *', payload: {} },
  queue: { retryLimit: 0, policy: 'singleton', expireInSeconds: 300 },
  onWorkerStart: async (log) => {
    const queued = await enqueueDueReports({ now: new Date(), enqueue: queueReportSend });
    if (queued.length) log(`${queued.length} weekly report run(s) missed while no worker was up queued now`);
  },
  handler: async (_payload, ctx) => {
    const queued = await enqueueDueReports({ now: new Date(), enqueue: queueReportSend });
    if (queued.length) ctx.log(`report scheduler queued ${queued.length} report run(s)`);
    return { queued };
  },
});
