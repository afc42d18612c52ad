// CDN: a cache-hit ratio under target, priced by the origin egress the misses cost.
import { fixedSavings, fmt, isPositive, missing, missingCollection, pct, recommend } from '../build';
import { inWindow, lookbackOf, mean, monthlyFromTotals, round } from '../stats';
import { DAY_MS } from '../../dates';
import { thresholdsOf, type TThresholds } from '../thresholds';
import type { TCdnFacts, TPoint, TRule, TRuleOutcome } from '../types';

// version 2: the ratio weighed by the bytes served, not each day alike
const CACHE_HIT = { id: 'cdn-cache-hit', version: 2, kind: 'cdn' } as const;

function byteWeighted(ratios: readonly TPoint[], served: readonly TPoint[]): number {
  const perDay = new Map<number, number>();
  for (const p of served) {
    const day = Math.floor(p.t / DAY_MS) * DAY_MS;
    perDay.set(day, (perDay.get(day) ?? 0) + p.v);
  }
  let hit = 0;
  let total = 0;
  for (const r of ratios) {
    const w = perDay.get(Math.floor(r.t / DAY_MS) * DAY_MS) ?? 0;
    hit += r.v * w;
    total += w;
  }
  return total > 0 ? hit / total : mean(ratios.map((p) => p.v));
}

function evaluateCacheHit(c: TCdnFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const from = to - t.cdnLookbackDays * DAY_MS;
  const ratios = c.cacheHitRatio ? inWindow(c.cacheHitRatio, from, to) : [];
  const served = c.servedGB ? inWindow(c.servedGB, from, to) : [];
  const lacking = [...(ratios.length === 0 ? ['cacheHitRatio'] : []), ...(served.length === 0 ? ['servedGB'] : [])];
  if (lacking.length > 0) return missing(c.resource, lacking);
  const monthlyGB = monthlyFromTotals(served);
  if (!isPositive(monthlyGB)) return missing(c.resource, ['servedGB']);
  // The share of bytes served from cache: each day's ratio weighed by the bytes it served (a quiet day at a low
  // ratio costs little origin egress); days the traffic does not cover weigh as the mean.
  const hit = byteWeighted(ratios, served);
  if (hit >= t.cdnCacheHitTarget) return { resource: c.resource, recommendations: [] };
  const originGB = monthlyGB * (1 - hit);
  const avoidableGB = monthlyGB * (t.cdnCacheHitTarget - hit);
  const price = c.originEgressPrice === undefined ? null : Number(c.originEgressPrice);
  const originCost = price === null ? null : originGB * price;
  return {
    resource: c.resource,
    recommendations: [
      recommend(CACHE_HIT, {
        resource: c.resource,
        action: { type: 'raise-cache-hit', params: { hitRatio: round(hit, 4), target: t.cdnCacheHitTarget } },
        text:
          `${c.resource.name} serves ${pct(hit, 1)} of its bytes from cache, under the ${pct(t.cdnCacheHitTarget)} target: ${fmt(originGB)} GB a month come from the origin` +
          (originCost === null ? '' : ` (${fmt(originCost, 2)} ${c.currency} of origin egress)`) +
          `. Longer cache lifetimes on static assets and tiles, fewer query-string variants, or an origin shield would keep ${fmt(avoidableGB)} GB a month at the edge.`,
        message: { key: 'cdnCacheHit', params: { distribution: c.resource.name, hitRatio: round(hit, 4), target: t.cdnCacheHitTarget, originGB: round(originGB, 1), avoidableGB: round(avoidableGB, 1), originCost: originCost === null ? null : round(originCost, 2) } },
        evidence: [
          { metric: 'cacheHitRatio', value: round(hit, 4), unit: 'ratio', threshold: t.cdnCacheHitTarget, comparison: 'below', source: 'issue 14: under 85%' },
          { metric: 'originGBPerMonth', value: round(originGB, 1), unit: 'GB' },
          ...(price === null ? [] : [{ metric: 'originEgressPrice', value: price, unit: `${c.currency}/GB` }]),
        ],
        monthlySavings: price === null ? null : fixedSavings(avoidableGB * price),
        currency: c.currency,
        risks: [{ level: 'low', text: 'Longer cache lifetimes need versioned asset names, or users see stale files until they expire.', message: { key: 'riskStaleCache', params: {} } }],
        lookback: lookbackOf(ratios, now, t.cdnLookbackDays, DAY_MS),
      }),
    ],
  };
}

export const cdnCacheHitRule: TRule = {
  ...CACHE_HIT,
  needs: ['cdn'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.cdn) return missingCollection('cdn');
    return facts.cdn.map((c) => evaluateCacheHit(c, now, t));
  },
};
