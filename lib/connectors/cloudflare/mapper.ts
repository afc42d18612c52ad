// Pure mapping of Cloudflare payloads: zones → CDN resources, daily HTTP traffic → samples, plan
// subscriptions → recurring purchases, one per billing period.
import type { TFocusRecord, TResourceInput, TSampleInput } from '../../focus/types';
import { addUtcDays, addUtcMonths, startOfUtcMonth } from '../../dates';
import { numberToDecimal } from '../../money/decimal';
import type { TFetchWindow } from '../types';
import type { TCfDailyGroup, TCfSubscription, TCfZone } from './api-types';

export const CLOUDFLARE_PROVIDER = 'cloudflare';
export const CLOUDFLARE_PROVIDER_NAME = 'Cloudflare';

export function mapZone(zone: TCfZone): TResourceInput {
  return {
    provider: CLOUDFLARE_PROVIDER,
    kind: 'cdn',
    externalId: zone.id,
    name: zone.name,
    region: null,
    size: zone.plan?.name ?? null,
    capacity: { cache_hit_ratio: 1 },
    attributes: {
      status: zone.status ?? null,
      paused: zone.paused ?? false,
      accountId: zone.account?.id ?? null,
      accountName: zone.account?.name ?? null,
      // 'free', 'pro', 'business', 'enterprise' where Cloudflare gives it (the plan's id is opaque)
      plan: zone.plan?.legacy_id ?? zone.plan?.id ?? null,
    },
  };
}

export function mapTraffic(zoneId: string, groups: readonly TCfDailyGroup[]): TSampleInput[] {
  const samples: TSampleInput[] = [];
  for (const g of groups) {
    const ts = new Date(`${g.dimensions.date}T00:00:00Z`);
    const add = (metric: string, unit: string, value: number) =>
      samples.push({ provider: CLOUDFLARE_PROVIDER, resourceExternalId: zoneId, metric, unit, ts, value });
    add('requests', 'count', g.sum.requests);
    add('cached_requests', 'count', g.sum.cachedRequests);
    add('bytes', 'bytes', g.sum.bytes);
    add('cached_bytes', 'bytes', g.sum.cachedBytes);
    if (g.sum.requests > 0) add('cache_hit_ratio', 'ratio', g.sum.cachedRequests / g.sum.requests);
  }
  return samples;
}

type TFrequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

function nextPeriod(start: Date, frequency: TFrequency, steps: number): Date {
  if (frequency === 'weekly') return addUtcDays(start, 7 * steps);
  return addUtcMonths(start, steps * (frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 12));
}

export type TPlanCharge = {
  subscriptionId: string;
  planId: string;
  planName: string;
  price: number;
  currency: string;
  frequency: TFrequency;
  // the start of the current billing period; earlier periods are assumed to have had the same plan
  anchor: Date;
  zone: { id: string; name: string } | null;
};

export function planFromSubscription(sub: TCfSubscription, zone: TCfZone | null, fallbackAnchor: Date): TPlanCharge | null {
  if (!sub.price) return null;
  const anchor = sub.current_period_start ? new Date(sub.current_period_start) : fallbackAnchor;
  return {
    subscriptionId: sub.id ?? `zone-${zone?.id ?? 'unknown'}`,
    planId: sub.rate_plan?.id ?? 'unknown',
    planName: sub.rate_plan?.public_name ?? sub.rate_plan?.id ?? 'Cloudflare subscription',
    price: sub.price,
    currency: sub.currency ?? sub.rate_plan?.currency ?? 'USD',
    frequency: sub.frequency ?? 'monthly',
    anchor: Number.isNaN(anchor.getTime()) ? fallbackAnchor : anchor,
    zone: zone ? { id: zone.id, name: zone.name } : sub.zone ? { id: sub.zone.id, name: sub.zone.name ?? sub.zone.id } : null,
  };
}

// Without billing access the zone's own plan (price per month) stands in, billed from the 1st.
export function planFromZone(zone: TCfZone, now: Date): TPlanCharge | null {
  const plan = zone.plan;
  if (!plan?.price) return null;
  const frequency = (['weekly', 'monthly', 'quarterly', 'yearly'] as const).find((f) => f === plan.frequency) ?? 'monthly';
  return {
    subscriptionId: `zone-plan-${zone.id}`,
    planId: plan.id ?? plan.legacy_id ?? 'unknown',
    planName: plan.name ?? 'Cloudflare plan',
    price: plan.price,
    currency: plan.currency ?? 'USD',
    frequency,
    anchor: startOfUtcMonth(now),
    zone: { id: zone.id, name: zone.name },
  };
}

// One Recurring Purchase per billing period that starts within the window (and not in the future).
export function mapPlanCharges(plan: TPlanCharge, ctx: { accountId: string; window: TFetchWindow; now: Date }): TFocusRecord[] {
  const rows: TFocusRecord[] = [];
  let steps = 0;
  while (nextPeriod(plan.anchor, plan.frequency, steps) >= ctx.window.from) steps -= 1;
  for (; ; steps++) {
    const start = nextPeriod(plan.anchor, plan.frequency, steps);
    if (start >= ctx.window.to || start > ctx.now) break;
    if (start < ctx.window.from) continue;
    const end = nextPeriod(plan.anchor, plan.frequency, steps + 1);
    const amount = numberToDecimal(plan.price);
    rows.push({
      billedCost: amount,
      effectiveCost: amount,
      listCost: amount,
      contractedCost: amount,
      billingCurrency: plan.currency,
      billingAccountId: ctx.accountId,
      billingPeriodStart: start,
      billingPeriodEnd: end,
      chargePeriodStart: start,
      chargePeriodEnd: end,
      chargeCategory: 'Purchase',
      chargeDescription: `${plan.planName}${plan.zone ? ` for ${plan.zone.name}` : ''}`,
      chargeFrequency: 'Recurring',
      providerName: CLOUDFLARE_PROVIDER_NAME,
      publisherName: 'Cloudflare',
      invoiceIssuerName: 'Cloudflare',
      serviceName: plan.planName,
      serviceCategory: 'Networking',
      resourceId: plan.zone?.id ?? `subscription/${plan.subscriptionId}`,
      resourceName: plan.zone?.name ?? plan.planName,
      resourceType: plan.zone ? 'zone' : 'subscription',
      skuId: plan.planId,
      pricingCategory: 'Standard',
      pricingQuantity: '1',
      pricingUnit: plan.frequency,
      listUnitPrice: amount,
      // periods before the current one assume the plan was the same then
      isEstimated: steps < 0,
    });
  }
  return rows;
}
