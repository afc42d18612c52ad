// Runs every rule on the gathered facts: a rule that throws is reported with its id and the others still
// run; per rule, what it lacked (facts, or whole collections) and what to connect to get it. Pure.
import { convertAmount } from '../../money/fx';
import { moneyFromNumber } from '../../money/decimal';
import type { TRecommendation, TRule, TFacts } from '../types';
import { MONEY_PARAMS } from '../message-values';

export type TRuleResult = {
  ruleId: string;
  version: number;
  kind: TRule['kind'];
  outcome: 'ok' | 'lacked-data' | 'failed';
  missing: string[];
  needs: string[];
  error: string | null;
  recommendations: number;
  resources: number;
  durationMs: number;
};

export type TRunResult = {
  recommendations: TRecommendation[];
  rules: TRuleResult[];
  /** (rule id, resource id) pairs a rule judged on complete facts: their absent recommendations are retired. */
  judged: Set<string>;
};

/** What to connect for each fact a rule lacks: keys of recommendations.messages (needs*). */
export function needsFor(rule: TRule, missing: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const m of missing) {
    const fact = m.split(':').pop()!.trim().split(' ')[0];
    if (fact === 'projection') keys.add('needsPlanOfRecord');
    else if (fact === 'terms' || fact === 'unitPrice' || fact === 'prices') keys.add('needsPrices');
    else if (fact === 'baseline' || fact === 'commitmentPools' || fact === 'storageClassGB' || fact === 'bill' || fact === 'planCharge') keys.add('needsBilling');
    else if (fact === 'nodePools' || fact === 'nodesHourly' || fact === 'requestedCpuCores' || fact === 'requestedMemoryGiB') keys.add('needsNodeGroups');
    else if (fact === 'fragmentationRatio') keys.add('needsRedisInfo');
    else if (rule.kind === 'atlas') keys.add('needsAtlas');
    else if (rule.kind === 'redis') keys.add('needsRedis');
    else if (rule.kind === 'pods') keys.add('needsPrometheus');
    else if (rule.kind === 'cdn') keys.add('needsCdn');
    else if (rule.kind === 'object-storage') keys.add('needsStorageMetrics');
    else keys.add('needsMetrics');
  }
  return [...keys].sort();
}

export function judgedKey(ruleId: string, resourceId: string): string {
  return `${ruleId}\u0000${resourceId}`;
}

export function runRules(rules: readonly TRule[], facts: TFacts, now: Date, log: (ruleId: string, error: Error) => void): TRunResult {
  const recommendations: TRecommendation[] = [];
  const results: TRuleResult[] = [];
  const judged = new Set<string>();
  for (const rule of rules) {
    const started = performance.now();
    try {
      const outcomes = rule.evaluate(facts, now);
      const missing: string[] = [];
      let count = 0;
      for (const o of outcomes) {
        if ('missing' in o) {
          missing.push(...o.missing.map((m) => (o.resource ? `${o.resource.name}: ${m}` : m)));
          continue;
        }
        if (o.resource) judged.add(judgedKey(rule.id, o.resource.id));
        recommendations.push(...o.recommendations);
        count += o.recommendations.length;
      }
      results.push({
        ruleId: rule.id, version: rule.version, kind: rule.kind, outcome: missing.length > 0 ? 'lacked-data' : 'ok', missing, needs: needsFor(rule, missing),
        error: null, recommendations: count, resources: outcomes.filter((o) => o.resource).length, durationMs: Math.round(performance.now() - started),
      });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      log(rule.id, error);
      results.push({ ruleId: rule.id, version: rule.version, kind: rule.kind, outcome: 'failed', missing: [], needs: [], error: error.message, recommendations: 0, resources: 0, durationMs: Math.round(performance.now() - started) });
    }
  }
  return { recommendations, rules: results, judged };
}

/** The recommendation with its amounts in `currency` (rate: 1 of its currency in `currency`); null when no rate is known. */
export function convertRecommendation(rec: TRecommendation, currency: string, rates: Record<string, number>): TRecommendation | null {
  if (rec.currency === null || rec.currency === currency) return rec;
  const rate = rates[rec.currency];
  if (!(rate > 0)) return null;
  const r = String(rate);
  const money = (x: string) => moneyFromNumber(Number(convertAmount(x, r)), 2);
  const params = { ...rec.message.params };
  for (const k of MONEY_PARAMS) if (typeof params[k] === 'number') params[k] = Math.round((params[k] as number) * rate * 100) / 100;
  // evidence in money ('USD', 'USD/month', 'USD/GB') too, so every amount on the page is in one currency
  const from = rec.currency;
  const moneyUnit = (unit: string) => unit === from || unit.startsWith(`${from}/`);
  const convert = (v: number) => Math.round(v * rate * 1e4) / 1e4;
  const evidence = rec.evidence.map((e) =>
    moneyUnit(e.unit)
      ? { ...e, unit: currency + e.unit.slice(from.length), value: e.value === null ? null : convert(e.value), ...(e.threshold === undefined ? {} : { threshold: convert(e.threshold) }) }
      : e,
  );
  return {
    ...rec,
    currency,
    evidence,
    monthlySavings: rec.monthlySavings ? { p10: money(rec.monthlySavings.p10), p50: money(rec.monthlySavings.p50), p90: money(rec.monthlySavings.p90) } : null,
    message: { ...rec.message, params },
    details: { ...(rec.details ?? {}), originalCurrency: rec.currency, fxRate: rate },
  };
}

