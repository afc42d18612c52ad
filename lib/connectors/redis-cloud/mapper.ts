// Pure mapping of Redis Cloud payloads: databases → resources and memory samples, the FOCUS cost
// report → FOCUS rows, and, for accounts without the report, plan prices → recurring charges.
import type { TFocusRecord, TResourceInput, TSampleInput } from '../../focus/types';
import { addUtcMonths, startOfUtcMonth, utcDaysIn } from '../../dates';
import { addDecimals, multiplyExact, numberToDecimal } from '../../money/decimal';
import type { TFetchWindow } from '../types';
import type {
  TRedisCloudCostRow,
  TRedisCloudDatabase,
  TRedisCloudFixedSubscription,
  TRedisCloudPricing,
  TRedisCloudSubscription,
} from './api-types';

export const REDIS_CLOUD_PROVIDER = 'redis-cloud';
export const REDIS_CLOUD_PROVIDER_NAME = 'Redis Cloud';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const HOUR_MS = 3_600_000;
// hours Redis Cloud counts in a month when it quotes a monthly figure for hourly prices
const HOURS_PER_MONTH = 730;

export function databaseExternalId(subscriptionId: number, databaseId: number): string {
  return `${subscriptionId}/${databaseId}`;
}

const isHourly = (p: TRedisCloudPricing) => /^hour/i.test(p.pricePeriod ?? '');
const isMonthly = (p: TRedisCloudPricing) => /^month/i.test(p.pricePeriod ?? '');

// The subscription's price for a month: hourly lines × 730 h plus monthly lines.
export function monthlyPlanPrice(pricing: readonly TRedisCloudPricing[]): { amount: string; currency: string } | null {
  const lines = pricing.filter((p) => p.pricePerUnit != null && (isHourly(p) || isMonthly(p)));
  if (!lines.length) return null;
  const amount = addDecimals(
    ...lines.map((p) =>
      multiplyExact(numberToDecimal(p.pricePerUnit!), numberToDecimal(p.quantity ?? 1), String(isHourly(p) ? HOURS_PER_MONTH : 1)),
    ),
  );
  return { amount, currency: lines[0].priceCurrency ?? 'USD' };
}

function memoryLimitBytes(db: TRedisCloudDatabase): number | null {
  if (db.memoryLimitInGb != null) return Math.round(db.memoryLimitInGb * GIB);
  if (db.datasetSizeInGb != null) return Math.round(db.datasetSizeInGb * GIB);
  if (db.planMemoryLimit != null) {
    const unit = (db.memoryLimitMeasurementUnit ?? 'GB').toUpperCase();
    return Math.round(db.planMemoryLimit * (unit === 'MB' ? MIB : GIB));
  }
  return null;
}

export function mapDatabase(
  db: TRedisCloudDatabase,
  subscription: { id: number; name: string; kind: 'pro' | 'essentials'; monthlyPrice: { amount: string; currency: string } | null },
): TResourceInput {
  const limit = memoryLimitBytes(db);
  return {
    provider: REDIS_CLOUD_PROVIDER,
    kind: 'cache',
    externalId: databaseExternalId(subscription.id, db.databaseId),
    name: db.name,
    region: db.region ?? null,
    size: limit ? `${+(limit / GIB).toFixed(2)} GB` : null,
    capacity: limit ? { memory_used_bytes: limit } : {},
    attributes: {
      subscriptionId: subscription.id,
      subscriptionName: subscription.name,
      plan: subscription.kind,
      subscriptionMonthlyPrice: subscription.monthlyPrice,
      cloudProvider: db.provider ?? null,
      status: db.status ?? null,
      redisVersion: db.redisVersion ?? db.redisVersionCompliance ?? null,
      replication: db.replication ?? null,
      dataPersistence: db.dataPersistence ?? null,
      evictionPolicy: db.dataEvictionPolicy ?? null,
      throughput: db.throughputMeasurement ?? null,
    },
  };
}

