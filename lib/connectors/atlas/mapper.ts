// Pure mapping of Atlas payloads to FOCUS rows, resources and samples.
import type { TFocusRecord, TResourceInput, TSampleInput } from '../../focus/types';
import { centsToDecimal, numberToDecimal } from '../../money/decimal';
import type { TFetchWindow } from '../types';
import type { TAtlasCluster, TAtlasInvoice, TAtlasLineItem, TAtlasMeasurements, TAtlasProcess } from './api-types';
import { atlasTier, GIB, wiredTigerCacheBytes } from './tiers';

export const ATLAS_PROVIDER = 'atlas';
export const ATLAS_PROVIDER_NAME = 'MongoDB Atlas';

export function clusterExternalId(groupId: string, clusterName: string): string {
  return `${groupId}/${clusterName}`;
}

type TService = { serviceName: string; serviceCategory: string };

// The SKU family names the service, as Atlas groups its invoice (and its skuServices filter) does.
const SKU_FAMILIES: Array<[RegExp, TService]> = [
  [/CREDIT/, { serviceName: 'Credits', serviceCategory: 'Other' }],
  [/SEARCH/, { serviceName: 'Atlas Search', serviceCategory: 'Databases' }],
  [/SERVERLESS/, { serviceName: 'Serverless Instances', serviceCategory: 'Databases' }],
  [/FLEX/, { serviceName: 'Flex Clusters', serviceCategory: 'Databases' }],
  [/BACKUP|SNAPSHOT|PIT_RESTORE|RESTORE/, { serviceName: 'Backup', serviceCategory: 'Storage' }],
  [/DATA_TRANSFER|PRIVATE_ENDPOINT|PRIVATELINK/, { serviceName: 'Data Transfer', serviceCategory: 'Networking' }],
  [/BI_CONNECTOR/, { serviceName: 'BI Connector', serviceCategory: 'Analytics' }],
  [/DATA_LAKE|DATA_FEDERATION|ONLINE_ARCHIVE/, { serviceName: 'Atlas Data Federation', serviceCategory: 'Analytics' }],
  [/STREAM_PROCESSING/, { serviceName: 'Atlas Stream Processing', serviceCategory: 'Analytics' }],
  [/REALM|STITCH|APP_SERVICES/, { serviceName: 'App Services', serviceCategory: 'Developer Tools' }],
  [/CHARTS/, { serviceName: 'Charts', serviceCategory: 'Analytics' }],
  [/ADVANCED_SECURITY|AUDITING|ENCRYPTION|LDAP/, { serviceName: 'Premium Features', serviceCategory: 'Security' }],
  [/SUPPORT|ENTITLEMENT/, { serviceName: 'Support', serviceCategory: 'Other' }],
  [/MMS|CLOUD_MANAGER/, { serviceName: 'Cloud Manager', serviceCategory: 'Management and Governance' }],
  [/STORAGE|IOPS|DISK/, { serviceName: 'Storage', serviceCategory: 'Storage' }],
  [/INSTANCE|NDS_.*_M\d+/, { serviceName: 'Clusters', serviceCategory: 'Databases' }],
];

export function skuService(sku: string): TService {
  const upper = sku.toUpperCase();
  for (const [re, service] of SKU_FAMILIES) if (re.test(upper)) return service;
  return { serviceName: 'Other', serviceCategory: 'Other' };
}

export type TInvoiceContext = {
  orgId: string;
  orgName?: string | null;
  window: TFetchWindow;
  projectNames: ReadonlyMap<string, string>;
  // cluster external id → region, from the inventory, so cost rows carry the cluster's region
  clusterRegions?: ReadonlyMap<string, string>;
};

const inWindow = (d: Date, w: TFetchWindow) => d >= w.from && d < w.to;

function flattenTags(tags: TAtlasLineItem['tags']): Record<string, string> | null {
  if (!tags) return null;
  const entries = Object.entries(tags).map(([k, v]) => [k, v.join(',')] as const);
  return entries.length ? Object.fromEntries(entries) : null;
}

