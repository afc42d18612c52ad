import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_CATALOGUE, ZPriceCatalogue, findPrice, indexCatalogue, withPaidPrices } from './price-catalogue';
import { prepareModel } from './model';
import { resolveOptions } from './options';
import { ATLAS_TIER_NAMES, ELASTICACHE_NODE_NAMES, INSTANCE_TYPE_NAMES } from './hardware';
import { REGIONS } from './regions';

describe('default price catalogue', () => {
  it('is valid, with unique ids, dates and sources', () => {
    expect(ZPriceCatalogue.safeParse(DEFAULT_PRICE_CATALOGUE).success).toBe(true);
    const ids = DEFAULT_PRICE_CATALOGUE.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of DEFAULT_PRICE_CATALOGUE) expect(i.source.length, i.id).toBeGreaterThan(10);
    expect(DEFAULT_PRICE_CATALOGUE.some((i) => i.estimate)).toBe(true);
    expect(DEFAULT_PRICE_CATALOGUE.some((i) => !i.estimate)).toBe(true);
  });

  it('carries the CloudFront Europe tiers as published', () => {
    const tiers = DEFAULT_PRICE_CATALOGUE.filter((i) => i.sku === 'aws:cloudfront:egress-europe').map((i) => i.unitPrice);
    expect(tiers).toEqual(['0.085', '0.08', '0.06', '0.04', '0.03', '0.025', '0.02']);
  });

  it('prices Atlas per node: the M30 us-east-1 cluster price ÷ 3', () => {
    expect(findPrice(indexCatalogue(DEFAULT_PRICE_CATALOGUE), 'atlas:M30', 'us-east-1').item.unitPrice).toBe('0.18');
  });

  it('resolves every price the model needs for every option and region', () => {
    for (const region of REGIONS) {
      for (const instanceType of INSTANCE_TYPE_NAMES) {
        for (const elasticacheNodeType of ELASTICACHE_NODE_NAMES) {
          const options = resolveOptions({
            application: { region, instanceType, pricing: '1y' },
            atlas: { region, pricing: '3y', minTier: ATLAS_TIER_NAMES[0] },
            redis: { region, provider: 'elasticache', elasticacheNodeType, pricing: '1y' },
            cdn: { provider: 'cloudflare', cloudflarePlan: 'pro', pricing: '1y' },
            objectStorage: { region, provider: 'gcs' },
            monitoring: { region, provider: 'self-hosted', instanceType },
          });
          expect(() => prepareModel({ prices: DEFAULT_PRICE_CATALOGUE, options, fx: { USD: 0.9 }, currency: 'EUR' })).not.toThrow();
        }
      }
      expect(() => prepareModel({ prices: DEFAULT_PRICE_CATALOGUE, options: resolveOptions({ atlas: { region } }), fx: { USD: 0.9 }, currency: 'EUR' })).not.toThrow();
    }
  });

  it('falls back to another region and says so', () => {
    const m = findPrice(indexCatalogue(DEFAULT_PRICE_CATALOGUE), 'aws:ec2:m6i.large', 'eu-west-2', 'eu-central-1');
    expect(m.regionFallback).toBe('eu-central-1');
    expect(m.item.unitPrice).toBe('0.115');
  });

  it('replaces list prices by paid prices', () => {
    const paid = withPaidPrices(DEFAULT_PRICE_CATALOGUE, [{ id: 'atlas:M50@eu-west-3', unitPrice: '0.7', effectiveDate: '2026-10-01', source: 'October invoice' }]);
    const item = paid.find((i) => i.id === 'atlas:M50@eu-west-3')!;
    expect(item).toMatchObject({ unitPrice: '0.7', estimate: false, source: 'October invoice', currency: 'USD' });
    expect(paid.length).toBe(DEFAULT_PRICE_CATALOGUE.length);
  });
});
