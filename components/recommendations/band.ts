// The usage band and levels a commitment recommendation stores in its details, read defensively: the
// details are kind-specific JSON, so anything that does not parse draws no chart rather than a wrong one.
import { z } from 'zod';
import type { TBandMonth } from './ladder';

const ZBand = z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), p10: z.number(), p50: z.number(), p90: z.number(), committed: z.number() })).min(1);
const ZPlanLike = z.object({
  usageBand: ZBand,
  measure: z.enum(['spend', 'count']),
  providerLevel: z.number().nullable().optional(),
  conservativeLevel: z.number().nullable().optional(),
  conservative: z.object({ level: z.number() }).optional(),
});

export type TStoredBand = { months: TBandMonth[]; measure: 'spend' | 'count'; providerLevel: number | null; conservativeLevel: number | null };

export function bandOf(details: Record<string, unknown> | null | undefined): TStoredBand | null {
  const parsed = ZPlanLike.safeParse(details?.plan);
  if (!parsed.success) return null;
  const p = parsed.data;
  return { months: p.usageBand, measure: p.measure, providerLevel: p.providerLevel ?? null, conservativeLevel: p.conservativeLevel ?? p.conservative?.level ?? null };
}
