import { describe, expect, it } from 'vitest';
import { ladderCeiling, ladderRows, uncoveredShareAtEnd, type TBandMonth } from './ladder';

const month = (i: number, p50: number, committed: number): TBandMonth => ({ month: `2027-${String(i + 1).padStart(2, '0')}`, p10: p50 * 0.8, p50, p90: p50 * 1.25, committed });

describe('ladderRows', () => {
  it('marks a flat commitment as one step in the first month', () => {
    const rows = ladderRows([month(0, 10, 8), month(1, 10, 8), month(2, 10, 8)]);
    expect(rows.map((r) => r.step)).toEqual([8, null, null]);
    expect(rows[0].band).toEqual([8, 12.5]);
  });

  it('marks each rise of a growing ladder as the tranche bought that month', () => {
    const rows = ladderRows([month(0, 10, 8), month(1, 12, 8), month(2, 20, 15), month(3, 30, 24), month(4, 30, 24)]);
    expect(rows.map((r) => r.step)).toEqual([8, null, 7, 9, null]);
    // the steps add up to the ladder's top
    expect(rows.reduce((s, r) => s + (r.step ?? 0), 0)).toBe(24);
  });

  it('draws no step for a month with nothing committed', () => {
    expect(ladderRows([month(0, 1, 0), month(1, 2, 1)]).map((r) => r.step)).toEqual([null, 1]);
  });
});

describe('ladderCeiling', () => {
  it('reaches the band, the ladder and the provider level', () => {
    const band = [month(0, 10, 8), month(1, 20, 15)];
    expect(ladderCeiling(band, [null])).toBe(25);
    expect(ladderCeiling(band, [40, undefined])).toBe(40);
  });
});

describe('uncoveredShareAtEnd', () => {
  it('is the share of the last month P50 left on demand', () => {
    expect(uncoveredShareAtEnd([month(0, 10, 8), month(1, 20, 15)])).toBeCloseTo(0.25);
    expect(uncoveredShareAtEnd([])).toBe(0);
    expect(uncoveredShareAtEnd([month(0, 10, 12)])).toBe(0);
  });
});

describe('bandOf', () => {
  it('reads the band and levels a commitment stores', async () => {
    const { bandOf } = await import('./band');
    const plan = { measure: 'spend', usageBand: [month(0, 10, 8)], providerLevel: 9, conservative: { level: 7 } };
    expect(bandOf({ plan })).toEqual({ months: [month(0, 10, 8)], measure: 'spend', providerLevel: 9, conservativeLevel: 7 });
  });

  it('draws nothing from details that are not a plan with a band', async () => {
    const { bandOf } = await import('./band');
    expect(bandOf({})).toBeNull();
    expect(bandOf({ plan: { measure: 'spend', usageBand: [] } })).toBeNull();
    expect(bandOf({ plan: { measure: 'spend', usageBand: [{ month: 'soon', p10: 1, p50: 1, p90: 1, committed: 1 }] } })).toBeNull();
  });
});
