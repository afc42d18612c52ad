// Pools of commitment-eligible usage, one per instrument: the hourly on-demand baseline from the bill
// (usage that existing commitments already cover is left out), shaped hour by hour by the instance counts
// monitoring saw where it saw them, the plan's projection, the catalogue's
// terms and AWS's own recommendation. Pure: the engine passes the rows it read.
import { HOURS_PER_MONTH } from '../../planning/sizing/common';
import type { TPriceCatalogue } from '../../planning/price-catalogue';
import type { TUsageTypeCost } from '../../queries/get-usage-type-costs';
import type { TProviderInsightRow } from '../../queries/list-provider-insights';
import { INSTRUMENT_IDS, INSTRUMENTS, instrumentTerms, scopeOf, type TInstrument, type TInstrumentId, type TInstrumentTerm } from '../commitments/instruments';
import { DAY_MS } from '../../dates';
import { HOUR_MS } from '../stats';
import type { TCommitmentPoolFacts, TMonthlyProjection, TPoint } from '../types';

const EC2 = 'Amazon Elastic Compute Cloud';
const FARGATE = ['AWS Fargate', 'Amazon Elastic Container Service'];
const ELASTICACHE = 'Amazon ElastiCache';
const RDS = 'Amazon Relational Database Service';
const CLOUDFRONT = 'Amazon CloudFront';
/** The bill's provider names (FOCUS ProviderName) for the instruments that are not AWS's. */
const BILL_PROVIDER: Record<string, string> = { aws: 'AWS', atlas: 'MongoDB Atlas', 'redis-cloud': 'Redis Cloud' };
export const BILL_PROVIDERS = Object.values(BILL_PROVIDER);

const onDemand = (r: TUsageTypeCost) => r.chargeCategory === 'Usage' && !r.committed && (r.pricingCategory === null || r.pricingCategory === 'Standard');
const hours = (r: TUsageTypeCost) => /^(hours?|hrs)$/i.test(r.pricingUnit ?? '');
const instanceHours = (r: TUsageTypeCost) => hours(r) && (/instance/i.test(r.resourceType ?? '') || /instance hour/i.test(r.description ?? ''));
const fargateHours = (r: TUsageTypeCost) => FARGATE.includes(r.service) && /(vcpu|gb)-?hours?/i.test(r.pricingUnit ?? '');

/** 'm6i.xlarge' from "$0.224 per On Demand Linux m6i.xlarge Instance Hour", 'cache.r7g.large' from ElastiCache's. */
export function instanceTypeOf(description: string | null): string | null {
  const m = /\b((?:cache\.|db\.)?[a-z][a-z0-9-]*\.[0-9]*[a-z0-9]+)\b/i.exec(description ?? '');
  return m ? m[1] : null;
}

export type TPoolSelection = {
  rows: TUsageTypeCost[];
  measure: 'spend' | 'count';
  /** What the pool covers here, e.g. "m6i.xlarge in eu-west-3". */
  scope: string;
  /** A resource id for the fingerprint: the instrument and, for reservations, the instance type and region. */
  key: string;
  name: string;
};

