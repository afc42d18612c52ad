// Reads everything the rules need through lib/queries and shapes it into TFacts: inventory with capacity,
// hourly utilisation, daily costs and usage-level cost rows, the price catalogue, AWS's insights and the
// plan of record (calibrated against the bill). Time comes in as `now` (or a past `asOf`): nothing after it is read.
import { addUtcDays, DAY_MS, startOfUtcDay, startOfUtcMonth } from '../../dates';
import { AppError } from '../../errors';
import { toRange } from '../../planning/drivers';
import { classResolver } from '../../planning/cost-class-rules';
import { COEFFICIENTS } from '../../planning/coefficients';
import { INSTANCE_TYPES } from '../../planning/hardware';
import { findPrice, indexCatalogue, type TPriceCatalogue } from '../../planning/price-catalogue';
import type { TCapacity, TResourceClass } from '../../planning/types';
import { getDailyServiceCosts } from '../../queries/get-daily-service-costs';
import { getPlanOfRecord } from '../../queries/get-plan-of-record';
import { findScenario } from '../../queries/get-scenario';
import { getPlanningFx } from '../../queries/get-scenario-fx';
import { getUsageTypeCosts, type TUsageTypeCost } from '../../queries/get-usage-type-costs';
import { getUtilisationHourly, type THourlyByResource, type THourlySeries } from '../../queries/get-utilisation-hourly';
import { listCostClassRules } from '../../queries/list-cost-class-rules';
import { listInventory, type TInventoryItem } from '../../queries/list-inventory';
import { listPriceCatalogue } from '../../queries/list-prices';
import { listProviderInsights, type TProviderInsightRow } from '../../queries/list-provider-insights';
import { getThresholdOverrides } from '../../queries/get-threshold-overrides';
import { capacityFor, metricInfo } from '../../utilisation/metric-catalogue';
import type { TInstrument } from '../commitments/instruments';
import { percentile } from '../stats';
import type {
  TAtlasClusterFacts, TBucketFacts, TCapacityFacts, TCdnBillLine, TCdnFacts, TFacts, TMonthlyProjection, TNodePoolFacts, TPoint, TRedisFacts, TResourceRef, TWorkloadFacts,
} from '../types';
import { BILL_PROVIDERS, buildCommitmentPools, type THourlyInstances, type TPoolContext } from './commitment-pools';
import { runsOn } from './node-pool-workloads';
import { calibrateClass, capacityMultipliers, classProjection, type TClassCalibration, type TPlanMonth } from './plan-projection';

const GiB = 2 ** 30;
/** Hourly utilisation read before now: the longest window a rule or the planner looks back over. */
export const UTILISATION_DAYS = 90;
/** Usage-level cost rows read for commitment baselines (the planner's longest lookback). */
export const USAGE_DAYS = 90;
/** Daily costs read for the calibration: 13 months, so three complete months overlap any plan start. */
export const COST_MONTHS = 13;

export type TPlanContext = {
  scenario: { id: string; name: string; version: number };
  months: TPlanMonth[];
  calibration: Record<string, TClassCalibration>;
  /** Today's monthly cost per class (last 30 days, scaled to a month). */
  actualMonthly: Record<string, number>;
  planPeakRps: number | null;
};

export type TGathered = {
  facts: TFacts;
  now: Date;
  currency: string;
  plan: TPlanContext | null;
  pools: TPoolContext[];
  catalogue: TPriceCatalogue;
  /** Catalogue currency → display currency rates (missing ones are absent). */
  fx: Record<string, number>;
  missingFx: string[];
  /** Why the plan of record could not be used (the refresh goes on without it, as if there were none). */
  planError: string | null;
  inventory: TInventoryItem[];
  /** Row counts read, for the bench. */
  counts: { hourlyPoints: number; dailyCostRows: number; usageRows: number; resources: number };
};

export type TGatherOptions = {
  now: Date;
  currency: string;
  /** Commitment lookback (7, 30, 60, 90). */
  lookbackDays?: number;
  /** Restrict commitment pools to one instrument and some terms (the planner). */
  only?: TInstrument['id'];
  termFilter?: Parameters<typeof buildCommitmentPools>[0]['termFilter'];
  /** Evaluate another scenario than the plan of record (the planner's scenarioId). */
  scenarioId?: string;
  /** Skip the resource facts (the planner needs commitment pools only). */
  commitmentsOnly?: boolean;
  /** `now` is a past asOf: read the plan of record as it was saved before it. */
  backtest?: boolean;
};

