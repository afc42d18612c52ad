import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { fitAtlasHourlyPrice, fitBytesPerUser, fitRpsPerPod } from './calibration';

describe('fitRpsPerPod', () => {
  it('fits req/s per core through the origin and scales to the pod at the target utilisation', () => {
    // exactly 100 req/s per core: 0.5 vCPU pods at 70% → 35 req/s per pod
    const samples = [1, 2, 3, 4].map((c) => ({ requestsPerSecond: 100 * c, cpuCores: c }));
    const r = fitRpsPerPod({ samples, podCpu: 0.5, targetUtilisation: 0.7 });
    expect(r.value).toBeCloseTo(35, 10);
    expect(r.low).toBeCloseTo(35, 10);
    expect(r.high).toBeCloseTo(35, 10);
    expect(r.n).toBe(4);
    expect(r.coefficient).toBe('rpsPerPod');
    expect(r.basis).toContain('4 samples');
  });

  it('weights by CPU (least squares) and drops unusable samples', () => {
    // Σ r·c = 100·1 + 300·2 = 700; Σ c² = 1 + 4 = 5 → 140 req/s per core × 0.25 × 1 = 35
    const r = fitRpsPerPod({ samples: [{ requestsPerSecond: 100, cpuCores: 1 }, { requestsPerSecond: 300, cpuCores: 2 }, { requestsPerSecond: 50, cpuCores: 0 }], podCpu: 0.25, targetUtilisation: 1 });
    expect(r.value).toBeCloseTo(35, 10);
    expect(r.n).toBe(2);
    expect(() => fitRpsPerPod({ samples: [], podCpu: 0.5 })).toThrowError(AppError);
  });
});

describe('fitBytesPerUser', () => {
  it('takes the slope of data size on users when users vary', () => {
    // 10 GB fixed + 80 KB per user
    const samples = [10000, 15000, 20000].map((u) => ({ users: u, dataSizeBytes: 10e9 + 80e3 * u }));
    const r = fitBytesPerUser({ samples });
    expect(r.value).toBeCloseTo(80e3, 6);
    expect(r.basis).toContain('80 KB per added user');
    expect(r.basis).toContain('10 GB does not depend on users');
  });

  it('divides by the users when there is one sample, after removing other data', () => {
    const r = fitBytesPerUser({ samples: [{ users: 20000, dataSizeBytes: 3e9 }], otherBytes: 1e9 });
    expect(r.value).toBe(100e3);
    expect(r.n).toBe(1);
  });
});

describe('fitAtlasHourlyPrice', () => {
  it('divides the amounts by the node-hours of the tier, exactly', () => {
    const r = fitAtlasHourlyPrice({
      tier: 'M30',
      lines: [
        { description: 'AWS Instance M30 - eu-west-3', quantity: '2190', amount: '453.33', currency: 'USD' },
        { description: 'AWS Instance M30 - eu-west-3', quantity: '720', amount: '149.04', currency: 'USD' },
        { description: 'AWS Instance M40 - eu-west-3', quantity: '2190', amount: '873.00', currency: 'USD' },
        { description: 'Backup snapshot storage', quantity: '40', amount: '5.60', currency: 'USD' },
      ],
    });
    // (453.33 + 149.04) ÷ (2190 + 720) = 602.37 ÷ 2910 = 0.207000 (rounded to 6 places)
    expect(r.unitPrice).toBe('0.207000');
    expect(r.n).toBe(2);
    expect(r.currency).toBe('USD');
    expect(r.basis).toBe('2 invoice lines for Atlas M30: 602.37 USD for 2910 node-hours');
  });

  it('refuses mixed currencies and missing lines', () => {
    expect(() => fitAtlasHourlyPrice({ tier: 'M30', lines: [] })).toThrowError(/no usable invoice lines/);
    expect(() =>
      fitAtlasHourlyPrice({
        tier: 'M30',
        lines: [
          { description: 'M30', quantity: '1', amount: '1', currency: 'USD' },
          { description: 'M30', quantity: '1', amount: '1', currency: 'EUR' },
        ],
      }),
    ).toThrowError(/mix currencies/);
  });
});
