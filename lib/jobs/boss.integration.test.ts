// Two processes creating the job queues at once (the app's first "Sync now" while a worker starts)
// must both end with every queue, not with a deadlock.
import PgBoss from 'pg-boss';
import { afterAll, expect, it } from 'vitest';
import { disconnect, pool } from '../db';
import { requireEnv } from '../env';
import { createMissingQueues } from './boss';
import { JOBS } from './registry';

// a schema of its own, so that the queues it deletes and creates hold none of the suite's jobs
const SCHEMA = 'pgboss_queue_race';

afterAll(async () => {
  await pool().query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await disconnect();
});

it('creates the missing queues from several instances at once without a deadlock', async () => {
  // pg-boss installs its schema under a lock of its own; the three instances then race on the queues
  const bosses = await Promise.all(
    [0, 1, 2].map(async () => {
      const boss = new PgBoss({ connectionString: requireEnv('DATABASE_URL'), schema: SCHEMA, max: 3, supervise: false, schedule: false });
      boss.on('error', () => undefined);
      await boss.start();
      return boss;
    }),
  );
  try {
    for (let round = 0; round < 3; round++) {
      for (const job of JOBS) await bosses[0].deleteQueue(job.name);
      await Promise.all(bosses.map((b) => createMissingQueues(b)));
      const names = (await bosses[0].getQueues()).map((q) => q.name);
      for (const job of JOBS) expect(names).toContain(job.name);
    }
  } finally {
    await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true })));
  }
});
