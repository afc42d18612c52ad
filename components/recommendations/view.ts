// Pure helpers of the recommendations page: the table's order and which actions a person may take on a
// recommendation (the savings summary is the API's, from the same reader). No React, no fetch: tested in view.test.ts.
import type { TRecommendationStatus } from '@/lib/api/schemas/recommendations';
import { compareDecimal } from '@/lib/money/decimal';


/** The part of a recommendation the table's order reads: decimal strings, null when the action saves nothing. */
type TWithSavings = { monthlySavings: { p10: string; p50: string; p90: string } | null };

export type TSortDir = 'asc' | 'desc';

/** By expected monthly savings (P50); those that save nothing go last whichever the direction, in their given order. */
export function sortBySavings<T extends TWithSavings>(items: readonly T[], dir: TSortDir): T[] {
  const indexed = items.map((item, index) => ({ item, index }));
  indexed.sort((a, b) => {
    const x = a.item.monthlySavings?.p50 ?? null;
    const y = b.item.monthlySavings?.p50 ?? null;
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const c = compareDecimal(x, y);
    return (dir === 'asc' ? c : -c) || a.index - b.index;
  });
  return indexed.map((i) => i.item);
}

export type TAction = 'accept' | 'dismiss' | 'snooze' | 'reopen' | 'implemented';

/** What an editor or admin may do with a recommendation in a given status; a viewer, nothing. */
export function actionsFor(role: string, status: string): TAction[] {
  if (role !== 'editor' && role !== 'admin') return [];
  switch (status) {
    case 'open':
      return ['accept', 'dismiss', 'snooze'];
    case 'accepted':
      return ['implemented', 'reopen'];
    case 'dismissed':
    case 'snoozed':
      return ['reopen'];
    default:
      return [];
  }
}

/** The status an action sets. */
export function statusOf(action: TAction): TRecommendationStatus {
  return ({ accept: 'accepted', dismiss: 'dismissed', snooze: 'snoozed', reopen: 'open', implemented: 'implemented' } as const)[action];
}

/** Whether a snooze date is one the API should accept: a calendar day after today (both YYYY-MM-DD). */
export function isValidSnooze(day: string, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && day > today;
}
