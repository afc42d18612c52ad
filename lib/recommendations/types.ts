// Shapes of the recommendation rules: the facts they read, the recommendations they return. Pure data.
import type { TPriceCatalogue } from '../planning/price-catalogue';
import type { TThresholds } from './thresholds';

export const RECOMMENDATION_KINDS = ['commitment', 'atlas', 'redis', 'pods', 'cdn', 'object-storage', 'runway'] as const;
export type TRecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** One hourly (or daily) sample: `t` is the start of its hour in epoch milliseconds (UTC). */
export type TPoint = { t: number; v: number };

/** The thing a recommendation is about, named as the inventory names it. */
export type TResourceRef = {
  provider: string;
  /** e.g. 'atlas-cluster', 'redis-database', 'workload', 'cdn-distribution', 'bucket', 'commitment-pool'. */
  type: string;
  id: string;
  name: string;
  region?: string | null;
  account?: string | null;
};

/** A sentence the page can translate: a message key and its parameters (numbers stay numbers). */
export type TMessage = { key: string; params: Record<string, number | string | null> };

/** One number the rule used, beside the threshold it was compared with. */
export type TEvidence = {
  metric: string;
  /** Null when the quantity does not exist (days to full for a resource that is not growing). */
  value: number | null;
  unit: string;
  threshold?: number;
  comparison?: 'above' | 'below' | 'at-least' | 'at-most';
  /** Where the threshold comes from (a constant's source). */
  source?: string;
};

export type TRisk = { level: 'low' | 'medium' | 'high'; text: string; message: TMessage };

/** Decimal strings in `currency`. */
export type TSavingsRange = { p10: string; p50: string; p90: string };

export type TLookback = {
  days: number;
  /** ISO instants, [from, to). */
  from: string;
  to: string;
  /** Share of the expected samples present in the window, 0..1. */
  completeness: number;
};

export type TAction = {
  /** Stable verb of the action, part of the fingerprint: 'tier-up', 'commit', 'lifecycle', … */
  type: string;
  /** The target of the action (numbers as numbers); not part of the fingerprint, so a refresh updates it. */
  params: Record<string, number | string | null>;
};

export type TRecommendation = {
  fingerprint: string;
  kind: TRecommendationKind;
  ruleId: string;
  ruleVersion: number;
  resource: TResourceRef;
  action: TAction;
  /** English text for logs and the CLI; the page renders `message` instead. */
  text: string;
  message: TMessage;
  evidence: TEvidence[];
  /** Null when the action saves nothing (a scale-up, a warning). */
  monthlySavings: TSavingsRange | null;
  /** The currency of every amount in the recommendation; null when it carries none (a warning). */
  currency: string | null;
  risks: TRisk[];
  lookback: TLookback;
  /** Kind-specific numbers (the commitment plan, the runway), for the detail view. */
  details?: Record<string, unknown>;
};

// --- Facts -------------------------------------------------------------------------------------

export type TAtlasClusterFacts = {
  resource: TResourceRef;
  tier: string;
  shards: number;
  /** Nodes per shard (3 for a replica set). */
  nodesPerShard: number;
  /** Hourly P95 of normalised system CPU per hour, in percent of the tier's cores. */
  cpuPercent?: TPoint[];
  /** Hourly system memory used, in percent of the tier's RAM. */
  memoryPercent?: TPoint[];
  /** WiredTiger working set estimate (cache used + dirty), GB, latest. */
  workingSetGB?: number;
  /** Daily disk used per node, GB. */
  diskUsedGB?: TPoint[];
  diskSizeGB?: number;
  /** Hourly connections (max); zero over the idle window means nobody uses the cluster. */
  connections?: TPoint[];
};

