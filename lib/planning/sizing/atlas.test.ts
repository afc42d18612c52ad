import { describe, expect, it } from 'vitest';
import { sizeAll } from './size';
import { EUROPE_POINT, FX, listPrice, testCoefficients } from '../testing/fixtures';

const get = (lines: { key: string; monthlyCost: string; quantity: number }[], key: string) => lines.find((l) => l.key === key)!;

describe('MongoDB Atlas sizing', () => {
  it('sizes the Europe point by hand: data → working set → M50, no extra storage, backup with oplog', () => {
    const { lines, capacity } = sizeAll({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX });
    // data = 10,000 × 50 KB + 50,000 × 100 KB + 550,000 × 50 KB + 50 × 0.5 GB = 0.5 + 5 + 27.5 + 25 = 58 GB
    expect(capacity.atlasDataGB).toBe(58);
    // indexes 0.15 × 58 = 8.7; working set 8.7 + 0.1 × 58 = 14.5; ÷ 0.6 = 24.17 GB RAM → M50 (32 GB)
    expect(capacity.atlasRamNeededGB).toBeCloseTo(24.2, 1);
    expect(capacity.atlasTier).toBe('M50');
    expect(capacity.atlasShards).toBe(1);
    expect(capacity.atlasNodes).toBe(3);
    // storage (58 + 8.7) × 1.5 = 100.05 GB ≤ 160 GB included in M50 → nothing extra
    expect(capacity.atlasStorageGB).toBeCloseTo(100.1, 1);
    expect(get(lines, 'atlas.storage').monthlyCost).toBe('0.00');
    expect(get(lines, 'atlas.iops').monthlyCost).toBe('0.00');
    const node = listPrice('atlas:M50@eu-west-3');
    expect(Number(get(lines, 'atlas.cluster').monthlyCost)).toBeCloseTo(3 * 730 * node * 0.92, 2);
    // snapshots 58 × 0.5 × (1 + 0.02 × 14) = 37.12 GB; RPO 1 h → oplog 58 × 0.02 × 7 = 8.12 GB
    expect(get(lines, 'atlas.backup').quantity).toBeCloseTo(45.24, 6);
    expect(Number(get(lines, 'atlas.backup').monthlyCost)).toBeCloseTo(45.24 * listPrice('atlas:backup@eu-west-3') * 0.92, 2);
  });

  it('shards when one replica set of the largest allowed tier is not enough', () => {
    const { capacity, lines } = sizeAll({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { atlas: { maxTier: 'M40' } } });
    // 24.17 GB RAM ÷ 16 GB (M40) → 2 shards of 12.08 GB → M40 each; 2 × 3 replicas = 6 nodes
    expect(capacity.atlasShards).toBe(2);
    expect(capacity.atlasTier).toBe('M40');
    expect(capacity.atlasNodes).toBe(6);
    expect(Number(get(lines, 'atlas.cluster').monthlyCost)).toBeCloseTo(6 * 730 * listPrice('atlas:M40@eu-west-3') * 0.92, 2);
  });

  it('bills the whole custom storage once it exceeds the tier default', () => {
    const drivers = { ...EUROPE_POINT, topographicDataTB: 5, weatherCountries: 50 };
    const { capacity, lines } = sizeAll({ drivers, coefficients: testCoefficients({ storageGrowthMargin: 3, workingSetShare: 0.05, ramUsableShare: 0.75 }), fx: FX });
    // RAM (8.7 + 0.05 × 58) ÷ 0.75 = 15.47 GB → M40 (16 GB); storage 66.7 × 3 = 200.1 GB > 80 GB default → custom storage
    expect(capacity.atlasTier).toBe('M40');
    expect(get(lines, 'atlas.storage').quantity).toBeCloseTo(200.1 * 3, 6);
    expect(Number(get(lines, 'atlas.storage').monthlyCost)).toBeCloseTo(200.1 * 3 * listPrice('atlas:storage@eu-west-3') * 0.92, 2);
  });

  it('keeps the production minimum tier for small data and drops the oplog with a daily RPO', () => {
    const drivers = { ...EUROPE_POINT, registeredUsers: 20000, weatherCountries: 0.1, cols: 500, predefinedRoutes: 2000, serviceLevels: { replicas: 3, rpoHours: 24, rtoHours: 24, backupRetentionDays: 7 } };
    const { capacity, lines } = sizeAll({ drivers, coefficients: testCoefficients(), fx: FX });
    expect(capacity.atlasTier).toBe('M30');
    // data 0.025 + 0.2 + 1 + 0.05 = 1.275 GB; backup 1.275 × 0.5 × (1 + 0.02 × 7) = 0.72675 GB, no oplog
    expect(get(lines, 'atlas.backup').quantity).toBeCloseTo(0.72675, 9);
  });

  it('provisions IOPS above the tier’s standard IOPS instead of sharding', () => {
    const { capacity, lines } = sizeAll({ drivers: EUROPE_POINT, coefficients: testCoefficients({ iopsPerRequest: 10 }), fx: FX });
    // 500 req/s × 10 = 5,000 IOPS; M50 has 3,000 standard → 2,000 extra per node × 3 nodes = 6,000 IOPS-month
    expect(capacity.atlasTier).toBe('M50');
    expect(capacity.atlasShards).toBe(1);
    expect(get(lines, 'atlas.iops').quantity).toBe(6000);
    expect(Number(get(lines, 'atlas.iops').monthlyCost)).toBeCloseTo(6000 * listPrice('atlas:iops@eu-west-3') * 0.92, 2);
  });

  it('takes five nodes per shard when the service level asks five replicas', () => {
    const drivers = { ...EUROPE_POINT, serviceLevels: { ...EUROPE_POINT.serviceLevels, replicas: 5 } };
    expect(sizeAll({ drivers, coefficients: testCoefficients(), fx: FX }).capacity.atlasNodes).toBe(5);
  });
});
