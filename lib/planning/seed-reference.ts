// The seed plan's own monthly cost table, and one-line explanations of where the model disagrees with it.
import type { TEvaluation } from './evaluate';
import { RESOURCE_CLASS_LABELS, type TResourceClass } from './types';
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import { createFormatter } from '../format/formatter';
import { wordSeedExplanation, type TSeedExplanation, type TSeedReason, type TSeedValue } from './seed-explain';

export type TSeedRow = { resourceClass: TResourceClass; label: string; spec: string; low: string; high: string };

/** "Estimation des coûts mensuels" of the plan, in EUR per month. */
export const SEED_COST_TABLE: TSeedRow[] = [
  { resourceClass: 'atlas', label: 'MongoDB Atlas', spec: 'Cluster M30+', low: '1500', high: '3000' },
  { resourceClass: 'redis', label: 'Redis Enterprise', spec: 'Cluster 4+ nœuds', low: '800', high: '1500' },
  { resourceClass: 'application', label: 'Serveurs d’application', spec: '10+ instances', low: '1200', high: '2500' },
  { resourceClass: 'cdn', label: 'CDN', spec: 'Trafic 5TB+', low: '500', high: '1000' },
  { resourceClass: 'objectStorage', label: 'Stockage', spec: '5TB+', low: '200', high: '500' },
  { resourceClass: 'monitoring', label: 'Monitoring', spec: 'Suite complète', low: '300', high: '600' },
];
export const SEED_TOTAL = { low: '4500', high: '9100' };
export const SEED_CURRENCY = 'EUR';

export type TVerdict = 'agrees' | 'overlaps' | 'above' | 'below';

export type TSeedComparisonRow = {
  resourceClass: TResourceClass | 'total';
  label: string;
  spec: string;
  planLow: string;
  planHigh: string;
  modelLikely: string;
  modelP10: string;
  modelP50: string;
  modelP90: string;
  verdict: TVerdict;
  /** In English, for the API and exports. */
  explanation: string;
  /** The same, as message codes and numbers, for the page to word in its language. */
  reason: TSeedExplanation;
};

export type TSeedComparison = { currency: string; rows: TSeedComparisonRow[]; total: TSeedComparisonRow };

/**
 * agrees: P50 inside the plan's range; overlaps: the P10–P90 band meets the range but P50 is outside;
 * above/below: no overlap at all.
 */
export function verdictOf(p10: number, p50: number, p90: number, low: number, high: number): TVerdict {
  if (p10 > high) return 'above';
  if (p90 < low) return 'below';
  return p50 >= low && p50 <= high ? 'agrees' : 'overlaps';
}

