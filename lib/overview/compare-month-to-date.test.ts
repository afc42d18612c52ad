import { describe, expect, it } from 'vitest';
import { laggingProviders, MIN_COMPARED_DAYS, monthToDateTone, monthToDateWindows } from './compare-month-to-date';

describe('month-to-date windows', () => {
  it('compares the complete days of this month with the same days of the last, today left out', () => {
    const w = monthToDateWindows({ today: '2026-12-05', lastDataDay: '2026-12-05' });
    expect(w).toEqual({ current: { first: '2026-12-01', last: '2026-12-04' }, previous: { first: '2026-11-01', last: '2026-11-04' }, days: 4, uneven: false });
  });

  it('stops at the last day with costs when the data ends before yesterday', () => {
    const w = monthToDateWindows({ today: '2026-12-20', lastDataDay: '2026-12-12' });
    expect(w.current).toEqual({ first: '2026-12-01', last: '2026-12-12' });
    expect(w.previous).toEqual({ first: '2026-11-01', last: '2026-11-12' });
    expect(w.days).toBe(12);
  });

  it('compares nothing on the first of the month', () => {
    expect(monthToDateWindows({ today: '2026-12-01', lastDataDay: '2026-12-01' })).toMatchObject({ current: null, previous: null, days: 0 });
  });

  it('caps the previous window at the end of a shorter month and says it is uneven', () => {
    const w = monthToDateWindows({ today: '2026-03-31', lastDataDay: '2026-03-31' });
    expect(w.current).toEqual({ first: '2026-03-01', last: '2026-03-30' });
    expect(w.previous).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(w.uneven).toBe(true);
    expect(monthToDateWindows({ today: '2026-03-29', lastDataDay: null }).uneven).toBe(false);
  });

  it('crosses the year', () => {
    expect(monthToDateWindows({ today: '2027-01-10', lastDataDay: '2027-01-10' }).previous).toEqual({ first: '2026-12-01', last: '2026-12-09' });
  });
});

describe('month-to-date colour rule', () => {
  const long = monthToDateWindows({ today: '2026-12-15', lastDataDay: '2026-12-15' });
  const short = monthToDateWindows({ today: '2026-12-05', lastDataDay: '2026-12-05' });

  it('colours a fall as good and a rise as bad over enough comparable days', () => {
    expect(long.days).toBeGreaterThanOrEqual(MIN_COMPARED_DAYS);
    expect(monthToDateTone({ windows: long, current: 80, previous: 100, lagging: [] })).toEqual({ change: -0.2, tone: 'good', reason: null });
    expect(monthToDateTone({ windows: long, current: 120, previous: 100, lagging: [] })).toEqual({ change: 0.2, tone: 'bad', reason: null });
  });

  it('keeps the change but leaves it neutral after too few days', () => {
    expect(monthToDateTone({ windows: short, current: 49.6, previous: 100, lagging: [] })).toMatchObject({ tone: 'neutral', reason: 'too-short' });
    expect(monthToDateTone({ windows: short, current: 49.6, previous: 100, lagging: [] }).change).toBeCloseTo(-0.504, 10);
  });

  it('leaves it neutral when a provider’s costs have not arrived for the last compared days', () => {
    expect(monthToDateTone({ windows: long, current: 50, previous: 100, lagging: ['AWS'] })).toMatchObject({ tone: 'neutral', reason: 'incomplete' });
  });

  it('leaves it neutral when last month had fewer of the compared days', () => {
    const w = monthToDateWindows({ today: '2026-03-31', lastDataDay: '2026-03-31' });
    expect(monthToDateTone({ windows: w, current: 90, previous: 100, lagging: [] })).toMatchObject({ tone: 'neutral', reason: 'uneven' });
  });

  it('gives no change without a previous amount', () => {
    expect(monthToDateTone({ windows: long, current: 90, previous: 0, lagging: [] })).toEqual({ change: null, tone: 'neutral', reason: 'no-previous' });
  });
});

describe('lagging providers', () => {
  const cw = { first: '2026-12-01', last: '2026-12-10' };
  const pw = { first: '2026-11-01', last: '2026-11-10' };
  const days = (provider: string, from: number, to: number, month = '12') =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ provider, day: `2026-${month}-${String(from + i).padStart(2, '0')}` }));

  it('names a provider whose costs stop earlier in the month than last month', () => {
    const rows = [...days('AWS', 1, 10, '11'), ...days('AWS', 1, 7), ...days('Cloudflare', 1, 10, '11'), ...days('Cloudflare', 1, 10)];
    expect(laggingProviders(rows, cw, pw)).toEqual(['AWS']);
  });

  it('does not count a monthly fee charged on the 1st, nor a provider new this month', () => {
    const rows = [...days('Grafana Labs', 1, 1, '11'), ...days('Grafana Labs', 1, 1), ...days('MongoDB Atlas', 3, 10)];
    expect(laggingProviders(rows, cw, pw)).toEqual([]);
  });

  it('names a provider with costs last month and none yet this month', () => {
    expect(laggingProviders(days('AWS', 1, 10, '11'), cw, pw)).toEqual(['AWS']);
  });
});
