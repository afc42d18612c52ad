// The refresh-recommendations job: its handler refreshes and logs the outcome; a sync that wrote rows
// queues one refresh a few minutes later, and a burst of syncs still queues one. The database holds the
// planning seed (Europe (plan) is the plan of record) but no exchange rate yet, as on a first start before
// any sync: the plan cannot be priced, and the refresh goes on without it and says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { truncate } from '../../../test/db';
import { disconnect, pool, prisma } from '../../db';
import { ensurePlanningSeed } from '../../scenarios/ensure-planning-seed';
import { getBoss } from '../boss';
import { AFTER_SYNC_DELAY_SECONDS, REFRESH_RECOMMENDATIONS_JOB, enqueueRefreshAfterSync, refreshRecommendationsJob } from './refresh-recommendations';

beforeAll(async () => {
  await truncate('recommendation', 'recommendation_run', 'scenario', 'fx_rate');
  await ensurePlanningSeed();
  await getBoss();
  await pool().query(`DELETE FROM pgboss.job WHERE name = $1`, [REFRESH_RECOMMENDATIONS_JOB]);
});
afterAll(async () => {
  await pool().query(`DELETE FROM pgboss.job WHERE name = $1`, [REFRESH_RECOMMENDATIONS_JOB]);
  await (await getBoss()).stop({ graceful: false, wait: true });
  await disconnect();
});

it('refreshes and says how it went', async () => {
  const lines: string[] = [];
  const result = (await refreshRecommendationsJob.handler({ reason: 'schedule' }, { jobId: 'test', log: (l) => lines.push(l) })) as { runId: string; failed: string[] };
  expect(result.failed).toEqual([]);
  const run = await prisma.recommendationRun.findUniqueOrThrow({ where: { id: result.runId } });
  expect(run).toMatchObject({ trigger: 'job', actor: 'job:schedule', status: 'succeeded' });
  expect(run.error).toMatch(/the plan of record was not used: no USD→EUR exchange rate/);
  expect(lines[0]).toMatch(/^recommendations refreshed \(schedule\)/);
  expect(refreshRecommendationsJob.schedule?.cron).toBe('30 6 * * *');
});

it('queues one refresh a few minutes after syncs that wrote rows, however many finish together', async () => {
  const before = Date.now();
  const first = await enqueueRefreshAfterSync('run-1');
  const second = await enqueueRefreshAfterSync('run-2');
  expect(first).not.toBeNull();
  expect(second).toBeNull();
  const { rows } = await pool().query<{ data: { reason: string; syncRunId: string }; start_after: Date }>(
    `SELECT data, start_after FROM pgboss.job WHERE name = $1 AND state = 'created'`,
    [REFRESH_RECOMMENDATIONS_JOB],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].data).toEqual({ reason: 'sync', syncRunId: 'run-1' });
  expect(rows[0].start_after.getTime()).toBeGreaterThanOrEqual(before + (AFTER_SYNC_DELAY_SECONDS - 5) * 1000);
});
