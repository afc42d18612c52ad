// Evaluates the budgets every morning in the organisation's zone, and after each sync (sync-connection sends it).
import { z } from 'zod';
import { evaluateBudgets } from '../../budgets/evaluate-budgets';
import { env } from '../../env';
import { defineJob } from '../types';

export const evaluateBudgetsJob = defineJob({
  name: 'evaluate-budgets',
  payload: z.object({ reason: z.string().optional() }).passthrough(),
  schedule: { cron: '15 6 * * *', payload: { reason: 'daily' } },
  queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, policy: 'singleton' },
  handler: async (_payload, ctx) => {
    const r = await evaluateBudgets({ now: new Date(), timeZone: env().ORG_TIMEZONE });
    ctx.log(`${r.evaluated} budget(s) evaluated, ${r.alarms.length} alarm(s) raised, ${r.failed.length} failed`);
    if (r.failed.length) throw new Error(`budgets not evaluated: ${r.failed.map((f) => `${f.budget}: ${f.error}`).join('; ')}`);
    return r;
  },
});
