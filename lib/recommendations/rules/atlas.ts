// MongoDB Atlas: tier up and down by Atlas's own auto-scaling thresholds, disk runway, idle clusters.
import { ATLAS_TIERS } from '../../planning/hardware';
import { fixedSavings, fmt, isPositive, missing, missingCollection, possessive, recommend } from '../build';
import { HOUR_MS, completeness, inWindow, linearTrend, lookbackOf, percentile, round } from '../stats';
import { DAY_MS } from '../../dates';
import { ATLAS_SHARDED_MIN_TIER, thresholdsOf, type TThresholds } from '../thresholds';
import type { TAtlasClusterFacts, TFacts, TRecommendation, TRule, TRuleOutcome } from '../types';
import { monthlyPrice } from './prices';

/** Atlas invoices in US dollars; used when the catalogue has no price to name the currency. */
const ATLAS_CURRENCY = 'USD';
/** Share of a window's hourly samples needed before a rule judges it (ours: a day missing in 14 is tolerated). */
const MIN_COMPLETENESS = 0.9;

function clusterNodes(c: TAtlasClusterFacts): number {
  return c.shards * c.nodesPerShard;
}

function tierIndex(tier: string): number {
  return ATLAS_TIERS.findIndex((t) => t.tier === tier);
}

function clusterPrice(facts: TFacts, c: TAtlasClusterFacts, tier: string) {
  return monthlyPrice(facts.prices, `atlas:${tier}`, c.resource.region, clusterNodes(c));
}

const allShards = (c: TAtlasClusterFacts) => (c.shards > 1 ? ` (all ${c.shards} shards)` : '');

const TIER = { id: 'atlas-tier', version: 1, kind: 'atlas' } as const;

