import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { evaluateScenario } from '@/lib/planning/evaluate';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { buildEvaluateInput, mergeDriverOverrides, planStart } from './build-evaluate-input';
import { ZScenarioOptions, ZScenarioTimeline } from './scenario-schema';

const context = { prices: DEFAULT_PRICE_CATALOGUE, paidPrices: [], fx: { USD: 0.9 }, currency: 'EUR', fromDrivers: null, now: new Date('2026-11-25T10:00:00Z') };

describe('mergeDriverOverrides', () => {
  it('replaces only the named drivers, service levels one by one', () => {
    const m = mergeDriverOverrides(EUROPE_PLAN.drivers, { peakRequestsPerSecond: 900, serviceLevels: { rpoHours: 2 } }) as typeof EUROPE_PLAN.drivers;
    expect(m.peakRequestsPerSecond).toBe(900);
    expect(m.cols).toEqual(EUROPE_PLAN.drivers.cols);
    expect(m.serviceLevels).toEqual({ ...EUROPE_PLAN.drivers.serviceLevels, rpoHours: 2 });
  });

  it('refuses names that are not drivers', () => {
    expect(() => mergeDriverOverrides(EUROPE_PLAN.drivers, { peak: 1 })).toThrow(AppError);
    expect(() => mergeDriverOverrides(EUROPE_PLAN.drivers, { peak: 1 })).toThrow('drivers.peak is not a driver');
    expect(() => mergeDriverOverrides(EUROPE_PLAN.drivers, { serviceLevels: { rpo: 1 } })).toThrow('drivers.serviceLevels.rpo is not a driver');
    expect(() => mergeDriverOverrides(EUROPE_PLAN.drivers, [1])).toThrow('drivers must be an object');
  });
});

describe('buildEvaluateInput', () => {
  it('starts on the first of next month unless the timeline says when', () => {
    expect(planStart(null, new Date('2026-12-31T23:59:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(planStart('2027-03-15', new Date()).toISOString()).toBe('2027-03-15T00:00:00.000Z');
  });

  it('keeps the months flat without a from-scenario and grows from it with one', () => {
    const scenario = { drivers: EUROPE_PLAN.drivers, coefficients: {}, options: ZScenarioOptions.parse({}), timeline: ZScenarioTimeline.parse({ months: 6 }) };
    const flat = evaluateScenario(buildEvaluateInput({ scenario, context, samples: 1, seed: 1 }));
    expect(new Set(flat.months.map((m) => m.likely)).size).toBe(1);
    const growing = evaluateScenario(buildEvaluateInput({ scenario, context: { ...context, fromDrivers: GRAND_EST_TODAY.drivers }, samples: 1, seed: 1 }));
    expect(Number(growing.months[0].likely)).toBeLessThan(Number(growing.months[5].likely));
    expect(growing.months[5].likely).toBe(flat.months[5].likely);
  });

  it('uses prices paid only when the options say so', () => {
    const paid = [{ id: 'atlas:M30@eu-west-3', unitPrice: '0.2', currency: 'USD', effectiveDate: '2026-11-24', source: 'invoices', n: 3 }];
    const scenario = { drivers: GRAND_EST_TODAY.drivers, coefficients: {}, options: ZScenarioOptions.parse({}), timeline: ZScenarioTimeline.parse({}) };
    const list = buildEvaluateInput({ scenario, context: { ...context, paidPrices: paid }, samples: 1, seed: 1 });
    expect(list.prices!.find((p) => p.id === 'atlas:M30@eu-west-3')!.unitPrice).not.toBe('0.2');
    expect(list.options).not.toHaveProperty('usePaidPrices');
    const withPaid = buildEvaluateInput({ scenario: { ...scenario, options: { ...scenario.options, usePaidPrices: true } }, context: { ...context, paidPrices: paid }, samples: 1, seed: 1 });
    expect(withPaid.prices!.find((p) => p.id === 'atlas:M30@eu-west-3')).toMatchObject({ unitPrice: '0.2', estimate: false, source: 'invoices' });
  });
});
