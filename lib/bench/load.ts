// Load figures: many concurrent clients against the running app for a fixed time, on the costs API,
// the overview page and /api/health (the ceiling of the same stack: HTTP, Next.js, one query), each
// beside its own single-client p50. Bounded in time and count, 127.0.0.1 only.
import autocannon from 'autocannon';

export type TLoadTarget = { name: string; path: string; headers: Record<string, string> };
export type TLoadFigure = {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  singleP50: number;
};

export function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// One client, one request after another: what a person alone on the app waits.
async function singleClientP50(baseUrl: string, target: TLoadTarget, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${target.path}`, { headers: target.headers, redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${target.name}: ${target.path} answered ${res.status} to a single client`);
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

// Every response's own latency is kept (autocannon's summary has no p95), and anything but a 200
// counts as an error: a redirect to sign-in or a 429 is a failed page view for that viewer.
async function underLoad(baseUrl: string, target: TLoadTarget, connections: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${baseUrl}${target.path}`, headers: target.headers, connections, duration: seconds, timeout: 30 },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
  });
  errors += result.errors + result.timeouts;
  const elapsed = result.duration || seconds;
  return { latencies, errors, rps: latencies.length / elapsed };
}

export async function measureLoad(options: {
  baseUrl: string;
  targets: TLoadTarget[];
  connections: number;
  seconds: number;
  singleRequests: number;
}): Promise<TLoadFigure[]> {
  const figures: TLoadFigure[] = [];
  for (const target of options.targets) {
    const singleP50 = await singleClientP50(options.baseUrl, target, options.singleRequests);
    const { latencies, errors, rps } = await underLoad(options.baseUrl, target, options.connections, options.seconds);
    figures.push({
      name: target.name,
      rps,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      errors,
      requests: latencies.length,
      singleP50,
    });
  }
  return figures;
}