// ── series helpers ──

function points(s: THourlySeries | undefined, field: 'avg' | 'max', scale = 1): TPoint[] | undefined {
  if (!s) return undefined;
  const out: TPoint[] = new Array(s.t.length);
  const src = s[field];
  for (let i = 0; i < s.t.length; i++) out[i] = { t: s.t[i], v: src[i] * scale };
  return out;
}

/** Daily points (start of the UTC day): mean or max of the hours. */
function daily(s: THourlySeries | undefined, how: 'mean' | 'max' | 'sum', scale = 1): TPoint[] | undefined {
  if (!s) return undefined;
  const out: TPoint[] = [];
  let day = -1;
  let acc = 0;
  let n = 0;
  const flush = () => {
    if (n > 0) out.push({ t: day, v: (how === 'mean' ? acc / n : acc) * scale });
  };
  for (let i = 0; i < s.t.length; i++) {
    const d = Math.floor(s.t[i] / DAY_MS) * DAY_MS;
    if (d !== day) {
      flush();
      day = d;
      acc = how === 'max' ? -Infinity : 0;
      n = 0;
    }
    const v = how === 'max' ? s.max[i] : s.avg[i];
    acc = how === 'max' ? Math.max(acc, v) : acc + v;
    n++;
  }
  flush();
  return out;
}

/** a ÷ b hour by hour, for the hours both have (per-pod usage from a workload's total and its replicas). */
function ratioSeries(a: THourlySeries | undefined, b: THourlySeries | undefined, scale = 1): TPoint[] | undefined {
  if (!a || !b) return undefined;
  const byT = new Map<number, number>();
  for (let i = 0; i < b.t.length; i++) byT.set(b.t[i], b.avg[i]);
  const out: TPoint[] = [];
  for (let i = 0; i < a.t.length; i++) {
    const d = byT.get(a.t[i]);
    if (d && d > 0) out.push({ t: a.t[i], v: (a.avg[i] / d) * scale });
  }
  return out;
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : undefined);

/** Container platforms billed by AWS: a pod on EKS, ECS or Fargate is paid to AWS, whichever source reported it. */
const AWS_PLATFORMS = new Set(['eks', 'ecs', 'fargate']);

/** The resource as a recommendation names it, under the provider that bills it (the filter finance uses). */
function ref(r: TInventoryItem, type: string): TResourceRef {
  const platform = String(r.attributes.platform ?? '').toLowerCase();
  const provider = r.provider === 'prometheus' && AWS_PLATFORMS.has(platform) ? 'aws' : r.provider;
  return { provider, type, id: r.externalId, name: r.name, region: r.region, account: null };
}

function priceOf(catalogue: TPriceCatalogue, index: ReturnType<typeof indexCatalogue>, sku: string, region: string | null): { price: string; currency: string } | null {
  if (!index.bySku.has(sku)) return null;
  const { item } = findPrice(index, sku, region);
  return { price: item.unitPrice, currency: item.currency };
}

// ── resource facts ──

function atlasFacts(r: TInventoryItem, m: Map<string, THourlySeries>): TAtlasClusterFacts {
  const a = r.attributes;
  const ram = capacityFor(r.capacity, 'memory_used_bytes') ?? num(a.memoryBytes) ?? (num(a.ramGb) ?? 0) * GiB;
  const diskBytes = capacityFor(r.capacity, 'disk_used_bytes');
  const shards = num(a.shards) ?? 1;
  const nodes = num(a.nodes) ?? num(a.nodeCount);
  const cache = m.get('cache_used_bytes');
  return {
    resource: ref(r, 'atlas-cluster'),
    tier: String(a.tier ?? r.size ?? ''),
    shards,
    nodesPerShard: nodes ? Math.max(1, Math.round(nodes / shards)) : 3,
    cpuPercent: points(m.get('cpu_percent'), 'max'),
    memoryPercent: ram > 0 ? points(m.get('memory_used_bytes'), 'avg', 100 / ram) : undefined,
    workingSetGB: cache && cache.t.length > 0 ? cache.avg[cache.t.length - 1] / GiB : undefined,
    diskUsedGB: daily(m.get('disk_used_bytes'), 'mean', 1 / GiB),
    diskSizeGB: diskBytes ? diskBytes / GiB : (num(a.diskSizeGB) ?? num(a.diskSizeGb)),
    connections: points(m.get('connections'), 'max'),
  };
}

