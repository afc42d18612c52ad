import { describe, expect, it } from 'vitest';
import type { TFullEstimate } from './trend';
import { mostUrgentMetric, runwayDays } from './urgent-metric';

const growing = (daysToFull: number): TFullEstimate => ({ status: 'growing', slopePerDay: 1, daysToFull, fullAt: null });
const flat: TFullEstimate = { status: 'not-growing', slopePerDay: 0, daysToFull: null, fullAt: null };

describe('the most urgent metric', () => {
  it('is the shortest runway, not the fullest and not the first', () => {
    const chosen = mostUrgentMetric([
      { metric: 'connections', fill: 0.2, trend: flat },
      { metric: 'cpu_percent', fill: 0.8, trend: growing(300) },
      { metric: 'disk_used_bytes', fill: 0.45, trend: growing(41) },
      { metric: 'memory_used_bytes', fill: 0.9, trend: flat },
    ]);
    expect(chosen).toMatchObject({ metric: 'disk_used_bytes', runwayDays: 41 });
  });

  it('puts a metric already over capacity first, whatever the others’ trend', () => {
    const chosen = mostUrgentMetric([
      { metric: 'a', fill: 0.5, trend: growing(3) },
      { metric: 'b', fill: 1.1, trend: flat },
    ]);
    expect(chosen).toMatchObject({ metric: 'b', runwayDays: 0 });
  });

  it('falls back to the fullest when nothing runs out in view, and ignores trends beyond two years', () => {
    const chosen = mostUrgentMetric([
      { metric: 'a', fill: 0.3, trend: growing(5_000) },
      { metric: 'b', fill: 0.7, trend: flat },
      { metric: 'c', fill: 0.6, trend: null },
    ]);
    expect(chosen).toMatchObject({ metric: 'b', runwayDays: null });
  });

  it('never chooses a metric without a capacity, and breaks ties by name', () => {
    expect(mostUrgentMetric([{ metric: 'requests', fill: null, trend: null }])).toBeNull();
    expect(mostUrgentMetric([
      { metric: 'z', fill: 0.5, trend: flat },
      { metric: 'a', fill: 0.5, trend: flat },
    ])?.metric).toBe('a');
  });

  it('counts a trend that says full as no runway', () => {
    expect(runwayDays({ metric: 'm', fill: 0.97, trend: { status: 'full', slopePerDay: 1, daysToFull: 0, fullAt: null } })).toBe(0);
    expect(runwayDays({ metric: 'm', fill: 0.5, trend: growing(12.5) })).toBe(12.5);
    expect(runwayDays({ metric: 'm', fill: 0.5, trend: { status: 'no-trend', slopePerDay: 0.1, daysToFull: null, fullAt: null } })).toBeNull();
  });
});