function evaluateTier(facts: TFacts, c: TAtlasClusterFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const from = to - t.atlasScaleDownMinDays * DAY_MS;
  const cpu = c.cpuPercent ? inWindow(c.cpuPercent, from, to) : [];
  const mem = c.memoryPercent ? inWindow(c.memoryPercent, from, to) : [];
  const lacking = [...(cpu.length === 0 ? ['cpuPercent'] : []), ...(mem.length === 0 ? ['memoryPercent'] : [])];
  if (lacking.length > 0) return missing(c.resource, lacking);
  const index = tierIndex(c.tier);
  if (index < 0) return missing(c.resource, [`tier ${c.tier} in the hardware table`]);
  const cpuP95 = percentile(cpu.map((p) => p.v), 0.95);
  const memP95 = percentile(mem.map((p) => p.v), 0.95);
  const lookback = lookbackOf(cpu, now, t.atlasScaleDownMinDays);
  const current = ATLAS_TIERS[index];
  const evidenceUp = [
    { metric: 'cpuP95', value: round(cpuP95, 1), unit: '%', threshold: t.atlasScaleUpPercent, comparison: 'above' as const, source: 'Atlas auto-scaling: above 75% for an hour' },
    { metric: 'memoryP95', value: round(memP95, 1), unit: '%', threshold: t.atlasScaleUpPercent, comparison: 'above' as const, source: 'Atlas auto-scaling: above 75% for an hour' },
  ];

  if (cpuP95 > t.atlasScaleUpPercent || memP95 > t.atlasScaleUpPercent) {
    const next = ATLAS_TIERS[index + 1] ?? null;
    const cause = cpuP95 >= memP95 ? 'CPU' : 'memory';
    const p95 = Math.max(cpuP95, memP95);
    const nowPrice = clusterPrice(facts, c, c.tier);
    const nextPrice = next ? clusterPrice(facts, c, next.tier) : null;
    const extra = nowPrice && nextPrice ? nextPrice.amount - nowPrice.amount : null;
    const text = next
      ? `Scale ${c.resource.name} up from ${c.tier} to ${next.tier}${allShards(c)}: P95 ${cause} is ${fmt(p95, 1)}% over ${t.atlasScaleDownMinDays} days, above Atlas's ${t.atlasScaleUpPercent}% auto-scaling threshold.`
      : `${c.resource.name} is on the largest tier (${c.tier}) with P95 ${cause} at ${fmt(p95, 1)}%, above Atlas's ${t.atlasScaleUpPercent}% threshold: add a shard.`;
    return {
      resource: c.resource,
      recommendations: [
        recommend(TIER, {
          resource: c.resource,
          action: { type: 'tier-up', params: { from: c.tier, to: next?.tier ?? null, shards: c.shards } },
          text,
          message: { key: next ? 'atlasTierUp' : 'atlasAddShard', params: { cluster: c.resource.name, from: c.tier, to: next?.tier ?? null, metric: cause, p95: round(p95, 1), threshold: t.atlasScaleUpPercent, shards: c.shards } },
          evidence: evidenceUp,
          monthlySavings: null,
          currency: nowPrice?.currency ?? ATLAS_CURRENCY,
          risks: [{ level: 'high', text: `At ${fmt(p95, 1)}% the cluster has little headroom: slow queries and failovers under load.`, message: { key: 'riskSaturation', params: { p95: round(p95, 1) } } }],
          lookback,
          details: { extraMonthlyCost: extra === null ? null : round(extra, 2) },
        }),
      ],
    };
  }

  const lower = ATLAS_TIERS[index - 1];
  const floor = c.shards > 1 ? tierIndex(ATLAS_SHARDED_MIN_TIER) : 0;
  const covered = completeness(cpu, from, to, HOUR_MS);
  if (!lower || index - 1 < floor || cpuP95 >= t.atlasScaleDownCpuPercent) return { resource: c.resource, recommendations: [] };
  // A tier down needs the full window: 14 days below 50%, not 2 quiet days.
  if (covered < MIN_COMPLETENESS) return missing(c.resource, [`cpuPercent over ${t.atlasScaleDownMinDays} days`]);
  if (c.workingSetGB === undefined) return missing(c.resource, ['workingSetGB']);
  const share = c.workingSetGB / lower.ramGB;
  if (share >= t.atlasScaleDownWorkingSetShare) return { resource: c.resource, recommendations: [] };
  const nowPrice = clusterPrice(facts, c, c.tier);
  const lowerPrice = clusterPrice(facts, c, lower.tier);
  const saving = nowPrice && lowerPrice ? nowPrice.amount - lowerPrice.amount : null;
  const rec: TRecommendation = recommend(TIER, {
    resource: c.resource,
    action: { type: 'tier-down', params: { from: c.tier, to: lower.tier, shards: c.shards } },
    text:
      `Scale ${c.resource.name} down from ${c.tier} to ${lower.tier}${allShards(c)}: P95 CPU ${fmt(cpuP95, 1)}% over ${t.atlasScaleDownMinDays} days is under Atlas's ${t.atlasScaleDownCpuPercent}% scale-down threshold, ` +
      `and the ${fmt(c.workingSetGB, 1)} GB working set fills ${fmt(share * 100)}% of ${lower.tier}'s ${lower.ramGB} GB, under ${t.atlasScaleDownWorkingSetShare * 100}%.`,
    message: {
      key: 'atlasTierDown',
      params: { cluster: c.resource.name, from: c.tier, to: lower.tier, cpuP95: round(cpuP95, 1), cpuThreshold: t.atlasScaleDownCpuPercent, workingSetGB: round(c.workingSetGB, 2), lowerRamGB: lower.ramGB, share: round(share, 3), shareThreshold: t.atlasScaleDownWorkingSetShare, days: t.atlasScaleDownMinDays, shards: c.shards },
    },
    evidence: [
      { metric: 'cpuP95', value: round(cpuP95, 1), unit: '%', threshold: t.atlasScaleDownCpuPercent, comparison: 'below', source: 'Atlas auto-scaling: scale down below 50% CPU' },
      { metric: 'memoryP95', value: round(memP95, 1), unit: '%' },
      { metric: 'workingSetShareOfLowerTier', value: round(share, 3), unit: 'ratio', threshold: t.atlasScaleDownWorkingSetShare, comparison: 'below', source: 'Atlas auto-scaling: working set under 60% of the lower tier' },
    ],
    monthlySavings: saving === null ? null : fixedSavings(saving),
    currency: nowPrice?.currency ?? ATLAS_CURRENCY,
    risks: [
      { level: 'medium', text: `${lower.tier} has ${lower.vcpu} vCPU and ${lower.ramGB} GB: a traffic peak above the last ${t.atlasScaleDownMinDays} days' would need the tier back (Atlas auto-scaling can do it).`, message: { key: 'riskLowerTierPeak', params: { tier: lower.tier, vcpu: lower.vcpu, ramGB: lower.ramGB } } },
    ],
    lookback,
    details: { currentTier: current.tier, lowerTier: lower.tier, nodes: clusterNodes(c) },
  });
  return { resource: c.resource, recommendations: [rec] };
}