/** The rows an instrument covers; for reservations, the instance type (and region) with the most on-demand hours. */
export function selectRows(instrument: TInstrument, rows: readonly TUsageTypeCost[]): TPoolSelection | null {
  const aws = rows.filter((r) => r.provider === 'AWS' && onDemand(r));
  const largest = (eligible: TUsageTypeCost[], prefix: string): TPoolSelection | null => {
    const byType = new Map<string, TUsageTypeCost[]>();
    for (const r of eligible) {
      const type = instanceTypeOf(r.description);
      if (!type) continue;
      const k = `${type}@${r.region ?? 'global'}`;
      byType.set(k, [...(byType.get(k) ?? []), r]);
    }
    let best: [string, TUsageTypeCost[]] | null = null;
    for (const entry of byType) if (!best || sum(entry[1], 'quantity') > sum(best[1], 'quantity')) best = entry;
    if (!best) return null;
    const [type, region] = best[0].split('@');
    return { rows: best[1], measure: 'count', scope: scopeOf(instrument.id, `${prefix}:${best[0]}`).scope, key: `${prefix}:${best[0]}`, name: `${type} (${region})` };
  };
  switch (instrument.id) {
    case 'aws-compute-savings-plan': {
      const eligible = aws.filter((r) => (r.service === EC2 && instanceHours(r)) || fargateHours(r));
      return eligible.length ? { rows: eligible, measure: 'spend', scope: instrument.scope, key: instrument.id, name: 'EC2 and Fargate compute' } : null;
    }
    case 'aws-ec2-reserved-instance':
      return largest(aws.filter((r) => r.service === EC2 && instanceHours(r)), instrument.id);
    case 'aws-elasticache-reserved-node':
      return largest(aws.filter((r) => r.service === ELASTICACHE && hours(r)), instrument.id);
    case 'aws-rds-reserved-instance':
      return largest(aws.filter((r) => r.service === RDS && hours(r)), instrument.id);
    case 'aws-cloudfront-security-bundle': {
      const eligible = aws.filter((r) => r.service === CLOUDFRONT);
      return eligible.length ? { rows: eligible, measure: 'spend', scope: instrument.scope, key: instrument.id, name: 'CloudFront usage' } : null;
    }
    case 'atlas-commitment':
    case 'redis-cloud-annual': {
      const provider = BILL_PROVIDER[instrument.provider];
      const eligible = rows.filter((r) => r.provider === provider && onDemand(r));
      return eligible.length ? { rows: eligible, measure: 'spend', scope: instrument.scope, key: instrument.id, name: `${provider} usage` } : null;
    }
  }
}

function sum(rows: readonly TUsageTypeCost[], field: 'quantity' | 'listCost'): number {
  let s = 0;
  for (const r of rows) s += r[field];
  return s;
}

/** Instances of one type running each hour, from monitoring (a Kubernetes node group's node count). */
export type THourlyInstances = { instanceType: string; region: string | null; points: readonly TPoint[] };

export type TBaseline = {
  points: TPoint[];
  unitPrice: number;
  /** Share of the baseline's on-demand cost whose hourly shape comes from hourly instance counts (0..1); the rest is the daily bill spread evenly. */
  hourlyShare: number;
};

/** Hours of a day the instance counts must cover before they shape that day (a few missed scrapes are filled). */
export const MIN_HOURS_OBSERVED = 20;

/** Hourly counts per instance type and region ('*' when the monitoring does not know the region), summed over series. */
export function indexInstances(instances: readonly THourlyInstances[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const s of instances) {
    const key = `${s.instanceType}@${s.region ?? '*'}`;
    const byHour = out.get(key) ?? new Map<number, number>();
    for (const p of s.points) byHour.set(p.t, (byHour.get(p.t) ?? 0) + p.v);
    out.set(key, byHour);
  }
  return out;
}

/**
 * A day's on-demand instance-hours shaped by the hourly instance counts. The bill and the counts differ by
 * flat amounts: hours that commitments cover (a reservation covers a count, a Savings Plan a spend, the same
 * every hour) when the counts exceed the bill, instances of the type that monitoring does not see (outside
 * the node groups) when the bill exceeds the counts. That difference is spread evenly and the rest follows
 * the counts, so the day's total is the bill's (the bill is what is paid; monitoring says when).
 * Null when the counts do not cover the day.
 */
export function shapeDay(dayStart: number, billed: number, counts: ReadonlyMap<number, number> | undefined): number[] | null {
  if (!counts || !(billed > 0)) return null;
  const n: (number | undefined)[] = [];
  let seen = 0;
  let sum = 0;
  for (let h = 0; h < 24; h++) {
    const v = counts.get(dayStart + h * HOUR_MS);
    n.push(v);
    if (v !== undefined) {
      seen++;
      sum += v;
    }
  }
  if (seen < MIN_HOURS_OBSERVED) return null;
  const filled = n.map((v) => v ?? sum / seen);
  const flat = (billed - filled.reduce((a, b) => a + b, 0)) / 24;
  const shaped = filled.map((v) => Math.max(0, v + flat));
  const total = shaped.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  return shaped.map((v) => (v * billed) / total);
}

/**
 * The pool's on-demand usage hour by hour, hours before `to` only: where hourly instance counts exist for an
 * instance type (and region), each day's billed on-demand hours follow their shape (usage × unit price for
 * spend); elsewhere the daily bill is spread evenly over the day's hours.
 */
