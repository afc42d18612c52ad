import { describe, expect, it } from 'vitest';
import { trafficBasis } from './traffic-basis';

describe('traffic basis', () => {
  it('calls rates per second, whatever their sampling', () => {
    expect(trafficBasis('http_requests_per_second', 'req/s', 24)).toBe('per-second');
    expect(trafficBasis('ops_per_sec', 'ops/s', 1)).toBe('per-second');
    expect(trafficBasis('iops', 'iops', null)).toBe('per-second');
  });

  it('tells daily totals from hourly ones by how many samples a day the window holds', () => {
    expect(trafficBasis('requests', 'count', 1)).toBe('per-day');
    expect(trafficBasis('bytes', 'bytes', 23.4)).toBe('per-hour');
    expect(trafficBasis('cached_requests', 'count', null)).toBe('per-hour');
  });

  it('has no basis for levels', () => {
    expect(trafficBasis('memory_used_bytes', 'bytes', 24)).toBeNull();
    expect(trafficBasis('connections', 'count', 24)).toBeNull();
    expect(trafficBasis('cache_hit_ratio', 'ratio', 24)).toBeNull();
  });
});
