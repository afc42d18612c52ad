// The seed plan's own monthly cost table, and one-line explanations of where the model disagrees with it.
import type { TEvaluation } from './evaluate';
import { RESOURCE_CLASS_LABELS, type TResourceClass } from './types';
import { fmt } from './sizing/common';

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
  explanation: string;
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

const money = (x: number, cur: string) => `${fmt(Math.round(x))} ${cur}`;

function direction(v: TVerdict, p50: number, low: number): 'higher' | 'lower' | 'within' {
  if (v === 'above') return 'higher';
  if (v === 'below') return 'lower';
  if (v === 'overlaps') return p50 < low ? 'lower' : 'higher';
  return 'within';
}

function explain(cls: TResourceClass, r: TEvaluation, v: TVerdict, p50: number, low: number): string {
  const cap = r.deterministic.capacity;
  const cur = r.currency;
  const line = (key: string) => r.deterministic.lines.find((l) => l.key === key);
  const cost = (key: string) => Number(line(key)?.monthlyCost ?? 0);
  const dir = direction(v, p50, low);
  const lead = dir === 'within' ? 'Agrees' : `Model ${dir} than the plan`;
  switch (cls) {
    case 'application': {
      const fixed = cost('application.clusterFee') + cost('application.loadBalancers');
      const compute = cap.computeKind === 'eks' ? `${cap.nodes} ${cap.instanceType} nodes` : `Fargate tasks`;
      const why =
        dir === 'lower'
          ? `${cap.pods} pods fit on ${compute}: the traffic needs less than the plan’s “10+ instances” of unstated size`
          : dir === 'higher'
            ? `one cluster, load balancer and at least two nodes in each of ${cap.regions} regions cost ${money(fixed, cur)} before any pod runs, which the plan’s “10+ instances” leaves out`
            : `${cap.pods} pods (${cap.mainPods} main + ${cap.auxPods} auxiliary) on ${compute} across ${cap.regions} regions, ${money(fixed, cur)} of it fixed cluster and load-balancer fees`;
      return `${lead}: ${why}.`;
    }
    case 'atlas': {
      const spec = `the plan’s “M30+” with 8+ vCPU and 32+ GB RAM is really an M50 (an M30 has 2 vCPU and 8 GB)`;
      const likely = Number(r.deterministic.classes.atlas);
      const skew = p50 > likely * 1.2 ? `, and the data-size coefficients (bytes per user, weather per country) are skewed upwards, so most samples need a tier above the likely ${cap.atlasTier}` : '';
      const why =
        dir === 'higher'
          ? `${cap.atlasDataGB} GB of data needs ${cap.atlasRamNeededGB} GB RAM per node for its working set at the likely values (${cap.atlasTier})${skew}; ${spec}`
          : dir === 'lower'
            ? `${cap.atlasDataGB} GB of data needs only ${cap.atlasRamNeededGB} GB RAM (${cap.atlasTier}); ${spec}`
            : `${cap.atlasTier} × ${cap.atlasNodes} nodes for ${cap.atlasDataGB} GB of data (${cap.atlasRamNeededGB} GB RAM needed); ${spec}`;
      return `${lead}: ${why}.`;
    }
    case 'redis': {
      const why =
        dir === 'lower'
          ? `hot data and sessions need ${fmt(cap.redisProvisionedGB)} GB with replication, so ${cap.redisNodes} × ${cap.redisNodeType} (the quorum minimum) is enough where the plan asks for 4+ nodes of 16+ GB`
          : dir === 'higher'
            ? `hot data and sessions need ${fmt(cap.redisProvisionedGB)} GB with replication: ${cap.redisNodes} nodes, more than the plan’s 4 × 16 GB`
            : `${cap.redisNodes} × ${cap.redisNodeType}; the data itself needs only ${fmt(cap.redisProvisionedGB)} GB with replication, the cluster minimum sets the size`;
      return `${lead}: ${why}.`;
    }
    case 'cdn': {
      const egress = line('cdn.egress');
      const plan = line('cdn.plan');
      const why = plan
        ? `${plan.item} costs ${money(Number(plan.monthlyCost), cur)} a month whatever the traffic, plus origin egress`
        : `${fmt(cap.cdnEgressTB)} TB at CloudFront’s Europe rate (${egress?.unitPrice ?? '?'} ${egress?.currency ?? ''}/GB after the free TB) and ${fmt(cap.cdnRequestsMillions)} M requests` +
          (dir === 'lower' ? '; the plan’s range fits more traffic (“5TB+”) or a Cloudflare Enterprise contract' : '');
      return `${lead}: ${why}.`;
    }
    case 'objectStorage': {
      const why =
        dir === 'lower'
          ? `${fmt(cap.objectStorageTB)} TB spread over Standard, infrequent-access and archive classes with ${money(cost('objectStorage.replica'), cur)} of replica; the plan’s range matches everything in Standard and replicated in full`
          : dir === 'higher'
            ? `${fmt(cap.objectStorageTB)} TB with requests and replication above what the plan assumed`
            : `${fmt(cap.objectStorageTB)} TB by storage class plus the replica in a second region`;
      return `${lead}: ${why}.`;
    }
    case 'monitoring': {
      const alerting = cost('monitoring.alerting');
      const why =
        dir === 'lower'
          ? `${fmt(cap.metricSeries / 1000)}k series and ${fmt(cap.logGBPerMonth)} GB of logs fit Grafana Cloud’s allowances largely; PagerDuty seats (${money(alerting, cur)}) are most of it`
          : dir === 'higher'
            ? `${fmt(cap.metricSeries / 1000)}k series from ${cap.monitoringHosts} hosts and ${fmt(cap.logGBPerMonth)} GB of logs a month, plus ${money(alerting, cur)} of on-call seats`
            : `${fmt(cap.metricSeries / 1000)}k series, ${fmt(cap.logGBPerMonth)} GB of logs and ${money(alerting, cur)} of on-call seats`;
      return `${lead}: ${why}.`;
    }
  }
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
    return {
      resourceClass: row.resourceClass, label: `${row.label} (${RESOURCE_CLASS_LABELS[row.resourceClass]})`, spec: row.spec,
      planLow: low.toFixed(2), planHigh: high.toFixed(2), modelLikely: m.likely, modelP10: m.p10, modelP50: m.p50, modelP90: m.p90,
      verdict: v, explanation: explain(row.resourceClass, result, v, p50, low),
    };
  });
  const t = result.steadyState.total;
  const [low, high] = [conv(SEED_TOTAL.low), conv(SEED_TOTAL.high)];
  const v = verdictOf(Number(t.p10), Number(t.p50), Number(t.p90), low, high);
  const gaps = rows
    .map((r) => ({ label: RESOURCE_CLASS_LABELS[r.resourceClass as TResourceClass], gap: Number(r.modelP50) - (Number(r.planLow) + Number(r.planHigh)) / 2 }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))
    .slice(0, 3)
    .map((g) => `${g.label} ${g.gap >= 0 ? '+' : '−'}${money(Math.abs(g.gap), result.currency)}`);
  const total: TSeedComparisonRow = {
    resourceClass: 'total', label: 'Total', spec: '', planLow: low.toFixed(2), planHigh: high.toFixed(2),
    modelLikely: result.deterministic.total, modelP10: t.p10, modelP50: t.p50, modelP90: t.p90, verdict: v,
    explanation:
      `${v === 'agrees' ? 'Agrees' : v === 'overlaps' ? 'Overlaps' : v === 'above' ? 'Above' : 'Below'}: the model’s P10–P90 ${money(Number(t.p10), result.currency)}–${money(Number(t.p90), result.currency)} against the plan’s ` +
      `${money(low, result.currency)}–${money(high, result.currency)}; largest differences of the P50 from the plan’s mid-points: ${gaps.join(', ')}.`,
  };
  return { currency: result.currency, rows, total };
}
