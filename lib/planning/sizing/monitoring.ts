// Monitoring: hosts and pods → metric series, requests → log volume, plus on-call seats.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import type { TOptions } from '../options';
import { AWS_FALLBACK_REGION, AWS_REGION } from '../regions';
import type { TLine } from '../types';
import { HOURS_PER_MONTH, commitmentSku, fmt, makeLine, priceStep, resolvePrice, step, use, type TPriceEnv, type TResolvedPrice } from './common';
import type { TDerived } from './derived';

/** Self-hosted sizing constants: a Prometheus/Grafana HA pair plus an Elasticsearch cluster. */
const SELF_HOSTED = {
  prometheusNodes: 2,
  minLogNodes: 3,
  logGBPerNodeMonth: 750,
  /** Log bytes kept 30 days with one replica and index overhead. */
  logStorageFactor: 1.5,
  /** ~1 sample/min/series × 43,800 min × ~3.5 bytes compressed ≈ 150 KB per series per month, on each of the HA pair. */
  gbPerSeries: 0.00015,
};

export type TMonitoringContext = {
  provider: TOptions['monitoring']['provider'];
  alerting: TOptions['monitoring']['alerting'];
  metrics: TResolvedPrice;
  logs: TResolvedPrice;
  platform: TResolvedPrice;
  onCall: TResolvedPrice;
  node: TResolvedPrice;
  disk: TResolvedPrice;
  instanceType: string;
};

export function prepareMonitoring(env: TPriceEnv, options: TOptions): TMonitoringContext {
  const o = options.monitoring;
  const region = AWS_REGION[o.region];
  return {
    provider: o.provider,
    alerting: o.alerting,
    metrics: resolvePrice(env, 'grafana:metrics', null),
    logs: resolvePrice(env, 'grafana:logs', null),
    platform: resolvePrice(env, 'grafana:platform', null),
    onCall: resolvePrice(env, 'pagerduty:business', null),
    node: resolvePrice(env, `aws:ec2:${o.instanceType}`, region, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commitmentSku('aws:commitment:compute-sp', o.pricing) }),
    disk: resolvePrice(env, 'aws:ebs:gp3', region, { fallbackRegion: AWS_FALLBACK_REGION }),
    instanceType: o.instanceType,
  };
}

export type TMonitoringTrace = {
  hosts: number;
  series: number;
  logGB: number;
  billableSeriesK: number;
  billableLogGB: number;
  nodes: number;
  diskGB: number;
  onCallUsers: number;
  cost: Float64Array;
};

export function newMonitoringTrace(): TMonitoringTrace {
  return { hosts: 0, series: 0, logGB: 0, billableSeriesK: 0, billableLogGB: 0, nodes: 0, diskGB: 0, onCallUsers: 0, cost: new Float64Array(4) };
}

export function monitoringLineKeys(ctx: TMonitoringContext): string[] {
  const keys = ctx.provider === 'grafana-cloud' ? ['monitoring.metrics', 'monitoring.logs', 'monitoring.platform'] : ['monitoring.nodes', 'monitoring.storage'];
  return ctx.alerting === 'pagerduty' ? [...keys, 'monitoring.alerting'] : keys;
}

export function computeMonitoring(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TMonitoringContext, t: TMonitoringTrace): number {
  t.hosts = x.appHosts + x.atlasNodes + x.redisNodes;
  t.series = t.hosts * c.seriesPerHost + x.pods * c.seriesPerPod;
  t.logGB = (x.requestsPerMonth / 1e6) * c.logGBPerMillionRequests;
  t.onCallUsers = ctx.alerting === 'pagerduty' ? c.onCallUsers : 0;
  const k = t.cost;
  let n = 0;
  if (ctx.provider === 'grafana-cloud') {
    t.billableSeriesK = Math.max(0, t.series / 1000 - ctx.metrics.includedQuantity);
    t.billableLogGB = Math.max(0, t.logGB - ctx.logs.includedQuantity);
    t.nodes = 0;
    t.diskGB = 0;
    k[0] = t.billableSeriesK * ctx.metrics.out;
    k[1] = t.billableLogGB * ctx.logs.out;
    k[2] = ctx.platform.out;
    n = 3;
  } else {
    t.billableSeriesK = 0;
    t.billableLogGB = 0;
    t.nodes = SELF_HOSTED.prometheusNodes + Math.max(SELF_HOSTED.minLogNodes, Math.ceil(t.logGB / SELF_HOSTED.logGBPerNodeMonth));
    t.diskGB = t.logGB * SELF_HOSTED.logStorageFactor + t.series * SELF_HOSTED.gbPerSeries * SELF_HOSTED.prometheusNodes;
    k[0] = t.nodes * HOURS_PER_MONTH * ctx.node.out;
    k[1] = t.diskGB * ctx.disk.out;
    n = 2;
  }
  if (ctx.alerting === 'pagerduty') k[n++] = t.onCallUsers * ctx.onCall.out;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += k[i];
  return sum;
}

