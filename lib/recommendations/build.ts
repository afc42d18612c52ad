// Helpers every rule uses to shape its output: the recommendation with its fingerprint, missing facts.
import { fingerprint } from './fingerprint';
import type { TRecommendation, TResourceRef, TRuleOutcome, TSavingsRange } from './types';
import { moneyFromNumber } from '../money/decimal';

export type TRuleIdentity = { id: string; version: number; kind: TRecommendation['kind'] };

export function recommend(rule: TRuleIdentity, r: Omit<TRecommendation, 'fingerprint' | 'kind' | 'ruleId' | 'ruleVersion'>): TRecommendation {
  return {
    fingerprint: fingerprint({ ruleId: rule.id, resourceId: r.resource.id, actionType: r.action.type }),
    kind: rule.kind,
    ruleId: rule.id,
    ruleVersion: rule.version,
    ...r,
  };
}

/** A certain saving (the same at P10, P50 and P90), as money. */
export function fixedSavings(amount: number): TSavingsRange {
  const m = moneyFromNumber(amount, 2);
  return { p10: m, p50: m, p90: m };
}

/** A capacity, size or price a rule divides by: present, finite and above zero. */
export function isPositive(x: number | undefined | null): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

/** The outcome of a rule whose whole fact collection is absent. */
export function missingCollection(key: string): TRuleOutcome[] {
  return [{ resource: null, missing: [key] }];
}

export function missing(resource: TResourceRef, keys: string[]): TRuleOutcome {
  return { resource, missing: keys };
}

/** Numbers written for the English text (the page formats `message.params` itself). */
export function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "routes' disk", "api's requests". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

export function pct(share: number, digits = 0): string {
  return `${fmt(share * 100, digits)}%`;
}
