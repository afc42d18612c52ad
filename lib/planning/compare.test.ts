import { describe, expect, it } from 'vitest';
import { compareScenarios } from './compare';
import { evaluateScenario } from './evaluate';
import { EUROPE_POINT, FX, testCoefficients } from './testing/fixtures';

const START = new Date('2027-01-01T00:00:00Z');
const run = (over: Parameters<typeof evaluateScenario>[0]['options'] = {}, drivers = EUROPE_POINT) =>
  evaluateScenario({ drivers, coefficients: testCoefficients(), options: over, fx: FX, samples: 1, start: START });

describe('compareScenarios', () => {
  it('lines up two scenarios line by line with exact differences from the first', () => {
    const a = run();
    const b = run({}, { ...EUROPE_POINT, peakRequestsPerSecond: 1500 });
    const c = compareScenarios([{ name: 'plan', result: a }, { name: 'peak ×3', result: b }]);
    expect(c.names).toEqual(['plan', 'peak ×3']);
    const nodes = c.lines.find((l) => l.key === 'application.nodes')!;
    const [x, y] = nodes.values;
    expect(nodes.deltaP50[0]).toBe('0.00');
    expect(Number(nodes.deltaP50[1])).toBeCloseTo(Number(y!.p50) - Number(x!.p50), 2);
    expect(c.total.deltaP50[1]).not.toBe('0.00');
    expect(c.capacity.find((r) => r.field === 'mainPods')).toEqual({ field: 'mainPods', values: [17, 49], changed: true });
    expect(c.capacity.find((r) => r.field === 'atlasTier')!.changed).toBe(false);
  });

  it('keeps lines that exist in one scenario only (different providers)', () => {
    const a = run();
    const b = run({ cdn: { provider: 'cloudflare' } });
    const c = compareScenarios([{ name: 'cloudfront', result: a }, { name: 'cloudflare', result: b }]);
    const plan = c.lines.find((l) => l.key === 'cdn.plan')!;
    expect(plan.values[0]).toBeNull();
    expect(plan.values[1]).not.toBeNull();
    expect(plan.deltaP50).toEqual([null, null]);
    expect(c.lines.find((l) => l.key === 'cdn.egress')!.values[1]).toBeNull();
  });

  it('refuses mixed currencies', () => {
    const a = run();
    const b = evaluateScenario({ drivers: EUROPE_POINT, fx: {}, currency: 'USD', samples: 1, start: START });
    expect(() => compareScenarios([{ name: 'a', result: a }, { name: 'b', result: b }])).toThrowError(/cannot compare EUR with USD/);
  });
});
