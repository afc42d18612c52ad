// What one value of a traffic metric counts: a rate per second (averaged over the hour), or the
// requests or bytes of one sample's interval. Providers differ: the Prometheus connector writes
// requests per second; Cloudflare's analytics give one total per day; the demo writes hourly
// totals. The page names the basis so that "1,2 k" is never read as per second when it is per day.
export type TTrafficBasis = 'per-second' | 'per-hour' | 'per-day';

const RATE_UNITS = new Set(['req/s', 'ops/s', 'iops']);
// counts of something that flows (not levels such as memory or connections)
const FLOW_METRICS = new Set(['requests', 'cached_requests', 'bytes', 'cached_bytes', 'evicted_keys']);

/** samplesPerDay: the metric's hourly rows in the window divided by the window's days. */
export function trafficBasis(metric: string, unit: string, samplesPerDay: number | null): TTrafficBasis | null {
  if (RATE_UNITS.has(unit) || /_per_sec(ond)?$/.test(metric)) return 'per-second';
  if (!FLOW_METRICS.has(metric)) return null;
  // one sample a day fills one hour of the rollup a day; hourly samples fill about 24
  return samplesPerDay !== null && samplesPerDay <= 2 ? 'per-day' : 'per-hour';
}
