// Pulls the business metrics that come from Prometheus, daily (the last three complete days, so a late scrape
// or a Prometheus outage of a day is caught up).
import { z } from 'zod';
import { pullAllPrometheusMetrics } from '../../unit-costs/pull-prometheus-metrics';
import { defineJob } from '../types';

export const pullBusinessMetricsJob = defineJob({
  name: 'pull-business-metrics',
  payload: z.object({ days: z.number().int().min(1).max(400).optional() }).passthrough(),
  schedule: { cron: '15 2 * * *', payload: {} },
  queue: { retryLimit: 3, retryDelay: 300, retryBackoff: true, policy: 'singleton' },
  handler: async (payload, ctx) => {
    const results = await pullAllPrometheusMetrics({ now: new Date(), days: payload.days ?? 3 });
    for (const r of results) ctx.log(r.error ? `${r.metric}: failed: ${r.error}` : `${r.metric}: ${r.points} days`);
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(`${failed.length} business metric(s) could not be pulled: ${failed.map((r) => r.metric).join(', ')}`);
    return results;
  },
});
