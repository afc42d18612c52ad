import { describe, expect, it } from 'vitest';
import type { TCapacity } from '../../planning/types';
import { calibrateClass, capacityMultipliers, classProjection, type TPlanMonth } from './plan-projection';

const cap = (mainPods: number) => ({ mainPods } as unknown as TCapacity);
const month = (m: string, app: number, spread = 0.2): TPlanMonth => ({
  month: m, total: { p10: String(100 * (1 - spread)), p50: '100', p90: String(100 * (1 + spread)) }, classes: { application: String(app) }, capacity: cap(app / 10),
});
const NOW = new Date('2026-12-06T08:00:00Z');

describe('calibrateClass', () => {
  it('measures actual ÷ model over the past months both cover', () => {
    const months = [month('2026-09', 100), month('2026-10', 200), month('2026-11', 300), month('2026-12', 300)];
    const c = calibrateClass(months, 'application', NOW, new Map([['2026-10', 300], ['2026-11', 450]]), 480);
    expect(c).toMatchObject({ basis: 'overlap', months: ['2026-10', '2026-11'] });
    expect(c.ratio).toBeCloseTo(750 / 500, 9);
  });

  it('anchors on the first month of a plan that starts now or later', () => {
    const c = calibrateClass([month('2027-01', 250), month('2027-02', 500)], 'application', NOW, new Map(), 500);
    expect(c).toMatchObject({ basis: 'anchor', ratio: 2 });
  });

  it('is 1 with nothing to compare', () => {
    expect(calibrateClass([], 'application', NOW, new Map(), 0)).toMatchObject({ basis: 'none', ratio: 1 });
  });
});

describe('classProjection', () => {
  it('scales the calibrated model by today’s cost, with the plan’s spread, holding the last month', () => {
    const months = [month('2026-12', 100), month('2027-01', 200, 0.5)];
    const p = classProjection(months, 'application', NOW, { resourceClass: 'application', ratio: 1.5, basis: 'overlap', months: [] }, 150, 4)!;
    expect(p.kind).toBe('quantiles');
    if (p.kind !== 'quantiles') return;
    expect(p.months.map((m) => m.p50)).toEqual([1, 2, 2, 2]);
    expect(p.months[1].p10).toBeCloseTo(1, 9);
    expect(p.months[1].p90).toBeCloseTo(3, 9);
  });

  it('keeps today’s level before the plan starts and has nothing to scale without cost', () => {
    const p = classProjection([month('2027-02', 100)], 'application', NOW, { resourceClass: 'application', ratio: 1, basis: 'anchor', months: [] }, 100, 3)!;
    if (p.kind !== 'quantiles') throw new Error('quantiles expected');
    expect(p.months.map((m) => m.p50)).toEqual([1, 1, 1]);
    expect(classProjection([month('2026-12', 100)], 'application', NOW, { resourceClass: 'application', ratio: 1, basis: 'none', months: [] }, 0, 3)).toBeNull();
  });
});

describe('capacityMultipliers', () => {
  it('gives each month from now over this month', () => {
    const months = [month('2026-11', 50), month('2026-12', 100), month('2027-01', 300)];
    expect(capacityMultipliers(months, NOW, (c) => c.mainPods)).toEqual([1, 3]);
    expect(capacityMultipliers([month('2026-01', 10)], NOW, (c) => c.mainPods)).toBeUndefined();
  });
});