function direction(v: TVerdict, p50: number, low: number): 'higher' | 'lower' | 'within' {
  if (v === 'above') return 'higher';
  if (v === 'below') return 'lower';
  if (v === 'overlaps') return p50 < low ? 'lower' : 'higher';
  return 'within';
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const reason = (code: string, values: Record<string, TSeedValue> = {}): TSeedReason => ({ code, values });

// Why the model and the plan differ for a class, as a message code and the numbers behind it.
function explain(cls: TResourceClass, r: TEvaluation, v: TVerdict, p50: number, low: number): TSeedExplanation {
  const c = r.deterministic.capacity;
  const line = (key: string) => r.deterministic.lines.find((l) => l.key === key);
  const cost = (key: string) => Number(line(key)?.monthlyCost ?? 0);
  const dir = direction(v, p50, low);
  const lead = `lead.${dir}`;
  const D = cap(dir);
  switch (cls) {
    case 'application': {
      const fixed = { money: cost('application.clusterFee') + cost('application.loadBalancers') };
      const compute = { reason: c.computeKind === 'eks' ? reason('computeNodes', { nodes: { integer: c.nodes }, type: { text: c.instanceType ?? '' } }) : reason('computeFargate') };
      const values = { pods: { integer: c.pods }, main: { integer: c.mainPods }, aux: { integer: c.auxPods }, regions: { integer: c.regions }, fixed, compute };
      return { lead, why: reason(`app${D}`, values) };
    }
    case 'atlas': {
      const likely = Number(r.deterministic.classes.atlas);
      const skew = { reason: p50 > likely * 1.2 ? reason('atlasSkew', { tier: { text: c.atlasTier } }) : null };
      const values = { data: { number: c.atlasDataGB }, ram: { number: c.atlasRamNeededGB }, tier: { text: c.atlasTier }, nodes: { integer: c.atlasNodes }, skew, spec: { reason: reason('atlasSpec') } };
      return { lead, why: reason(`atlas${D}`, values) };
    }
    case 'redis':
      return { lead, why: reason(`redis${D}`, { gb: { number: c.redisProvisionedGB }, nodes: { integer: c.redisNodes }, type: { text: c.redisNodeType } }) };
    case 'cdn': {
      const egress = line('cdn.egress');
      const plan = line('cdn.plan');
      if (plan) return { lead, why: reason('cdnPlan', { plan: { text: plan.item }, cost: { money: Number(plan.monthlyCost) } }) };
      const tail = { reason: dir === 'lower' ? reason('cdnLowerTail') : null };
      const price = egress ? { unitPrice: egress.unitPrice, currency: egress.currency } : { text: '?' };
      return { lead, why: reason('cdnTraffic', { tb: { number: c.cdnEgressTB }, requests: { number: c.cdnRequestsMillions }, price, tail }) };
    }
    case 'objectStorage':
      return { lead, why: reason(`storage${D}`, { tb: { number: c.objectStorageTB }, replica: { money: cost('objectStorage.replica') } }) };
    case 'monitoring':
      return { lead, why: reason(`mon${D}`, { series: { integer: c.metricSeries }, logs: { number: c.logGBPerMonth }, hosts: { integer: c.monitoringHosts }, alerting: { money: cost('monitoring.alerting') } }) };
  }
}

// The API and the CSV export carry the explanation in English; the page words `reason` itself.
const english = createTranslator({ locale: 'en-GB', messages: en, namespace: 'scenarios.seed' });
function inEnglish(e: TSeedExplanation, currency: string): string {
  return wordSeedExplanation(e, {
    t: (key, values) => english(key as never, values as never),
    className: (cls) => RESOURCE_CLASS_LABELS[cls],
    fmt: createFormatter({ locale: 'en-GB', timeZone: 'UTC', currency }),
    currency,
  });
}

/**
 * The plan's table beside the model's P10–P90. `eurToResultCurrency` converts the plan's EUR when
 * the result is in another currency.
 */
export function compareWithSeed(result: TEvaluation, opts: { eurToResultCurrency?: number } = {}): TSeedComparison {
  const rate = result.currency === SEED_CURRENCY ? 1 : opts.eurToResultCurrency;
  if (!rate) throw new Error(`the plan is in EUR: eurToResultCurrency is needed for ${result.currency}`);
  const conv = (x: string) => Number(x) * rate;
  const rows: TSeedComparisonRow[] = SEED_COST_TABLE.map((row) => {
    const m = result.steadyState.classes.find((c) => c.resourceClass === row.resourceClass)!;
    const [low, high] = [conv(row.low), conv(row.high)];
    const [p10, p50, p90] = [Number(m.p10), Number(m.p50), Number(m.p90)];
    const v = verdictOf(p10, p50, p90, low, high);
    const reason = explain(row.resourceClass, result, v, p50, low);
    return {
      // the plan's own words (French), quoted as such by the page beside the class's name
      resourceClass: row.resourceClass, label: row.label, spec: row.spec,
      planLow: low.toFixed(2), planHigh: high.toFixed(2), modelLikely: m.likely, modelP10: m.p10, modelP50: m.p50, modelP90: m.p90,
      verdict: v, explanation: inEnglish(reason, result.currency), reason,
    };
  });
  const t = result.steadyState.total;
  const [low, high] = [conv(SEED_TOTAL.low), conv(SEED_TOTAL.high)];
  const v = verdictOf(Number(t.p10), Number(t.p50), Number(t.p90), low, high);
  const gaps = rows
    .map((r) => ({ cls: r.resourceClass as TResourceClass, gap: Number(r.modelP50) - (Number(r.planLow) + Number(r.planHigh)) / 2 }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))
    .slice(0, 3)
    .map((g) => reason('gap', { label: { className: g.cls }, gap: { signedMoney: g.gap } }));
  const why = reason('total', { modelLow: { money: Number(t.p10) }, modelHigh: { money: Number(t.p90) }, planLow: { money: low }, planHigh: { money: high }, gaps: { list: gaps } });
  const totalReason: TSeedExplanation = { lead: `totalLead.${v}`, why };
  const total: TSeedComparisonRow = {
    resourceClass: 'total', label: 'Total', spec: '', planLow: low.toFixed(2), planHigh: high.toFixed(2),
    modelLikely: result.deterministic.total, modelP10: t.p10, modelP50: t.p50, modelP90: t.p90, verdict: v,
    explanation: inEnglish(totalReason, result.currency), reason: totalReason,
  };
  return { currency: result.currency, rows, total };
}