function redisFacts(r: TInventoryItem, m: Map<string, THourlySeries>, catalogue: TPriceCatalogue, index: ReturnType<typeof indexCatalogue>): TRedisFacts {
  const a = r.attributes;
  const elasticache = r.provider === 'aws';
  const maxmemory = capacityFor(r.capacity, 'memory_used_bytes') ?? num(a.maxmemory) ?? 0;
  const nodeType = String(a.nodeType ?? r.size ?? '');
  const price = elasticache ? priceOf(catalogue, index, `aws:elasticache:${nodeType}`, r.region) : priceOf(catalogue, index, 'redis-cloud:pro:memory', r.region);
  const frag = m.get('mem_fragmentation_ratio');
  return {
    resource: ref(r, elasticache ? 'elasticache-cluster' : 'redis-database'),
    flavour: elasticache ? 'elasticache' : 'redis-enterprise',
    nodeType,
    nodeMemoryGB: elasticache ? (num(a.nodeMemoryGB) ?? maxmemory / GiB) : maxmemory / GiB,
    nodes: num(a.nodes) ?? 1,
    shards: num(a.shards) ?? 1,
    maxmemoryBytes: maxmemory,
    usedMemoryBytes: points(m.get('memory_used_bytes'), 'avg'),
    evictions: points(m.get('evicted_keys'), 'avg'),
    opsPerSecond: points(m.get('ops_per_sec'), 'avg'),
    shardCapacityOps: capacityFor(r.capacity, 'ops_per_sec') ?? undefined,
    fragmentationRatio: frag && frag.t.length > 0 ? frag.avg[frag.t.length - 1] : undefined,
    unitPrice: price?.price,
    currency: price?.currency ?? 'USD',
  };
}

function workloadFacts(r: TInventoryItem, m: Map<string, THourlySeries>, now: Date, plan: TPlanContext | null, catalogue: TPriceCatalogue, index: ReturnType<typeof indexCatalogue>): TWorkloadFacts {
  const a = r.attributes;
  const hpa = (a.hpa ?? {}) as Record<string, unknown>;
  const replicas = m.get('replicas');
  const rps = m.get('http_requests_per_second') ?? m.get('requests_per_sec');
  const lastReplicas = replicas && replicas.t.length ? replicas.avg[replicas.t.length - 1] : (num(a.replicas) ?? 1);
  const minReplicas = num(hpa.minReplicas) ?? num(a.minReplicas) ?? lastReplicas;
  // Requests per second one pod serves at the autoscaler's target: what pods served in the busy hours
  // (when the autoscaler was above its floor); the planner's coefficient when there is no such hour.
  let rpsPerPod: number | undefined;
  if (rps && replicas) {
    const perPod = ratioSeries(rps, replicas)!;
    const byT = new Map<number, number>();
    for (let i = 0; i < replicas.t.length; i++) byT.set(replicas.t[i], replicas.avg[i]);
    const busy = perPod.filter((p) => (byT.get(p.t) ?? 0) > minReplicas && p.t >= now.getTime() - 14 * DAY_MS).map((p) => p.v);
    if (busy.length >= 24) rpsPerPod = percentile(busy, 0.5);
  }
  rpsPerPod ??= toRange(COEFFICIENTS.rpsPerPod as never).likely;
  const region = r.region ?? 'eu-west-3';
  const vcpu = priceOf(catalogue, index, 'aws:fargate:vcpu', region);
  const gib = priceOf(catalogue, index, 'aws:fargate:gb', region);
  return {
    resource: ref(r, 'workload'),
    replicas: lastReplicas,
    minReplicas,
    maxReplicas: num(hpa.maxReplicas) ?? num(a.maxReplicas) ?? lastReplicas,
    requests: { cpuCores: num(a.cpuRequestCores) ?? 0, memoryGiB: (num(a.memoryRequestBytes) ?? num(a.memoryLimitBytes) ?? 0) / GiB },
    replicasHourly: points(replicas, 'avg'),
    cpuCores: ratioSeries(m.get('cpu_cores'), replicas),
    memoryGiB: ratioSeries(m.get('memory_working_set_bytes'), replicas, 1 / GiB),
    requestsPerSecond: rps ? points(rps, 'avg') : undefined,
    rpsPerPod,
    planPeakRps: plan?.planPeakRps ?? undefined,
    prices: vcpu && gib ? { vcpuHour: vcpu.price, gibHour: gib.price } : undefined,
    currency: vcpu?.currency ?? 'USD',
  };
}

