// The job worker: registers every job's handler and schedule. Runs inside `npm start` or alone
// (`npm run worker`) for deployments that separate web and workers.
import { logger } from '../logger';
import { orgTimeZone, startBossForWorker } from './boss';
import { sweepInterruptedRuns } from '../runtime/sweep-interrupted-runs';
import { JOBS } from './registry';

export async function startWorker(options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => logger.info(line));
  // runs left running by a worker that is gone are marked now, not a minute later; runs of live
  // instances keep their lock and stay running
  const swept = await sweepInterruptedRuns();
  if (swept.interrupted.length) log(`${swept.interrupted.length} run(s) left running by a stopped process marked interrupted`);
  const boss = await startBossForWorker();
  for (const job of JOBS) {
    await boss.work(job.name, { batchSize: 1 }, async ([item]) => {
      const payload = job.payload.parse(item.data ?? {});
      const started = Date.now();
      try {
        const result = await job.handler(payload as never, { jobId: item.id, log: (line) => logger.info({ job: job.name, jobId: item.id }, line) });
        logger.debug({ job: job.name, jobId: item.id, ms: Date.now() - started }, 'job done');
        return result;
      } catch (error) {
        logger.error({ job: job.name, jobId: item.id, err: error }, 'job failed');
        throw error;
      }
    });
    if (job.schedule) await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object, { tz: orgTimeZone() });
  }
  for (const job of JOBS) {
    // a failed catch-up is logged, not fatal: the job's schedule tries again within a minute
    if (job.onWorkerStart) await job.onWorkerStart(log).catch((error) => logger.error({ job: job.name, err: error }, 'job start hook failed'));
  }
  log(`worker ready: ${JOBS.map((j) => j.name).join(', ')}`);
  return async () => {
    // on Ctrl-C the database may already be going down with us: its disconnects are expected now
    boss.removeAllListeners('error');
    boss.on('error', () => undefined);
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}
