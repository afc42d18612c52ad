import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { EUROPE_PLAN, GRAND_EST_TODAY, NUMERIC_DRIVERS, getDriverValue, withDriver, type TDrivers, type TNumericDriverId } from './drivers';
import { rankIndex } from './distributions';
import { evaluateScenario, type TEvaluateInput } from './evaluate';
import { resolveOptions, type TOptionsInput } from './options';
import { resolveCoefficients } from './coefficients';
import { evaluatePoint, newModelState, prepareModel } from './model';
import { likelyCoefficientPoint, likelyDriverPoint } from './point';
import { DEFAULT_PRICE_CATALOGUE } from './price-catalogue';
import { compareWithSeed } from './seed-reference';
import { EUROPE_POINT, FX, testCoefficients } from './testing/fixtures';

const START = new Date('2027-01-04T00:00:00Z');
const europe = (over: Partial<TEvaluateInput> = {}) =>
  evaluateScenario({ drivers: EUROPE_PLAN.drivers, fx: FX, samples: 2000, seed: 11, start: START, ...over });

describe('evaluateScenario: reproducibility', () => {
  it('gives identical results for the same seed and different ones for another seed', () => {
    const input: TEvaluateInput = { drivers: EUROPE_PLAN.drivers, fx: FX, samples: 1500, seed: 123, start: START, timeline: { months: 12 } };
    const a = evaluateScenario(input);
    const b = evaluateScenario(input);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = evaluateScenario({ ...input, seed: 124 });
    expect(c.steadyState.total).not.toEqual(a.steadyState.total);
    expect(c.deterministic).toEqual(a.deterministic);
  });
});

describe('evaluateScenario: percentiles', () => {
  it('takes the total percentiles from the per-sample totals, not from summed line percentiles', () => {
    const r = europe({ keepSamples: true });
    const sorted = [...r.sampleTotals!].sort((x, y) => x - y);
    const n = sorted.length;
    expect(Number(r.steadyState.total.p10)).toBeCloseTo(sorted[rankIndex(0.1, n)], 2);
    expect(Number(r.steadyState.total.p50)).toBeCloseTo(sorted[rankIndex(0.5, n)], 2);
    expect(Number(r.steadyState.total.p90)).toBeCloseTo(sorted[rankIndex(0.9, n)], 2);
    const sumP90 = r.steadyState.classes.reduce((a, c) => a + Number(c.p90), 0);
    expect(Math.abs(sumP90 - Number(r.steadyState.total.p90))).toBeGreaterThan(1);
  });

  it('orders P10 ≤ P50 ≤ P90 for every line, class and month', () => {
    const r = europe({ timeline: { months: 6 } });
    for (const x of [...r.steadyState.lines, ...r.steadyState.classes, r.steadyState.total, ...r.months.map((m) => m.total)]) {
      expect(Number(x.p10)).toBeLessThanOrEqual(Number(x.p50));
      expect(Number(x.p50)).toBeLessThanOrEqual(Number(x.p90));
    }
  });

  it('collapses to the deterministic value when nothing is uncertain', () => {
    const r = evaluateScenario({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, samples: 50, seed: 1, start: START });
    expect(r.steadyState.total).toEqual({ p10: r.deterministic.total, p50: r.deterministic.total, p90: r.deterministic.total });
    expect(r.tornado).toEqual([]);
  });

  it('needs an FX rate for every price currency', () => {
    expect(() => evaluateScenario({ drivers: EUROPE_POINT, fx: {}, samples: 1, start: START })).toThrowError(AppError);
    expect(() => evaluateScenario({ drivers: EUROPE_POINT, fx: {}, samples: 1, start: START })).toThrowError(/fx\.USD is missing/);
  });
});

