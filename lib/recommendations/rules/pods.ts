// Application pods: requests against P90 usage plus VPA's margin, replicas against traffic and the plan.
import { HOURS_PER_MONTH } from '../../planning/sizing/common';
import { fixedSavings, fmt, isPositive, missing, missingCollection, pct, possessive, recommend } from '../build';
import { inWindow, lookbackOf, percentile, round } from '../stats';
import { DAY_MS } from '../../dates';
import { thresholdsOf, type TThresholds } from '../thresholds';
import type { TEvidence, TPoint, TRule, TRuleOutcome, TWorkloadFacts } from '../types';

/** Requests are written in millicores and MiB; round the target up to 10 m and 16 MiB, and never under one step
 *  (ours: tidy manifests, and an idle pod still gets a request rather than none). */
const CPU_STEP = 0.01;
const MEMORY_STEP = 1 / 64;
const ceilTo = (x: number, step: number) => round(Math.max(1, Math.ceil(x / step - 1e-9)) * step, 6);

function podHourCost(w: TWorkloadFacts, cpu: number, memory: number): number | null {
  if (!w.prices) return null;
  return cpu * Number(w.prices.vcpuHour) + memory * Number(w.prices.gibHour);
}

const REQUESTS = { id: 'pod-requests', version: 1, kind: 'pods' } as const;

type TSizing = { cpu: TPoint[]; mem: TPoint[]; cpuP90: number; memP90: number; target: { cpuCores: number; memoryGiB: number } };

/** The requests the VPA's rule gives a workload (P90 usage + 15%), or the usage series it lacks. */
export function targetRequests(w: TWorkloadFacts, now: Date, t: TThresholds): TSizing | { missing: string[] } {
  const to = now.getTime();
  const from = to - t.podsLookbackDays * DAY_MS;
  const cpu = w.cpuCores ? inWindow(w.cpuCores, from, to) : [];
  const mem = w.memoryGiB ? inWindow(w.memoryGiB, from, to) : [];
  const lacking = [...(cpu.length === 0 ? ['cpuCores'] : []), ...(mem.length === 0 ? ['memoryGiB'] : [])];
  if (lacking.length > 0) return { missing: lacking };
  const cpuP90 = percentile(cpu.map((p) => p.v), t.vpaTargetPercentile);
  const memP90 = percentile(mem.map((p) => p.v), t.vpaTargetPercentile);
  return { cpu, mem, cpuP90, memP90, target: { cpuCores: ceilTo(cpuP90 * (1 + t.vpaMargin), CPU_STEP), memoryGiB: ceilTo(memP90 * (1 + t.vpaMargin), MEMORY_STEP) } };
}