/** Bill providers whose rows are read for the CDN pricing rule, besides AWS's CloudFront rows. */
export const CDN_BILL_PROVIDERS = ['Cloudflare'];

/** A CDN resource's own usage-level rows (read in the currency of its facts). */
function cdnBillLines(r: TInventoryItem, rows: readonly TUsageTypeCost[]): TCdnBillLine[] | undefined {
  const mine = rows.filter((u) => u.resourceId !== null && (u.resourceId === r.externalId || u.resourceId.endsWith(`/${r.externalId}`)));
  if (mine.length === 0) return undefined;
  return mine.map((u) => ({
    t: Date.parse(`${u.day}T00:00:00Z`), service: u.service, sku: u.skuId, description: u.description, chargeCategory: u.chargeCategory,
    unit: u.pricingUnit, quantity: u.quantity, cost: u.effectiveCost,
  }));
}

/** A ratio of bytes per UTC day, each hour weighed by the bytes behind it (a quiet night hour at 50% moves a day
 *  little); a day without bytes keeps the mean of its hours. Undefined without ratios or bytes (the caller then
 *  takes the plain daily mean). */
function byteWeightedDaily(ratio: THourlySeries | undefined, bytes: THourlySeries | undefined): TPoint[] | undefined {
  if (!ratio || !bytes) return undefined;
  const weight = new Map<number, number>();
  for (let i = 0; i < bytes.t.length; i++) weight.set(bytes.t[i], bytes.avg[i]);
  const days = new Map<number, { hit: number; total: number; sum: number; n: number }>();
  for (let i = 0; i < ratio.t.length; i++) {
    const day = Math.floor(ratio.t[i] / DAY_MS) * DAY_MS;
    const d = days.get(day) ?? { hit: 0, total: 0, sum: 0, n: 0 };
    const w = weight.get(ratio.t[i]) ?? 0;
    d.hit += ratio.avg[i] * w;
    d.total += w;
    d.sum += ratio.avg[i];
    d.n++;
    days.set(day, d);
  }
  return [...days].sort((a, b) => a[0] - b[0]).map(([t, d]) => ({ t, v: d.total > 0 ? d.hit / d.total : d.sum / d.n }));
}

function cdnFacts(r: TInventoryItem, m: Map<string, THourlySeries>, now: Date, catalogue: TPriceCatalogue, index: ReturnType<typeof indexCatalogue>, bill: { currency: string; rows: readonly TUsageTypeCost[] } = { currency: 'USD', rows: [] }): TCdnFacts {
  const bytes = m.get('bytes');
  // The origin is on AWS here (the bill's data transfer out); its internet egress price in the origin's region.
  const origin = priceOf(catalogue, index, 'aws:data-transfer:internet', String(r.attributes.originRegion ?? 'eu-west-3'));
  const currency = origin?.currency ?? 'USD';
  return {
    resource: ref(r, 'cdn-distribution'),
    cacheHitRatio: byteWeightedDaily(m.get('cache_hit_ratio'), bytes) ?? daily(m.get('cache_hit_ratio'), 'mean'),
    originEgressPrice: origin?.price,
    // the traffic both CDN rules read over their lookback, and the bill the pricing rule prices
    servedGB: points(bytes, 'avg', 1e-9),
    servedRequests: points(m.get('requests'), 'avg'),
    plan: typeof r.attributes.plan === 'string' ? r.attributes.plan : undefined,
    bill: bill.currency === currency ? cdnBillLines(r, bill.rows) : undefined,
    currency,
  };
}

