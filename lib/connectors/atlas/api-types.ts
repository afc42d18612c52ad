// Zod schemas of the Atlas Administration API v2 payloads the connector reads (versioned media types
// application/vnd.atlas.2023-01-01+json, and 2024-08-05 for clusters). Unknown fields are ignored.
import { z } from 'zod';

const ZTimestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 timestamp')
  .transform((s) => new Date(s));

export const ZAtlasLink = z.object({ href: z.string().optional(), rel: z.string().optional() });

// Every list endpoint: results of the page, the total when includeCount is on, and RFC 5988 links.
export function zAtlasPage<T extends z.ZodType>(item: T) {
  return z.object({
    results: z.array(item),
    totalCount: z.number().int().nonnegative().optional(),
    links: z.array(ZAtlasLink).optional(),
  });
}

export const ZAtlasLineItem = z.object({
  sku: z.string(),
  totalPriceCents: z.number().int(),
  unitPriceDollars: z.number().nullish(),
  quantity: z.number().nullish(),
  unit: z.string().nullish(),
  clusterName: z.string().nullish(),
  groupId: z.string().nullish(),
  groupName: z.string().nullish(),
  startDate: ZTimestamp,
  endDate: ZTimestamp,
  discountCents: z.number().int().nullish(),
  percentDiscount: z.number().nullish(),
  note: z.string().nullish(),
  stitchAppName: z.string().nullish(),
  tags: z.record(z.string(), z.array(z.string())).nullish(),
});
export type TAtlasLineItem = z.infer<typeof ZAtlasLineItem>;

const invoiceFields = {
  id: z.string(),
  orgId: z.string().nullish(),
  startDate: ZTimestamp,
  endDate: ZTimestamp,
  statusName: z.string(),
  amountBilledCents: z.number().int().nullish(),
  creditsCents: z.number().int().nullish(),
  salesTaxCents: z.number().int().nullish(),
  subtotalCents: z.number().int().nullish(),
};

export const ZAtlasInvoiceMetadata = z.object(invoiceFields);
export type TAtlasInvoiceMetadata = z.infer<typeof ZAtlasInvoiceMetadata>;

export const ZAtlasInvoice = z.object({ ...invoiceFields, lineItems: z.array(ZAtlasLineItem).default([]) });
export type TAtlasInvoice = z.infer<typeof ZAtlasInvoice>;

export const ZAtlasProject = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string().nullish(),
  clusterCount: z.number().int().nullish(),
});
export type TAtlasProject = z.infer<typeof ZAtlasProject>;

const ZHardwareSpec = z.object({
  instanceSize: z.string().nullish(),
  nodeCount: z.number().int().nullish(),
  diskSizeGB: z.number().nullish(),
  diskIOPS: z.number().nullish(),
});

export const ZAtlasRegionConfig = z.object({
  providerName: z.string(),
  backingProviderName: z.string().nullish(),
  regionName: z.string(),
  priority: z.number().int().nullish(),
  electableSpecs: ZHardwareSpec.nullish(),
  readOnlySpecs: ZHardwareSpec.nullish(),
  analyticsSpecs: ZHardwareSpec.nullish(),
});

export const ZAtlasCluster = z.object({
  id: z.string().nullish(),
  name: z.string(),
  groupId: z.string().nullish(),
  clusterType: z.string().nullish(),
  mongoDBVersion: z.string().nullish(),
  stateName: z.string().nullish(),
  paused: z.boolean().nullish(),
  // 2023-01-01 puts the disk size on the cluster, 2024-08-05 on each hardware spec
  diskSizeGB: z.number().nullish(),
  connectionStrings: z.object({ standard: z.string().nullish(), standardSrv: z.string().nullish() }).nullish(),
  replicationSpecs: z
    .array(
      z.object({
        id: z.string().nullish(),
        zoneName: z.string().nullish(),
        // 2023-01-01 only; 2024-08-05 lists one replication spec per shard
        numShards: z.number().int().nullish(),
        regionConfigs: z.array(ZAtlasRegionConfig),
      }),
    )
    .default([]),
});
export type TAtlasCluster = z.infer<typeof ZAtlasCluster>;

export const ZAtlasProcess = z.object({
  id: z.string(),
  hostname: z.string(),
  port: z.number().int(),
  typeName: z.string(),
  userAlias: z.string().nullish(),
  replicaSetName: z.string().nullish(),
  shardName: z.string().nullish(),
  groupId: z.string().nullish(),
});
export type TAtlasProcess = z.infer<typeof ZAtlasProcess>;

export const ZAtlasMeasurements = z.object({
  processId: z.string().nullish(),
  granularity: z.string().nullish(),
  measurements: z.array(
    z.object({
      name: z.string(),
      units: z.string(),
      dataPoints: z.array(z.object({ timestamp: ZTimestamp, value: z.number().nullable() })),
    }),
  ),
});
export type TAtlasMeasurements = z.infer<typeof ZAtlasMeasurements>;

export const ZAtlasToken = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});