export function mapDatabaseSample(db: TRedisCloudDatabase, externalId: string, ts: Date): TSampleInput | null {
  if (db.memoryUsedInMb == null) return null;
  return {
    provider: REDIS_CLOUD_PROVIDER,
    resourceExternalId: externalId,
    metric: 'memory_used_bytes',
    unit: 'bytes',
    ts,
    value: Math.round(db.memoryUsedInMb * MIB),
  };
}

function parseTags(tags: TRedisCloudCostRow['Tags']): Record<string, string> | null {
  if (!tags) return null;
  if (typeof tags !== 'string') return tags;
  try {
    const parsed: unknown = JSON.parse(tags);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : null;
  } catch {
    return null;
  }
}

export function mapCostRow(row: TRedisCloudCostRow): TFocusRecord {
  return {
    billedCost: row.BilledCost,
    effectiveCost: row.EffectiveCost,
    listCost: row.ListCost,
    contractedCost: row.ContractedCost ?? null,
    billingCurrency: row.BillingCurrency,
    billingAccountId: row.BillingAccountId,
    billingAccountName: row.BillingAccountName ?? null,
    subAccountId: row.SubAccountId ?? null,
    subAccountName: row.SubAccountName ?? null,
    billingPeriodStart: row.BillingPeriodStart,
    billingPeriodEnd: row.BillingPeriodEnd,
    chargePeriodStart: row.ChargePeriodStart,
    chargePeriodEnd: row.ChargePeriodEnd,
    chargeCategory: row.ChargeCategory,
    chargeDescription: row.ChargeDescription ?? null,
    chargeFrequency: row.ChargeFrequency ?? null,
    providerName: REDIS_CLOUD_PROVIDER_NAME,
    publisherName: 'Redis',
    invoiceIssuerName: 'Redis',
    serviceName: row.ServiceName ?? null,
    serviceCategory: row.ServiceCategory ?? 'Databases',
    regionId: row.RegionId ?? null,
    regionName: row.RegionName ?? null,
    resourceId: row.ResourceId ?? null,
    resourceName: row.ResourceName ?? null,
    resourceType: row.ResourceType ?? null,
    skuId: row.SkuId ?? null,
    pricingCategory: row.PricingCategory ?? null,
    pricingQuantity: row.PricingQuantity ?? null,
    pricingUnit: row.PricingUnit ?? null,
    listUnitPrice: row.ListUnitPrice ?? null,
    contractedUnitPrice: row.ContractedUnitPrice ?? null,
    consumedQuantity: row.ConsumedQuantity ?? null,
    consumedUnit: row.ConsumedUnit ?? null,
    tags: parseTags(row.Tags),
  };
}

export type TPlanChargeContext = { accountId: string; window: TFetchWindow; now: Date };

function planRow(
  ctx: TPlanChargeContext,
  fields: {
    amount: string;
    currency: string;
    start: Date;
    end: Date;
    serviceName: string;
    subscription: { id: number; name: string };
    skuId: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    description: string;
    regionId?: string | null;
  },
): TFocusRecord {
  return {
    billedCost: fields.amount,
    effectiveCost: fields.amount,
    listCost: fields.amount,
    contractedCost: fields.amount,
    billingCurrency: fields.currency,
    billingAccountId: ctx.accountId,
    billingPeriodStart: startOfUtcMonth(fields.start),
    billingPeriodEnd: addUtcMonths(startOfUtcMonth(fields.start), 1),
    chargePeriodStart: fields.start,
    chargePeriodEnd: fields.end,
    chargeCategory: 'Purchase',
    chargeDescription: fields.description,
    chargeFrequency: 'Recurring',
    providerName: REDIS_CLOUD_PROVIDER_NAME,
    publisherName: 'Redis',
    invoiceIssuerName: 'Redis',
    serviceName: fields.serviceName,
    serviceCategory: 'Databases',
    regionId: fields.regionId ?? null,
    resourceId: `subscription/${fields.subscription.id}`,
    resourceName: fields.subscription.name,
    resourceType: 'subscription',
    skuId: fields.skuId,
    pricingCategory: 'Standard',
    pricingQuantity: fields.quantity,
    pricingUnit: fields.unit,
    listUnitPrice: fields.unitPrice,
    // derived from the plan's list price, not from a bill
    isEstimated: true,
  };
}