/** A node group (`node-pool`) and the inventory's workloads on it. */
function nodePoolFacts(r: TInventoryItem, m: Map<string, THourlySeries>, inventory: readonly TInventoryItem[]): TNodePoolFacts {
  const a = r.attributes;
  const [idCluster, idGroup] = r.externalId.split('/');
  const cluster = String(a.cluster ?? idCluster);
  const instanceType = String(a.instanceType ?? r.size ?? '');
  const pools = inventory.filter((x) => x.kind === 'node-pool' && String(x.attributes.cluster ?? x.externalId.split('/')[0]) === cluster);
  const workloadIds = inventory.filter((w) => runsOn(w, { cluster, nodegroup: String(a.nodegroup ?? idGroup), instanceType }, pools.length)).map((w) => w.externalId);
  const nodes = m.get('nodes');
  // the group's floor when the connection names none: the fewest nodes it ran (never recommend below that)
  let fewest: number | undefined;
  if (nodes) for (let i = 0; i < nodes.t.length; i++) fewest = Math.min(fewest ?? Infinity, Math.round(nodes.avg[i]));
  return {
    resource: ref(r, 'node-group'),
    instanceType,
    nodes: nodes && nodes.t.length ? nodes.avg[nodes.t.length - 1] : 0,
    minNodes: num(a.minNodes) ?? fewest ?? 1,
    workloadIds,
    nodesHourly: points(nodes, 'avg'),
    requestedCpuCores: points(m.get('cpu_request_cores'), 'avg'),
    requestedMemoryGiB: points(m.get('memory_request_bytes'), 'avg', 1 / GiB),
    allocatableCpuCores: points(m.get('cpu_allocatable_cores'), 'avg'),
    allocatableMemoryGiB: points(m.get('memory_allocatable_bytes'), 'avg', 1 / GiB),
  };
}

function storageClassOf(r: TUsageTypeCost): 'standard' | 'infrequent' | 'archive' {
  const text = `${r.description ?? ''} ${r.skuId ?? ''}`;
  if (/glacier|archive|deep/i.test(text)) return 'archive';
  if (/infrequent|standard-ia|\bIA\b|one zone/i.test(text)) return 'infrequent';
  return 'standard';
}

function bucketFacts(r: TInventoryItem, m: Map<string, THourlySeries>, usage: readonly TUsageTypeCost[], now: Date, catalogue: TPriceCatalogue, index: ReturnType<typeof indexCatalogue>): TBucketFacts {
  // Bytes by storage class on the last billed day: GB-month rows × the days of that month.
  const rows = usage.filter((u) => u.resourceId === r.externalId && /gb-?mo/i.test(u.pricingUnit ?? ''));
  const lastDay = rows.reduce((d, u) => (u.day > d ? u.day : d), '');
  let storageClassGB: TBucketFacts['storageClassGB'];
  if (lastDay) {
    const date = new Date(`${lastDay}T00:00:00Z`);
    const days = (startOfUtcMonth(date, 1).getTime() - startOfUtcMonth(date).getTime()) / DAY_MS;
    storageClassGB = { standard: 0, infrequent: 0, archive: 0 };
    for (const u of rows) if (u.day === lastDay && u.chargeCategory === 'Usage') storageClassGB[storageClassOf(u)] += u.quantity * days;
  }
  // Age of Standard bytes from the size history: bytes already stored 30 (90) days ago and still there
  // (objects are kept, not rewritten) are at least that old; capped by what Standard holds now.
  const size = daily(m.get('bucket_size_bytes'), 'mean', 1 / GiB);
  let standardAgeGB: TBucketFacts['standardAgeGB'];
  if (size && size.length > 0 && storageClassGB) {
    const at = (daysAgo: number) => {
      const target = startOfUtcDay(now).getTime() - daysAgo * DAY_MS;
      const p = size.find((x) => x.t >= target);
      return p && p.t - target <= 2 * DAY_MS ? p.v : size[0].t <= target ? size[0].v : (size[0].t - target <= 2 * DAY_MS ? size[0].v : 0);
    };
    standardAgeGB = { over30Days: Math.min(at(30), storageClassGB.standard), over90Days: Math.min(at(90), storageClassGB.standard) };
  }
  const region = r.region ?? 'eu-west-3';
  const std = priceOf(catalogue, index, 'aws:s3:standard', region);
  const ia = priceOf(catalogue, index, 'aws:s3:standard-ia', region);
  const gl = priceOf(catalogue, index, 'aws:s3:glacier-ir', region);
  return {
    resource: ref(r, 'bucket'),
    storageClassGB,
    standardAgeGB,
    typicalLifetimeDays: num(r.attributes.typicalLifetimeDays) ?? null,
    smallObjectShare: num(r.attributes.smallObjectShare),
    prices: std && ia && gl ? { standard: std.price, infrequent: ia.price, archive: gl.price } : undefined,
    currency: std?.currency ?? 'USD',
  };
}

