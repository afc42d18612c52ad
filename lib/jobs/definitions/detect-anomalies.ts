// Judges the last billed days of every monitor: daily, and after each sync that brought new rows.
import { z } from 'zod';
import { runAnomalyDetection } from '../../anomalies/run-detection';
import { ZDay } from '../../dates';
import { defineJob } from '../types';

export const DETECT_ANOMALIES_JOB = 'detect-anomalies';

export const detectAnomaliesJob = defineJob({
  name: DETECT_ANOMALIES_JOB,
  payload: z.object({ from: ZDay.optional(), to: ZDay.optional(), reason: z.string().max(200).optional() }).passthrough(),
  schedule: { cron: '30 6 * * *', payload: { reason: 'daily' } },
  // 'short': one waiting at most (syncs finishing together queue one run), while one may be running
  queue: { retryLimit: 3, retryDelay: 120, retryBackoff: true, policy: 'short', expireInSeconds: 3600 },
  handler: async (payload, ctx) => {
    const r = await runAnomalyDetection({ from: payload.from, to: payload.to });
    ctx.log(`anomalies judged ${r.judgedFrom ?? '-'} → ${r.to ?? '-'}: ${r.found} new, ${r.updated} changed, ${r.removed} removed, ${r.alerts} alerts queued`);
    return r;
  },
});
