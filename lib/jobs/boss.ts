// pg-boss on the application's own PostgreSQL (schema pgboss). One instance per process.
import PgBoss from 'pg-boss';
import { holdClient } from '../db';
import { env, requireEnv } from '../env';
import { logger } from '../logger';
import { JOBS } from './registry';

const globalForBoss = globalThis as unknown as { tourmaletBoss?: Promise<PgBoss> };

async function create(options: { supervise: boolean; schedule: boolean }) {
  const boss = new PgBoss({
    connectionString: requireEnv('DATABASE_URL'),
    schema: 'pgboss',
    max: 4,
    supervise: options.supervise,
    schedule: options.schedule,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  await createMissingQueues(boss);
  return boss;
}

// pg-boss's createQueue is not locked: each queue is a partition attached to its job table with
// foreign keys to its queue table, and two processes creating queues at once (the app sending its
// first job while a worker starts) deadlock on those tables' locks. One process at a time, here,
// under an advisory lock of our own, and only for the queues still missing.
export async function createMissingQueues(boss: PgBoss) {
  const held = await holdClient();
  const { client } = held;
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('tourmalet.pgboss.create-queues'))");
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const job of JOBS) {
      if (!existing.has(job.name)) await boss.createQueue(job.name, { name: job.name, ...job.queue });
    }
  } finally {
    // a connection that may still hold the lock is closed (held.fail), not handed back to the pool
    await client.query("SELECT pg_advisory_unlock(hashtext('tourmalet.pgboss.create-queues'))").catch(held.fail);
    held.release();
  }
}

// For producers (API routes, CLI): sends jobs, runs no maintenance or schedules.
export function getBoss(): Promise<PgBoss> {
  // a failed start is not cached: the next call tries again (the database may be back)
  globalForBoss.tourmaletBoss ??= create({ supervise: false, schedule: false }).catch((error) => {
    globalForBoss.tourmaletBoss = undefined;
    throw error;
  });
  return globalForBoss.tourmaletBoss;
}

export async function startBossForWorker() {
  return create({ supervise: true, schedule: true });
}

export function orgTimeZone() {
  return env().ORG_TIMEZONE;
}
