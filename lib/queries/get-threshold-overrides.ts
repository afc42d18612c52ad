// The threshold overrides the rules take (facts.thresholds): stored values that still pass their ranges.
import 'server-only';
import { prisma } from '../db';
import { validOverrides } from '../recommendations/threshold-settings';
import type { TThresholds } from '../recommendations/thresholds';

export async function getThresholdOverrides(): Promise<Partial<TThresholds>> {
  const rows = await prisma.recommendationThreshold.findMany({ select: { thresholdId: true, value: true } });
  return validOverrides(rows.map((r) => ({ id: r.thresholdId, value: r.value })));
}
