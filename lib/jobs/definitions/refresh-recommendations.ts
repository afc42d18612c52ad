// Refreshes the recommendations: daily after the night's syncs, and soon after a sync that brought new
// rows (sync-connection sends it; the 'short' policy keeps one waiting, so a burst of syncs gives one refresh).
import { z } from 'zod';
import { env } from '../../env';
import { refreshRecommendations } from '../../recommendations/engine/refresh-recommendations';
import { getBoss } from '../boss';
import { defineJob } from '../types';

export const REFRESH_RECOMMENDATIONS_JOB = 'refresh-recommendations';
/** A sync's new data is refreshed after this delay, so syncs finishing together share one refresh. */
export const AFTER_SYNC_DELAY_SECONDS = 300;

export const refreshRecommendationsJob = defineJob({
  name: REFRESH_RECOMMENDATIONS_JOB,
  payload: z.object({ reason: z.enum(['schedule', 'sync']).default('schedule'), syncRunId: z.string().optional() }).passthrough(),
  // syncs run at 00:00, 06:00, 12:00, 18:00 by default: 06:30 reads the night's data
  schedule: { cron: '30 6 * * *', payload: { reason: 'schedule' } },
  queue: { retryLimit: 2, retryDelay: 120, retryBackoff: true, policy: 'short', expireInSeconds: 3600 },
  handler: async (payload, ctx) => {
    const run = await refreshRecommendations({ currency: env().DISPLAY_CURRENCY, trigger: 'job', actor: { type: 'system', label: `job:${payload.reason}` }, wait: true });
    const failed = run.rules.filter((r) => r.outcome === 'failed').map((r) => r.ruleId);
    ctx.log(`recommendations refreshed (${payload.reason}): ${run.created} new, ${run.updated} updated, ${run.reopened} reopened, ${run.retired} retired${failed.length ? `; rules failed: ${failed.join(', ')}` : ''}`);
    return { runId: run.runId, created: run.created, updated: run.updated, reopened: run.reopened, retired: run.retired, failed };
  },
});

/** After a sync that wrote rows: one refresh a few minutes later (singleton within the delay). */
export async function enqueueRefreshAfterSync(syncRunId: string): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(REFRESH_RECOMMENDATIONS_JOB, { reason: 'sync', syncRunId }, { startAfter: AFTER_SYNC_DELAY_SECONDS, singletonKey: 'after-sync', singletonSeconds: AFTER_SYNC_DELAY_SECONDS });
}