describe('evaluateScenario: the Europe plan', () => {
  const r = europe();

  it('explains every line with reasoning that names its inputs', () => {
    expect(r.steadyState.lines.length).toBeGreaterThanOrEqual(20);
    for (const l of r.steadyState.lines) {
      expect(l.reasoning.length, l.key).toBeGreaterThan(0);
      for (const s of l.reasoning) expect(s.text.length, l.key).toBeGreaterThan(10);
      expect(l.reasoning.flatMap((s) => s.uses).some((u) => u.kind !== 'price'), l.key).toBe(true);
      expect(Number(l.monthlyCost)).toBeCloseTo(l.quantity * Number(l.unitPrice) * FX.USD, 0);
    }
  });

  it('has a total P10–P90 that overlaps the plan’s 4,500–9,100 EUR', () => {
    const { p10, p90 } = r.steadyState.total;
    expect(Number(p10)).toBeLessThanOrEqual(9100);
    expect(Number(p90)).toBeGreaterThanOrEqual(4500);
  });

  it('explains every resource class against the plan, and every disagreement says which way', () => {
    const c = compareWithSeed(r);
    expect(c.rows.map((x) => x.resourceClass).sort()).toEqual(['application', 'atlas', 'cdn', 'monitoring', 'objectStorage', 'redis']);
    for (const row of [...c.rows, c.total]) {
      expect(row.explanation.length).toBeGreaterThan(20);
      if (row.verdict !== 'agrees' && row.resourceClass !== 'total') expect(row.explanation).toMatch(/^Model (higher|lower) than the plan: /);
    }
  });

  it('moves pods and the total when the peak requests per second change', () => {
    const low = evaluateScenario({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, samples: 1, start: START });
    const high = evaluateScenario({ drivers: { ...EUROPE_POINT, peakRequestsPerSecond: 1500 }, coefficients: testCoefficients(), fx: FX, samples: 1, start: START });
    // ceil(1500 ÷ 40 × 1.3) = ceil(48.75) = 49 pods
    expect(high.deterministic.capacity.mainPods).toBe(49);
    expect(low.deterministic.capacity.mainPods).toBe(17);
    expect(Number(high.deterministic.total)).toBeGreaterThan(Number(low.deterministic.total));
  });
});

describe('evaluateScenario: tornado', () => {
  it('sorts inputs by swing and reproduces each bar with a one-input evaluation', () => {
    const drivers: TDrivers = { ...EUROPE_POINT, peakRequestsPerSecond: { low: 300, likely: 500, high: 1200 }, registeredUsers: { low: 400000, likely: 550000, high: 900000 } };
    const r = evaluateScenario({ drivers, coefficients: testCoefficients(), fx: FX, samples: 10, start: START });
    expect(r.tornado.map((t) => t.input)).toEqual(expect.arrayContaining(['drivers.peakRequestsPerSecond', 'drivers.registeredUsers']));
    for (let i = 1; i < r.tornado.length; i++) expect(Number(r.tornado[i - 1].swing)).toBeGreaterThanOrEqual(Number(r.tornado[i].swing));
    const bar = r.tornado.find((t) => t.input === 'drivers.peakRequestsPerSecond')!;
    const at = (v: number) => evaluateScenario({ drivers: { ...drivers, peakRequestsPerSecond: v }, coefficients: testCoefficients(), fx: FX, samples: 1, start: START }).deterministic.total;
    expect(bar.low).toBe(at(300));
    expect(bar.high).toBe(at(1200));
    expect(Number(bar.swing)).toBeCloseTo(Number(bar.high) - Number(bar.low), 2);
  });
});

const OPTION_SETS: [string, TOptionsInput][] = [
  ['defaults', {}],
  ['fargate, elasticache, cloudflare, gcs, self-hosted', {
    application: { provider: 'ecs-fargate' }, redis: { provider: 'elasticache' }, cdn: { provider: 'cloudflare' },
    objectStorage: { provider: 'gcs' }, monitoring: { provider: 'self-hosted' },
  }],
  ['3-year commitments, small Atlas max tier', {
    application: { pricing: '3y', instanceType: 'c7i.xlarge' }, atlas: { pricing: '3y', maxTier: 'M40' }, redis: { pricing: '3y' }, cdn: { applyFreeTier: false },
  }],
];

// More users, requests or data never cost less, all else equal.
const GROWING: TNumericDriverId[] = [
  'cols', 'predefinedRoutes', 'registeredUsers', 'monthlyActiveShare', 'requestsPerDay', 'peakRequestsPerSecond',
  'weatherCountries', 'topographicDataTB', 'cdnBandwidthTBPerMonth', 'serviceLevels.replicas', 'serviceLevels.backupRetentionDays',
];