function baseRow(invoice: TAtlasInvoice, ctx: TInvoiceContext) {
  return {
    billingCurrency: 'USD',
    billingAccountId: ctx.orgId,
    billingAccountName: ctx.orgName ?? null,
    billingPeriodStart: invoice.startDate,
    billingPeriodEnd: invoice.endDate,
    providerName: ATLAS_PROVIDER_NAME,
    publisherName: 'MongoDB',
    invoiceIssuerName: 'MongoDB',
    // a pending invoice keeps changing until it closes
    isEstimated: invoice.statusName === 'PENDING',
  };
}

export function mapLineItem(item: TAtlasLineItem, invoice: TAtlasInvoice, ctx: TInvoiceContext): TFocusRecord {
  const { serviceName, serviceCategory } = skuService(item.sku);
  const isCredit = item.totalPriceCents < 0;
  const discount = item.discountCents ?? 0;
  // totalPriceCents is unitPriceDollars × quantity × 100, before the discount
  const billed = centsToDecimal(item.totalPriceCents - discount);
  const list = isCredit ? '0.00' : centsToDecimal(item.totalPriceCents);
  const groupId = item.groupId ?? null;
  const resourceId =
    groupId && item.clusterName
      ? clusterExternalId(groupId, item.clusterName)
      : groupId && item.stitchAppName
        ? `${groupId}/app/${item.stitchAppName}`
        : null;
  const quantity = item.quantity != null ? numberToDecimal(item.quantity) : null;
  return {
    ...baseRow(invoice, ctx),
    billedCost: billed,
    effectiveCost: billed,
    listCost: list,
    contractedCost: billed,
    subAccountId: groupId,
    subAccountName: item.groupName ?? (groupId ? (ctx.projectNames.get(groupId) ?? null) : null),
    chargePeriodStart: item.startDate,
    chargePeriodEnd: item.endDate,
    chargeCategory: isCredit ? 'Credit' : 'Usage',
    chargeDescription: item.note ?? item.sku,
    chargeFrequency: 'Usage-Based',
    serviceName,
    serviceCategory,
    regionId: resourceId ? (ctx.clusterRegions?.get(resourceId) ?? null) : null,
    resourceId,
    resourceName: item.clusterName ?? item.stitchAppName ?? null,
    resourceType: item.clusterName ? 'cluster' : item.stitchAppName ? 'app' : null,
    skuId: item.sku,
    pricingCategory: 'Standard',
    pricingQuantity: quantity,
    pricingUnit: item.unit ?? null,
    listUnitPrice: item.unitPriceDollars != null ? numberToDecimal(item.unitPriceDollars) : null,
    consumedQuantity: quantity,
    consumedUnit: item.unit ?? null,
    tags: flattenTags(item.tags),
  };
}

// Invoice lines within the window, plus the invoice's sales tax and any credit not already carried
// by negative lines, as rows of their own over the invoice's period.
export function mapInvoice(invoice: TAtlasInvoice, ctx: TInvoiceContext): TFocusRecord[] {
  const rows = invoice.lineItems
    .filter((item) => inWindow(item.startDate, ctx.window))
    .map((item) => mapLineItem(item, invoice, ctx));
  if (!inWindow(invoice.startDate, ctx.window)) return rows;

  const invoiceRow = (category: 'Tax' | 'Credit', cents: number, description: string): TFocusRecord => {
    const amount = centsToDecimal(cents);
    return {
      ...baseRow(invoice, ctx),
      billedCost: amount,
      effectiveCost: amount,
      listCost: category === 'Tax' ? amount : '0.00',
      contractedCost: amount,
      chargePeriodStart: invoice.startDate,
      chargePeriodEnd: invoice.endDate,
      chargeCategory: category,
      chargeDescription: description,
      chargeFrequency: 'One-Time',
      serviceName: category === 'Tax' ? 'Tax' : 'Credits',
      serviceCategory: 'Other',
      resourceId: `invoice/${invoice.id}`,
      resourceType: 'invoice',
    };
  };
  const tax = invoice.salesTaxCents ?? 0;
  if (tax !== 0) rows.push(invoiceRow('Tax', tax, 'Sales tax'));
  const lineCredits = invoice.lineItems.reduce((sum, i) => sum + Math.max(0, -i.totalPriceCents), 0);
  const extraCredit = (invoice.creditsCents ?? 0) - lineCredits;
  if (extraCredit > 0) rows.push(invoiceRow('Credit', -extraCredit, 'Credits applied to the invoice'));
  return rows;
}

