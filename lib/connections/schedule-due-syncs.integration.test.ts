// The scheduler and "Sync now" on pg-boss in the test database, and one sync through the worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { FakeCostExplorer } from '../../test/fakes/aws-cost-explorer';
import { createApiToken } from '../auth/tokens';
import { disconnect, pool, prisma } from '../db';
import { getBoss } from '../jobs/boss';
import { startWorker } from '../jobs/worker';
import * as syncRoute from '../../app/api/v1/connections/[id]/sync/route';
import { createConnection } from './create-connection';
import { enqueueSync } from './enqueue-sync';
import { scheduleDueSyncs } from './schedule-due-syncs';

const SYSTEM = { type: 'system' as const, label: 'test' };
const NOW = new Date('2026-11-25T12:02:00Z');

async function connection(name: string, options: { provider?: 'aws' | 'redis'; settings?: Record<string, string | number | boolean>; enabled?: boolean; lastRun?: string } = {}) {
  const provider = options.provider ?? 'aws';
  const c = await createConnection(SYSTEM, {
    provider,
    name,
    enabled: options.enabled ?? true,
    ...(provider === 'aws'
      ? { settings: { insights: false, ...options.settings }, credentials: { accessKeyId: 'AKIAFAKE0000000001', secretAccessKey: 'secret-key-1234' } }
      : { settings: options.settings ?? {}, credentials: { url: 'redis://127.0.0.1:6379' } }),
  });
  if (options.lastRun)
    await prisma.syncRun.create({
      data: { connectionId: c.id, kind: 'sync', source: `connection:${c.id}`, status: 'succeeded', startedAt: new Date(options.lastRun), finishedAt: new Date(options.lastRun) },
    });
  return c;
}

async function queued() {
  const { rows } = await pool().query<{ id: string; key: string; trigger: string }>(
    `SELECT id::text, singleton_key AS key, data->>'trigger' AS trigger FROM pgboss.job WHERE name = 'sync-connection' AND state = 'created' ORDER BY singleton_key`,
  );
  return rows;
}

beforeAll(async () => {
  await getBoss();
});
beforeEach(async () => {
  await truncate();
  await pool().query(`DELETE FROM pgboss.job WHERE name = 'sync-connection'`);
});
afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
  await disconnect();
});

describe('scheduleDueSyncs', () => {
  it('queues each enabled connection whose schedule fired since its last run, once', async () => {
    const never = await connection('never-ran');
    const stale = await connection('ran-at-five', { lastRun: '2026-11-25T05:00:00Z' });
    await connection('ran-after-noon', { lastRun: '2026-11-25T12:00:30Z' });
    await connection('disabled', { enabled: false });
    // redis follows sampleEveryMinutes: every minute is due again, every 5 minutes not yet
    const redis1 = await connection('redis-1min', { provider: 'redis', settings: { sampleEveryMinutes: 1 }, lastRun: '2026-11-25T12:01:10Z' });
    await connection('redis-5min', { provider: 'redis', settings: { sampleEveryMinutes: 5 }, lastRun: '2026-11-25T12:01:10Z' });
    expect(redis1.syncCron).toBe('*/1 * * * *');

    const first = await scheduleDueSyncs({ now: NOW, timeZone: 'UTC' });
    const due = [never.id, stale.id, redis1.id].sort();
    expect(first.enqueued.map((e) => e.connectionId).sort()).toEqual(due);
    expect(first.alreadyQueued).toEqual([]);
    const jobs = await queued();
    expect(jobs.map((j) => [j.key, j.trigger])).toEqual(due.map((id) => [id, 'schedule']));
    expect(jobs.map((j) => j.id).sort()).toEqual(first.enqueued.map((e) => e.jobId).sort());

    // two minutes later nothing has run yet: still due, but never queued twice
    const second = await scheduleDueSyncs({ now: new Date(NOW.getTime() + 2 * 60_000), timeZone: 'UTC' });
    expect(second.enqueued).toEqual([]);
    expect(second.alreadyQueued.sort()).toEqual(due);
    expect(await queued()).toEqual(jobs);
  });

  it('evaluates the schedule in the organisation’s time zone', async () => {
    const c = await connection('six-paris', { lastRun: '2026-11-25T04:30:00Z' });
    await prisma.connection.update({ where: { id: c.id }, data: { syncCron: '0 6 * * *' } });
    // 06:00 in Paris is 05:00 UTC in November: due at 05:01 UTC in Paris, not in UTC
    expect((await scheduleDueSyncs({ now: new Date('2026-11-25T05:01:00Z'), timeZone: 'UTC' })).enqueued).toEqual([]);
    expect((await scheduleDueSyncs({ now: new Date('2026-11-25T05:01:00Z'), timeZone: 'Europe/Paris' })).enqueued).toHaveLength(1);
  });
});

describe('Sync now', () => {
  it('queues a manual sync and returns the waiting job when asked again', async () => {
    const c = await connection('aws-now');
    const admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
    const post = (body: unknown) =>
      syncRoute.POST(
        new Request(`http://localhost/api/v1/connections/${c.id}/sync`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: c.id }) },
      );
    const res = await post({ from: '2026-11-01', to: '2026-11-03' });
    expect(res.status).toBe(202);
    const first = await res.json();
    expect(first.alreadyQueued).toBe(false);
    const [job] = await queued();
    expect(job).toMatchObject({ id: first.jobId, key: c.id, trigger: 'manual' });

    expect(await (await post({})).json()).toEqual({ jobId: first.jobId, alreadyQueued: true });
    const bad = await post({ from: '2026-11-03', to: '2026-11-01' });
    expect(bad.status).toBe(400);
    expect(await queued()).toHaveLength(1);
  });
});

describe('the worker', () => {
  it('runs a queued sync', async () => {
    const fake = await FakeCostExplorer.start({
      items: [
        { day: '2026-11-01', account: '111111111111', region: 'eu-west-3', service: 'AWS Lambda', usageType: 'Request', recordType: 'Usage', unblended: '1.25', amortized: '1.25', quantity: '10', unit: 'Requests' },
      ],
    });
    const stop = await startWorker({ log: () => undefined });
    try {
      const c = await connection('aws-worker', { settings: { endpoint: fake.url } });
      const { jobId } = await enqueueSync(c.id, { from: '2026-11-01', to: '2026-11-02' });
      let run = null;
      for (let i = 0; i < 60 && !run?.finishedAt; i++) {
        await new Promise((r) => setTimeout(r, 250));
        run = await prisma.syncRun.findFirst({ where: { connectionId: c.id } });
      }
      expect(run).toMatchObject({ status: 'succeeded', rowsInserted: 1, windowStart: new Date('2026-11-01T00:00:00Z'), windowEnd: new Date('2026-11-02T00:00:00Z') });
      expect(run?.details).toMatchObject({ jobId, trigger: 'manual' });
      const { rows } = await pool().query(`SELECT trim_scale(sum(billed_cost))::text AS s FROM cost_record WHERE source = $1`, [`connection:${c.id}`]);
      expect(rows[0].s).toBe('1.25');
    } finally {
      await stop();
      await fake.close();
    }
  });
});