export function hourlyBaseline(selection: TPoolSelection, to: Date, instances: readonly THourlyInstances[] = [], lookbackDays?: number): TBaseline {
  // the hourly share is reported over the lookback the rules read: the hours in [to − lookback, to)
  const shareFrom = lookbackDays === undefined ? -Infinity : to.getTime() - lookbackDays * DAY_MS;
  const index = indexInstances(instances);
  // day → group (instance type @ region, or '' for usage without hourly data) → billed quantity and cost
  const byDay = new Map<string, Map<string, { q: number; cost: number }>>();
  for (const r of selection.rows) {
    const type = instanceHours(r) ? instanceTypeOf(r.description) : null;
    const group = type ? `${type}@${r.region ?? '*'}` : '';
    const day = byDay.get(r.day) ?? new Map<string, { q: number; cost: number }>();
    const d = day.get(group) ?? { q: 0, cost: 0 };
    d.q += r.quantity;
    d.cost += r.listCost;
    day.set(group, d);
    byDay.set(r.day, day);
  }
  const points: TPoint[] = [];
  const end = to.getTime();
  let quantity = 0;
  let cost = 0;
  let shapedCost = 0;
  let windowCost = 0;
  for (const [day, groups] of [...byDay].sort((a, b) => a[0].localeCompare(b[0]))) {
    const start = Date.parse(`${day}T00:00:00Z`);
    const hourly = new Array<number>(24).fill(0);
    for (const [group, d] of groups) {
      const [type, region] = group.split('@');
      const counts = group ? (index.get(`${type}@${region}`) ?? index.get(`${type}@*`)) : undefined;
      const shaped = shapeDay(start, d.q, counts);
      const perUnit = selection.measure === 'spend' ? (d.q > 0 ? d.cost / d.q : 0) : 1;
      for (let h = 0; h < 24; h++) hourly[h] += shaped ? shaped[h] * perUnit : (selection.measure === 'spend' ? d.cost : d.q) / 24;
      // the day's share of the window, hour by hour (the window starts mid-day; today's hours after `to` are not in it)
      let inWindow = 0;
      for (let h = 0; h < 24; h++) if (start + h * HOUR_MS >= shareFrom && start + h * HOUR_MS < end) inWindow++;
      windowCost += (d.cost * inWindow) / 24;
      if (shaped) shapedCost += (d.cost * inWindow) / 24;
      quantity += d.q;
      cost += d.cost;
    }
    for (let h = 0; h < 24; h++) {
      const t = start + h * HOUR_MS;
      if (t < end) points.push({ t, v: hourly[h] });
    }
  }
  return {
    points,
    unitPrice: selection.measure === 'spend' ? 1 : quantity > 0 ? cost / quantity : 0,
    hourlyShare: windowCost > 0 ? shapedCost / windowCost : 0,
  };
}

const LOOKBACK_WORDS: Record<string, number> = { SEVEN_DAYS: 7, THIRTY_DAYS: 30, SIXTY_DAYS: 60 };

/**
 * AWS's own recommendation, in the pool's measure: a Savings Plan's hourly commitment turned into the
 * on-demand spend it covers (÷ (1 − d)) and converted; a reservation's count of the pool's instance type.
 */
export function providerRecommendation(
  instrument: TInstrument,
  selection: TPoolSelection,
  insights: readonly TProviderInsightRow[],
  discount: number,
  usdRate: number | null,
): { level: number; lookbackDays: number } | null {
  const lookback = (payload: unknown) => LOOKBACK_WORDS[String((payload as { request?: { LookbackPeriodInDays?: string } }).request?.LookbackPeriodInDays)] ?? 30;
  if (instrument.id === 'aws-compute-savings-plan') {
    const row = insights.find((i) => i.kind === 'aws.sp-recommendation');
    if (!row || usdRate === null) return null;
    const response = (row.payload as { response?: { SavingsPlansPurchaseRecommendation?: { SavingsPlansPurchaseRecommendationSummary?: { HourlyCommitmentToPurchase?: string } } } }).response;
    const hourly = Number(response?.SavingsPlansPurchaseRecommendation?.SavingsPlansPurchaseRecommendationSummary?.HourlyCommitmentToPurchase);
    if (!Number.isFinite(hourly)) return null;
    return { level: (hourly * usdRate) / (1 - discount), lookbackDays: lookback(row.payload) };
  }
  const service = { 'aws-ec2-reserved-instance': 'Amazon Elastic Compute Cloud - Compute', 'aws-elasticache-reserved-node': 'Amazon ElastiCache', 'aws-rds-reserved-instance': 'Amazon Relational Database Service' }[instrument.id as string];
  if (!service) return null;
  const row = insights.find((i) => i.kind === 'aws.ri-recommendation' && i.key.startsWith(`${service}/`));
  if (!row) return null;
  const type = selection.scope.split(' ')[0];
  type TDetail = { RecommendedNumberOfInstancesToPurchase?: string; InstanceDetails?: Record<string, { InstanceType?: string; NodeType?: string; InstanceClass?: string }> };
  const recs = (row.payload as { response?: { Recommendations?: { RecommendationDetails?: TDetail[] }[] } }).response?.Recommendations ?? [];
  let level = 0;
  for (const rec of recs)
    for (const d of rec.RecommendationDetails ?? []) {
      const details = Object.values(d.InstanceDetails ?? {})[0];
      const t = details?.InstanceType ?? details?.NodeType ?? details?.InstanceClass;
      if (t === type) level += Number(d.RecommendedNumberOfInstancesToPurchase ?? 0);
    }
  return { level, lookbackDays: lookback(row.payload) };
}

