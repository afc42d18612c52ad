import { describe, expect, it } from 'vitest';
import { buildTimeline, curveValue } from './timeline';

describe('curves', () => {
  it('start at 0, end at 1, and differ in between', () => {
    for (const c of ['step', 'linear', 's-curve'] as const) {
      expect(curveValue(c, 0)).toBe(0);
      expect(curveValue(c, 1)).toBe(1);
    }
    expect(curveValue('linear', 0.25)).toBe(0.25);
    expect(curveValue('step', 0.01)).toBe(1);
    expect(curveValue('s-curve', 0.5)).toBeCloseTo(0.5, 12);
    expect(curveValue('s-curve', 0.2)).toBeLessThan(0.2);
    expect(curveValue('s-curve', 0.8)).toBeGreaterThan(0.8);
  });
});

describe('buildTimeline', () => {
  const base = { start: new Date('2027-01-04T00:00:00Z'), months: 6, curve: 'linear' as const, fromRegions: ['paris' as const], targetRegions: ['paris', 'frankfurt', 'london', 'madrid', 'rome', 'amsterdam'] as const };

  it('lays the seed phases (2 + 3 + 4 weeks) over the months and sizes each month for its end', () => {
    const t = buildTimeline({ ...base, targetRegions: [...base.targetRegions] });
    expect(t.phaseBoundaries.map((p) => p.start.toISOString().slice(0, 10))).toEqual(['2027-01-04', '2027-01-18', '2027-02-08', '2027-03-08']);
    expect(t.months.map((m) => m.month)).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    const [jan, feb, mar] = t.months.map((m) => t.states[m.stateIndex]);
    // end of January: 14 of 21 migration days done; roll-out not started
    expect(jan.dataProgress).toBeCloseTo(14 / 21, 12);
    expect(jan.trafficProgress).toBe(0);
    expect(jan.targetServiceLevels).toBe(true);
    expect(jan.regionCount).toBe(1);
    // end of February: 21 of 28 roll-out days done (linear) → 0.75; regions 1 + round(0.75 × 5) = 5
    expect(feb.dataProgress).toBe(1);
    expect(feb.trafficProgress).toBeCloseTo(0.75, 12);
    expect(feb.regionCount).toBe(5);
    expect(mar.trafficProgress).toBe(1);
    expect(t.months[1].regions).toEqual(['paris', 'frankfurt', 'london', 'madrid', 'rome']);
    // Jan: 14 days preparation, 14 days migration → the later phase wins the tie
    expect(t.months[0].phase).toBe('migration');
    expect(t.months[2].phase).toBe('steady');
  });

  it('shares one state between the months that are alike', () => {
    const t = buildTimeline({ ...base, months: 24, targetRegions: [...base.targetRegions] });
    expect(t.states.length).toBe(3);
    expect(new Set(t.months.slice(2).map((m) => m.stateIndex)).size).toBe(1);
  });

  it('keeps the old service levels during preparation', () => {
    const t = buildTimeline({ ...base, start: new Date('2027-01-25T00:00:00Z'), months: 2, targetRegions: [...base.targetRegions] });
    // ends 2027-02-01 after 7 of 14 preparation days
    expect(t.states[t.months[0].stateIndex]).toEqual({ dataProgress: 0, trafficProgress: 0, targetServiceLevels: false, regionCount: 1 });
  });
});
