// pg-boss on the application's own PostgreSQL (schema pgboss). One instance per process.
import PgBoss from 'pg-boss';
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
  for (const job of JOBS) await boss.createQueue(job.name, { name: job.name, ...job.queue });
  return boss;
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
