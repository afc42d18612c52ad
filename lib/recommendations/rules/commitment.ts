// Commitments: the growth-aware ladder for each pool of eligible usage, under the best term and payment.
import { fmt, isPositive, missing, missingCollection, pct, recommend } from '../build';
import { planCommitment, type TCommitmentPlan } from '../commitments/plan-commitment';
import { inWindow, round } from '../stats';
import { DAY_MS } from '../../dates';
import type { TCommitmentPoolFacts, TRule, TRuleOutcome } from '../types';

export const DEFAULT_LOOKBACK_DAYS = 30;
/** Two levels within 5% of each other are "about the same" when comparing with the provider's (ours). */
const SAME_LEVEL_SHARE = 0.05;

const COMMIT = { id: 'commitment-ladder', version: 1, kind: 'commitment' } as const;

function amountText(pool: TCommitmentPoolFacts, t: { amount: number; commitmentPerHour: string }): string {
  return pool.measure === 'count' ? `${fmt(t.amount)} ${pool.instrument}` : `${t.commitmentPerHour} ${pool.currency}/h of ${pool.instrument}`;
}

/** One sentence on why the provider's level differs from ours. */
function comparison(pool: TCommitmentPoolFacts, plan: TCommitmentPlan): { text: string; key: string } | null {
  const p = pool.providerRecommendation;
  if (!p) return null;
  const top = plan.ladder.levels[plan.ladder.levels.length - 1] ?? 0;
  const first = plan.ladder.level;
  if (Math.abs(p.level - first) <= SAME_LEVEL_SHARE * Math.max(first, 1e-9) && Math.abs(top - first) <= SAME_LEVEL_SHARE * Math.max(first, 1e-9)) {
    return { key: 'commitmentProviderSame', text: `The provider recommends about the same level from its last ${p.lookbackDays} days.` };
  }
  if (p.level < top) {
    return {
      key: 'commitmentProviderLower',
      text: `The provider recommends ${fmt(p.level, 3)} from its last ${p.lookbackDays} days as if they repeated for the whole term; the plan grows, so this ladder reaches ${fmt(top, 3)}, each step bought when the usage is there.`,
    };
  }
  return {
    key: 'commitmentProviderHigher',
    text: `The provider recommends ${fmt(p.level, 3)}, more than the projected usage keeps busy: at a ${pct(plan.term.discount)} discount only the level used in ${pct(1 - plan.term.discount)} of hours pays for itself.`,
  };
}

