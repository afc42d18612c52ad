// The business behind the demo: Europe Cyclisme's traffic, data and fleet day by day and hour by
// hour, from Grand Est scale to the Europe roll-out of the scaling plan. Costs and utilisation are
// both derived from this one model, so a traffic peak shows in both.
import { addUtcDays, DAY_MS, startOfUtcDay, startOfUtcMonth } from '../dates';
import { createRng } from './prng';

export type TDemoOptions = { now: Date; seed: number };

const HOUR_MS = 3_600_000;

export type TDemoDay = {
  index: number;
  date: Date; // UTC midnight
  monthStart: Date;
  nextMonthStart: Date;
  daysInMonth: number;
  dataProgress: number; // 0 → 1 over the data migration
  rolloutProgress: number; // 0 → 1 over the progressive roll-out
  requests: number; // API requests
  cdnRequests: number;
  cdnGb: number; // served by the CDN
  cacheHitRatio: number;
  originGb: number; // AWS egress to the CDN and API clients
  topoGb: number; // topographic data in S3
  replicaGb: number; // topographic data replicated to Frankfurt
  mongoDataGb: number;
  logsGb: number;
  natGb: number; // processed by the NAT gateways (weather and map data feeds)
  redisLimitGb: number;
  redisUsedGb: number;
  nodeHours: number; // prod EKS worker node-hours (m6i.xlarge)
  avgNodes: number;
  avgReplicas: number;
  stagingNodes: number;
  loadTestVuh: number; // Grafana k6 virtual-user hours
};

export type TDemoHour = {
  ts: Date;
  day: TDemoDay;
  rps: number;
  replicas: number;
  nodes: number;
  // requests of the pods on the prod nodes that are not the routes API: system (kube-system, DaemonSets) and
  // auxiliary workloads (weather ingestion, route pre-computation workers)
  auxiliaryVcpu: number;
  auxiliaryMemoryGib: number;
};

// What one prod m6i.xlarge node (4 vCPU, 16 GiB) can schedule once EKS has reserved its share.
export const DEMO_NODE_ALLOCATABLE = { vcpu: 3.6, memoryGib: 14.5 };
// Auxiliary and system pods ask ~2 GiB per vCPU requested (JVM ingestion workers, caches).
const AUXILIARY_GIB_PER_VCPU = 2;

export type TDemoPhases = {
  prepStart: Date; // plan phase 1: preparation (2 weeks)
  dataStart: Date; // phase 2: data migration (3 weeks)
  rolloutStart: Date; // phase 3: progressive roll-out (4 weeks)
  rolloutEnd: Date; // phase 4: ongoing optimisation
  savingsPlanStart: Date;
  redisUpgrade: Date;
};

