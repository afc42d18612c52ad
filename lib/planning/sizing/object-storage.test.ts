import { describe, expect, it } from 'vitest';
import { sizeObjectStorage } from './size';
import { EUROPE_POINT, FX, listPrice, testCoefficients } from '../testing/fixtures';

describe('object storage sizing', () => {
  it('splits 5 TB of topographic data by class, adds user files, replica, transfer and requests (S3)', () => {
    const lines = sizeObjectStorage({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX });
    const q = Object.fromEntries(lines.map((l) => [l.key, l.quantity]));
    // 5,000 GB: 0.3 Standard = 1,500; 0.2 Glacier IR = 1,000; rest IA = 2,500
    expect(q['objectStorage.standard']).toBeCloseTo(1500, 6);
    expect(q['objectStorage.archive']).toBeCloseTo(1000, 6);
    expect(q['objectStorage.infrequent']).toBeCloseTo(2500, 6);
    // 550,000 users × 2 MB = 1,100 GB; replica (5,000 + 1,100) × 0.4 = 2,440 GB; transfer × 0.05 = 122 GB
    expect(q['objectStorage.userFiles']).toBeCloseTo(1100, 6);
    expect(q['objectStorage.replica']).toBeCloseTo(2440, 6);
    expect(q['objectStorage.replicationTransfer']).toBeCloseTo(122, 6);
    // reads: 110 M CDN requests × 0.08 misses = 8.8 M + 165,000 MAU × 20 = 3.3 M → 12,100 k; writes 165,000 × 3 = 495 k
    expect(q['objectStorage.reads']).toBeCloseTo(12100, 6);
    expect(q['objectStorage.writes']).toBeCloseTo(495, 6);
    const usd =
      1500 * listPrice('aws:s3:standard@eu-west-3') +
      2500 * listPrice('aws:s3:standard-ia@eu-west-3') +
      1000 * listPrice('aws:s3:glacier-ir@eu-west-3') +
      1100 * listPrice('aws:s3:standard@eu-west-3') +
      2440 * listPrice('aws:s3:standard-ia@eu-central-1') +
      122 * listPrice('aws:data-transfer:inter-region@eu-west-3') +
      12100 * listPrice('aws:s3:get@eu-west-3') +
      495 * listPrice('aws:s3:put@eu-west-3');
    const total = lines.reduce((a, l) => a + Number(l.monthlyCost), 0);
    expect(total).toBeCloseTo(usd * 0.92, 1);
  });

  it('never archives more than what is left after the Standard share', () => {
    const lines = sizeObjectStorage({ drivers: EUROPE_POINT, coefficients: testCoefficients({ standardShare: 0.8, archiveShare: 0.4 }), fx: FX });
    const q = Object.fromEntries(lines.map((l) => [l.key, l.quantity]));
    expect(q['objectStorage.standard']).toBeCloseTo(4000, 6);
    expect(q['objectStorage.archive']).toBeCloseTo(1000, 6);
    expect(q['objectStorage.infrequent']).toBeCloseTo(0, 6);
  });

  it('uses GCS classes and operations for the GCS option', () => {
    const lines = sizeObjectStorage({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { objectStorage: { provider: 'gcs' } } });
    const std = lines.find((l) => l.key === 'objectStorage.standard')!;
    expect(std.item).toContain('GCS Standard');
    expect(Number(std.monthlyCost)).toBeCloseTo(1500 * listPrice('gcp:gcs:standard@europe-west9') * 0.92, 2);
  });
});
