// An admin overrides some of the rules' thresholds (or returns them to their defaults): checked against
// their ranges and, taken with the others in effect, against the ordered pairs; written in one
// transaction with an audit row listing each change (before and after).
import { prisma } from '../db';
import { AppError } from '../errors';
import type { TThresholdsUpdate } from '../api/schemas/recommendation-thresholds';
import { auditTx, type TScenarioActor } from '../scenarios/scenario-row';
import { isThresholdId, orderProblems, thresholdProblem, validOverrides, type TThresholdId } from './threshold-settings';
import { DEFAULT_THRESHOLDS } from './thresholds';

export async function updateRecommendationThresholds(update: TThresholdsUpdate, actor: TScenarioActor): Promise<{ changed: number }> {
  const entries = Object.entries(update.thresholds);
  for (const [id, value] of entries) {
    if (!isThresholdId(id)) throw new AppError('BAD_REQUEST', `unknown threshold ${id}`, [{ field: `thresholds.${id}`, message: 'unknown threshold' }]);
    const problem = value === null ? null : thresholdProblem(id, value);
    if (problem) throw new AppError('BAD_REQUEST', `thresholds.${id} ${problem}`, [{ field: `thresholds.${id}`, message: problem }]);
  }
  return prisma.$transaction(async (tx) => {
    // serialise writers: the ordered pairs are checked against what the others in effect are
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('recommendation_threshold'))`;
    const rows = await tx.recommendationThreshold.findMany();
    const current = validOverrides(rows.map((r) => ({ id: r.thresholdId, value: r.value })));
    const next = { ...current };
    for (const [id, value] of entries as [TThresholdId, number | null][]) {
      if (value === null || value === DEFAULT_THRESHOLDS[id]) delete next[id];
      else next[id] = value;
    }
    const problems = orderProblems({ ...DEFAULT_THRESHOLDS, ...next });
    if (problems.length)
      throw new AppError('BAD_REQUEST', problems.map((p) => `thresholds.${p.id} ${p.message}`).join('; '), problems.map((p) => ({ field: `thresholds.${p.id}`, message: p.message })));
    const changes: { id: TThresholdId; from: number; to: number; default: number }[] = [];
    const label = actor.label ?? actor.id ?? actor.type;
    for (const [id] of entries as [TThresholdId, number | null][]) {
      const from = current[id] ?? DEFAULT_THRESHOLDS[id];
      const to = next[id] ?? DEFAULT_THRESHOLDS[id];
      const stored = rows.some((r) => r.thresholdId === id);
      if (next[id] === undefined) {
        if (stored) await tx.recommendationThreshold.delete({ where: { thresholdId: id } });
      } else if (from !== to || !stored) {
        const data = { value: to, updatedByType: actor.type, updatedById: actor.id ?? null, updatedBy: label, updatedAt: new Date() };
        await tx.recommendationThreshold.upsert({ where: { thresholdId: id }, create: { thresholdId: id, ...data }, update: data });
      }
      if (from !== to) changes.push({ id, from, to, default: DEFAULT_THRESHOLDS[id] });
    }
    if (changes.length) await auditTx(tx, actor, 'recommendation-thresholds.update', { type: 'recommendation-thresholds', id: 'default' }, { changes });
    return { changed: changes.length };
  });
}
