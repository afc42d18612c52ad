import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { EUROPE_PLAN, GRAND_EST_TODAY, ZDrivers, parseDrivers, type TDrivers } from './drivers';
import { parseEvaluateInput } from './evaluate';

const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(EUROPE_PLAN.drivers));

function messageOf(input: unknown): string {
  try {
    parseDrivers(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
    return (e as AppError).message;
  }
  throw new Error('expected a rejection');
}

describe('drivers', () => {
  it('accepts both presets with the seed figures', () => {
    expect(parseDrivers(GRAND_EST_TODAY.drivers)).toEqual(GRAND_EST_TODAY.drivers);
    const eu = parseDrivers(EUROPE_PLAN.drivers) as TDrivers;
    expect(eu.peakRequestsPerSecond).toEqual({ low: 400, likely: 500, high: 700 });
    expect(eu.regions).toHaveLength(6);
    expect(GRAND_EST_TODAY.drivers.peakRequestsPerSecond).toBe(20);
    expect(GRAND_EST_TODAY.drivers.requestsPerDay).toBe(200000);
  });

  it('rejects low > likely naming the driver path', () => {
    const d = base();
    d.peakRequestsPerSecond = { low: 600, likely: 500, high: 700 };
    expect(messageOf(d)).toBe('peakRequestsPerSecond.low must be ≤ likely (600 > 500)');
  });

  it('rejects likely > high naming the driver path', () => {
    const d = base();
    d.cols = { low: 1, likely: 9, high: 5 };
    expect(messageOf(d)).toBe('cols.likely must be ≤ high (9 > 5)');
  });

  it('rejects negative values, in a number or inside a range', () => {
    const d = base();
    d.registeredUsers = -5;
    expect(messageOf(d)).toBe('registeredUsers must be a finite number ≥ 0 (got -5)');
    const e = base();
    e.topographicDataTB = { low: -1, likely: 5, high: 6 };
    expect(messageOf(e)).toBe('topographicDataTB.low must be a finite number ≥ 0 (got -1)');
  });

  it('rejects what is not a number', () => {
    const d = base();
    d.requestsPerDay = '5000000';
    expect(messageOf(d)).toBe('requestsPerDay must be a number or a {low, likely, high} range, not string');
    const e = base();
    e.cdnBandwidthTBPerMonth = { low: 1, likely: 'x', high: 3 };
    expect(messageOf(e)).toBe('cdnBandwidthTBPerMonth.likely must be a number, not string');
    const f = base();
    f.weatherCountries = Number.NaN;
    expect(messageOf(f)).toMatch(/^weatherCountries must be a finite number/);
    const g = base();
    g.cols = Number.POSITIVE_INFINITY;
    expect(messageOf(g)).toMatch(/^cols must be a finite number/);
  });

  it('rejects shares above 1, fractional replicas, missing range keys and unknown regions', () => {
    const d = base();
    d.monthlyActiveShare = 1.5;
    expect(messageOf(d)).toBe('monthlyActiveShare must be a finite number ≥ 0 and ≤ 1 (got 1.5)');
    const e = base();
    (e.serviceLevels as Record<string, unknown>).replicas = 2.5;
    expect(messageOf(e)).toBe('serviceLevels.replicas must be an integer ≥ 1 and ≤ 7 (got 2.5)');
    const f = base();
    f.peakRequestsPerSecond = { low: 1, high: 3 };
    expect(messageOf(f)).toBe('peakRequestsPerSecond.likely is required');
    const g = base();
    g.regions = ['paris', 'lyon'];
    expect(messageOf(g)).toMatch(/^regions must only contain paris, frankfurt/);
    const h = base();
    h.regions = [];
    expect(messageOf(h)).toMatch(/regions must name at least one region/);
  });

  it('reports every bad driver with its field, not only the first', () => {
    const d = base();
    d.cols = -1;
    d.predefinedRoutes = { low: 3, likely: 2, high: 1 };
    const r = ZDrivers.safeParse(d);
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toContain('cols');
    expect(fields).toContain('predefinedRoutes.low');
  });

  it('names the driver under its request path in an evaluation request', () => {
    const d = base();
    d.peakRequestsPerSecond = { low: 600, likely: 500, high: 700 };
    expect(() => parseEvaluateInput({ drivers: d, fx: { USD: 0.92 }, start: '2027-01-01' })).toThrowError(
      'drivers.peakRequestsPerSecond.low must be ≤ likely (600 > 500)',
    );
  });
});
