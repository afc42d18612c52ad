// Named coefficients of the capacity model: each a documented range with its source or rationale.
import { z } from 'zod';
import type { TResourceClass } from './types';

export type TCoefficientDef = {
  label: string;
  unit: string;
  low: number;
  likely: number;
  high: number;
  /** Rounded to the nearest integer wherever it is used (pod and node minimums). */
  integer?: boolean;
  resourceClass: TResourceClass;
  description: string;
  source: string;
};

const d = (def: TCoefficientDef) => def;

export const COEFFICIENTS = {
  // application
  rpsPerPod: d({
    label: 'Requests per second per pod', unit: 'req/s per pod', low: 20, likely: 40, high: 80, resourceClass: 'application',
    description: 'Sustained API requests one pod serves at its CPU request without breaching latency targets.',
    source: 'Typical Node.js/JVM API pod at 0.5 vCPU doing geo queries against MongoDB and Redis: 20–80 req/s. Replace with calibration (request rate ÷ CPU at target utilisation) once metrics exist.',
  }),
  headroom: d({
    label: 'Capacity headroom', unit: 'share', low: 0.2, likely: 0.3, high: 0.5, resourceClass: 'application',
    description: 'Spare capacity above the peak so the HPA has time to react and a zone can fail.',
    source: 'Common HPA practice: target 60–80% CPU, i.e. 25–65% headroom over the measured peak.',
  }),
  minPodsPerRegion: d({
    label: 'Minimum main pods per region', unit: 'pods/region', low: 2, likely: 2, high: 3, integer: true, resourceClass: 'application',
    description: 'Pods kept in every serving region whatever the load, for availability across zones.',
    source: 'Two replicas across two availability zones is the usual floor; three for zone-plus-deploy safety.',
  }),
  auxiliaryPods: d({
    label: 'Auxiliary service pods', unit: 'pods', low: 4, likely: 4, high: 8, integer: true, resourceClass: 'application',
    description: 'Pods of auxiliary services (weather import, tile generation, admin, jobs), run in the primary region.',
    source: 'The plan: "4+ pods/conteneurs pour les services auxiliaires".',
  }),
  podCpu: d({
    label: 'Pod CPU request', unit: 'vCPU', low: 0.25, likely: 0.5, high: 1, resourceClass: 'application',
    description: 'CPU requested by one pod; the scheduler packs nodes on requests.',
    source: 'Usual request for a stateless API container; to be read from the deployment manifests.',
  }),
  podMemoryGiB: d({
    label: 'Pod memory request', unit: 'GiB', low: 0.5, likely: 1, high: 2, resourceClass: 'application',
    description: 'Memory requested by one pod.',
    source: 'Usual request for a Node.js/JVM API container; to be read from the deployment manifests.',
  }),
  nodeAllocatableShare: d({
    label: 'Allocatable share of a node', unit: 'share', low: 0.8, likely: 0.88, high: 0.92, resourceClass: 'application',
    description: 'Share of a node’s CPU and memory left for pods after kubelet, system reservations and DaemonSets.',
    source: 'EKS reserves ~6–10% of CPU and memory on small nodes; DaemonSets (CNI, logging, metrics) take a few % more.',
  }),
  minNodesPerRegion: d({
    label: 'Minimum nodes per region', unit: 'nodes/region', low: 2, likely: 2, high: 3, integer: true, resourceClass: 'application',
    description: 'Worker nodes kept per regional cluster for availability (one per zone).',
    source: 'Two zones minimum per regional cluster.',
  }),
  albLcuPerRegion: d({
    label: 'Load balancer capacity units per region', unit: 'LCU', low: 1, likely: 2, high: 5, resourceClass: 'application',
    description: 'Average ALB capacity units (connections, requests, bytes) used per regional load balancer.',
    source: 'One LCU covers 25 new connections/s or 1 GB/h; a few hundred req/s spread over regions uses 1–5.',
  }),
  // MongoDB Atlas
  bytesPerCol: d({
    label: 'Bytes per col', unit: 'bytes', low: 20e3, likely: 50e3, high: 200e3, resourceClass: 'atlas',
    description: 'Stored size of one col document: description, elevation profile, photos metadata, geo index keys.',
    source: 'Estimate: a profile of a few hundred points plus text; calibrate from db.stats() of today’s 500 cols.',
  }),
  bytesPerRoute: d({
    label: 'Bytes per predefined route', unit: 'bytes', low: 30e3, likely: 100e3, high: 300e3, resourceClass: 'atlas',
    description: 'Stored size of one route: a GeoJSON track (~10k points for 100 km), waypoints, metadata.',
    source: 'Estimate: 100 km sampled every 10 m ≈ 10,000 points × ~10 bytes after WiredTiger compression, plus metadata.',
  }),
  bytesPerUser: d({
    label: 'Bytes per registered user', unit: 'bytes', low: 10e3, likely: 50e3, high: 200e3, resourceClass: 'atlas',
    description: 'Personal data per registered user: profile, favourites, recorded rides (most users have few).',
    source: 'Estimate: a few KB of profile for most users, recorded rides for the active minority; calibrate from the Atlas data size ÷ user count.',
  }),
  weatherGBPerCountry: d({
    label: 'Weather data per country', unit: 'GB', low: 0.2, likely: 0.5, high: 2, resourceClass: 'atlas',
    description: 'Forecast grids and history kept per country of coverage.',
    source: 'Estimate: a mid-size country on a ~2.5 km grid is ~90k points; 48 hourly steps × 10 variables of the latest run plus daily summaries for 90 days ≈ 0.5 GB.',
  }),
  indexOverhead: d({
    label: 'Index overhead', unit: 'share of data', low: 0.1, likely: 0.15, high: 0.3, resourceClass: 'atlas',
    description: 'Index size relative to data size (2dsphere and user indexes).',
    source: 'Large documents with few indexes: 10–40% is typical.',
  }),
  workingSetShare: d({
    label: 'Working-set share of data', unit: 'share', low: 0.05, likely: 0.1, high: 0.2, resourceClass: 'atlas',
    description: 'Share of the documents read often enough to need RAM (indexes are counted in full on top).',
    source: 'Weather history and old rides are cold; popular routes and cols are hot. MongoDB guidance: indexes plus hot documents in RAM.',
  }),
  ramUsableShare: d({
    label: 'RAM share usable for the working set', unit: 'share', low: 0.5, likely: 0.6, high: 0.75, resourceClass: 'atlas',
    description: 'Share of a node’s RAM that holds the working set (WiredTiger cache plus file-system cache).',
    source: 'Atlas gives WiredTiger 50% of RAM on M40+ (25% on M30 and below); the OS cache holds compressed pages too.',
  }),
  storageGrowthMargin: d({
    label: 'Storage growth margin', unit: '×', low: 1.3, likely: 1.5, high: 2, resourceClass: 'atlas',
    description: 'Disk provisioned over today’s data: a year of growth plus free space for compaction.',
    source: 'Atlas auto-scales storage at 90% full; keep ≥ 30% free plus growth.',
  }),
  iopsPerRequest: d({
    label: 'Disk IOPS per API request at peak', unit: 'IOPS per req/s', low: 0.2, likely: 0.5, high: 2, resourceClass: 'atlas',
    description: 'Disk operations per API request after Redis and the WiredTiger cache.',
    source: 'Estimate: most reads hit caches; writes (rides, favourites) and cold weather reads touch disk.',
  }),
  dbOpsPerRequest: d({
    label: 'Database operations per API request', unit: 'ops', low: 2, likely: 3, high: 6, resourceClass: 'atlas',
    description: 'MongoDB operations one API request causes (after Redis).',
    source: 'Estimate from typical route/col pages: a geo query, a lookup, a write of an event.',
  }),
  dbOpsPerVcpu: d({
    label: 'Database operations per vCPU', unit: 'ops/s per vCPU', low: 400, likely: 800, high: 1500, resourceClass: 'atlas',
    description: 'Operations per second one vCPU of the primary sustains at a comfortable 60% utilisation.',
    source: 'Estimate for indexed geo queries on WiredTiger; calibrate from Atlas metrics.',
  }),
  backupCompression: d({
    label: 'Backup size ÷ data size', unit: 'share', low: 0.3, likely: 0.5, high: 0.7, resourceClass: 'atlas',
    description: 'Snapshot size relative to the uncompressed data.',
    source: 'WiredTiger snappy/zstd compression of JSON-like documents: 2–3×.',
  }),
  dailyChangeRate: d({
    label: 'Daily change rate', unit: 'share/day', low: 0.01, likely: 0.02, high: 0.05, resourceClass: 'atlas',
    description: 'Share of the data rewritten per day, kept by incremental snapshots and the oplog.',
    source: 'Weather refreshes dominate: 1–5% of the data a day.',
  }),
  // Redis
  redisHotShare: d({
    label: 'Cached share of the database', unit: 'share', low: 0.02, likely: 0.05, high: 0.1, resourceClass: 'redis',
    description: 'Share of the MongoDB data (API responses, route and col lookups, current weather) kept in Redis.',
    source: 'Estimate: cache the hot part of the working set and current-weather tiles.',
  }),
  sessionBytes: d({
    label: 'Session size', unit: 'bytes', low: 4e3, likely: 16e3, high: 64e3, resourceClass: 'redis',
    description: 'Stored session and per-user state (tokens, current route planning) per concurrent user.',
    source: 'Estimate: a few KB of session plus route-planning state.',
  }),
  concurrentShare: d({
    label: 'Concurrent share of monthly active users', unit: 'share', low: 0.01, likely: 0.03, high: 0.06, resourceClass: 'redis',
    description: 'Monthly active users online at the same time at the busiest hour.',
    source: 'Consumer apps: 1–6% of MAU concurrent at peak (weekend mornings for cycling).',
  }),
  redisReplication: d({
    label: 'Redis replication factor', unit: 'copies', low: 2, likely: 2, high: 2, integer: true, resourceClass: 'redis',
    description: 'Copies of each shard (primary plus replicas).',
    source: 'The plan: "Réplication automatique" — one replica per primary.',
  }),
  redisFillFactor: d({
    label: 'Redis fill factor', unit: 'share', low: 0.5, likely: 0.65, high: 0.8, resourceClass: 'redis',
    description: 'Share of node memory used by data, leaving room for fragmentation, fork on persistence and growth.',
    source: 'Redis with persistence (fork copy-on-write) should stay below ~65–75% of memory.',
  }),
  // CDN
  cacheHitRatio: d({
    label: 'CDN cache hit ratio', unit: 'share', low: 0.85, likely: 0.92, high: 0.97, resourceClass: 'cdn',
    description: 'Share of CDN bytes served from the edge without going to the origin.',
    source: 'Map tiles and static assets cache well; API responses less so.',
  }),
  bytesPerRequest: d({
    label: 'Average CDN object size', unit: 'bytes', low: 20e3, likely: 50e3, high: 120e3, resourceClass: 'cdn',
    description: 'Average bytes per CDN request (map tiles, images, scripts).',
    source: 'Vector/raster map tiles are 10–100 KB; images larger.',
  }),
  // object storage
  standardShare: d({
    label: 'Topographic data in Standard class', unit: 'share', low: 0.2, likely: 0.3, high: 0.5, resourceClass: 'objectStorage',
    description: 'Share of topographic data read often (tiles of popular areas) kept in the Standard class.',
    source: 'Estimate; S3 Storage Lens access patterns will tell.',
  }),
  archiveShare: d({
    label: 'Topographic data in archive class', unit: 'share', low: 0.1, likely: 0.2, high: 0.4, resourceClass: 'objectStorage',
    description: 'Share kept in Glacier Instant Retrieval / Coldline (raw DEM sources, old versions); the rest is infrequent access.',
    source: 'Estimate.',
  }),
  userFileBytesPerUser: d({
    label: 'User files per registered user', unit: 'bytes', low: 0.5e6, likely: 2e6, high: 10e6, resourceClass: 'objectStorage',
    description: 'Uploaded files per user (GPX, photos).',
    source: 'Estimate: a few GPX files and photos; most users upload little.',
  }),
  replicatedShare: d({
    label: 'Share replicated to a second region', unit: 'share', low: 0.2, likely: 0.4, high: 1, resourceClass: 'objectStorage',
    description: 'Critical data copied to a second region for disaster recovery.',
    source: 'The plan: "Réplication multi-région pour les données critiques".',
  }),
  monthlyChurn: d({
    label: 'Monthly object churn', unit: 'share/month', low: 0.02, likely: 0.05, high: 0.1, resourceClass: 'objectStorage',
    description: 'Share of replicated bytes written or rewritten each month (and so transferred to the replica).',
    source: 'Estimate: topographic data changes rarely; user files grow steadily.',
  }),
  objectRequestsPerUser: d({
    label: 'Object reads per active user', unit: 'requests/month', low: 5, likely: 20, high: 60, resourceClass: 'objectStorage',
    description: 'Direct object reads (GPX downloads, photos) per monthly active user, besides CDN origin fetches.',
    source: 'Estimate.',
  }),
  objectWritesPerUser: d({
    label: 'Object writes per active user', unit: 'requests/month', low: 1, likely: 3, high: 10, resourceClass: 'objectStorage',
    description: 'Uploads per monthly active user.',
    source: 'Estimate.',
  }),
  // monitoring
  seriesPerHost: d({
    label: 'Metric series per host', unit: 'series', low: 500, likely: 1000, high: 2500, resourceClass: 'monitoring',
    description: 'Active Prometheus series per node or database host (node exporter, kubelet, cAdvisor, mongodb exporter).',
    source: 'node_exporter ~500–1,000 series; kubelet/cAdvisor add several hundred per node.',
  }),
  seriesPerPod: d({
    label: 'Metric series per pod', unit: 'series', low: 100, likely: 300, high: 600, resourceClass: 'monitoring',
    description: 'Application and container series per pod (HTTP histograms per route dominate).',
    source: 'A few histograms × routes × status codes.',
  }),
  logGBPerMillionRequests: d({
    label: 'Log volume per million requests', unit: 'GB', low: 0.3, likely: 1, high: 3, resourceClass: 'monitoring',
    description: 'Log bytes ingested per million API requests (access log plus application logs).',
    source: 'A structured access line is ~0.5–1 KB; application logs add as much again.',
  }),
  onCallUsers: d({
    label: 'On-call users', unit: 'users', low: 3, likely: 5, high: 8, integer: true, resourceClass: 'monitoring',
    description: 'People in the PagerDuty rotation.',
    source: 'A rotation needs at least 3 people; the plan’s team size is not stated.',
  }),
} as const satisfies Record<string, TCoefficientDef>;