export const atlasTierRule: TRule = {
  ...TIER,
  needs: ['atlasClusters', 'prices'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.atlasClusters) return missingCollection('atlasClusters');
    return facts.atlasClusters.map((c) => evaluateTier(facts, c, now, t));
  },
};

const DISK = { id: 'atlas-disk', version: 1, kind: 'atlas' } as const;

function evaluateDisk(c: TAtlasClusterFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const points = c.diskUsedGB ? inWindow(c.diskUsedGB, to - t.runwayLookbackDays * DAY_MS, to) : [];
  const lacking = [...(points.length < 2 ? ['diskUsedGB'] : []), ...(isPositive(c.diskSizeGB) ? [] : ['diskSizeGB'])];
  if (lacking.length > 0 || !isPositive(c.diskSizeGB)) return missing(c.resource, lacking);
  const trend = linearTrend(points, to);
  const used = points[points.length - 1].v;
  const limit = t.atlasDiskAutoscaleShare * c.diskSizeGB;
  const perDay = trend?.perDay ?? 0;
  const days = used >= limit ? 0 : perDay > 0 ? (limit - used) / perDay : Infinity;
  if (!(days < t.runwayActDays)) return { resource: c.resource, recommendations: [] };
  // Room for six more months of the same growth below the auto-scale point.
  const target = Math.ceil((used + Math.max(perDay, 0) * 183) / t.atlasDiskAutoscaleShare);
  const tier = ATLAS_TIERS[tierIndex(c.tier)];
  const fits = !tier || target <= tier.maxStorageGB;
  return {
    resource: c.resource,
    recommendations: [
      recommend(DISK, {
        resource: c.resource,
        action: { type: 'disk-grow', params: { fromGB: c.diskSizeGB, toGB: target, tierMaxGB: tier?.maxStorageGB ?? null } },
        text:
          `${possessive(c.resource.name)} disk reaches Atlas's ${t.atlasDiskAutoscaleShare * 100}% auto-scale point in ${fmt(days)} days (${fmt(used)} of ${fmt(c.diskSizeGB)} GB, +${fmt(perDay, 1)} GB/day), under the ${t.runwayActDays}-day runway threshold: ` +
          (fits ? `grow it to ${fmt(target)} GB or enable storage auto-scaling.` : `${c.tier} stops at ${tier!.maxStorageGB} GB, so the cluster needs a larger tier or another shard.`),
        message: { key: fits ? 'atlasDiskGrow' : 'atlasDiskTierLimit', params: { cluster: c.resource.name, days: round(days, 1), usedGB: round(used, 1), sizeGB: c.diskSizeGB, perDayGB: round(perDay, 2), threshold: t.atlasDiskAutoscaleShare, runwayDays: t.runwayActDays, targetGB: target, tier: c.tier } },
        evidence: [
          { metric: 'daysToAutoScalePoint', value: round(days, 1), unit: 'days', threshold: t.runwayActDays, comparison: 'below', source: 'issue 14: act under 60 days of runway' },
          { metric: 'diskUsedShare', value: round(used / c.diskSizeGB, 3), unit: 'ratio', threshold: t.atlasDiskAutoscaleShare, comparison: 'at-most', source: 'Atlas storage auto-scaling at 90% used' },
          { metric: 'growthPerDay', value: round(perDay, 2), unit: 'GB/day' },
        ],
        monthlySavings: null,
        currency: null,
        risks: [{ level: days < 14 ? 'high' : 'medium', text: 'A full disk makes the cluster read-only.', message: { key: 'riskDiskFull', params: {} } }],
        lookback: lookbackOf(points, now, t.runwayLookbackDays, DAY_MS),
      }),
    ],
  };
}

