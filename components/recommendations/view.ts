// Pure helpers of the recommendations page: the savings summary at its top, the table's order, and
// which actions a person may take on a recommendation. No React, no fetch: tested in view.test.ts.
import { compareDecimal, sumDecimals } from '@/lib/money/decimal';

export const STATUSES = ['open', 'accepted', 'dismissed', 'snoozed', 'implemented'] as const;
export type TStatus = (typeof STATUSES)[number];

/** The part of a recommendation the summary and the table read. */
export type TSavingsItem = {
  kind: string;
  provider: string;
  status: string;
  /** Decimal strings in the display currency; null when the action saves nothing (a scale-up, a warning). */
  monthlySavings: { p10: string; p50: string; p90: string } | null;
};

export type TSavingsGroup = { key: string; p50: string; count: number };
export type TSavingsSummary = {
  total: { p10: string; p50: string; p90: string };
  /** Open recommendations that save money, and all open ones (warnings included). */
  saving: number;
  open: number;
  byKind: TSavingsGroup[];
  byProvider: TSavingsGroup[];
};

function groupBy(items: TSavingsItem[], key: (i: TSavingsItem) => string): TSavingsGroup[] {
  const groups = new Map<string, string[]>();
  for (const i of items) groups.set(key(i), [...(groups.get(key(i)) ?? []), i.monthlySavings!.p50]);
  return [...groups]
    .map(([k, values]) => ({ key: k, p50: sumDecimals(values), count: values.length }))
    .sort((a, b) => compareDecimal(b.p50, a.p50) || a.key.localeCompare(b.key));
}

/**
 * Potential savings: what the open recommendations would save a month if all were done. Accepted,
 * dismissed, snoozed and implemented ones are decided already and do not count; a saving of zero or
 * less (a scale-up that costs more) is not a saving.
 */
export function savingsSummary(items: TSavingsItem[]): TSavingsSummary {
  const open = items.filter((i) => i.status === 'open');
  const saving = open.filter((i) => i.monthlySavings !== null && compareDecimal(i.monthlySavings.p50, '0') > 0);
  return {
    total: {
      p10: sumDecimals(saving.map((i) => i.monthlySavings!.p10)),
      p50: sumDecimals(saving.map((i) => i.monthlySavings!.p50)),
      p90: sumDecimals(saving.map((i) => i.monthlySavings!.p90)),
    },
    saving: saving.length,
    open: open.length,
    byKind: groupBy(saving, (i) => i.kind),
    byProvider: groupBy(saving, (i) => i.provider),
  };
}

export type TSortDir = 'asc' | 'desc';

/** By expected monthly savings (P50); those that save nothing go last whichever the direction, in their given order. */
export function sortBySavings<T extends Pick<TSavingsItem, 'monthlySavings'>>(items: readonly T[], dir: TSortDir): T[] {
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
export function statusOf(action: TAction): TStatus {
  return ({ accept: 'accepted', dismiss: 'dismissed', snooze: 'snoozed', reopen: 'open', implemented: 'implemented' } as const)[action];
}

/** Whether a snooze date is one the API should accept: a calendar day after today (both YYYY-MM-DD). */
export function isValidSnooze(day: string, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && day > today;
}
