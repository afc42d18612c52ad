import { describe, expect, it } from 'vitest';
import { sizeCdn } from './size';
import { EUROPE_POINT, FX, listPrice, testCoefficients } from '../testing/fixtures';

const get = (lines: ReturnType<typeof sizeCdn>, key: string) => lines.find((l) => l.key === key)!;

describe('CDN sizing', () => {
  it('prices 5.5 TB through CloudFront Europe after the free TB, with requests and free origin fetches', () => {
    const lines = sizeCdn({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX });
    // 5,500 GB − 1,000 GB free = 4,500 GB, all in the first tier at 0.085
    expect(get(lines, 'cdn.egress').quantity).toBe(4500);
    expect(Number(get(lines, 'cdn.egress').monthlyCost)).toBeCloseTo(4500 * 0.085 * 0.92, 2);
    // 5,500 GB ÷ 50 KB = 110 M requests = 11,000 × 10k − 1,000 × 10k free = 10,000 × 10k
    expect(get(lines, 'cdn.requests').quantity).toBeCloseTo(10000, 6);
    expect(Number(get(lines, 'cdn.requests').monthlyCost)).toBeCloseTo(10000 * listPrice('aws:cloudfront:https-requests-europe') * 0.92, 2);
    // origin 5,500 × (1 − 0.92) = 440 GB, free from AWS origins
    expect(get(lines, 'cdn.originEgress').quantity).toBeCloseTo(440, 6);
    expect(get(lines, 'cdn.originEgress').monthlyCost).toBe('0.00');
  });

  it('walks the tiers when traffic crosses them', () => {
    const lines = sizeCdn({ drivers: { ...EUROPE_POINT, cdnBandwidthTBPerMonth: 70 }, coefficients: testCoefficients(), fx: FX });
    // 69,000 GB billed: 10,000 × 0.085 + 40,000 × 0.080 + 19,000 × 0.060 = 850 + 3,200 + 1,140 = 5,190 USD
    const egress = get(lines, 'cdn.egress');
    expect(Number(egress.monthlyCost)).toBeCloseTo(5190 * 0.92, 2);
    expect(Number(egress.unitPrice)).toBeCloseTo(5190 / 69000, 5);
  });

  it('has no free tier when switched off', () => {
    const lines = sizeCdn({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { cdn: { applyFreeTier: false } } });
    expect(Number(get(lines, 'cdn.egress').monthlyCost)).toBeCloseTo(5500 * 0.085 * 0.92, 2);
  });

  it('prices Cloudflare as a flat plan plus origin egress from AWS', () => {
    const lines = sizeCdn({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { cdn: { provider: 'cloudflare', cloudflarePlan: 'business' } } });
    expect(lines.map((l) => l.key)).toEqual(['cdn.plan', 'cdn.originEgress']);
    expect(Number(get(lines, 'cdn.plan').monthlyCost)).toBeCloseTo(listPrice('cloudflare:business') * 0.92, 2);
    expect(Number(get(lines, 'cdn.originEgress').monthlyCost)).toBeCloseTo(440 * listPrice('aws:data-transfer:internet@eu-west-3') * 0.92, 2);
    const annual = sizeCdn({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, options: { cdn: { provider: 'cloudflare', cloudflarePlan: 'business', pricing: '1y' } } });
    expect(Number(get(annual, 'cdn.plan').monthlyCost)).toBeCloseTo(listPrice('cloudflare:business:annual') * 0.92, 2);
  });
});
