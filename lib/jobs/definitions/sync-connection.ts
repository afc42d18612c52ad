// Runs one connection's sync. Failures the provider may get over (unreachable, throttled,
// unexpected response, a sync already running) are retried with backoff; a configuration or
// authentication failure is recorded in the run log and the job completes, as retrying cannot help.
import { isAppError } from '../../errors';
import { runSync } from '../../ingestion/run-sync';
import { getBoss } from '../boss';
import { defineJob } from '../types';
import { DETECT_ANOMALIES_JOB } from './detect-anomalies';
import { enqueueRefreshAfterSync } from './refresh-recommendations';
import { NO_RETRY_STATUSES, SYNC_CONNECTION_JOB, ZSyncJobPayload, dayToDate } from './sync-payload';

export const syncConnectionJob = defineJob({
  name: SYNC_CONNECTION_JOB,
  payload: ZSyncJobPayload,
  // 'short': one waiting job per connection (singletonKey), while one may be running
  queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, policy: 'short', expireInSeconds: 3 * 3600 },
  handler: async (payload, ctx) => {
    let run;
    try {
      run = await runSync({
        connectionId: payload.connectionId,
        from: dayToDate(payload.from),
        to: dayToDate(payload.to),
        now: new Date(),
        trigger: payload.trigger,
        jobId: ctx.jobId,
      });
    } catch (e) {
      if (isAppError(e) && e.code === 'NOT_FOUND') {
        ctx.log(`connection ${payload.connectionId} no longer exists: nothing to sync`);
        return { skipped: 'connection deleted' };
      }
      throw e;
    }
    const summary = {
      runId: run.id,
      status: run.status,
      rowsInserted: run.rowsInserted,
      rowsUpdated: run.rowsUpdated,
      rowsUnchanged: run.rowsUnchanged,
      apiRequests: run.apiRequests,
      apiCost: run.apiCost,
      error: run.error,
      errorStatus: run.errorStatus,
    };
    if (run.status === 'failed' && !NO_RETRY_STATUSES.has(run.errorStatus ?? '')) {
      throw new Error(`sync run ${run.id} of ${run.connectionName ?? payload.connectionId} failed: ${run.error}`);
    }
    ctx.log(`sync run ${run.id}: ${run.status}`);
    // new or revised days are judged now rather than at the next daily runs: budgets and anomalies at once,
    // recommendations (which read everything) once a burst of syncs is over
    if (run.status !== 'failed' && run.rowsInserted + run.rowsUpdated > 0) {
      const boss = await getBoss();
      await boss.send('evaluate-budgets', { reason: `sync ${run.id}` }, { singletonKey: 'evaluate-budgets', retryLimit: 3, retryDelay: 60, retryBackoff: true });
      await boss.send(DETECT_ANOMALIES_JOB, { reason: `sync run ${run.id}` });
      if (run.status === 'succeeded') await enqueueRefreshAfterSync(run.id);
    }
    return summary;
  },
});
