import { describe, expect, it } from 'vitest';
import { fillLevel, headroomFigures } from './headroom';

describe('headroomFigures', () => {
  it('is 1 − P95 / capacity, with the max against capacity beside it', () => {
    const h = headroomFigures({ p95: 5.92, max: 7.2, capacity: 8 })!;
    expect(h.p95Fill).toBeCloseTo(0.74, 12);
    expect(h.headroom).toBeCloseTo(0.26, 12);
    expect(h.maxFill).toBeCloseTo(0.9, 12);
  });

  it('goes negative when the P95 is over capacity', () => {
    expect(headroomFigures({ p95: 10, capacity: 8 })).toEqual({ p95Fill: 1.25, maxFill: null, headroom: -0.25 });
  });

  it('is unknown without a capacity or a P95', () => {
    expect(headroomFigures({ p95: 5, capacity: null })).toBeNull();
    expect(headroomFigures({ p95: 5, capacity: 0 })).toBeNull();
    expect(headroomFigures({ p95: null, capacity: 8 })).toBeNull();
  });
});

describe('fillLevel', () => {
  it('turns amber at 70 % and red at 85 %', () => {
    expect([0, 0.699, 0.7, 0.849, 0.85, 1.2].map(fillLevel)).toEqual(['ok', 'ok', 'warning', 'warning', 'critical', 'critical']);
  });
});