describe('evaluateScenario: monotonicity', () => {
  // The deterministic total straight from the model (what evaluateScenario reports as deterministic.total).
  const coefficients = likelyCoefficientPoint(resolveCoefficients(testCoefficients()));
  const state = newModelState();
  const total = (drivers: TDrivers, options: TOptionsInput) =>
    evaluatePoint(likelyDriverPoint(drivers), coefficients, prepareModel({ prices: DEFAULT_PRICE_CATALOGUE, options: resolveOptions(options), fx: FX, currency: 'EUR' }), state);

  it('measures the same total as evaluateScenario', () => {
    const r = evaluateScenario({ drivers: EUROPE_POINT, coefficients: testCoefficients(), fx: FX, samples: 1, start: START });
    expect(total(EUROPE_POINT, {}).toFixed(2)).toBe(r.deterministic.total);
  });

  for (const [name, options] of OPTION_SETS) {
    for (const id of GROWING) {
      it(`${id} never lowers the total (${name})`, () => {
        const base = NUMERIC_DRIVERS.find((d) => d.id === id)!;
        const start = id === 'serviceLevels.replicas' ? 1 : id === 'monthlyActiveShare' ? 0.05 : undefined;
        const from = start ?? (id.startsWith('serviceLevels.') ? 1 : 0);
        const likely = getDriverValue(EUROPE_POINT, base.id) as number;
        const top = id === 'monthlyActiveShare' ? 1 : id === 'serviceLevels.replicas' ? 7 : Math.max(10, likely) * 40;
        let prev = -Infinity;
        for (let i = 0; i <= 60; i++) {
          const v = from + ((top - from) * i) / 60;
          const t = total(withDriver(EUROPE_POINT, id, id === 'serviceLevels.replicas' ? Math.round(v) : v), options);
          expect(t, `${id} = ${v}`).toBeGreaterThanOrEqual(prev - 1e-9);
          prev = t;
        }
      });
    }
    it(`more regions never lower the total (${name})`, () => {
      let prev = -Infinity;
      for (let n = 1; n <= 6; n++) {
        const t = total({ ...EUROPE_POINT, regions: EUROPE_POINT.regions.slice(0, n) }, options);
        expect(t).toBeGreaterThanOrEqual(prev);
        prev = t;
      }
    });
  }

  it('holds for the Monte Carlo percentiles too (same seed, larger driver ranges)', () => {
    const run = (k: number) =>
      evaluateScenario({
        drivers: { ...EUROPE_PLAN.drivers, registeredUsers: { low: 500000 * k, likely: 550000 * k, high: 750000 * k }, peakRequestsPerSecond: { low: 400 * k, likely: 500 * k, high: 700 * k } },
        fx: FX, samples: 800, seed: 5, start: START,
      }).steadyState.total;
    let prev = { p10: -1, p50: -1, p90: -1 };
    for (const k of [0.5, 1, 1.5, 3]) {
      const t = run(k);
      const cur = { p10: Number(t.p10), p50: Number(t.p50), p90: Number(t.p90) };
      expect(cur.p10).toBeGreaterThanOrEqual(prev.p10);
      expect(cur.p50).toBeGreaterThanOrEqual(prev.p50);
      expect(cur.p90).toBeGreaterThanOrEqual(prev.p90);
      prev = cur;
    }
  });
});

describe('evaluateScenario: timeline', () => {
  it('runs the months from Grand Est to Europe, marking the months where capacity steps up', () => {
    const r = europe({ timeline: { curve: 'linear', months: 24 } });
    expect(r.months).toHaveLength(24);
    expect(r.months[0].month).toBe('2027-01');
    expect(r.months[23].month).toBe('2028-12');
    // 2027-01-04 + 2 weeks preparation = 01-18, + 3 weeks migration = 02-08, + 4 weeks roll-out = 03-08
    expect(r.months[0].phases).toEqual(['preparation', 'migration']);
    expect(r.months[1].phases).toEqual(['migration', 'rollout']);
    expect(r.months[2].phases).toEqual(['rollout', 'steady']);
    expect(r.months[3].phase).toBe('steady');
    expect(r.months[3].total).toEqual(r.steadyState.total);
    expect(r.months[23].capacity).toEqual(r.steadyState.capacity);
    expect(Number(r.months[0].likely)).toBeLessThan(Number(r.deterministic.total));
    const stepped = r.months.filter((m) => m.stepUp);
    expect(stepped.length).toBeGreaterThan(0);
    expect(stepped.flatMap((m) => m.steps).some((s) => s.startsWith('pods'))).toBe(true);
    expect(r.months.slice(4).every((m) => m.steps.length === 0)).toBe(true);
    // Grand Est today runs in one region; by steady state all six serve.
    expect(r.months[0].regions).toEqual(['paris']);
    expect(r.months[3].regions).toHaveLength(6);
  });

  it('starts from Grand Est by default and from any scenario given', () => {
    const a = europe({ timeline: { months: 3 } });
    const b = europe({ timeline: { months: 3, from: GRAND_EST_TODAY.drivers } });
    expect(b.months).toEqual(a.months);
    const flat = europe({ timeline: { months: 3, from: EUROPE_PLAN.drivers } });
    expect(flat.months[2].total).toEqual(flat.steadyState.total);
  });
});