export type TRedisFacts = {
  resource: TResourceRef;
  /** 'elasticache' node types or Redis Enterprise node sizes. */
  flavour: 'elasticache' | 'redis-enterprise';
  nodeType: string;
  nodeMemoryGB: number;
  nodes: number;
  shards: number;
  maxmemoryBytes: number;
  usedMemoryBytes?: TPoint[];
  /** Evicted keys per hour. */
  evictions?: TPoint[];
  opsPerSecond?: TPoint[];
  /** Operations per second one shard sustains (Redis Cloud quotes 25,000 per shard as its planning figure). */
  shardCapacityOps?: number;
  fragmentationRatio?: number;
  /** On-demand price of one node-hour (ElastiCache) or one GB-hour (Redis Enterprise), in `currency`. */
  unitPrice?: string;
  currency: string;
};

export type TWorkloadFacts = {
  resource: TResourceRef;
  replicas: number;
  minReplicas: number;
  maxReplicas: number;
  requests: { cpuCores: number; memoryGiB: number };
  /** Replicas running, hourly mean (the node-pool rule counts the workload's pods hour by hour). */
  replicasHourly?: TPoint[];
  /** Per-pod hourly CPU (cores) and memory (GiB) usage. */
  cpuCores?: TPoint[];
  memoryGiB?: TPoint[];
  /** Requests per second served by the workload, hourly mean. */
  requestsPerSecond?: TPoint[];
  /** Requests per second one pod serves at its target utilisation (load tests or the plan's coefficient). */
  rpsPerPod?: number;
  /** The plan of record's peak requests per second for this workload over its horizon. */
  planPeakRps?: number;
  /** The node group whose EC2 nodes its pods run on: smaller requests save money only as fewer nodes, which that group's recommendation prices. */
  nodePool?: string;
  /** Price of one vCPU-hour and one GiB-hour of requests (Fargate, or a node's price split by its shape). */
  prices?: { vcpuHour: string; gibHour: string };
  currency: string;
};

/** Kubernetes nodes of one instance type that the listed workloads' pods are scheduled on. */
export type TNodePoolFacts = {
  resource: TResourceRef;
  instanceType: string;
  /** Nodes at the latest sample. */
  nodes: number;
  /** The autoscaling group's floor (one node per availability zone, typically). */
  minNodes: number;
  /** Ids of the workloads (TWorkloadFacts.resource.id) whose pods run here. */
  workloadIds: string[];
  /** Hourly mean of the nodes the pool ran (the cluster autoscaler moves it with the requests). */
  nodesHourly?: TPoint[];
  /** Hourly requests of every pod on the pool's nodes: the inventory's workloads and the others (system, auxiliary). */
  requestedCpuCores?: TPoint[];
  requestedMemoryGiB?: TPoint[];
  /** Hourly allocatable CPU and memory of all the pool's nodes together (what the scheduler can place). */
  allocatableCpuCores?: TPoint[];
  allocatableMemoryGiB?: TPoint[];
};

export type TCdnFacts = {
  resource: TResourceRef;
  /** Daily: bytes served from cache ÷ bytes served, 0..1. */
  cacheHitRatio?: TPoint[];
  /** Price of one GB fetched from the origin (its data transfer out). */
  originEgressPrice?: string;
  /** GB delivered to viewers and requests served, each point its period's total (an hour, or a day for Cloudflare's daily analytics). */
  servedGB?: TPoint[];
  servedRequests?: TPoint[];
  /** The plan the inventory names ('Business'), when the bill does not say. */
  plan?: string;
  /** The CDN's own bill (usage-level rows for this resource), amounts in `currency`. */
  bill?: TCdnBillLine[];
  currency: string;
};

/** One usage-level bill row of a CDN resource: a day (or a billing period starting that day) of one SKU. */
export type TCdnBillLine = {
  /** Start of the row's day (or of its billing period), epoch milliseconds (UTC). */
  t: number;
  service: string;
  sku: string | null;
  description: string | null;
  /** FOCUS ChargeCategory: 'Usage' for metered rows, 'Purchase' for subscriptions billed in advance. */
  chargeCategory: string;
  unit: string | null;
  quantity: number;
  cost: number;
};

