import { describe, expect, it } from 'vitest';
import { capacityFor, metricInfo } from './metric-catalogue';

describe('capacityFor', () => {
  it('reads the capacity keyed by the metric it bounds, and nothing else', () => {
    const capacity = { memory_used_bytes: 8 * 2 ** 30, cpu_percent: 100, connections: 0, disk_used_bytes: '200', iops: null };
    expect(capacityFor(capacity, 'memory_used_bytes')).toBe(8 * 2 ** 30);
    expect(capacityFor(capacity, 'cpu_percent')).toBe(100);
    expect(capacityFor(capacity, 'connections')).toBeNull(); // zero bounds nothing
    expect(capacityFor(capacity, 'disk_used_bytes')).toBeNull(); // not a number
    expect(capacityFor(capacity, 'iops')).toBeNull();
    expect(capacityFor(capacity, 'ops_per_sec')).toBeNull();
    expect(capacityFor(null, 'cpu_percent')).toBeNull();
    expect(capacityFor([100], '0')).toBeNull();
  });
});

describe('metricInfo', () => {
  it('names known metrics and keeps hit ratios out of headroom', () => {
    expect(metricInfo('memory_used_bytes')).toEqual({ label: 'Memory', noun: 'memory', fills: true });
    expect(metricInfo('cache_hit_ratio').fills).toBe(false);
    expect(metricInfo('hit_ratio').fills).toBe(false);
  });

  it('makes a readable name for a metric it does not know', () => {
    expect(metricInfo('queue_depth')).toEqual({ label: 'Queue depth', noun: 'queue depth', fills: true });
    expect(metricInfo('replication_ratio').fills).toBe(false);
  });
});
