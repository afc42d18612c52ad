// The overview's month-to-date comparison: which days are compared, and whether a change may be
// coloured as good or bad. Pure (days in, verdict out), so the rule is unit-tested without a clock.
import { addIsoDays } from '../dates';

// Below this many compared days a month-to-date change is mostly noise (one weekend, one invoice
// day, a provider's monthly fee landing on the 1st): shown, but never coloured.
export const MIN_COMPARED_DAYS = 7;

export type TMtdWindows = {
  /** First and last compared day of this month, inclusive; null when no day can be compared yet. */
  current: { first: string; last: string } | null;
  /** The same days of the previous month, inclusive (the last capped at that month's end). */
  previous: { first: string; last: string } | null;
  days: number;
  /** The previous window is shorter (29–31 March against a February that stops at 28). */
  uneven: boolean;
};

function monthStart(day: string, add = 0): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1)).toISOString().slice(0, 10);
}

/**
 * The compared windows. Today's costs are still arriving (providers bill hours to a day after),
 * so the comparison stops at yesterday, or earlier at the last day any cost arrived for: a window
 * that ended on a day with no data would compare a part of this month against a whole of last.
 */
export function monthToDateWindows(input: { today: string; lastDataDay: string | null }): TMtdWindows {
  const first = monthStart(input.today);
  const yesterday = addIsoDays(input.today, -1);
  const last = input.lastDataDay !== null && input.lastDataDay < yesterday ? input.lastDataDay : yesterday;
  if (last < first) return { current: null, previous: null, days: 0, uneven: false };
  const days = Number(last.slice(8, 10)) - Number(first.slice(8, 10)) + 1;
  const prevFirst = monthStart(input.today, -1);
  const prevEnd = addIsoDays(first, -1);
  const wanted = addIsoDays(prevFirst, days - 1);
  const prevLast = wanted > prevEnd ? prevEnd : wanted;
  return { current: { first, last }, previous: { first: prevFirst, last: prevLast }, days, uneven: prevLast !== wanted };
}

// A provider lags when its costs this month stop at an earlier day of the month than they did in the
// compared days of last month: its bill for the last compared days has not arrived yet. A monthly
// fee charged on the 1st (last day 1 December, as last day 1 November) does not lag.
export function laggingProviders(days: { provider: string; day: string }[], cw: { first: string; last: string }, pw: { first: string; last: string }): string[] {
  const last = new Map<string, { prev: number; cur: number }>();
  for (const { provider, day } of days) {
    const entry = last.get(provider) ?? { prev: 0, cur: 0 };
    const dom = Number(day.slice(8, 10));
    if (day >= pw.first && day <= pw.last) entry.prev = Math.max(entry.prev, dom);
    if (day >= cw.first && day <= cw.last) entry.cur = Math.max(entry.cur, dom);
    last.set(provider, entry);
  }
  return [...last].filter(([, e]) => e.prev > 0 && e.cur < e.prev).map(([p]) => p).sort();
}

export type TMtdTone = 'good' | 'bad' | 'neutral';
export type TMtdNeutralReason = 'too-short' | 'incomplete' | 'uneven' | 'no-previous';

/**
 * A fall in cost is good news (green) and a rise bad news (red) only when the two windows can be
 * compared: at least MIN_COMPARED_DAYS days, the same number of days on both sides, and every
 * provider that had costs last month has them up to the last compared day this month (otherwise
 * the "fall" is a provider whose bill has not arrived yet). Anything else is neutral, with why.
 */
export function monthToDateTone(input: {
  windows: TMtdWindows;
  current: number;
  previous: number;
  /** Providers with costs in the previous window whose costs this month stop before its last day. */
  lagging: string[];
}): { change: number | null; tone: TMtdTone; reason: TMtdNeutralReason | null } {
  const { windows } = input;
  if (!windows.current || !(input.previous > 0)) return { change: null, tone: 'neutral', reason: 'no-previous' };
  const change = (input.current - input.previous) / input.previous;
  const reason: TMtdNeutralReason | null = input.lagging.length
    ? 'incomplete'
    : windows.uneven
      ? 'uneven'
      : windows.days < MIN_COMPARED_DAYS
        ? 'too-short'
        : null;
  if (reason) return { change, tone: 'neutral', reason };
  return { change, tone: change > 0 ? 'bad' : change < 0 ? 'good' : 'neutral', reason: null };
}