/** Instruments that cover the same usage: one recommendation per group, the flexible one first. */
const OVERLAPS: string[][] = [['aws-compute-savings-plan', 'aws-ec2-reserved-instance']];
/** A reservation must save this much more than the Savings Plan covering the same hours to be preferred:
 *  the plan also covers Fargate, other families and regions, and survives a change of instance type (ours). */
export const FLEXIBILITY_PREMIUM = 1.1;

/** Keeps one commitment per group of overlapping instruments; the other stays in its details as an alternative. */
export function preferFlexible(recs: TRecommendation[]): TRecommendation[] {
  const drop = new Set<TRecommendation>();
  for (const group of OVERLAPS) {
    const members = group.map((id) => recs.find((r) => r.kind === 'commitment' && r.action.params.instrument === id)).filter((r): r is TRecommendation => !!r);
    if (members.length < 2) continue;
    const [flexible, ...others] = members;
    const p50 = (r: TRecommendation) => Number(r.monthlySavings?.p50 ?? 0);
    const best = others.reduce((a, b) => (p50(b) > p50(a) ? b : a));
    const keep = p50(best) > FLEXIBILITY_PREMIUM * p50(flexible) ? best : flexible;
    for (const m of members)
      if (m !== keep) {
        drop.add(m);
        keep.details = { ...(keep.details ?? {}), alternativeInstruments: [...((keep.details?.alternativeInstruments as unknown[]) ?? []), { instrument: m.action.params.instrument, resource: m.resource.name, monthlySavings: m.monthlySavings, text: m.text }] };
      }
  }
  return recs.filter((r) => !drop.has(r));
}

/** The numbers the commitment's comparison sentence (commitmentProvider*) needs, added to its message. */
export function enrichCommitmentMessage(rec: TRecommendation): TRecommendation {
  if (rec.kind !== 'commitment') return rec;
  const ev = (metric: string) => rec.evidence.find((e) => e.metric === metric);
  const provider = ev('providerLevel');
  const discount = ev('discount')?.value ?? null;
  const lookback = /last (\d+) days/.exec(provider?.source ?? '');
  const r3 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);
  return {
    ...rec,
    message: {
      ...rec.message,
      params: {
        ...rec.message.params,
        providerLevel: r3(provider?.value),
        topLevel: r3(ev('ladderTopLevel')?.value),
        discount,
        usedShare: discount === null ? null : Math.round((1 - discount) * 1e4) / 1e4,
        lookbackDays: lookback ? Number(lookback[1]) : null,
      },
    },
  };
}

/** Commitments that cover EC2 instance hours, and the reservation's instance type when it is one. */
const EC2_COMMITMENTS = new Set(['aws-compute-savings-plan', 'aws-ec2-reserved-instance']);

/**
 * A commitment sized on node-hours that a node-pool recommendation would remove: right-sizing first keeps the
 * commitment from covering hours that go away. Each such commitment gets a risk naming the node groups.
 */
export function noteRightsizingFirst(recs: TRecommendation[]): TRecommendation[] {
  const pools = recs.filter((r) => r.ruleId === 'node-pool' && r.monthlySavings !== null);
  if (pools.length === 0) return recs;
  return recs.map((r) => {
    const instrument = r.kind === 'commitment' ? String(r.action.params.instrument ?? '') : '';
    if (!EC2_COMMITMENTS.has(instrument)) return r;
    // a reservation covers one instance type (its resource id names it); a Savings Plan covers them all
    const overlapping = pools.filter((p) => instrument !== 'aws-ec2-reserved-instance' || r.resource.id.includes(`:${String(p.action.params.instanceType)}@`));
    if (overlapping.length === 0) return r;
    const names = overlapping.map((p) => p.resource.name).join(', ');
    const spare = overlapping.reduce((a, p) => a + Number(p.action.params.meanNodes ?? 0) - Number(p.action.params.meanNeeded ?? 0), 0);
    const risk = {
      level: 'medium' as const,
      text: `${names} can run about ${Math.round(spare * 10) / 10} fewer nodes on average (see its recommendation): right-size first, or part of this commitment covers node-hours that go away.`,
      message: { key: 'riskRightsizeFirst', params: { pools: names, spareNodes: Math.round(spare * 10) / 10 } },
    };
    return { ...r, risks: [...r.risks, risk] };
  });
}

