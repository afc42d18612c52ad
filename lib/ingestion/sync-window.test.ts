import { describe, expect, it } from 'vitest';
import { planSyncWindow, splitWindow } from './sync-window';

const d = (iso: string) => new Date(iso);
const now = d('2026-11-25T10:37:00Z');

describe('planSyncWindow', () => {
  it('reaches defaultBackfillDays back on the first sync, to now', () => {
    expect(planSyncWindow({ now, lastSyncedEnd: null, backfillDays: 90 })).toEqual({
      from: d('2026-08-27T00:00:00Z'),
      to: now,
    });
  });

  it('re-reads three days behind the last synced end', () => {
    expect(planSyncWindow({ now, lastSyncedEnd: d('2026-11-25T04:10:00Z'), backfillDays: 90 })).toEqual({
      from: d('2026-11-22T00:00:00Z'),
      to: now,
    });
    expect(planSyncWindow({ now, lastSyncedEnd: d('2026-11-25T04:10:00Z'), backfillDays: 90, recheckDays: 0 }).from).toEqual(
      d('2026-11-25T00:00:00Z'),
    );
  });

  it('takes the requested window, never past now', () => {
    expect(
      planSyncWindow({ now, from: d('2026-10-01T00:00:00Z'), to: d('2026-10-05T00:00:00Z'), lastSyncedEnd: now, backfillDays: 90 }),
    ).toEqual({ from: d('2026-10-01T00:00:00Z'), to: d('2026-10-05T00:00:00Z') });
    expect(planSyncWindow({ now, from: d('2026-11-20T00:00:00Z'), to: d('2026-12-01T00:00:00Z'), lastSyncedEnd: null, backfillDays: 0 }).to).toEqual(now);
  });

  it('gives a live source (no backfill) today so far, or the day just ended at midnight', () => {
    expect(planSyncWindow({ now, lastSyncedEnd: null, backfillDays: 0 })).toEqual({ from: d('2026-11-25T00:00:00Z'), to: now });
    const midnight = d('2026-11-25T00:00:00Z');
    expect(planSyncWindow({ now: midnight, lastSyncedEnd: null, backfillDays: 0 })).toEqual({ from: d('2026-11-24T00:00:00Z'), to: midnight });
  });

  it('refuses an empty requested window', () => {
    expect(() => planSyncWindow({ now, from: d('2026-12-01T00:00:00Z'), lastSyncedEnd: null, backfillDays: 0 })).toThrow(/window is empty/);
  });
});

describe('splitWindow', () => {
  it('cuts a long window into 31-day windows ending at the partial last day', () => {
    const windows = splitWindow({ from: d('2026-08-27T00:00:00Z'), to: now });
    expect(windows.map((w) => [w.from.toISOString(), w.to.toISOString()])).toEqual([
      ['2026-08-27T00:00:00.000Z', '2026-09-27T00:00:00.000Z'],
      ['2026-09-27T00:00:00.000Z', '2026-10-28T00:00:00.000Z'],
      ['2026-10-28T00:00:00.000Z', '2026-11-25T10:37:00.000Z'],
    ]);
  });

  it('keeps a short window whole and honours a smaller size', () => {
    expect(splitWindow({ from: d('2026-11-22T00:00:00Z'), to: now })).toEqual([{ from: d('2026-11-22T00:00:00Z'), to: now }]);
    expect(splitWindow({ from: d('2026-11-20T00:00:00Z'), to: d('2026-11-25T00:00:00Z') }, 2).map((w) => w.to.getUTCDate())).toEqual([22, 24, 25]);
  });
});