// Calendar months starting within the window (and not after now): when a monthly price is charged.
function monthStarts(ctx: TPlanChargeContext): Date[] {
  const starts: Date[] = [];
  for (let m = startOfUtcMonth(ctx.window.from); m < ctx.window.to; m = addUtcMonths(m, 1)) {
    if (m >= ctx.window.from && m <= ctx.now) starts.push(m);
  }
  return starts;
}

// Pro: hourly lines as one row per day (today up to the last full hour), monthly lines once a month.
export function proPlanCharges(subscription: TRedisCloudSubscription, ctx: TPlanChargeContext): TFocusRecord[] {
  const rows: TFocusRecord[] = [];
  const region = subscription.cloudDetails?.[0]?.regions?.[0]?.region ?? null;
  for (const line of subscription.subscriptionPricing ?? []) {
    if (line.pricePerUnit == null) continue;
    const quantity = numberToDecimal(line.quantity ?? 1);
    const unitPrice = numberToDecimal(line.pricePerUnit);
    const currency = line.priceCurrency ?? 'USD';
    const what = line.typeDetails ? `${line.type} (${line.typeDetails})` : line.type;
    const measure = line.quantityMeasurement ?? 'unit';
    if (isHourly(line)) {
      for (const day of utcDaysIn(ctx.window.from, ctx.window.to)) {
        const hours = Math.min(24, Math.floor((ctx.now.getTime() - day.getTime()) / HOUR_MS));
        if (hours <= 0) continue;
        rows.push(
          planRow(ctx, {
            amount: multiplyExact(unitPrice, quantity, String(hours)),
            currency,
            start: day,
            end: new Date(day.getTime() + hours * HOUR_MS),
            serviceName: 'Redis Cloud Pro',
            subscription,
            skuId: line.type,
            quantity: multiplyExact(quantity, String(hours)),
            unit: `${measure}-hours`,
            unitPrice,
            description: `${subscription.name}: ${what}, ${quantity} ${measure} × ${unitPrice} ${currency}/hour`,
            regionId: line.region ?? region,
          }),
        );
      }
    } else if (isMonthly(line)) {
      for (const month of monthStarts(ctx)) {
        rows.push(
          planRow(ctx, {
            amount: multiplyExact(unitPrice, quantity),
            currency,
            start: month,
            end: addUtcMonths(month, 1),
            serviceName: 'Redis Cloud Pro',
            subscription,
            skuId: line.type,
            quantity,
            unit: measure,
            unitPrice,
            description: `${subscription.name}: ${what}, ${quantity} ${measure} × ${unitPrice} ${currency}/month`,
            regionId: line.region ?? region,
          }),
        );
      }
    }
  }
  return rows;
}

// Essentials: the plan's monthly price, charged at the start of each calendar month.
export function essentialsPlanCharges(subscription: TRedisCloudFixedSubscription, ctx: TPlanChargeContext): TFocusRecord[] {
  if (!subscription.price || !/^month/i.test(subscription.pricePeriod ?? 'Month')) return [];
  const price = numberToDecimal(subscription.price);
  const currency = subscription.priceCurrency ?? 'USD';
  return monthStarts(ctx).map((month) =>
    planRow(ctx, {
      amount: price,
      currency,
      start: month,
      end: addUtcMonths(month, 1),
      serviceName: 'Redis Cloud Essentials',
      subscription,
      skuId: subscription.planName ?? `plan-${subscription.planId ?? 'unknown'}`,
      quantity: '1',
      unit: 'Months',
      unitPrice: price,
      description: `${subscription.name}: ${subscription.planName ?? 'Essentials plan'} at ${price} ${currency}/month`,
      regionId: subscription.region ?? null,
    }),
  );
}