function regionConfigs(cluster: TAtlasCluster) {
  return cluster.replicationSpecs.flatMap((spec) => spec.regionConfigs);
}

// The highest-priority region holds the primary: it names the cluster's region and tier.
export function primaryRegion(cluster: TAtlasCluster) {
  return [...regionConfigs(cluster)].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))[0] ?? null;
}

export function mapCluster(cluster: TAtlasCluster, project: { id: string; name: string }): TResourceInput {
  const primary = primaryRegion(cluster);
  const instanceSize = primary?.electableSpecs?.instanceSize ?? null;
  const tier = atlasTier(instanceSize);
  const diskSizeGB = cluster.diskSizeGB ?? primary?.electableSpecs?.diskSizeGB ?? null;
  const shards = cluster.replicationSpecs.reduce((n, spec) => n + (spec.numShards ?? 1), 0);
  const nodeCount = cluster.replicationSpecs.reduce((n, spec) => {
    const perShard = spec.regionConfigs.reduce(
      (m, rc) =>
        m + (rc.electableSpecs?.nodeCount ?? 0) + (rc.readOnlySpecs?.nodeCount ?? 0) + (rc.analyticsSpecs?.nodeCount ?? 0),
      0,
    );
    return n + perShard * (spec.numShards ?? 1);
  }, 0);
  const cloud =
    primary && ['TENANT', 'FLEX', 'SERVERLESS'].includes(primary.providerName)
      ? (primary.backingProviderName ?? primary.providerName)
      : (primary?.providerName ?? null);

  // per node: samples are the fullest node's figures, so capacity is one node's
  const capacity: Record<string, number> = { cpu_percent: 100 };
  if (tier) {
    const memory = tier.memoryGiB * GIB;
    capacity.memory_used_bytes = memory;
    capacity.cache_used_bytes = wiredTigerCacheBytes(memory);
    capacity.connections = tier.maxConnections;
  }
  if (diskSizeGB) capacity.disk_used_bytes = Math.round(diskSizeGB * GIB);

  return {
    provider: ATLAS_PROVIDER,
    kind: 'database',
    externalId: clusterExternalId(project.id, cluster.name),
    name: cluster.name,
    region: primary?.regionName ?? null,
    size: instanceSize,
    capacity,
    attributes: {
      clusterId: cluster.id ?? null,
      projectId: project.id,
      projectName: project.name,
      clusterType: cluster.clusterType ?? null,
      cloudProvider: cloud,
      regions: [...new Set(regionConfigs(cluster).map((rc) => rc.regionName))],
      nodeCount,
      shards,
      diskSizeGB,
      vcpus: tier?.vcpus ?? null,
      memoryBytes: tier ? tier.memoryGiB * GIB : null,
      mongoDBVersion: cluster.mongoDBVersion ?? null,
      state: cluster.stateName ?? null,
      paused: cluster.paused ?? false,
    },
  };
}

