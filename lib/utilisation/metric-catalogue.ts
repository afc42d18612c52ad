// What the metric names the connectors write mean to a reader, and which of them fill up.
export type TMetricInfo = {
  label: string; // "Memory"
  noun: string; // in a sentence: "P95 memory 5,9 GB of 8 GB"
  // false for ratios where more is better (hit ratios): their capacity of 1 is a ceiling, not a
  // limit to run into, so they get no headroom, fill bar or "full in N days"
  fills: boolean;
};

const CATALOGUE: Record<string, TMetricInfo> = {
  cpu_percent: { label: 'CPU', noun: 'CPU', fills: true },
  cpu_cores: { label: 'CPU', noun: 'CPU', fills: true },
  memory_used_bytes: { label: 'Memory', noun: 'memory', fills: true },
  memory_working_set_bytes: { label: 'Memory (working set)', noun: 'memory', fills: true },
  memory_limit_bytes: { label: 'Memory limit', noun: 'memory limit', fills: true },
  cache_used_bytes: { label: 'WiredTiger cache', noun: 'cache', fills: true },
  disk_used_bytes: { label: 'Disk', noun: 'disk', fills: true },
  bucket_size_bytes: { label: 'Stored data', noun: 'stored data', fills: true },
  connections: { label: 'Connections', noun: 'connections', fills: true },
  connected_clients: { label: 'Clients', noun: 'clients', fills: true },
  ops_per_sec: { label: 'Operations', noun: 'operations', fills: true },
  iops: { label: 'Disk IOPS', noun: 'disk IOPS', fills: true },
  replicas: { label: 'Replicas', noun: 'replicas', fills: true },
  // a node pool's: nodes, the requests of all pods on them, and what the nodes can schedule
  nodes: { label: 'Nodes', noun: 'nodes', fills: true },
  cpu_request_cores: { label: 'CPU requested', noun: 'CPU requested', fills: true },
  memory_request_bytes: { label: 'Memory requested', noun: 'memory requested', fills: true },
  cpu_allocatable_cores: { label: 'Allocatable CPU', noun: 'allocatable CPU', fills: true },
  memory_allocatable_bytes: { label: 'Allocatable memory', noun: 'allocatable memory', fills: true },
  requests_per_sec: { label: 'Requests', noun: 'requests', fills: true },
  http_requests_per_second: { label: 'Requests', noun: 'requests', fills: true },
  requests: { label: 'Requests', noun: 'requests', fills: true },
  cached_requests: { label: 'Cached requests', noun: 'cached requests', fills: true },
  bytes: { label: 'Traffic', noun: 'traffic', fills: true },
  cached_bytes: { label: 'Cached traffic', noun: 'cached traffic', fills: true },
  evicted_keys: { label: 'Evicted keys', noun: 'evicted keys', fills: true },
  hit_ratio: { label: 'Hit ratio', noun: 'hit ratio', fills: false },
  cache_hit_ratio: { label: 'Cache hit ratio', noun: 'cache hit ratio', fills: false },
};

export function metricInfo(metric: string): TMetricInfo {
  const known = CATALOGUE[metric];
  if (known) return known;
  const words = metric.replace(/_/g, ' ').trim();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), noun: words, fills: !/ratio$/.test(metric) };
}

// The capacity that bounds a metric: resource.capacity is keyed by the metric it bounds.
export function capacityFor(capacity: unknown, metric: string): number | null {
  if (!capacity || typeof capacity !== 'object' || Array.isArray(capacity)) return null;
  const value = (capacity as Record<string, unknown>)[metric];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
