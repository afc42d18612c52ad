import { describe, expect, it } from 'vitest';
import { sizeAll, sizeRedis } from './size';
import { DEFAULT_PRICE_CATALOGUE, withPaidPrices } from '../price-catalogue';
import { EUROPE_POINT, FX, listPrice, testCoefficients } from '../testing/fixtures';

describe('Redis sizing', () => {
  it('sizes the Europe point by hand on Redis Enterprise: the quorum minimum decides', () => {
    const { lines, capacity } = sizeAll({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX });
    // hot 58 GB × 0.05 = 2.9 GB; sessions 550,000 × 0.3 × 0.03 = 4,950 users × 16 KB = 0.0792 GB
    // (2.9 + 0.0792) × 2 ÷ 0.65 = 9.1668 GB → ceil(9.17 ÷ 16) = 1 node → at least 3
    expect(capacity.redisDatasetGB).toBeCloseTo(2.98, 2);
    expect(capacity.redisProvisionedGB).toBeCloseTo(9.17, 2);
    expect(capacity.redisNodes).toBe(3);
    const l = lines.find((x) => x.key === 'redis.nodes')!;
    expect(l.quantity).toBe(3 * 16 * 730);
    expect(Number(l.monthlyCost)).toBeCloseTo(3 * 16 * 730 * listPrice('redis-cloud:pro:memory@eu-west-3') * 0.92, 2);
  });

  it('adds nodes when sessions outgrow the minimum', () => {
    const { capacity, lines } = sizeAll({ drivers: EUROPE_POINT, coefficients: testCoefficients({ sessionBytes: 4e6 }), fx: FX });
    // sessions 4,950 × 4 MB = 19.8 GB; (2.9 + 19.8) × 2 ÷ 0.65 = 69.846 GB ÷ 16 = 4.37 → 5 nodes
    expect(capacity.redisNodes).toBe(5);
    expect(Number(lines.find((x) => x.key === 'redis.nodes')!.monthlyCost)).toBeCloseTo(5 * 16 * 730 * 0.029 * 0.92, 2);
  });

  it('uses ElastiCache node prices and a two-node minimum', () => {
    const lines = sizeRedis({ drivers: EUROPE_POINT, coefficients: testCoefficients({ sessionBytes: 4e6 }), fx: FX, options: { redis: { provider: 'elasticache', elasticacheNodeType: 'cache.r7g.large' } } });
    // 69.846 GB ÷ 13.07 GB = 5.34 → 6 nodes
    expect(lines[0].quantity).toBe(6 * 730);
    expect(Number(lines[0].monthlyCost)).toBeCloseTo(6 * 730 * listPrice('aws:elasticache:cache.r7g.large@eu-west-3') * 0.92, 2);
    const small = sizeRedis({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { redis: { provider: 'elasticache' } } });
    expect(small[0].quantity).toBe(2 * 730);
  });

  it('charges the Redis Cloud monthly minimum when usage is below it', () => {
    const prices = withPaidPrices(DEFAULT_PRICE_CATALOGUE, [
      { id: 'redis-cloud:pro:memory@eu-west-3', unitPrice: '0.001', effectiveDate: '2026-01-01', source: 'test quote' },
    ]);
    const lines = sizeRedis({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, prices });
    // 3 × 16 GB × 730 h × 0.001 = 35.04 USD < 200 USD minimum → 200 USD
    expect(Number(lines[0].monthlyCost)).toBeCloseTo(200 * 0.92, 2);
    expect(lines[0].reasoning.some((r) => r.text.includes('monthly minimum'))).toBe(true);
  });
});