export const atlasDiskRule: TRule = {
  ...DISK,
  needs: ['atlasClusters'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.atlasClusters) return missingCollection('atlasClusters');
    return facts.atlasClusters.map((c) => evaluateDisk(c, now, t));
  },
};

const IDLE = { id: 'atlas-idle', version: 1, kind: 'atlas' } as const;

/** Whole days since the last sample with a connection (or since the first sample, when none had one). */
function idleDaysOf(connections: readonly { t: number; v: number }[], to: number): number {
  let since: number | null = null;
  for (const p of connections) {
    if (p.t >= to) continue;
    if (p.v > 0) since = since === null ? p.t : Math.max(since, p.t);
  }
  if (since === null) since = connections.reduce((m, p) => Math.min(m, p.t), to);
  return Math.floor((to - since) / DAY_MS);
}

function evaluateIdle(facts: TFacts, c: TAtlasClusterFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const from = to - t.idleDays * DAY_MS;
  const points = c.connections ? inWindow(c.connections, from, to) : [];
  if (points.length === 0) return missing(c.resource, ['connections']);
  if (points.some((p) => p.v > 0)) return { resource: c.resource, recommendations: [] };
  if (completeness(points, from, to, HOUR_MS) < MIN_COMPLETENESS) return missing(c.resource, [`connections over ${t.idleDays} days`]);
  const price = clusterPrice(facts, c, c.tier);
  return {
    resource: c.resource,
    recommendations: [
      recommend(IDLE, {
        resource: c.resource,
        action: { type: 'pause', params: { tier: c.tier } },
        text: `${c.resource.name} (${c.tier}) has had no connection for ${t.idleDays} days: pause it (Atlas keeps a paused cluster up to 30 days, billing storage only) or delete it after a final backup.`,
        message: { key: 'atlasIdle', params: { cluster: c.resource.name, tier: c.tier, days: t.idleDays } },
        // Each item compares like with like: connections with none, days without one with the idle days.
        evidence: [
          { metric: 'maxConnections', value: 0, unit: 'connections', threshold: 0, comparison: 'at-most', source: 'issue 14: no connection at all' },
          { metric: 'daysWithoutConnection', value: idleDaysOf(c.connections ?? [], to), unit: 'days', threshold: t.idleDays, comparison: 'at-least', source: 'issue 14: idle for 14 days' },
        ],
        monthlySavings: price ? fixedSavings(price.amount) : null,
        currency: price?.currency ?? ATLAS_CURRENCY,
        risks: [{ level: 'medium', text: 'A job that runs monthly or quarterly would find the cluster paused.', message: { key: 'riskRareJob', params: {} } }],
        lookback: lookbackOf(points, now, t.idleDays),
      }),
    ],
  };
}

export const atlasIdleRule: TRule = {
  ...IDLE,
  needs: ['atlasClusters', 'prices'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.atlasClusters) return missingCollection('atlasClusters');
    return facts.atlasClusters.map((c) => evaluateIdle(facts, c, now, t));
  },
};
