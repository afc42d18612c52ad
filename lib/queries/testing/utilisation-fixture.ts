// Utilisation data for the query tests, and the figures those queries must return, worked out here
// in plain TypeScript from the samples themselves (no SQL, no code shared with the queries).
import type { TResourceInput, TSampleInput } from '../../focus/types';

export const GiB = 2 ** 30;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// The window under test: ten UTC days, [from, to).
export const WINDOW = { from: '2026-03-01', to: '2026-03-11' };
export const FROM = Date.parse(`${WINDOW.from}T00:00:00Z`);
export const TO = Date.parse(`${WINDOW.to}T00:00:00Z`);

export const cluster: TResourceInput = {
  provider: 'atlas',
  kind: 'database',
  externalId: 'grp/ec-routes',
  name: 'ec-routes',
  region: 'eu-west-3',
  size: 'M30',
  capacity: { cpu_percent: 100, memory_used_bytes: 8 * GiB, hit_ratio: 1 },
};
export const cache: TResourceInput = {
  provider: 'redis',
  kind: 'cache',
  externalId: '127.0.0.1:6379/0',
  name: 'ec-cache',
  capacity: { memory_used_bytes: GiB },
};
export const idle: TResourceInput = { provider: 'cloudflare', kind: 'cdn', externalId: 'zone-1', name: 'europe-cyclisme.eu' };

// A small deterministic generator (LCG), so the values are irregular but the same every run.
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const MEMORY_START = 4 * GiB;
export const MEMORY_PER_DAY = 0.05 * GiB;

export function fixtureSamples(): TSampleInput[] {
  const out: TSampleInput[] = [];
  const add = (r: TResourceInput, metric: string, unit: string, t: number, value: number) =>
    out.push({ provider: r.provider, resourceExternalId: r.externalId, metric, unit, ts: new Date(t), value });
  const rnd = lcg(42);
  // two days before the window to one day after; the samples outside it are far larger, so a query
  // that leaks past the window cannot match
  for (let t = FROM - 2 * DAY; t < TO + DAY; t += 20 * 60_000) {
    const inside = t >= FROM && t < TO;
    const hourOfDay = new Date(t).getUTCHours();
    if (inside && hourOfDay === 3) continue; // a gap: no samples at 03:00–04:00 UTC
    add(cluster, 'cpu_percent', 'percent', t + 11_000, inside ? Math.round((20 + 60 * rnd() + hourOfDay) * 100) / 100 : 400 + rnd());
    add(cluster, 'ops_per_sec', 'ops/s', t, inside ? 1000 + 500 * rnd() : 90_000);
    if (t % HOUR === 0) add(cluster, 'hit_ratio', 'ratio', t, inside ? 0.9 + 0.09 * rnd() : 0.1);
  }
  // memory grows on a straight line, sampled every 30 minutes inside the window only
  for (let t = FROM; t < TO; t += 30 * 60_000) {
    add(cluster, 'memory_used_bytes', 'bytes', t, MEMORY_START + (MEMORY_PER_DAY * (t - FROM)) / DAY);
  }
  // the cache sits near its 1 GiB limit, every 5 minutes as the live Redis sampler writes
  for (let t = FROM; t < TO; t += 5 * 60_000) {
    add(cache, 'memory_used_bytes', 'bytes', t, Math.round(0.85 * GiB + 0.1 * GiB * rnd()));
  }
  return out;
}

// percentile_cont: linear interpolation between the closest ranks of the sorted values.
export function percentileCont(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export type TExpected = {
  hourly: { t: number; avg: number; max: number; min: number }[];
  daily: { t: number; avg: number; max: number; min: number }[];
  p50: number;
  p95: number;
  max: number;
  peak: number;
  latest: { value: number; at: number };
};

function groupBy(samples: readonly TSampleInput[], size: number) {
  const groups = new Map<number, number[]>();
  for (const s of samples) {
    const k = Math.floor(s.ts.getTime() / size) * size;
    groups.set(k, [...(groups.get(k) ?? []), s.value]);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, v]) => ({ t, avg: v.reduce((a, x) => a + x, 0) / v.length, max: Math.max(...v), min: Math.min(...v) }));
}

export function expectedFor(samples: readonly TSampleInput[], r: TResourceInput, metric: string, from = FROM, to = TO): TExpected {
  const inWindow = samples
    .filter((s) => s.resourceExternalId === r.externalId && s.metric === metric)
    .filter((s) => s.ts.getTime() >= from && s.ts.getTime() < to)
    .sort((a, b) => a.ts.getTime() - b.ts.getTime());
  const hourly = groupBy(inWindow, HOUR);
  const avgs = hourly.map((h) => h.avg);
  const last = inWindow[inWindow.length - 1];
  return {
    hourly,
    daily: groupBy(inWindow, DAY),
    p50: percentileCont(avgs, 0.5),
    p95: percentileCont(avgs, 0.95),
    max: Math.max(...avgs),
    peak: Math.max(...inWindow.map((s) => s.value)),
    latest: { value: last.value, at: last.ts.getTime() },
  };
}

// Sums of floats depend on their order: SQL and JS agree to about 1e-15 relative, not exactly.
export function close(actual: number, expected: number, relative = 1e-12): boolean {
  return Math.abs(actual - expected) <= Math.abs(expected) * relative + 1e-12;
}