function evaluateRequests(w: TWorkloadFacts, now: Date, t: TThresholds): TRuleOutcome {
  const sizing = targetRequests(w, now, t);
  if ('missing' in sizing) return missing(w.resource, sizing.missing);
  const { cpu, cpuP90, memP90, target } = sizing;
  const change = (now0: number, next: number) => (now0 > 0 ? Math.abs(next - now0) / now0 : Infinity);
  const cpuChange = change(w.requests.cpuCores, target.cpuCores);
  const memChange = change(w.requests.memoryGiB, target.memoryGiB);
  if (cpuChange < t.requestsMinChangeShare && memChange < t.requestsMinChangeShare) return { resource: w.resource, recommendations: [] };
  const next = {
    cpuCores: cpuChange >= t.requestsMinChangeShare ? target.cpuCores : w.requests.cpuCores,
    memoryGiB: memChange >= t.requestsMinChangeShare ? target.memoryGiB : w.requests.memoryGiB,
  };
  const before = podHourCost(w, w.requests.cpuCores, w.requests.memoryGiB);
  const after = podHourCost(w, next.cpuCores, next.memoryGiB);
  // On a node group's EC2 nodes smaller requests are paid for only once they free whole nodes: the node-pool
  // recommendation prices that, so this one carries no money of its own (counting both would count it twice).
  const saving = w.nodePool ? null : before !== null && after !== null ? (before - after) * w.replicas * HOURS_PER_MONTH : null;
  const evidence: TEvidence[] = [
    { metric: 'cpuP90', value: round(cpuP90, 3), unit: 'cores' },
    { metric: 'cpuRequest', value: w.requests.cpuCores, unit: 'cores', threshold: target.cpuCores, comparison: 'at-most', source: 'VPA: P90 usage + 15% margin' },
    { metric: 'memoryP90', value: round(memP90, 3), unit: 'GiB' },
    { metric: 'memoryRequest', value: w.requests.memoryGiB, unit: 'GiB', threshold: target.memoryGiB, comparison: 'at-most', source: 'VPA: P90 usage + 15% margin' },
  ];
  const raises = next.cpuCores > w.requests.cpuCores || next.memoryGiB > w.requests.memoryGiB;
  return {
    resource: w.resource,
    recommendations: [
      recommend(REQUESTS, {
        resource: w.resource,
        action: { type: 'set-requests', params: { cpuCores: next.cpuCores, memoryGiB: next.memoryGiB, fromCpuCores: w.requests.cpuCores, fromMemoryGiB: w.requests.memoryGiB } },
        text:
          `Set ${possessive(w.resource.name)} requests to ${fmt(next.cpuCores, 2)} CPU and ${fmt(next.memoryGiB, 2)} GiB (now ${fmt(w.requests.cpuCores, 2)} and ${fmt(w.requests.memoryGiB, 2)}): ` +
          `P90 usage over ${t.podsLookbackDays} days is ${fmt(cpuP90, 2)} CPU and ${fmt(memP90, 2)} GiB, plus the vertical pod autoscaler's ${pct(t.vpaMargin)} margin.` +
          (w.nodePool ? ` Its pods run on ${w.nodePool}: the saving is the nodes this frees, priced in that node group's recommendation.` : ''),
        message: { key: w.nodePool ? 'podRequestsOnNodes' : 'podRequests', params: { nodePool: w.nodePool ?? null, workload: w.resource.name, cpuCores: next.cpuCores, memoryGiB: next.memoryGiB, fromCpuCores: w.requests.cpuCores, fromMemoryGiB: w.requests.memoryGiB, cpuP90: round(cpuP90, 3), memoryP90: round(memP90, 3), margin: t.vpaMargin, days: t.podsLookbackDays } },
        evidence,
        monthlySavings: saving !== null && saving > 0 ? fixedSavings(saving) : null,
        currency: w.currency,
        risks: raises
          ? [{ level: 'high', text: 'Usage above the requests gets throttled (CPU) or killed (memory) when the node is busy.', message: { key: 'riskUnderRequested', params: {} } }]
          : [{ level: 'low', text: 'A burst above P90 + 15% is throttled rather than scheduled elsewhere; limits stay as they are.', message: { key: 'riskRequestsTight', params: {} } }],
        lookback: lookbackOf(cpu, now, t.podsLookbackDays),
        details: saving !== null && saving <= 0 ? { extraMonthlyCost: round(-saving, 2) } : undefined,
      }),
    ],
  };
}

export const podRequestsRule: TRule = {
  ...REQUESTS,
  needs: ['workloads'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.workloads) return missingCollection('workloads');
    return facts.workloads.map((w) => evaluateRequests(w, now, t));
  },
};

const REPLICAS = { id: 'pod-replicas', version: 1, kind: 'pods' } as const;