export function explainMonitoring(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TMonitoringContext, t: TMonitoringTrace): TLine[] {
  const series = step(
    `Hosts: ${fmt(x.appHosts)} application nodes + ${fmt(x.atlasNodes)} Atlas nodes + ${fmt(x.redisNodes)} Redis nodes = ${fmt(t.hosts)}; ` +
      `${fmt(t.hosts)} × ${fmt(c.seriesPerHost)} series + ${fmt(x.pods)} pods × ${fmt(c.seriesPerPod)} series = ${fmt(t.series)} active series`,
    use.derived('hosts', t.hosts, 'hosts'), use.coef('seriesPerHost', c), use.derived('pods', x.pods, 'pods'), use.coef('seriesPerPod', c),
  );
  const logs = step(
    `${fmt(d.requestsPerDay)} requests/day × 30.4 days = ${fmt(x.requestsPerMonth / 1e6)} M requests × ${fmt(c.logGBPerMillionRequests)} GB per million = ${fmt(t.logGB)} GB of logs a month`,
    use.driver('requestsPerDay', d), use.coef('logGBPerMillionRequests', c),
  );
  const lines: TLine[] = [];
  if (ctx.provider === 'grafana-cloud') {
    lines.push(
      makeLine({
        key: 'monitoring.metrics', resourceClass: 'monitoring', item: 'Grafana Cloud metrics (Prometheus)', quantity: t.billableSeriesK, unit: '1k series-month', price: ctx.metrics, cost: t.cost[0],
        reasoning: [series, step(`${fmt(t.series / 1000)}k series − ${fmt(ctx.metrics.includedQuantity)}k included = ${fmt(t.billableSeriesK)}k billed`), priceStep(ctx.metrics, 'Series price')],
      }),
      makeLine({
        key: 'monitoring.logs', resourceClass: 'monitoring', item: 'Grafana Cloud logs (in place of ELK)', quantity: t.billableLogGB, unit: 'GB', price: ctx.logs, cost: t.cost[1],
        reasoning: [logs, step(`${fmt(t.logGB)} GB − ${fmt(ctx.logs.includedQuantity)} GB included = ${fmt(t.billableLogGB)} GB billed`), priceStep(ctx.logs, 'Log price')],
      }),
      makeLine({
        key: 'monitoring.platform', resourceClass: 'monitoring', item: 'Grafana Cloud Pro platform fee', quantity: 1, unit: 'month', price: ctx.platform, cost: t.cost[2],
        reasoning: [step('Flat monthly fee of the Pro plan', use.option('monitoring.provider', 'grafana-cloud')), priceStep(ctx.platform, 'Fee')],
      }),
    );
  } else {
    lines.push(
      makeLine({
        key: 'monitoring.nodes', resourceClass: 'monitoring', item: `Self-hosted Prometheus/Grafana/ELK nodes ${ctx.instanceType}`, quantity: t.nodes * HOURS_PER_MONTH, unit: 'node-hour', price: ctx.node, cost: t.cost[0],
        reasoning: [
          series, logs,
          step(`${SELF_HOSTED.prometheusNodes} Prometheus/Grafana nodes + max(${SELF_HOSTED.minLogNodes}, ${fmt(t.logGB)} GB ÷ ${SELF_HOSTED.logGBPerNodeMonth} GB per log node) = ${t.nodes} nodes`),
          priceStep(ctx.node, 'Node price'),
        ],
      }),
      makeLine({
        key: 'monitoring.storage', resourceClass: 'monitoring', item: 'Monitoring disks (EBS gp3)', quantity: t.diskGB, unit: 'GB-month', price: ctx.disk, cost: t.cost[1],
        reasoning: [step(`Logs ${fmt(t.logGB)} GB × ${SELF_HOSTED.logStorageFactor} (30 days, one replica) + ${fmt(t.series)} series × ${SELF_HOSTED.gbPerSeries * 1e6} KB × ${SELF_HOSTED.prometheusNodes} = ${fmt(t.diskGB)} GB`), priceStep(ctx.disk, 'Disk price')],
      }),
    );
  }
  if (ctx.alerting === 'pagerduty') {
    lines.push(
      makeLine({
        key: 'monitoring.alerting', resourceClass: 'monitoring', item: 'PagerDuty Business seats', quantity: t.onCallUsers, unit: 'user-month', price: ctx.onCall, cost: t.cost[lines.length],
        reasoning: [step(`${fmt(t.onCallUsers)} people on call`, use.coef('onCallUsers', c)), priceStep(ctx.onCall, 'Seat price')],
      }),
    );
  }
  return lines;
}
