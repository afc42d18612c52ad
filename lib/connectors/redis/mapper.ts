// Pure mapping of one INFO sample to the Redis server resource and its samples.
import type { TResourceInput, TSampleInput } from '../../focus/types';
import type { TRedisInfo } from './api-types';
import type { TRedisEndpoint } from './client';

export const REDIS_PROVIDER = 'redis';

export function redisExternalId(endpoint: TRedisEndpoint): string {
  return `${endpoint.host}:${endpoint.port}/${endpoint.db}`;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

export function mapRedisResource(info: TRedisInfo, endpoint: TRedisEndpoint, name: string): TResourceInput {
  // without maxmemory Redis grows until the machine's memory runs out: that is the bound then
  const memoryBound = info.maxmemory > 0 ? info.maxmemory : info.total_system_memory;
  const capacity: Record<string, number> = {};
  if (memoryBound) capacity.memory_used_bytes = memoryBound;
  if (info.maxclients) capacity.connected_clients = info.maxclients;
  capacity.hit_ratio = 1;
  return {
    provider: REDIS_PROVIDER,
    kind: 'cache',
    externalId: redisExternalId(endpoint),
    name,
    region: null,
    size: info.maxmemory > 0 ? formatBytes(info.maxmemory) : null,
    capacity,
    attributes: {
      host: endpoint.host,
      port: endpoint.port,
      db: endpoint.db,
      tls: endpoint.tls,
      redisVersion: info.redis_version,
      mode: info.redis_mode ?? null,
      role: info.role ?? null,
      maxmemory: info.maxmemory,
      maxmemoryPolicy: info.maxmemory_policy ?? null,
      totalSystemMemory: info.total_system_memory ?? null,
      replicas: info.connected_slaves ?? null,
    },
  };
}

// hit_ratio is over the server's lifetime (INFO's counters since start); it is left out until the
// server has served a read.
export function mapRedisSamples(info: TRedisInfo, externalId: string, ts: Date): TSampleInput[] {
  const sample = (metric: string, unit: string, value: number): TSampleInput => ({
    provider: REDIS_PROVIDER,
    resourceExternalId: externalId,
    metric,
    unit,
    ts,
    value,
  });
  const samples = [
    sample('memory_used_bytes', 'bytes', info.used_memory),
    sample('ops_per_sec', 'ops/s', info.instantaneous_ops_per_sec),
    sample('evicted_keys', 'count', info.evicted_keys),
    sample('connected_clients', 'count', info.connected_clients),
  ];
  const reads = info.keyspace_hits + info.keyspace_misses;
  if (reads > 0) samples.push(sample('hit_ratio', 'ratio', info.keyspace_hits / reads));
  return samples;
}