function evaluateReplicas(w: TWorkloadFacts, now: Date, t: TThresholds): TRuleOutcome {
  const to = now.getTime();
  const rps = w.requestsPerSecond ? inWindow(w.requestsPerSecond, to - t.podsLookbackDays * DAY_MS, to) : [];
  const lacking = [...(rps.length === 0 ? ['requestsPerSecond'] : []), ...(isPositive(w.rpsPerPod) ? [] : ['rpsPerPod'])];
  if (lacking.length > 0 || !isPositive(w.rpsPerPod)) return missing(w.resource, lacking);
  const perPod = w.rpsPerPod;
  const needed = (r: number) => Math.max(t.minReplicasFloor, Math.ceil(r / perPod - 1e-9));
  const quietest = Math.min(...rps.map((p) => p.v));
  const lookback = lookbackOf(rps, now, t.podsLookbackDays);
  const recommendations = [];

  const minNeeded = needed(quietest);
  if (w.minReplicas > minNeeded) {
    // Pod-hours the higher minimum kept running beyond what each hour's traffic needed.
    let podHours = 0;
    for (const p of rps) podHours += Math.max(0, w.minReplicas - Math.max(minNeeded, needed(p.v)));
    // On a node group the pods' requests are right-sized by the pod-requests recommendation and the node-pool one
    // prices the nodes that frees; the quiet hours' pods saved here count at the right-sized requests, on top.
    const sizing = w.nodePool ? targetRequests(w, now, t) : null;
    const requests = sizing && !('missing' in sizing) ? sizing.target : w.requests;
    const perHour = podHourCost(w, requests.cpuCores, requests.memoryGiB);
    const saving = perHour === null ? null : (podHours / rps.length) * HOURS_PER_MONTH * perHour;
    // a floor lowered for pennies only buys a colder burst (without prices it stays, unpriced)
    if (saving === null || saving >= t.minReplicasMinSavings) recommendations.push(
      recommend(REPLICAS, {
        resource: w.resource,
        action: { type: 'min-replicas', params: { from: w.minReplicas, to: minNeeded } },
        text: `Lower ${possessive(w.resource.name)} minimum replicas from ${w.minReplicas} to ${minNeeded}: the quietest hour in ${t.podsLookbackDays} days served ${fmt(quietest, 1)} requests/s, ${fmt(perPod, 1)} per pod (never under ${t.minReplicasFloor} replicas).`,
        message: { key: 'podMinReplicas', params: { workload: w.resource.name, from: w.minReplicas, to: minNeeded, quietestRps: round(quietest, 2), rpsPerPod: perPod, floor: t.minReplicasFloor, days: t.podsLookbackDays } },
        evidence: [
          { metric: 'quietestHourRps', value: round(quietest, 2), unit: 'req/s' },
          { metric: 'minReplicas', value: w.minReplicas, unit: 'pods', threshold: minNeeded, comparison: 'at-most', source: 'quietest hour ÷ requests per pod' },
        ],
        monthlySavings: saving === null ? null : fixedSavings(saving),
        currency: w.currency,
        risks: [{ level: 'medium', text: 'A sudden burst waits for the autoscaler (a minute or two) with fewer pods warm.', message: { key: 'riskColdBurst', params: {} } }],
        lookback,
      }),
    );
  }

  if (w.planPeakRps !== undefined) {
    const maxNeeded = needed(w.planPeakRps);
    if (w.maxReplicas < maxNeeded) {
      recommendations.push(
        recommend(REPLICAS, {
          resource: w.resource,
          action: { type: 'max-replicas', params: { from: w.maxReplicas, to: maxNeeded } },
          text: `Raise ${possessive(w.resource.name)} autoscaler maximum from ${w.maxReplicas} to ${maxNeeded} replicas: the plan's peak of ${fmt(w.planPeakRps)} requests/s needs ${maxNeeded} pods at ${fmt(perPod, 1)} each.`,
          message: { key: 'podMaxReplicas', params: { workload: w.resource.name, from: w.maxReplicas, to: maxNeeded, planPeakRps: w.planPeakRps, rpsPerPod: perPod } },
          evidence: [
            { metric: 'planPeakRps', value: w.planPeakRps, unit: 'req/s' },
            { metric: 'maxReplicas', value: w.maxReplicas, unit: 'pods', threshold: maxNeeded, comparison: 'at-least', source: "the plan's peak ÷ requests per pod" },
          ],
          monthlySavings: null,
          currency: w.currency,
          risks: [{ level: 'high', text: 'At the plan’s peak the autoscaler would stop short and requests would queue.', message: { key: 'riskHpaCeiling', params: {} } }],
          lookback,
        }),
      );
    }
  }
  return { resource: w.resource, recommendations };
}

export const podReplicasRule: TRule = {
  ...REPLICAS,
  needs: ['workloads'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.workloads) return missingCollection('workloads');
    return facts.workloads.map((w) => evaluateReplicas(w, now, t));
  },
};
