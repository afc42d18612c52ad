// A worker that starts after a schedule's occurrence (no worker was up at the time) queues that run
// through pg-boss at once, and only once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { truncate } from '../../../test/db';
import { pool, prisma } from '../../db';
import { getBoss } from '../boss';
import { reportSchedulerJob, reportSendJob } from './report-jobs';

beforeAll(async () => {
  await truncate('report_delivery', 'report_schedule');
  await getBoss();
  await pool().query(`DELETE FROM pgboss.job WHERE name = $1`, [reportSendJob.name]);
});
afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
});

it('queues a run missed while no worker was up when a worker starts, once', async () => {
  // every hour at minute 0: the last occurrence is under an hour old, the schedule older than that
  const schedule = await prisma.reportSchedule.create({
    data: { name: 'missed', cron: '0 * * * *', timeZone: 'Europe/Paris', recipients: ['a@example.com'], createdAt: new Date(Date.now() - 3 * 86_400_000) },
  });
  const lines: string[] = [];
  await reportSchedulerJob.onWorkerStart!((line) => lines.push(line));
  await reportSchedulerJob.onWorkerStart!((line) => lines.push(line));
  const jobs = await pool().query<{ data: { scheduleId: string; week: string; runKey: string } }>(`SELECT data FROM pgboss.job WHERE name = $1`, [reportSendJob.name]);
  expect(jobs.rows.map((j) => j.data.scheduleId)).toEqual([schedule.id]);
  expect(jobs.rows[0].data).toMatchObject({ runKey: 'scheduled', week: expect.stringMatching(/^\d{4}-W\d{2}$/) });
  expect(lines).toEqual(['1 weekly report run(s) missed while no worker was up queued now']);
  expect((await prisma.reportSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).lastOccurrenceAt).not.toBeNull();
});