export type TDemoModel = {
  seed: number;
  start: Date; // first day (UTC month start, 12 months before the current month)
  end: Date; // first day not billed yet (today, UTC midnight)
  sampleEnd: Date; // first hour without samples (now, floored to the hour)
  phases: TDemoPhases;
  days: TDemoDay[]; // [start, end]: today is included for hourly samples, not for costs
  hours: TDemoHour[];
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const smoothstep = (x: number) => {
  const t = clamp(x, 0, 1);
  return t * t * (3 - 2 * t);
};
const daysBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / DAY_MS;

// Share of a day's traffic in each local hour (Paris): quiet nights, lunch and evening peaks.
const DIURNAL = [
  0.45, 0.3, 0.22, 0.18, 0.18, 0.25, 0.45, 0.8, 1.1, 1.2, 1.25, 1.3, 1.35, 1.3, 1.25, 1.25, 1.35, 1.55, 1.75, 1.8, 1.6,
  1.3, 0.95, 0.65,
];
const DIURNAL_MEAN = DIURNAL.reduce((a, b) => a + b, 0) / 24;

// Paris is UTC+2 in summer time, UTC+1 otherwise (switch dates rounded to the month).
const parisOffset = (d: Date) => (d.getUTCMonth() >= 3 && d.getUTCMonth() <= 9 ? 2 : 1);

// Cycling is seasonal: July is the peak, January the trough; weekends are busier.
function seasonality(d: Date): number {
  const dayOfYear = daysBetween(new Date(Date.UTC(d.getUTCFullYear(), 0, 1)), d);
  return 1 + 0.3 * Math.cos((2 * Math.PI * (dayOfYear - 196)) / 365.25);
}
const WEEKDAY = [1.3, 0.92, 0.9, 0.92, 0.95, 1.08, 1.35]; // Sunday first

export function demoPhases(end: Date): TDemoPhases {
  const prepStart = addUtcDays(end, -84);
  const dataStart = addUtcDays(prepStart, 14);
  const rolloutStart = addUtcDays(dataStart, 21);
  return {
    prepStart,
    dataStart,
    rolloutStart,
    rolloutEnd: addUtcDays(rolloutStart, 28),
    // a 1-year Compute Savings Plan bought seven months ago for the always-on baseline nodes
    savingsPlanStart: startOfUtcMonth(startOfUtcMonth(end), -6),
    // Redis was running into its memory limit (evictions) before the migration
    redisUpgrade: addUtcDays(dataStart, 5),
  };
}

export function buildDemoModel({ now, seed }: TDemoOptions): TDemoModel {
  const end = startOfUtcDay(now);
  const start = startOfUtcMonth(startOfUtcMonth(end), -12);
  const sampleEnd = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const phases = demoPhases(end);
  const noise = createRng(seed, 'model.daily');
  const hourNoise = createRng(seed, 'model.hourly');

  const days: TDemoDay[] = [];
  const hours: TDemoHour[] = [];
  for (let date = start, index = 0; date <= end; date = addUtcDays(date, 1), index++) {
    const monthStart = startOfUtcMonth(date);
    const nextMonthStart = startOfUtcMonth(monthStart, 1);
    const monthsIn = daysBetween(start, date) / 30.44;
    const dataProgress = smoothstep(daysBetween(phases.dataStart, date) / 21);
    const rolloutProgress = smoothstep(daysBetween(phases.rolloutStart, date) / 28);
    const afterRollout = Math.max(0, daysBetween(phases.rolloutEnd, date));
    const organic = 1.018 ** monthsIn;
    const trafficMultiplier = (1 + 14 * rolloutProgress) * (1 + 0.015 * afterRollout);
    const requests =
      200_000 * organic * seasonality(date) * WEEKDAY[date.getUTCDay()] * trafficMultiplier * noise.jitter(0.06);
    // New countries' tiles and profiles start cold: the hit ratio drops during the roll-out and only
    // slowly recovers (cache lifetimes were never raised for the larger catalogue).
    const cacheHitRatio = clamp(0.905 - 0.1 * rolloutProgress + 0.0008 * Math.max(0, daysBetween(phases.rolloutEnd, date)) + 0.008 * noise.normal(), 0.75, 0.97);
    const cdnGb = (requests * 33) / 1e6; // ~33 KB of tiles, profiles and assets per API request
    const redisLimitGb = date < phases.redisUpgrade ? 5 : 25;
    const sinceRolloutStart = Math.max(0, daysBetween(phases.rolloutStart, date));
    days.push({
      index,
      date,
      monthStart,
      nextMonthStart,
      daysInMonth: daysBetween(monthStart, nextMonthStart),
      dataProgress,
      rolloutProgress,
      requests,
      cdnRequests: requests * 7,
      cdnGb,
      cacheHitRatio,
      originGb: cdnGb * (1 - cacheHitRatio) + (requests * 6) / 1e6,
      topoGb: 200 + 2 * monthsIn + 4600 * dataProgress,
      replicaGb: 1200 * smoothstep(daysBetween(phases.rolloutStart, date) / 7),
      mongoDataGb: 40 + 1.2 * monthsIn + 85 * dataProgress + 0.55 * sinceRolloutStart * rolloutProgress,
      logsGb: (2 + (requests / 1e6) * 4) * noise.jitter(0.05),
      natGb: (4 + 55 * rolloutProgress) * noise.jitter(0.1),
      redisLimitGb,
      redisUsedGb:
        date < phases.redisUpgrade
          ? Math.min(4.95, 3.2 + 0.16 * monthsIn + 0.35 * (seasonality(date) - 1))
          : 4.2 + 13 * rolloutProgress + 0.11 * afterRollout, // growing into the 25 GB it was upgraded to
      nodeHours: 0,
      avgNodes: 0,
      avgReplicas: 0,
      stagingNodes: date >= phases.prepStart && date < phases.rolloutEnd ? 2 : 1,
      loadTestVuh: 0,
    });
  }

  // load tests of the plan ("tests de charge réguliers") on a few days around the migration
  for (const [offset, vuh] of [
    [10, 180],
    [35, 320],
    [38, 450],
    [45, 400],
    [52, 380],
    [70, 260],
  ] as const) {
    const d = days.find((x) => x.date.getTime() === addUtcDays(phases.prepStart, offset).getTime());
    if (d) d.loadTestVuh = vuh * noise.jitter(0.1);
  }

  for (const day of days) {
    let replicaSum = 0;
    let nodeSum = 0;
    let count = 0;
    for (let h = 0; h < 24; h++) {
      const ts = new Date(day.date.getTime() + h * HOUR_MS);
      if (ts >= sampleEnd) break;
      const local = (h + parisOffset(ts)) % 24;
      const rps = ((day.requests / 86_400) * DIURNAL[local] * hourNoise.jitter(0.08)) / DIURNAL_MEAN;
      // HPA: 4 requests/s per 2-vCPU pod with 30 % headroom; cluster autoscaler packs pods on
      // m6i.xlarge nodes (3.6 allocatable vCPU) next to the auxiliary and system pods, which grow
      // with the roll-out (weather ingestion for ~50 countries, route pre-computation workers).
      const replicas = clamp(Math.ceil((rps * 1.3) / 4), 3, 30);
      const auxiliaryVcpu = 2.6 + 7 * day.rolloutProgress;
      const nodes = Math.max(3, Math.ceil((replicas * 2 + auxiliaryVcpu) / DEMO_NODE_ALLOCATABLE.vcpu));
      hours.push({ ts, day, rps, replicas, nodes, auxiliaryVcpu, auxiliaryMemoryGib: auxiliaryVcpu * AUXILIARY_GIB_PER_VCPU });
      replicaSum += replicas;
      nodeSum += nodes;
      count++;
    }
    day.nodeHours = nodeSum;
    day.avgNodes = count ? nodeSum / count : 0;
    day.avgReplicas = count ? replicaSum / count : 0;
  }

  return { seed, start, end, sampleEnd, phases, days, hours };
}

// Days whose costs are billed: [start, end).
export function billedDays(model: TDemoModel): TDemoDay[] {
  return model.days.filter((d) => d.date < model.end);
}

// Calendar months of the window: each with its days billed so far and whether it is complete.
export function billedMonths(model: TDemoModel): { start: Date; end: Date; days: TDemoDay[]; complete: boolean }[] {
  const months: { start: Date; end: Date; days: TDemoDay[]; complete: boolean }[] = [];
  for (const d of billedDays(model)) {
    let m = months.at(-1);
    if (!m || m.start.getTime() !== d.monthStart.getTime()) {
      m = { start: d.monthStart, end: d.nextMonthStart, days: [], complete: d.nextMonthStart <= model.end };
      months.push(m);
    }
    m.days.push(d);
  }
  return months;
}
