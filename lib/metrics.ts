// Prometheus metrics, one registry per process (kept on globalThis: Next.js bundles routes apart).
import client from 'prom-client';

type TMetrics = {
  registry: client.Registry;
  httpRequests: client.Counter<'route' | 'method' | 'status'>;
  httpDuration: client.Histogram<'route' | 'method' | 'status'>;
};

const globalForMetrics = globalThis as unknown as { tourmaletMetrics?: TMetrics };

function create(): TMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'tourmalet_' });
  const httpRequests = new client.Counter({
    name: 'tourmalet_http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: 'tourmalet_http_request_duration_seconds',
    help: 'HTTP request durations by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequests, httpDuration };
}

export function metrics(): TMetrics {
  globalForMetrics.tourmaletMetrics ??= create();
  return globalForMetrics.tourmaletMetrics;
}

export function observeRequest(route: string, method: string, status: number, seconds: number) {
  const m = metrics();
  const labels = { route, method, status: String(status) };
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}
