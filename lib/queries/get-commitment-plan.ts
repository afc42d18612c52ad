// The commitment planner: for one instrument, term and payment option, the growth-aware ladder with its
// optimal and conservative alternatives, AWS's own level, the projected usage band per month and what
// the plan lacked. With asOf, only the bill and the plan as they stood before that day are read.
import { parseIsoDay } from '../dates';
import { AppError } from '../errors';
import type { TCommitmentPlanQuery, TCommitmentPlanResult } from '../api/schemas/recommendations';
import { INSTRUMENT_IDS, INSTRUMENTS, instrumentTerms, scopeOf } from '../recommendations/commitments/instruments';
import { discountSourceMessage } from '../recommendations/commitments/discount-source';
import { planCommitment, type TCommitmentOption, type TCommitmentPlan } from '../recommendations/commitments/plan-commitment';
import { projectionPaths } from '../recommendations/commitments/projection';
import { DEFAULT_LOOKBACK_DAYS } from '../recommendations/rules/commitment';
import { gatherFacts } from '../recommendations/engine/gather-facts';
import { baselineWindow } from '../recommendations/commitments/plan-commitment';
import { percentile } from '../recommendations/stats';

const SAME_LEVEL_SHARE = 0.05;

function differenceReason(plan: TCommitmentPlan, providerLevel: number | null): string {
  if (providerLevel === null) return 'commitmentProviderNone';
  const first = plan.ladder.level;
  const top = plan.ladder.levels.at(-1) ?? first;
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME_LEVEL_SHARE * Math.max(b, 1e-9);
  if (near(providerLevel, first) && near(top, first)) return 'commitmentProviderSame';
  if (providerLevel >= top) return 'commitmentProviderHigher';
  // below ours: a ladder that climbs (the plan grows during the term), or one purchase at the usage the
  // plan projects over the term (no step worth a tranche), both above a level read from the past alone
  return near(top, first) ? 'commitmentProviderLowerProjected' : 'commitmentProviderLower';
}

