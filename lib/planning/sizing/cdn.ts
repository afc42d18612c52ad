// CDN: egress through the provider's tiered prices (or a flat plan), requests, and origin egress after the cache.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import { findTiers } from '../price-catalogue';
import type { TOptions } from '../options';
import { AWS_FALLBACK_REGION, AWS_REGION } from '../regions';
import type { TLine } from '../types';
import { fmt, fmtBytes, fmtGB, fxRate, makeLine, priceStep, resolvePrice, step, use, type TPriceEnv, type TResolvedPrice } from './common';
import type { TDerived } from './derived';

export type TCdnContext = {
  provider: TOptions['cdn']['provider'];
  tiers: TResolvedPrice[];
  tierFrom: Float64Array;
  tierTo: Float64Array;
  tierOut: Float64Array;
  freeGB: number;
  requests: TResolvedPrice;
  freeRequests10k: number;
  plan: TResolvedPrice;
  /** AWS internet egress: what the origin pays when the CDN is not CloudFront. */
  originEgress: TResolvedPrice;
};

export function prepareCdn(env: TPriceEnv, options: TOptions): TCdnContext {
  const o = options.cdn;
  const tierItems = findTiers(env.index, 'aws:cloudfront:egress-europe');
  const tiers = tierItems.map((it) => {
    const fx = fxRate(env, it.currency);
    return {
      sku: it.sku, itemId: it.id, name: it.name, unit: it.unit, currency: it.currency, listUnitPrice: it.unitPrice, unitPrice: it.unitPrice,
      commitment: null, fx, out: Number(it.unitPrice) * fx, regionFallback: null, estimate: it.estimate, includedQuantity: 0,
    } satisfies TResolvedPrice;
  });
  const free = resolvePrice(env, 'aws:cloudfront:free-egress', null);
  const requests = resolvePrice(env, 'aws:cloudfront:https-requests-europe', null);
  const planSku =
    o.cloudflarePlan === 'enterprise' ? 'cloudflare:enterprise:annual' : o.pricing === 'on-demand' ? `cloudflare:${o.cloudflarePlan}` : `cloudflare:${o.cloudflarePlan}:annual`;
  const originRegion = AWS_REGION[options.application.region];
  return {
    provider: o.provider,
    tiers,
    tierFrom: Float64Array.from(tierItems.map((t) => t.tier!.from)),
    tierTo: Float64Array.from(tierItems.map((t) => t.tier!.to ?? Number.POSITIVE_INFINITY)),
    tierOut: Float64Array.from(tiers.map((t) => t.out)),
    freeGB: o.applyFreeTier ? free.includedQuantity : 0,
    requests,
    freeRequests10k: o.applyFreeTier ? requests.includedQuantity : 0,
    plan: resolvePrice(env, planSku, null),
    originEgress: resolvePrice(env, 'aws:data-transfer:internet', originRegion, { fallbackRegion: AWS_FALLBACK_REGION }),
  };
}

export type TCdnTrace = {
  billableGB: number;
  /** GB billed in each CloudFront tier. */
  tierGB: Float64Array;
  billableRequests10k: number;
  cost: Float64Array;
};

export function newCdnTrace(): TCdnTrace {
  return { billableGB: 0, tierGB: new Float64Array(16), billableRequests10k: 0, cost: new Float64Array(3) };
}

export function cdnLineKeys(ctx: TCdnContext): string[] {
  return ctx.provider === 'cloudfront' ? ['cdn.egress', 'cdn.requests', 'cdn.originEgress'] : ['cdn.plan', 'cdn.originEgress'];
}

/**
 * The cost of `gb` a month through tiered prices: the GB in each band [from, to) at that band's price
 * (CloudFront's per-GB tiers). `tierGB`, when given, receives the GB billed in each band.
 */
export function tieredCost(gb: number, from: ArrayLike<number>, to: ArrayLike<number>, price: ArrayLike<number>, tierGB?: Float64Array): number {
  let cost = 0;
  for (let i = 0; i < price.length; i++) {
    const inBand = Math.max(0, Math.min(gb, to[i]) - from[i]);
    if (tierGB) tierGB[i] = inBand;
    cost += inBand * price[i];
  }
  return cost;
}

export function computeCdn(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TCdnContext, t: TCdnTrace): number {
  if (ctx.provider === 'cloudfront') {
    t.billableGB = Math.max(0, x.cdnEgressGB - ctx.freeGB);
    const egress = tieredCost(t.billableGB, ctx.tierFrom, ctx.tierTo, ctx.tierOut, t.tierGB);
    t.billableRequests10k = Math.max(0, x.cdnRequests / 1e4 - ctx.freeRequests10k);
    t.cost[0] = egress;
    t.cost[1] = t.billableRequests10k * ctx.requests.out;
    // Origin fetches from AWS origins (ALB, S3) to CloudFront are free.
    t.cost[2] = 0;
    return t.cost[0] + t.cost[1];
  }
  t.billableGB = 0;
  t.billableRequests10k = 0;
  t.cost[0] = ctx.plan.out;
  t.cost[1] = x.originGB * ctx.originEgress.out;
  t.cost[2] = 0;
  return t.cost[0] + t.cost[1];
}

