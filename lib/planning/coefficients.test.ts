import { describe, expect, it } from 'vitest';
import { COEFFICIENTS, COEFFICIENT_IDS, ZCoefficientOverrides, resolveCoefficients } from './coefficients';
import { resolveOptions, ZOptions } from './options';

describe('coefficients', () => {
  it('are documented ranges', () => {
    for (const id of COEFFICIENT_IDS) {
      const c = COEFFICIENTS[id];
      expect(c.low, id).toBeLessThanOrEqual(c.likely);
      expect(c.likely, id).toBeLessThanOrEqual(c.high);
      expect(c.description.length, id).toBeGreaterThan(10);
      expect(c.source.length, id).toBeGreaterThan(5);
      expect(c.unit.length, id).toBeGreaterThan(0);
    }
  });

  it('merge overrides (a number pins a coefficient) over the defaults', () => {
    const c = resolveCoefficients({ rpsPerPod: 55, headroom: { low: 0.1, likely: 0.2, high: 0.25 } });
    expect(c.rpsPerPod).toEqual({ low: 55, likely: 55, high: 55 });
    expect(c.headroom).toEqual({ low: 0.1, likely: 0.2, high: 0.25 });
    expect(c.podCpu).toEqual({ low: COEFFICIENTS.podCpu.low, likely: COEFFICIENTS.podCpu.likely, high: COEFFICIENTS.podCpu.high });
  });

  it('validate overrides by id and order', () => {
    expect(ZCoefficientOverrides.safeParse({ rpsPerPod: { low: 50, likely: 40, high: 60 } }).success).toBe(false);
    expect(ZCoefficientOverrides.safeParse({ notACoefficient: 1 }).success).toBe(false);
    expect(ZCoefficientOverrides.safeParse({ rpsPerPod: -1 }).success).toBe(false);
    expect(ZCoefficientOverrides.parse({ rpsPerPod: 30 })).toEqual({ rpsPerPod: { low: 30, likely: 30, high: 30 } });
  });
});

describe('options', () => {
  it('default to the plan’s choices and accept partial alternatives', () => {
    const o = resolveOptions({ redis: { provider: 'elasticache' } });
    expect(o.application).toEqual({ provider: 'eks', instanceType: 'm6i.large', pricing: 'on-demand', region: 'paris' });
    expect(o.redis.provider).toBe('elasticache');
    expect(o.atlas.minTier).toBe('M30');
    expect(o.cdn.provider).toBe('cloudfront');
  });

  it('reject a minimum tier above the maximum', () => {
    const r = ZOptions.safeParse({ atlas: { minTier: 'M60', maxTier: 'M40' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('options.atlas.minTier must not be above maxTier');
  });
});
