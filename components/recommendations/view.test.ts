import { describe, expect, it } from 'vitest';
import { actionsFor, isValidSnooze, sortBySavings, statusOf } from './view';

const s = (p50: string, p10 = p50, p90 = p50) => ({ p10, p50, p90 });

describe('sortBySavings', () => {
  const rows = [{ id: 'a', monthlySavings: s('10') }, { id: 'b', monthlySavings: null }, { id: 'c', monthlySavings: s('250.5') }, { id: 'd', monthlySavings: s('9.99') }, { id: 'e', monthlySavings: null }];

  it('puts the largest saving first, those without one last in their order', () => {
    expect(sortBySavings(rows, 'desc').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
  });

  it('ascending keeps those without a saving last', () => {
    expect(sortBySavings(rows, 'asc').map((r) => r.id)).toEqual(['d', 'a', 'c', 'b', 'e']);
  });

  it('compares decimals, not strings', () => {
    expect(sortBySavings([{ monthlySavings: s('9') }, { monthlySavings: s('10') }], 'desc')[0].monthlySavings!.p50).toBe('10');
  });
});

describe('actionsFor', () => {
  it('gives a viewer nothing', () => {
    for (const status of ['open', 'accepted', 'dismissed', 'snoozed', 'implemented']) expect(actionsFor('viewer', status)).toEqual([]);
  });

  it('lets editors and admins decide an open recommendation', () => {
    expect(actionsFor('editor', 'open')).toEqual(['accept', 'dismiss', 'snooze']);
    expect(actionsFor('admin', 'open')).toEqual(['accept', 'dismiss', 'snooze']);
  });

  it('lets a decided one be reopened, an accepted one be marked implemented', () => {
    expect(actionsFor('editor', 'dismissed')).toEqual(['reopen']);
    expect(actionsFor('editor', 'accepted')).toEqual(['implemented', 'reopen']);
    expect(actionsFor('admin', 'implemented')).toEqual([]);
  });

  it('maps each action to the status it sets', () => {
    expect(statusOf('accept')).toBe('accepted');
    expect(statusOf('reopen')).toBe('open');
  });
});

describe('isValidSnooze', () => {
  it('takes a day after today only', () => {
    expect(isValidSnooze('2026-12-07', '2026-12-06')).toBe(true);
    expect(isValidSnooze('2026-12-06', '2026-12-06')).toBe(false);
    expect(isValidSnooze('2026-12-05', '2026-12-06')).toBe(false);
    expect(isValidSnooze('', '2026-12-06')).toBe(false);
    expect(isValidSnooze('07/12/2026', '2026-12-06')).toBe(false);
  });
});
