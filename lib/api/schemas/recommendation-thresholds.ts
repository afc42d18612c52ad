// The recommendation rules' thresholds as settings: each with its default (the constant), its source,
// its allowed range and the override in effect; admins change them, anyone reads them.
import { z } from 'zod';
import { THRESHOLD_IDS, THRESHOLD_META, thresholdProblem, type TThresholdId } from '../../recommendations/threshold-settings';

export const ZThresholdView = z.object({
  id: z.enum(THRESHOLD_IDS as [TThresholdId, ...TThresholdId[]]),
  unit: z.enum(['percent', 'share', 'days', 'ratio', 'count']).describe('percent: 0–100; share: 0–1; days; ratio; count'),
  default: z.number().describe('the constant in lib/recommendations/thresholds.ts'),
  value: z.number().describe('in effect: the override, or the default'),
  overridden: z.boolean(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  source: z.string().describe("where the default comes from (English; the page translates it)"),
  updatedBy: z.string().nullable().describe('who set the override'),
  updatedAt: z.string().nullable().describe('ISO instant the override was set'),
});
export type TThresholdView = z.infer<typeof ZThresholdView>;

export const ZThresholdsView = z.object({ thresholds: z.array(ZThresholdView) });
export type TThresholdsView = z.infer<typeof ZThresholdsView>;

/** Some thresholds by id: a number overrides the default, null returns to it. Ids not named are unchanged. */
export const ZThresholdsUpdate = z.object({
  thresholds: z
    .record(z.string(), z.number().nullable())
    .superRefine((values, ctx) => {
      const ids = Object.keys(values);
      if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one threshold' });
      for (const id of ids) {
        if (!Object.prototype.hasOwnProperty.call(THRESHOLD_META, id)) {
          ctx.addIssue({ code: 'custom', path: [id], message: `unknown threshold: one of ${THRESHOLD_IDS.join(', ')}` });
          continue;
        }
        const v = values[id];
        const problem = v === null ? null : thresholdProblem(id as TThresholdId, v);
        if (problem) ctx.addIssue({ code: 'custom', path: [id], message: problem });
      }
    })
    .describe('threshold id → value (in the unit of its `unit`), or null for the default'),
});
export type TThresholdsUpdate = z.infer<typeof ZThresholdsUpdate>;