export type TPoolContext = {
  instrument: TInstrument;
  selection: TPoolSelection | null;
  terms: TInstrumentTerm[];
};

export type TBuildPoolsInput = {
  now: Date;
  currency: string;
  lookbackDays: number;
  usage: readonly TUsageTypeCost[];
  catalogue: TPriceCatalogue;
  insights: readonly TProviderInsightRow[];
  /** USD → display currency (AWS insights are in USD); null when no rate is stored. */
  usdRate: number | null;
  /** Hourly instance counts from monitoring (node groups), to shape the baseline within each day. */
  instances?: readonly THourlyInstances[];
  /** Projection per instrument's plan class; null without a plan of record. */
  projectionFor: (instrument: TInstrument, termMonths: number) => TMonthlyProjection | null;
  only?: TInstrumentId;
  /** Restrict to some terms (the planner's choice). */
  termFilter?: (t: TInstrumentTerm) => boolean;
};

/** One pool per instrument with eligible usage (instruments without any are left out: nothing to commit). */
export function buildCommitmentPools(input: TBuildPoolsInput): { pools: TCommitmentPoolFacts[]; contexts: TPoolContext[] } {
  const pools: TCommitmentPoolFacts[] = [];
  const contexts: TPoolContext[] = [];
  for (const id of INSTRUMENT_IDS) {
    if (input.only && id !== input.only) continue;
    const instrument = INSTRUMENTS[id];
    const terms = instrumentTerms(input.catalogue, instrument).filter(input.termFilter ?? (() => true));
    const selection = selectRows(instrument, input.usage);
    contexts.push({ instrument, selection, terms });
    if (!selection) continue;
    const { points, unitPrice, hourlyShare } = hourlyBaseline(selection, input.now, input.instances, input.lookbackDays);
    const maxTerm = Math.max(12, ...terms.map((t) => t.termMonths));
    const projection = input.projectionFor(instrument, maxTerm) ?? undefined;
    const discount = terms[0]?.discount ?? 0.3;
    const provider = providerRecommendation(instrument, selection, input.insights, discount, input.usdRate) ?? undefined;
    pools.push({
      resource: { provider: instrument.provider, type: 'commitment-pool', id: selection.key, name: selection.name, region: null, account: null },
      instrument: id,
      measure: selection.measure,
      unitPrice: selection.measure === 'spend' ? '1' : String(Math.round(unitPrice * 1e6) / 1e6),
      currency: input.currency,
      baseline: points,
      baselineHourlyShare: Math.round(hourlyShare * 1e4) / 1e4,
      projection,
      terms: terms.map(({ termMonths, payment, discount: d, upfrontShare }) => ({ termMonths, payment, discount: d, upfrontShare })),
      lookbackDays: input.lookbackDays,
      providerRecommendation: provider,
    });
  }
  return { pools, contexts };
}

/** Today's monthly cost of a pool's baseline (mean hourly on-demand × hours a month), for the calibration. */
export function baselineMonthly(pool: TCommitmentPoolFacts): number {
  const pts = pool.baseline ?? [];
  if (pts.length === 0) return 0;
  let s = 0;
  for (const p of pts) s += p.v;
  return (s / pts.length) * HOURS_PER_MONTH * Number(pool.unitPrice);
}