/** Which plan capacity figure a metric grows with (runway at the plan's growth). */
function planFigure(r: TInventoryItem, metric: string): ((c: TCapacity) => number) | null {
  if (r.kind === 'database' && metric === 'disk_used_bytes') return (c) => c.atlasDataGB;
  if (r.kind === 'database' && metric === 'memory_used_bytes') return (c) => c.atlasRamNeededGB;
  if (r.kind === 'cache' && metric === 'memory_used_bytes') return (c) => c.redisDatasetGB;
  if (r.kind === 'storage') return (c) => c.atlasDataGB;
  return (c) => c.mainPods;
}

/** What a count metric counts, so a runway reads "30 replicas" rather than a bare 30. */
const COUNT_UNITS: Record<string, string> = { replicas: 'replicas', connections: 'connections', nodes: 'nodes' };

function capacityFacts(r: TInventoryItem, m: Map<string, THourlySeries>, now: Date, plan: TPlanContext | null): TCapacityFacts[] {
  const out: TCapacityFacts[] = [];
  for (const [metric, series] of m) {
    const capacity = capacityFor(r.capacity, metric);
    if (!capacity || !metricInfo(metric).fills) continue;
    const pick = planFigure(r, metric);
    out.push({
      resource: { ...ref(r, r.kind), id: `${r.externalId}#${metric}`, name: `${r.name} ${metricInfo(metric).noun}` },
      metric,
      unit: series.unit === 'count' ? (COUNT_UNITS[metric] ?? series.unit) : series.unit,
      capacity,
      usage: daily(series, 'max'),
      planMultipliers: plan && pick ? capacityMultipliers(plan.months, now, pick) : undefined,
    });
  }
  return out;
}

// ── the plan of record, calibrated ──

async function planContext(now: Date, currency: string, scenarioId: string | undefined, backtest: boolean, costs: Awaited<ReturnType<typeof getDailyServiceCosts>>): Promise<TPlanContext | null> {
  const por = scenarioId ? await evaluateScenario(scenarioId, now, currency) : await getPlanOfRecord({ now, currency, ...(backtest ? { asOf: now } : {}) });
  if (!por) return null;
  const months: TPlanMonth[] = por.evaluation.months.map((m) => ({ month: m.month, total: m.total, classes: m.classes as Record<string, string>, capacity: m.capacity }));
  const resolve = classResolver(await listCostClassRules());
  const byClassMonth = new Map<string, Map<string, number>>();
  const runRate = new Map<string, number>();
  const recentFrom = addUtcDays(startOfUtcDay(now), -30).toISOString().slice(0, 10);
  const thisMonth = now.toISOString().slice(0, 7);
  for (const row of costs.rows) {
    const cls = resolve({ provider: row.provider, service: row.service }).resourceClass;
    const month = row.day.slice(0, 7);
    if (month < thisMonth) {
      const m = byClassMonth.get(cls) ?? new Map<string, number>();
      m.set(month, (m.get(month) ?? 0) + row.cost);
      byClassMonth.set(cls, m);
    }
    if (row.day >= recentFrom) runRate.set(cls, (runRate.get(cls) ?? 0) + row.cost);
  }
  const calibration: Record<string, TClassCalibration> = {};
  const actualMonthly: Record<string, number> = {};
  for (const cls of ['application', 'atlas', 'redis', 'cdn', 'objectStorage', 'monitoring'] as TResourceClass[]) {
    actualMonthly[cls] = ((runRate.get(cls) ?? 0) * 30.44) / 30;
    calibration[cls] = calibrateClass(months, cls, now, byClassMonth.get(cls) ?? new Map(), actualMonthly[cls]);
  }
  let planPeakRps: number | null = null;
  const scenario = await findScenario(por.scenario.id, { includeArchived: true });
  const peak = (scenario?.drivers as Record<string, unknown> | undefined)?.peakRequestsPerSecond;
  if (peak !== undefined) planPeakRps = toRange(peak as never).likely;
  return { scenario: por.scenario, months, calibration, actualMonthly, planPeakRps };
}