// The hosts named in the cluster's connection string: processes carry the same name in userAlias.
function connectionHosts(cluster: TAtlasCluster): Set<string> {
  const hosts = new Set<string>();
  const standard = cluster.connectionStrings?.standard;
  if (standard) {
    const list = standard.replace(/^mongodb(\+srv)?:\/\//, '').split('/')[0].split('@').pop() ?? '';
    for (const hostPort of list.split(',')) if (hostPort) hosts.add(hostPort.split(':')[0].toLowerCase());
  }
  return hosts;
}

export function processBelongsTo(process: TAtlasProcess, cluster: TAtlasCluster): boolean {
  const names = [process.userAlias, process.hostname].filter(Boolean).map((h) => String(h).toLowerCase());
  const hosts = connectionHosts(cluster);
  if (hosts.size) return names.some((n) => hosts.has(n));
  const prefix = `${cluster.name.toLowerCase()}-shard-`;
  return names.some((n) => n.startsWith(prefix));
}

// Processes whose measurements describe the data-bearing nodes (not mongos or config servers).
export function isDataProcess(process: TAtlasProcess): boolean {
  return ['REPLICA_PRIMARY', 'REPLICA_SECONDARY', 'STANDALONE'].includes(process.typeName);
}

export const ATLAS_PROCESS_MEASUREMENTS = [
  'SYSTEM_NORMALIZED_CPU_USER',
  'SYSTEM_NORMALIZED_CPU_KERNEL',
  'MEMORY_RESIDENT',
  'CACHE_USED_BYTES',
  'CONNECTIONS',
  'OPCOUNTER_CMD',
  'OPCOUNTER_QUERY',
  'OPCOUNTER_INSERT',
  'OPCOUNTER_UPDATE',
  'OPCOUNTER_DELETE',
  'OPCOUNTER_GETMORE',
] as const;

export const ATLAS_DISK_MEASUREMENTS = ['DISK_PARTITION_SPACE_USED', 'DISK_PARTITION_IOPS_READ', 'DISK_PARTITION_IOPS_WRITE'] as const;

const UNIT_BYTES: Record<string, number> = { BYTES: 1, KILOBYTES: 1024, MEGABYTES: 1024 ** 2, GIGABYTES: 1024 ** 3 };

// How each sample is built from one node's measurements, and how nodes combine into the cluster's
// figure: the fullest node bounds capacity (max); operations add up across nodes (sum).
const SAMPLE_SPECS: Array<{ metric: string; unit: string; from: string[]; across: 'max' | 'sum' }> = [
  { metric: 'cpu_percent', unit: 'percent', from: ['SYSTEM_NORMALIZED_CPU_USER', 'SYSTEM_NORMALIZED_CPU_KERNEL'], across: 'max' },
  { metric: 'memory_used_bytes', unit: 'bytes', from: ['MEMORY_RESIDENT'], across: 'max' },
  { metric: 'cache_used_bytes', unit: 'bytes', from: ['CACHE_USED_BYTES'], across: 'max' },
  { metric: 'connections', unit: 'count', from: ['CONNECTIONS'], across: 'max' },
  {
    metric: 'ops_per_sec',
    unit: 'ops/s',
    from: ['OPCOUNTER_CMD', 'OPCOUNTER_QUERY', 'OPCOUNTER_INSERT', 'OPCOUNTER_UPDATE', 'OPCOUNTER_DELETE', 'OPCOUNTER_GETMORE'],
    across: 'sum',
  },
  { metric: 'disk_used_bytes', unit: 'bytes', from: ['DISK_PARTITION_SPACE_USED'], across: 'max' },
  { metric: 'iops', unit: 'iops', from: ['DISK_PARTITION_IOPS_READ', 'DISK_PARTITION_IOPS_WRITE'], across: 'max' },
];

// One node's measurements (process and disk answers together) → metric → timestamp → value.
function nodeSeries(answers: TAtlasMeasurements[]): Map<string, Map<number, number>> {
  const byName = new Map<string, Map<number, number>>();
  for (const answer of answers) {
    for (const m of answer.measurements) {
      const factor = UNIT_BYTES[m.units.toUpperCase()] ?? 1;
      const series = byName.get(m.name) ?? new Map<number, number>();
      for (const point of m.dataPoints) if (point.value !== null) series.set(point.timestamp.getTime(), point.value * factor);
      byName.set(m.name, series);
    }
  }
  const out = new Map<string, Map<number, number>>();
  for (const spec of SAMPLE_SPECS) {
    const parts = spec.from.map((name) => byName.get(name)).filter((s): s is Map<number, number> => !!s);
    if (!parts.length) continue;
    const combined = new Map<number, number>();
    for (const part of parts) for (const [ts, v] of part) combined.set(ts, (combined.get(ts) ?? 0) + v);
    out.set(spec.metric, combined);
  }
  return out;
}

// Hourly samples for one cluster from the measurements of each of its nodes.
export function mapMeasurements(resourceExternalId: string, nodes: TAtlasMeasurements[][]): TSampleInput[] {
  const perNode = nodes.map(nodeSeries);
  const samples: TSampleInput[] = [];
  for (const spec of SAMPLE_SPECS) {
    const merged = new Map<number, number>();
    for (const node of perNode) {
      for (const [ts, v] of node.get(spec.metric) ?? []) {
        const prev = merged.get(ts);
        merged.set(ts, prev === undefined ? v : spec.across === 'sum' ? prev + v : Math.max(prev, v));
      }
    }
    for (const [ts, value] of [...merged].sort((a, b) => a[0] - b[0])) {
      samples.push({ provider: ATLAS_PROVIDER, resourceExternalId, metric: spec.metric, unit: spec.unit, ts: new Date(ts), value });
    }
  }
  return samples;
}