export type TBucketFacts = {
  resource: TResourceRef;
  storageClassGB?: { standard: number; infrequent: number; archive: number };
  /** Standard GB by object age: older than 30 and older than 90 days. */
  standardAgeGB?: { over30Days: number; over90Days: number };
  /** Share of Standard bytes (over 30 days old) in objects smaller than 128 KB, 0..1. */
  smallObjectShare?: number;
  /** Objects' typical lifetime before deletion, days (null: kept). */
  typicalLifetimeDays?: number | null;
  /** GB read back per month from objects older than 30 days. */
  coldReadsGBPerMonth?: number;
  /** Prices per GB-month: standard, infrequent access, archive (Glacier Instant Retrieval). */
  prices?: { standard: string; infrequent: string; archive: string };
  currency: string;
};

export type TCapacityFacts = {
  resource: TResourceRef;
  metric: string;
  unit: string;
  capacity: number;
  /** Daily usage. */
  usage?: TPoint[];
  /** The plan of record's projected usage multiplier per month from now (month 0 = now). */
  planMultipliers?: number[];
};

/** The eligible usage of one commitment instrument and what the plan says about it. */
export type TCommitmentPoolFacts = {
  resource: TResourceRef;
  instrument: string;
  /** 'spend': baseline in on-demand money per hour (Savings Plans); 'count': instances or nodes per hour. */
  measure: 'spend' | 'count';
  /** On-demand price of one unit of the measure per hour ('1' for spend). */
  unitPrice: string;
  currency: string;
  /** Eligible on-demand usage per hour, existing commitments already taken off. */
  baseline?: TPoint[];
  /** Share of the baseline's cost shaped by hourly instance counts (the rest: the daily bill spread over its hours), 0..1. */
  baselineHourlyShare?: number;
  /** Monthly multipliers on today's level over the term, from the plan of record. */
  projection?: TMonthlyProjection;
  terms?: TCommitmentTerm[];
  /** Days of baseline the plan reads before now (7, 30, 60 or 90; 30 when absent). */
  lookbackDays?: number;
  /** The provider's own recommendation (AWS's from its stored insight), in the measure's units, for comparison. */
  providerRecommendation?: { level: number; lookbackDays: number };
};

export type TPaymentOption = 'no-upfront' | 'partial-upfront' | 'all-upfront';
export type TCommitmentTerm = { termMonths: 12 | 36; payment: TPaymentOption; discount: number; upfrontShare: number };

/** Either per-month P10/P50/P90 multipliers, or sample paths (each a multiplier per month). */
export type TMonthlyProjection =
  | { kind: 'quantiles'; months: { p10: number; p50: number; p90: number }[] }
  | { kind: 'paths'; paths: number[][] };

export type TFacts = {
  atlasClusters?: TAtlasClusterFacts[];
  redis?: TRedisFacts[];
  workloads?: TWorkloadFacts[];
  nodePools?: TNodePoolFacts[];
  cdn?: TCdnFacts[];
  buckets?: TBucketFacts[];
  capacities?: TCapacityFacts[];
  commitmentPools?: TCommitmentPoolFacts[];
  prices?: TPriceCatalogue;
  /** Thresholds the organisation changed in settings; the rest keep their defaults. */
  thresholds?: Partial<TThresholds>;
};
export type TFactKey = keyof TFacts;

/** Per resource: what the rule recommends (possibly nothing), or which of its facts were missing. */
export type TRuleOutcome =
  | { resource: TResourceRef | null; recommendations: TRecommendation[] }
  | { resource: TResourceRef | null; missing: string[] };

export type TRule = {
  id: string;
  version: number;
  kind: TRecommendationKind;
  /** The fact collections the rule reads; the engine gathers these and no others. */
  needs: TFactKey[];
  evaluate(facts: TFacts, now: Date): TRuleOutcome[];
};