async function evaluateScenario(id: string, now: Date, currency: string) {
  const { evaluateScenarioRecord } = await import('../../scenarios/evaluate-stored-scenario');
  const scenario = await findScenario(id);
  if (!scenario) return null;
  const evaluation = await evaluateScenarioRecord(scenario, { now, currency, samples: 2000 });
  return { scenario: { id: scenario.id, name: scenario.name, version: scenario.version }, evaluation };
}

/** Hourly node counts of the Kubernetes node groups monitoring sees, by instance type: they shape the commitment baselines. */
function nodeInstances(inventory: readonly TInventoryItem[], hourly: THourlyByResource): THourlyInstances[] {
  const out: THourlyInstances[] = [];
  for (const r of inventory) {
    if (r.kind !== 'node-pool') continue;
    // a group mixing instance types counts them together: its nodes cannot say how many of each type ran
    const types = r.attributes.instanceTypes;
    if (Array.isArray(types) && types.length > 1) continue;
    const nodes = points(hourly.get(r.id)?.get('nodes'), 'avg');
    const instanceType = String(r.attributes.instanceType ?? r.size ?? '');
    if (nodes && nodes.length > 0 && instanceType) out.push({ instanceType, region: r.region, points: nodes });
  }
  return out;
}

export function projectionFor(plan: TPlanContext | null, now: Date, instrument: TInstrument, termMonths: number): TMonthlyProjection | null {
  if (!plan) return null;
  const cls = instrument.planClass;
  return classProjection(plan.months, cls, now, plan.calibration[cls], plan.actualMonthly[cls], termMonths);
}