function evaluatePool(pool: TCommitmentPoolFacts, now: Date): TRuleOutcome {
  const lookbackDays = pool.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const baseline = pool.baseline ? inWindow(pool.baseline, now.getTime() - lookbackDays * DAY_MS, now.getTime()) : [];
  const lacking = [
    ...(baseline.length === 0 ? ['baseline'] : []),
    ...(pool.projection ? [] : ['projection']),
    ...(pool.terms && pool.terms.length > 0 ? [] : ['terms']),
    ...(isPositive(Number(pool.unitPrice)) ? [] : ['unitPrice']),
  ];
  if (lacking.length > 0 || !pool.projection || !pool.terms) return missing(pool.resource, lacking);
  const projection = pool.projection;
  const plans = pool.terms.map((term) =>
    planCommitment({ baseline, asOf: now, lookbackDays, projection, term, measure: pool.measure, unitPrice: Number(pool.unitPrice), currency: pool.currency }),
  );
  const best = plans.reduce((a, b) => (Number(b.ladder.expectedMonthlySavings) > Number(a.ladder.expectedMonthlySavings) ? b : a));
  const ladder = best.ladder;
  if (ladder.tranches.length === 0 || Number(ladder.expectedMonthlySavings) <= 0) return { resource: pool.resource, recommendations: [] };
  const [first, ...later] = ladder.tranches;
  const term = `${best.term.termMonths / 12}-year ${best.term.payment}`;
  const steps = later.map((t) => `${amountText(pool, t)} more in month ${t.month}`);
  const compare = comparison(pool, best);
  // Levels are on-demand usage covered per hour: instances for a reservation, on-demand money for a plan.
  const levelUnit = pool.measure === 'count' ? 'units/h' : `${pool.currency}/h on demand`;
  const text =
    `Buy ${amountText(pool, first)} now (${term})${steps.length > 0 ? `, then ${steps.join(', ')}, each once the usage has arrived` : ''}: ` +
    `expected savings ${ladder.monthlySavings.p50} ${pool.currency} a month (P10 ${ladder.monthlySavings.p10}, P90 ${ladder.monthlySavings.p90}), ` +
    `break-even ${ladder.breakEvenMonths === null ? 'never' : `after ${fmt(ladder.breakEvenMonths, 1)} months`}, ` +
    `and it needs ${pct(ladder.utilisationToBreakEven)} utilisation to break even (projected ${pct(ladder.projectedUtilisation)}).` +
    (compare ? ` ${compare.text}` : '');
  return {
    resource: pool.resource,
    recommendations: [
      recommend(COMMIT, {
        resource: pool.resource,
        action: {
          type: 'commit',
          params: { instrument: pool.instrument, termMonths: best.term.termMonths, payment: best.term.payment, nowAmount: first.amount, nowCommitmentPerHour: first.commitmentPerHour, tranches: ladder.tranches.length },
        },
        text,
        message: {
          key: later.length > 0 ? 'commitmentLadder' : 'commitmentFlat',
          params: {
            instrument: pool.instrument, measure: pool.measure, termMonths: best.term.termMonths, payment: best.term.payment,
            nowAmount: first.amount, nowCommitmentPerHour: first.commitmentPerHour, tranches: ladder.tranches.length,
            p10: ladder.monthlySavings.p10, p50: ladder.monthlySavings.p50, p90: ladder.monthlySavings.p90,
            breakEvenMonths: ladder.breakEvenMonths, utilisationToBreakEven: ladder.utilisationToBreakEven, projectedUtilisation: ladder.projectedUtilisation,
            comparison: compare?.key ?? null,
          },
        },
        evidence: [
          { metric: 'baselineP50PerHour', value: best.baseline.p50PerHour, unit: levelUnit },
          { metric: 'baselineHourlyShare', value: pool.baselineHourlyShare ?? 0, unit: 'ratio', source: 'hourly instance counts × unit price; the rest is the daily bill spread over its hours' },
          { metric: 'discount', value: best.term.discount, unit: 'ratio' },
          { metric: 'optimalLevel', value: best.optimal.level, unit: levelUnit, source: 'the d-quantile of projected hourly usage: one purchase now, no ladder' },
          { metric: 'conservativeLevel', value: best.conservative.level, unit: levelUnit, source: 'the level used in 90% of projected hours' },
          { metric: 'ladderTopLevel', value: best.ladder.levels[best.ladder.levels.length - 1], unit: levelUnit },
          { metric: 'projectedUtilisation', value: ladder.projectedUtilisation, unit: 'ratio', threshold: ladder.utilisationToBreakEven, comparison: 'above', source: 'break-even utilisation 1 − d' },
          ...(pool.providerRecommendation ? [{ metric: 'providerLevel', value: pool.providerRecommendation.level, unit: levelUnit, source: `the provider's recommendation over its last ${pool.providerRecommendation.lookbackDays} days` }] : []),
        ],
        monthlySavings: ladder.monthlySavings,
        currency: pool.currency,
        risks: [
          {
            level: Number(ladder.savingsIfUsageFalls.by40) < 0 ? 'high' : Number(ladder.savingsIfUsageFalls.by20) < 0 ? 'medium' : 'low',
            text: `If usage falls 20% below the plan the ladder saves ${ladder.savingsIfUsageFalls.by20} ${pool.currency} a month; 40% below, ${ladder.savingsIfUsageFalls.by40}. A commitment cannot be cancelled.`,
            message: { key: 'riskCommitmentShortfall', params: { by20: ladder.savingsIfUsageFalls.by20, by40: ladder.savingsIfUsageFalls.by40 } },
          },
        ],
        lookback: best.lookback,
        // Later tranches are bought when their month comes and the usage is there (replay.followPlanner), not blind.
        details: { plan: best, alternatives: plans.filter((p) => p !== best).map((p) => ({ term: p.term, expectedMonthlySavings: p.ladder.expectedMonthlySavings })), providerComparison: compare?.text ?? null, lookbackCompleteness: round(best.lookback.completeness, 4), baselineHourlyShare: pool.baselineHourlyShare ?? 0 },
      }),
    ],
  };
}

export const commitmentRule: TRule = {
  ...COMMIT,
  needs: ['commitmentPools'],
  evaluate(facts, now) {
    if (!facts.commitmentPools) return missingCollection('commitmentPools');
    return facts.commitmentPools.map((p) => evaluatePool(p, now));
  },
};