export async function getCommitmentPlan(query: TCommitmentPlanQuery & { now?: Date; currency: string }): Promise<TCommitmentPlanResult> {
  const realNow = query.now ?? new Date();
  const asOf = query.asOf ? parseIsoDay(query.asOf) : realNow;
  if (asOf > realNow) throw new AppError('BAD_REQUEST', 'asOf must not be in the future', [{ field: 'asOf', message: 'must not be in the future' }]);
  const termMonths = query.term === '1y' ? 12 : 36;
  const instrument = INSTRUMENTS[query.instrument];
  const gathered = await gatherFacts({
    now: asOf, currency: query.currency, lookbackDays: query.lookbackDays ?? DEFAULT_LOOKBACK_DAYS, commitmentsOnly: true,
    only: query.instrument, scenarioId: query.scenarioId, backtest: query.asOf !== undefined,
  });
  const instruments = INSTRUMENT_IDS.map((id) => {
    const i = INSTRUMENTS[id];
    return {
      instrument: id, provider: i.provider, measure: i.measure, amountUnit: i.amountUnit, ...scopeOf(id),
      hasUsage: gathered.pools.some((p) => p.instrument.id === id && p.selection !== null),
      terms: instrumentTerms(gathered.catalogue, i).map((t) => ({
        term: t.term, payment: t.payment, discount: t.discount, upfrontShare: t.upfrontShare, estimate: t.estimate, source: t.source, sourceMessage: discountSourceMessage(t), effectiveDate: t.effectiveDate, priceItemId: t.priceItemId,
      })),
    };
  });
  // The other instruments' usage is not read in this call; their hasUsage says only whether they have terms.
  const pool = gathered.facts.commitmentPools?.[0];
  const context = gathered.pools.find((p) => p.instrument.id === query.instrument)!;
  const term = context.terms.find((t) => t.termMonths === termMonths && t.payment === query.payment);
  const lookbackDays = query.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const missing: string[] = [];
  if (!gathered.plan) missing.push('planOfRecord');
  if (!term) missing.push('terms');
  const window = pool?.baseline ? baselineWindow(pool.baseline, asOf, lookbackDays) : null;
  if (!window || window.points.length === 0) missing.push('baseline');
  if (pool && !pool.projection) missing.push('projection');
  if (pool && !(Number(pool.unitPrice) > 0)) missing.push('unitPrice');
  const lookback = window?.lookback ?? { days: lookbackDays, from: new Date(asOf.getTime() - lookbackDays * 86_400_000).toISOString(), to: asOf.toISOString(), completeness: 0 };
  const base = {
    instrument: query.instrument, provider: instrument.provider, ...scopeOf(query.instrument, context.selection?.key), term: query.term, termMonths, payment: query.payment,
    asOf: asOf.toISOString(), currency: query.currency, scenario: gathered.plan?.scenario ?? null, lookbackDays, lookback, completeness: lookback.completeness,
    baselineHourlyShare: pool?.baselineHourlyShare ?? 0,
    instruments: instruments.map((i) => (i.instrument === query.instrument ? i : { ...i, hasUsage: false })),
  };
  if (!pool || !term || !pool.projection || !window || window.points.length === 0 || !(Number(pool.unitPrice) > 0)) return { ...base, missing, plan: null };

  const plan = planCommitment({
    baseline: pool.baseline!, asOf, lookbackDays, projection: pool.projection, term, measure: pool.measure, unitPrice: Number(pool.unitPrice), currency: pool.currency,
  });
  const amountOf = (t: { amount: number; commitmentPerHour: string; commitmentPerMonth: string }) =>
    instrument.amountUnit === 'count' ? String(t.amount) : instrument.amountUnit === 'per-month' ? t.commitmentPerMonth : t.commitmentPerHour;
  const option = (o: TCommitmentOption) => ({ ...o, amount: amountOf({ amount: o.level, commitmentPerHour: o.commitmentPerHour, commitmentPerMonth: o.commitmentPerMonth }) });
  const monthOf = (k: number) => new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + k, 1)).toISOString().slice(0, 7);
  // The projected usage band: the baseline's hourly distribution scaled by the month's P10/P50/P90 multipliers.
  const { reference, paths } = projectionPaths(pool.projection, termMonths);
  const p50Hour = plan.baseline.p50PerHour;
  const values = window.points.map((p) => p.v);
  const band = Array.from({ length: termMonths }, (_, k) => {
    const m = reference ? { p10: reference.p10[k], p50: reference.p50[k], p90: reference.p90[k] } : { p10: percentile(paths.map((p) => p[k]), 0.1), p50: percentile(paths.map((p) => p[k]), 0.5), p90: percentile(paths.map((p) => p[k]), 0.9) };
    return {
      month: monthOf(k),
      p10: round(percentile(values, 0.1) * m.p10, 6),
      p50: round(p50Hour * m.p50, 6),
      p90: round(percentile(values, 0.9) * m.p90, 6),
      committed: plan.ladder.levels[k] ?? plan.ladder.levels.at(-1) ?? 0,
    };
  });
  const providerLevel = pool.providerRecommendation?.level ?? null;
  const ladder = plan.ladder;
  return {
    ...base,
    missing,
    plan: {
      measure: plan.measure,
      amountUnit: instrument.amountUnit,
      levelUnit: plan.measure === 'count' ? 'instances' : `${query.currency}/h on demand`,
      discount: term.discount,
      discountEstimate: term.estimate,
      discountSource: term.source,
      discountSourceMessage: discountSourceMessage(term),
      baseline: plan.baseline,
      monthlySavings: ladder.monthlySavings,
      expectedMonthlySavings: ladder.expectedMonthlySavings,
      termSavings: ladder.termSavings,
      upfront: ladder.upfront,
      recurringMonthly: ladder.recurringMonthly,
      breakEvenMonths: ladder.breakEvenMonths,
      utilisationToBreakEven: ladder.utilisationToBreakEven,
      projectedCoverage: ladder.projectedCoverage,
      projectedUtilisation: ladder.projectedUtilisation,
      savingsIfUsageFalls: ladder.savingsIfUsageFalls,
      tranches: ladder.tranches.map((t) => ({
        month: monthOf(t.month), monthIndex: t.month, amount: amountOf(t), level: t.amount, upfront: t.upfront, recurringMonthly: t.recurringMonthly,
        expectedMonthlySavings: t.expectedMonthlySavings, breakEvenMonths: t.breakEvenMonths,
      })),
      topLevel: ladder.levels.at(-1) ?? 0,
      optimal: option(plan.optimal),
      conservative: option(plan.conservative),
      conservativeLevel: plan.conservative.level,
      providerLevel: providerLevel === null ? null : round(providerLevel, 6),
      providerLookbackDays: pool.providerRecommendation?.lookbackDays ?? null,
      differenceReason: differenceReason(plan, providerLevel),
      usageBand: band,
      calibrationRatio: round(gathered.plan?.calibration[instrument.planClass]?.ratio ?? 1, 4),
    },
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
