// A stored recommendation as the API, pages and CLI show it (one mapping for all of them).
import type { TRecommendationView, TRecommendationRunView } from '../api/schemas/recommendations';
import type { Recommendation, RecommendationRun } from '../generated/prisma/client';
import { INSTRUMENTS, scopeOf, type TInstrumentId } from '../recommendations/commitments/instruments';
import type { TCommitmentPlan } from '../recommendations/commitments/plan-commitment';
import type { TRecommendation } from '../recommendations/types';
import { decimalText } from './list-prices';

/** The commitment fields of a commitment recommendation, from its stored plan. */
export function commitmentOf(rec: TRecommendation): TRecommendationView['commitment'] {
  if (rec.kind !== 'commitment') return null;
  const plan = rec.details?.plan as TCommitmentPlan | undefined;
  if (!plan) return null;
  const instrumentId = String(rec.action.params.instrument) as TInstrumentId;
  const instrument = INSTRUMENTS[instrumentId];
  const amountUnit = instrument?.amountUnit ?? (plan.measure === 'count' ? 'count' : 'per-hour');
  const l = plan.ladder;
  const amountOf = (t: { amount: number; commitmentPerHour: string; commitmentPerMonth: string }) =>
    amountUnit === 'count' ? String(t.amount) : amountUnit === 'per-month' ? t.commitmentPerMonth : t.commitmentPerHour;
  const asOf = new Date(plan.asOf);
  const monthOf = (k: number) => new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + k, 1)).toISOString().slice(0, 7);
  return {
    instrument: instrumentId,
    ...(instrument ? scopeOf(instrumentId, rec.resource.id) : { scope: rec.resource.name, scopeMessage: { key: 'named', params: { name: rec.resource.name } } }),
    termMonths: plan.term.termMonths,
    payment: plan.term.payment,
    measure: plan.measure,
    amountUnit,
    amount: l.tranches[0] ? amountOf(l.tranches[0]) : '0',
    upfront: l.upfront,
    recurringMonthly: l.recurringMonthly,
    monthlySavings: l.monthlySavings,
    termSavings: l.termSavings,
    breakEvenMonths: l.breakEvenMonths,
    utilisationToBreakEven: l.utilisationToBreakEven,
    projectedCoverage: l.projectedCoverage,
    projectedUtilisation: l.projectedUtilisation,
    savingsIfUsageFalls: l.savingsIfUsageFalls,
    tranches: l.tranches.map((t) => ({
      month: monthOf(t.month), monthIndex: t.month, amount: amountOf(t), level: t.amount, upfront: t.upfront, recurringMonthly: t.recurringMonthly,
      expectedMonthlySavings: t.expectedMonthlySavings, breakEvenMonths: t.breakEvenMonths,
    })),
  };
}

export function toRecommendationView(row: Recommendation, realised: TRecommendationView['realised'] = null): TRecommendationView {
  const rec = row.payload as unknown as TRecommendation;
  const money = (d: { toFixed: () => string } | null) => (d === null ? null : decimalText(d));
  const p10 = money(row.monthlySavingsP10);
  const p50 = money(row.monthlySavingsP50);
  const p90 = money(row.monthlySavingsP90);
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    kind: rec.kind,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    provider: row.provider,
    resource: { provider: rec.resource.provider, type: rec.resource.type, id: rec.resource.id, name: rec.resource.name, region: rec.resource.region ?? null, account: rec.resource.account ?? null },
    action: rec.action,
    text: rec.text,
    message: rec.message,
    evidence: rec.evidence,
    monthlySavings: p10 !== null && p50 !== null && p90 !== null ? { p10, p50, p90 } : null,
    currency: row.currency,
    risks: rec.risks,
    lookback: rec.lookback,
    commitment: commitmentOf(rec),
    details: rec.details ?? {},
    status: row.status as TRecommendationView['status'],
    statusReason: row.statusReason,
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    statusChangedBy: row.statusChangedBy,
    current: row.current,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    implementedAt: row.implementedAt?.toISOString() ?? null,
    realised,
  };
}

export function toRunView(row: RecommendationRun): TRecommendationRunView {
  return {
    id: row.id,
    trigger: row.trigger,
    actor: row.actor,
    status: row.status as TRecommendationRunView['status'],
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    created: row.created,
    updated: row.updated,
    reopened: row.reopened,
    retired: row.retired,
    currency: row.currency,
    error: row.error,
    rules: row.rules as TRecommendationRunView['rules'],
  };
}