export function explainCdn(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TCdnContext, t: TCdnTrace): TLine[] {
  const origin = step(
    `Origin egress: ${fmtGB(x.cdnEgressGB)} × (1 − ${fmt(c.cacheHitRatio)} cache hit ratio) = ${fmtGB(x.originGB)}`,
    use.driver('cdnBandwidthTBPerMonth', d), use.coef('cacheHitRatio', c),
  );
  if (ctx.provider === 'cloudfront') {
    const parts: string[] = [];
    let nativeCost = 0;
    for (let i = 0; i < ctx.tiers.length; i++) {
      if (t.tierGB[i] <= 0) continue;
      parts.push(`${fmt(t.tierGB[i])} GB × ${ctx.tiers[i].unitPrice}`);
      nativeCost += t.tierGB[i] * Number(ctx.tiers[i].unitPrice);
    }
    const blended = t.billableGB > 0 ? nativeCost / t.billableGB : Number(ctx.tiers[0].unitPrice);
    const first = ctx.tiers[0];
    return [
      makeLine({
        key: 'cdn.egress', resourceClass: 'cdn', item: 'CloudFront data transfer out, Europe',
        quantity: t.billableGB, unit: 'GB', price: first, unitPrice: blended.toFixed(6), cost: t.cost[0],
        reasoning: [
          step(
            `CDN bandwidth ${fmt(d.cdnBandwidthTBPerMonth)} TB/month = ${fmt(x.cdnEgressGB)} GB` + (ctx.freeGB > 0 ? ` − ${fmt(ctx.freeGB)} GB always-free = ${fmt(t.billableGB)} GB billed` : ''),
            use.driver('cdnBandwidthTBPerMonth', d), use.option('cdn.applyFreeTier', ctx.freeGB > 0 ? 'yes' : 'no'),
          ),
          step(`Tiered: ${parts.join(' + ') || '0 GB'} ${first.currency} = ${fmt(nativeCost)} ${first.currency} (blended ${blended.toFixed(4)} ${first.currency}/GB)`, ...ctx.tiers.filter((_, i) => t.tierGB[i] > 0).map((p) => use.price(p))),
        ],
      }),
      makeLine({
        key: 'cdn.requests', resourceClass: 'cdn', item: 'CloudFront HTTPS requests, Europe',
        quantity: t.billableRequests10k, unit: '10k requests', price: ctx.requests, cost: t.cost[1],
        reasoning: [
          step(
            `${fmt(x.cdnEgressGB)} GB ÷ ${fmtBytes(c.bytesPerRequest)} per object = ${fmt(x.cdnRequests / 1e6)} M requests = ${fmt(x.cdnRequests / 1e4)} × 10k` +
              (ctx.freeRequests10k > 0 ? ` − ${fmt(ctx.freeRequests10k)} × 10k free = ${fmt(t.billableRequests10k)} × 10k billed` : ''),
            use.coef('bytesPerRequest', c),
          ),
          priceStep(ctx.requests, 'Request price'),
        ],
      }),
      makeLine({
        key: 'cdn.originEgress', resourceClass: 'cdn', item: 'Origin fetches (AWS origin → CloudFront)',
        quantity: x.originGB, unit: 'GB', price: ctx.originEgress, unitPrice: '0', cost: 0,
        reasoning: [origin, step('CloudFront does not charge for origin fetches from AWS origins (ALB, S3): 0', use.option('cdn.provider', 'cloudfront'))],
      }),
    ];
  }
  return [
    makeLine({
      key: 'cdn.plan', resourceClass: 'cdn', item: ctx.plan.name, quantity: 1, unit: 'month', price: ctx.plan, cost: t.cost[0],
      reasoning: [
        step(`Cloudflare plans include the bandwidth (${fmt(d.cdnBandwidthTBPerMonth)} TB/month) and requests: a flat monthly fee`, use.driver('cdnBandwidthTBPerMonth', d), use.option('cdn.cloudflarePlan', ctx.plan.sku)),
        priceStep(ctx.plan, 'Plan price'),
      ],
    }),
    makeLine({
      key: 'cdn.originEgress', resourceClass: 'cdn', item: 'Origin egress (AWS → Cloudflare)',
      quantity: x.originGB, unit: 'GB', price: ctx.originEgress, cost: t.cost[1],
      reasoning: [origin, step('Traffic from AWS to Cloudflare is billed as internet egress'), priceStep(ctx.originEgress, 'Egress price')],
    }),
  ];
}