export async function gatherFacts(options: TGatherOptions): Promise<TGathered> {
  const { now, currency } = options;
  const lookbackDays = options.lookbackDays ?? 30;
  const hourlyFrom = new Date(now.getTime() - UTILISATION_DAYS * DAY_MS);
  const costFrom = startOfUtcMonth(startOfUtcMonth(now), -COST_MONTHS + 1);
  const [inventory, catalogue, insights, costs, usage, hourly, thresholds] = await Promise.all([
    // the planner needs the node groups only (their hourly node counts shape the commitment baselines)
    listInventory(),
    listPriceCatalogue(),
    listProviderInsights({ kinds: ['aws.sp-recommendation', 'aws.ri-recommendation', 'aws.ri-utilization', 'aws.ri-coverage'], fetchedBefore: now }),
    getDailyServiceCosts({ from: costFrom, to: now, currency }),
    getUsageTypeCosts({ from: new Date(now.getTime() - USAGE_DAYS * DAY_MS), to: now, currency, providers: BILL_PROVIDERS }),
    getUtilisationHourly({ from: hourlyFrom, to: now, metrics: options.commitmentsOnly ? ['nodes'] : undefined }),
    // admins' overrides of the rules' thresholds (settings); the rules fall back to the constants
    getThresholdOverrides(),
  ]);
  // the CDNs' own bill rows in the currency of the CDN prices (USD), so the pricing rule compares like with like
  // without a round trip through the display currency at two different days' rates
  // over 13 months: a plan billed yearly shows once a year, and must still be known in its eleventh month
  const cdnBill = { currency: catalogue.find((p) => p.kind === 'cdn-plan')?.currency ?? 'USD', from: costFrom };
  // read while the plan of record is evaluated below (it needs the catalogue's currency, so not in the batch above)
  const cdnRows: Promise<TUsageTypeCost[]> = options.commitmentsOnly
    ? Promise.resolve([])
    : Promise.all([
        getUsageTypeCosts({ from: cdnBill.from, to: now, currency: cdnBill.currency, providers: CDN_BILL_PROVIDERS }),
        getUsageTypeCosts({ from: cdnBill.from, to: now, currency: cdnBill.currency, providers: ['AWS'], services: ['Amazon CloudFront'] }),
      ]).then((parts) => parts.flat());
  // a failure surfaces where it is awaited; until then it must not be reported as unhandled
  cdnRows.catch(() => undefined);
  // a plan of record that cannot be evaluated (no exchange rate yet, say) leaves the rules without a plan, as
  // when there is none, rather than failing the whole refresh; a scenario asked for by name must evaluate
  let planError: string | null = null;
  const plan = await planContext(now, currency, options.scenarioId, options.backtest ?? false, costs).catch((e: unknown) => {
    if (options.scenarioId || !(e instanceof AppError)) throw e;
    planError = e.message;
    return null;
  });
  const cdnUsage = { currency: cdnBill.currency, rows: await cdnRows };

  const fxCurrencies = [...new Set(catalogue.map((p) => p.currency))];
  const fx: Record<string, number> = { [currency]: 1 };
  const missingFx: string[] = [];
  for (const c of fxCurrencies) {
    if (c === currency) continue;
    try {
      fx[c] = (await getPlanningFx([c], currency)).rates[c];
    } catch {
      missingFx.push(c);
    }
  }

  const { pools, contexts } = buildCommitmentPools({
    now, currency, lookbackDays, usage, catalogue, insights: insights as TProviderInsightRow[], usdRate: fx.USD ?? null,
    instances: nodeInstances(inventory, hourly),
    projectionFor: (instrument, termMonths) => projectionFor(plan, now, instrument, termMonths),
    only: options.only, termFilter: options.termFilter,
  });

  const facts: TFacts = { commitmentPools: pools, prices: catalogue, thresholds };
  let hourlyPoints = 0;
  if (!options.commitmentsOnly) {
    const index = indexCatalogue(catalogue);
    const empty = new Map<string, THourlySeries>();
    facts.atlasClusters = [];
    facts.redis = [];
    facts.workloads = [];
    facts.nodePools = [];
    facts.cdn = [];
    facts.buckets = [];
    facts.capacities = [];
    for (const r of inventory) {
      const m = hourly.get(r.id) ?? empty;
      for (const s of m.values()) hourlyPoints += s.t.length;
      if (r.kind === 'database' && r.provider === 'atlas') facts.atlasClusters.push(atlasFacts(r, m));
      else if (r.kind === 'cache') facts.redis.push(redisFacts(r, m, catalogue, index));
      else if (r.kind === 'app') facts.workloads.push(workloadFacts(r, m, now, plan, catalogue, index));
      else if (r.kind === 'node-pool') facts.nodePools.push(nodePoolFacts(r, m, inventory));
      else if (r.kind === 'cdn') facts.cdn.push(cdnFacts(r, m, now, catalogue, index, cdnUsage));
      else if (r.kind === 'storage') facts.buckets.push(bucketFacts(r, m, usage, now, catalogue, index));
      facts.capacities.push(...capacityFacts(r, m, now, plan));
    }
    // Node groups of EC2 instances are billed by AWS; so are the workloads on them, whose smaller requests
    // save money only as nodes the group's recommendation frees.
    const workloads = new Map(facts.workloads.map((w) => [w.resource.id, w]));
    for (const p of facts.nodePools) {
      const ec2 = priceOf(catalogue, index, `aws:ec2:${p.instanceType}`, p.resource.region ?? null);
      if (!ec2) continue;
      p.resource = { ...p.resource, provider: 'aws' };
      // a pod's hour on these nodes: the node's price split by its shape, half for its vCPUs, half for its memory
      const spec = INSTANCE_TYPES.find((i) => i.type === p.instanceType);
      const prices = spec ? { vcpuHour: String(Number(ec2.price) / 2 / spec.vcpu), gibHour: String(Number(ec2.price) / 2 / spec.memoryGiB) } : undefined;
      for (const id of p.workloadIds) {
        const w = workloads.get(id);
        if (!w) continue;
        w.nodePool = p.resource.name;
        w.resource = { ...w.resource, provider: 'aws' };
        w.prices = prices;
        w.currency = ec2.currency;
      }
    }
  }
  return {
    facts, now, currency, plan, pools: contexts, catalogue, fx, missingFx, planError, inventory,
    counts: { hourlyPoints, dailyCostRows: costs.rows.length, usageRows: usage.length, resources: inventory.length },
  };
}