export type TCoefficientId = keyof typeof COEFFICIENTS;
export const COEFFICIENT_IDS = Object.keys(COEFFICIENTS) as TCoefficientId[];

export type TCoefficientRange = { low: number; likely: number; high: number };
export type TCoefficients = Record<TCoefficientId, TCoefficientRange>;
export type TCoefficientPoint = Record<TCoefficientId, number>;

const ZCoefficientRange = z
  .union([z.number().finite().nonnegative(), z.object({ low: z.number().finite().nonnegative(), likely: z.number().finite().nonnegative(), high: z.number().finite().nonnegative() })])
  .transform((v) => (typeof v === 'number' ? { low: v, likely: v, high: v } : v))
  .refine((r) => r.low <= r.likely && r.likely <= r.high, 'must satisfy low ≤ likely ≤ high');

/** Overrides of some coefficients (adopted calibrations, what-ifs), keyed by coefficient id. */
export const ZCoefficientOverrides = z.partialRecord(z.enum(COEFFICIENT_IDS as [TCoefficientId, ...TCoefficientId[]]), ZCoefficientRange);
export type TCoefficientOverrides = Partial<Record<TCoefficientId, TCoefficientRange | number>>;

export function defaultCoefficients(): TCoefficients {
  const out = {} as TCoefficients;
  for (const id of COEFFICIENT_IDS) {
    const c = COEFFICIENTS[id];
    out[id] = { low: c.low, likely: c.likely, high: c.high };
  }
  return out;
}

export function resolveCoefficients(overrides?: TCoefficientOverrides): TCoefficients {
  const out = defaultCoefficients();
  if (!overrides) return out;
  for (const id of COEFFICIENT_IDS) {
    const o = overrides[id];
    if (o === undefined) continue;
    out[id] = typeof o === 'number' ? { low: o, likely: o, high: o } : { ...o };
  }
  return out;
}
