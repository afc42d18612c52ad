// The recommendation rules' thresholds with their overrides, for the settings page, the API and the engine.
import 'server-only';
import type { TThresholdsView } from '../api/schemas/recommendation-thresholds';
import { prisma } from '../db';
import { THRESHOLD_IDS, THRESHOLD_META, validOverrides } from '../recommendations/threshold-settings';
import { DEFAULT_THRESHOLDS } from '../recommendations/thresholds';

export async function getRecommendationThresholds(): Promise<TThresholdsView> {
  const rows = await prisma.recommendationThreshold.findMany();
  // only overrides a rule would use count as in effect (a row made under older ranges does not)
  const valid = validOverrides(rows.map((r) => ({ id: r.thresholdId, value: r.value })));
  const byId = new Map(rows.map((r) => [r.thresholdId, r]));
  return {
    thresholds: THRESHOLD_IDS.map((id) => {
      const m = THRESHOLD_META[id];
      const row = byId.get(id);
      const overridden = valid[id] !== undefined;
      return {
        id, unit: m.unit, default: DEFAULT_THRESHOLDS[id], value: valid[id] ?? DEFAULT_THRESHOLDS[id], overridden,
        min: m.min, max: m.max, integer: m.integer, source: m.source,
        updatedBy: overridden ? (row?.updatedBy ?? null) : null,
        updatedAt: overridden && row ? row.updatedAt.toISOString() : null,
      };
    }),
  };
}
