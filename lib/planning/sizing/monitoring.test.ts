import { describe, expect, it } from 'vitest';
import { sizeMonitoring } from './size';
import { EUROPE_POINT, FX, listPrice, testCoefficients } from '../testing/fixtures';

describe('monitoring sizing', () => {
  it('sizes Grafana Cloud and PagerDuty for the Europe point by hand', () => {
    const lines = sizeMonitoring({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX });
    const get = (k: string) => lines.find((l) => l.key === k)!;
    // hosts 13 application nodes + 3 Atlas + 3 Redis = 19; series 19 × 1,000 + 21 pods × 300 = 25,300 → 15.3k billed after 10k
    expect(get('monitoring.metrics').quantity).toBeCloseTo(15.3, 9);
    expect(Number(get('monitoring.metrics').monthlyCost)).toBeCloseTo(15.3 * listPrice('grafana:metrics') * 0.92, 2);
    // logs: 5 M/day × 365/12 days = 152.083 M requests × 1 GB per million − 50 GB included = 102.083 GB
    expect(get('monitoring.logs').quantity).toBeCloseTo((5e6 * 365) / 12 / 1e6 - 50, 6);
    expect(Number(get('monitoring.platform').monthlyCost)).toBeCloseTo(listPrice('grafana:platform') * 0.92, 2);
    expect(Number(get('monitoring.alerting').monthlyCost)).toBeCloseTo(5 * listPrice('pagerduty:business') * 0.92, 2);
  });

  it('sizes self-hosted nodes and disks, and drops PagerDuty when alerting is none', () => {
    const lines = sizeMonitoring({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { monitoring: { provider: 'self-hosted', alerting: 'none' } } });
    expect(lines.map((l) => l.key)).toEqual(['monitoring.nodes', 'monitoring.storage']);
    // 2 Prometheus/Grafana + max(3, ceil(152.08 ÷ 750)) = 5 nodes of m6i.xlarge
    expect(lines[0].quantity).toBe(5 * 730);
    expect(Number(lines[0].monthlyCost)).toBeCloseTo(5 * 730 * listPrice('aws:ec2:m6i.xlarge@eu-west-3') * 0.92, 2);
    // disk 152.083 × 1.5 + 25,300 × 0.00015 × 2 = 228.125 + 7.59 = 235.715 GB
    expect(lines[1].quantity).toBeCloseTo(((5e6 * 365) / 12 / 1e6) * 1.5 + 25300 * 0.00015 * 2, 6);
  });
});
