// Zod schemas of the Redis Cloud REST API v1 payloads the connector reads: Pro and Essentials
// subscriptions, their databases, tasks, and the FOCUS cost report (JSON format).
import { z } from 'zod';
import { numberToDecimal } from '../../money/decimal';

export const ZRedisCloudPricing = z.object({
  type: z.string(),
  typeDetails: z.string().nullish(),
  quantity: z.number().nullish(),
  quantityMeasurement: z.string().nullish(),
  pricePerUnit: z.number().nullish(),
  priceCurrency: z.string().nullish(),
  pricePeriod: z.string().nullish(),
  region: z.string().nullish(),
});
export type TRedisCloudPricing = z.infer<typeof ZRedisCloudPricing>;

export const ZRedisCloudSubscription = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  memoryStorage: z.string().nullish(),
  numberOfDatabases: z.number().int().nullish(),
  deploymentType: z.string().nullish(),
  subscriptionPricing: z.array(ZRedisCloudPricing).nullish(),
  cloudDetails: z
    .array(
      z.object({
        provider: z.string().nullish(),
        totalSizeInGb: z.number().nullish(),
        regions: z.array(z.object({ region: z.string() })).nullish(),
      }),
    )
    .nullish(),
});
export type TRedisCloudSubscription = z.infer<typeof ZRedisCloudSubscription>;

export const ZRedisCloudSubscriptions = z.object({
  accountId: z.number().int().nullish(),
  subscriptions: z.array(ZRedisCloudSubscription),
});

export const ZRedisCloudFixedSubscription = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  planId: z.number().int().nullish(),
  planName: z.string().nullish(),
  size: z.number().nullish(),
  sizeMeasurementUnit: z.string().nullish(),
  provider: z.string().nullish(),
  region: z.string().nullish(),
  price: z.number().nullish(),
  pricePeriod: z.string().nullish(),
  priceCurrency: z.string().nullish(),
});
export type TRedisCloudFixedSubscription = z.infer<typeof ZRedisCloudFixedSubscription>;

export const ZRedisCloudFixedSubscriptions = z.object({
  accountId: z.number().int().nullish(),
  subscriptions: z.array(ZRedisCloudFixedSubscription),
});

export const ZRedisCloudDatabase = z.object({
  databaseId: z.number().int(),
  name: z.string(),
  protocol: z.string().nullish(),
  provider: z.string().nullish(),
  region: z.string().nullish(),
  status: z.string().nullish(),
  redisVersion: z.string().nullish(),
  redisVersionCompliance: z.string().nullish(),
  // Pro databases
  memoryLimitInGb: z.number().nullish(),
  datasetSizeInGb: z.number().nullish(),
  // Essentials databases
  planMemoryLimit: z.number().nullish(),
  memoryLimitMeasurementUnit: z.string().nullish(),
  memoryUsedInMb: z.number().nullish(),
  replication: z.boolean().nullish(),
  dataPersistence: z.string().nullish(),
  dataEvictionPolicy: z.string().nullish(),
  throughputMeasurement: z.object({ by: z.string(), value: z.number() }).nullish(),
});
export type TRedisCloudDatabase = z.infer<typeof ZRedisCloudDatabase>;

const ZSubscriptionDatabases = z.object({
  subscriptionId: z.number().int(),
  numberOfDatabases: z.number().int().nullish(),
  databases: z.array(ZRedisCloudDatabase),
});

// Pro answers `subscription` as a list of one; Essentials as the object itself.
export const ZRedisCloudDatabases = z.object({
  accountId: z.number().int().nullish(),
  subscription: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(ZSubscriptionDatabases)),
});

export const ZRedisCloudTask = z.object({
  taskId: z.string(),
  commandType: z.string().nullish(),
  status: z.string(),
  description: z.string().nullish(),
  response: z
    .object({
      resourceId: z.number().nullish(),
      resource: z.looseObject({ costReportId: z.string().nullish() }).nullish(),
      error: z.looseObject({ type: z.string().nullish(), description: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

const ZAmount = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number')])
  .transform((v) => (typeof v === 'number' ? numberToDecimal(v) : v));
const ZInstant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 timestamp')
  .transform((s) => new Date(s));
const text = z.string().nullish();

// One row of the FOCUS cost report, columns as the FOCUS specification names them.
export const ZRedisCloudCostRow = z.object({
  BilledCost: ZAmount,
  EffectiveCost: ZAmount,
  ListCost: ZAmount,
  ContractedCost: ZAmount.nullish(),
  BillingCurrency: z.string().length(3),
  BillingAccountId: z.union([z.string(), z.number()]).transform(String),
  BillingAccountName: text,
  BillingPeriodStart: ZInstant,
  BillingPeriodEnd: ZInstant,
  ChargePeriodStart: ZInstant,
  ChargePeriodEnd: ZInstant,
  ChargeCategory: z.enum(['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment']),
  ChargeDescription: text,
  ChargeFrequency: z.enum(['One-Time', 'Recurring', 'Usage-Based']).nullish(),
  ServiceName: text,
  ServiceCategory: text,
  RegionId: text,
  RegionName: text,
  ResourceId: z.union([z.string(), z.number()]).transform(String).nullish(),
  ResourceName: text,
  ResourceType: text,
  SubAccountId: z.union([z.string(), z.number()]).transform(String).nullish(),
  SubAccountName: text,
  PricingCategory: text,
  PricingQuantity: ZAmount.nullish(),
  PricingUnit: text,
  ListUnitPrice: ZAmount.nullish(),
  ContractedUnitPrice: ZAmount.nullish(),
  ConsumedQuantity: ZAmount.nullish(),
  ConsumedUnit: text,
  SkuId: text,
  Tags: z.union([z.record(z.string(), z.string()), z.string()]).nullish(),
});
export type TRedisCloudCostRow = z.infer<typeof ZRedisCloudCostRow>;

export const ZRedisCloudCostReport = z.array(ZRedisCloudCostRow);
