// Capacity runway: when a resource is full at its current trend and at the plan's growth.
import { fmt, isPositive, missing, missingCollection, recommend } from '../build';
import { DAYS_PER_MONTH, inWindow, linearTrend, lookbackOf, round } from '../stats';
import { DAY_MS } from '../../dates';
import { formatQuantity } from '../../format/units';
import { thresholdsOf, type TThresholds } from '../thresholds';
import type { TCapacityFacts, TRule, TRuleOutcome } from '../types';


/** Days until `current × multiplier(t)` reaches capacity, multipliers linear between month points (month 0 = now). */
export function daysToFullAtPlan(current: number, capacity: number, multipliers: readonly number[]): number {
  if (current >= capacity) return 0;
  // Anchored to today's usage: the plan's month 0 is where usage is now.
  const base = multipliers[0] > 0 ? multipliers[0] : 1;
  const points = multipliers.map((m, k) => ({ day: k * DAYS_PER_MONTH, value: (current * m) / base }));
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    if (b.value >= capacity && b.value > a.value) return a.day + ((capacity - a.value) / (b.value - a.value)) * (b.day - a.day);
  }
  return Infinity;
}

const RUNWAY = { id: 'capacity-runway', version: 1, kind: 'runway' } as const;

function evaluateRunway(c: TCapacityFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const usage = c.usage ? inWindow(c.usage, to - t.runwayLookbackDays * DAY_MS, to) : [];
  const lacking = [...(usage.length < 2 ? ['usage'] : []), ...(isPositive(c.capacity) ? [] : ['capacity'])];
  if (lacking.length > 0) return missing(c.resource, lacking);
  const trend = linearTrend(usage, to);
  const current = usage[usage.length - 1].v;
  const perDay = trend?.perDay ?? 0;
  const atTrend = current >= c.capacity ? 0 : perDay > 0 ? (c.capacity - current) / perDay : Infinity;
  const atPlan = c.planMultipliers && c.planMultipliers.length > 0 ? daysToFullAtPlan(current, c.capacity, c.planMultipliers) : null;
  const soonest = Math.min(atTrend, atPlan ?? Infinity);
  if (!(soonest < t.runwayActDays)) return { resource: c.resource, recommendations: [] };
  // The step the plan needs: its highest usage over the horizon, or six more months of trend.
  const plan = c.planMultipliers ?? [];
  const need = Math.max(
    plan.length > 0 ? (current * Math.max(...plan)) / (plan[0] > 0 ? plan[0] : 1) : 0,
    current + Math.max(perDay, 0) * 183,
  );
  const days = (d: number | null) => (d === null || !Number.isFinite(d) ? null : round(d, 1));
  const cause = atPlan !== null && atPlan <= atTrend ? 'plan' : 'trend';
  // the English text for logs and the CLI: "187 GB", "30 replicas" (the page formats the message in its language)
  const amount = (v: number) => formatQuantity(v, c.unit, 'en-GB');
  return {
    resource: c.resource,
    recommendations: [
      recommend(RUNWAY, {
        resource: c.resource,
        action: { type: 'expand', params: { metric: c.metric, capacity: c.capacity, needed: round(need, 2), unit: c.unit } },
        text:
          `${c.resource.name} is full in ${fmt(soonest)} days at the ${cause === 'plan' ? "plan's growth" : 'current trend'} (${amount(current)} of ${amount(c.capacity)}; ` +
          `trend: ${atTrend === Infinity ? 'not growing' : `${fmt(atTrend)} days`}, plan: ${atPlan === null ? 'no plan' : atPlan === Infinity ? 'fits' : `${fmt(atPlan)} days`}), under the ${t.runwayActDays}-day threshold: ` +
          `grow it to at least ${amount(need)}.`,
        message: { key: 'capacityRunway', params: { resource: c.resource.name, metric: c.metric, unit: c.unit, days: round(soonest, 1), cause, daysAtTrend: days(atTrend), daysAtPlan: days(atPlan), current: round(current, 2), capacity: c.capacity, needed: round(need, 2), threshold: t.runwayActDays } },
        evidence: [
          { metric: 'daysToFullAtTrend', value: days(atTrend), unit: 'days', threshold: t.runwayActDays, comparison: 'below', source: 'issue 14: act under 60 days' },
          ...(atPlan === null ? [] : [{ metric: 'daysToFullAtPlan', value: days(atPlan), unit: 'days', threshold: t.runwayActDays, comparison: 'below' as const, source: 'issue 14: act under 60 days' }]),
          { metric: 'usage', value: round(current, 2), unit: c.unit, threshold: c.capacity, comparison: 'below' },
          { metric: 'growthPerDay', value: round(perDay, 4), unit: `${c.unit}/day` },
        ],
        monthlySavings: null,
        currency: null,
        risks: [{ level: soonest < 14 ? 'high' : 'medium', text: 'A full resource fails writes or sheds load; resizing under pressure is slower and riskier.', message: { key: 'riskFull', params: {} } }],
        lookback: lookbackOf(usage, now, t.runwayLookbackDays, DAY_MS),
        details: { daysAtTrend: days(atTrend), daysAtPlan: days(atPlan) },
      }),
    ],
  };
}

export const capacityRunwayRule: TRule = {
  ...RUNWAY,
  needs: ['capacities'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.capacities) return missingCollection('capacities');
    return facts.capacities.map((c) => evaluateRunway(c, now, t));
  },
};
