// Which of a view's periods are not whole: the one that holds today (month to date, or today so
// far: its costs are still coming in) and the ones the range cuts (a view from the 15th shows half
// a month). Days are UTC days, the rollup's.
import { addIsoDays, isoDay, parseIsoDay } from '../dates';

export type TPeriodCoverage =
  | { kind: 'whole' }
  | { kind: 'toDate' }
  // first and last are the days of the period in the view, both included
  | { kind: 'partial'; first: string; last: string };

function periodEnd(period: string, granularity: 'day' | 'month'): string {
  if (granularity === 'day') return addIsoDays(period, 1);
  const d = parseIsoDay(period);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

export function periodCoverage(period: string, granularity: 'day' | 'month', range: { from: string; to: string }, today: string): TPeriodCoverage {
  const end = periodEnd(period, granularity);
  if (period <= today && today < end && range.to > today) return { kind: 'toDate' };
  const first = range.from > period ? range.from : period;
  const stop = range.to < end ? range.to : end;
  if (first === period && stop === end) return { kind: 'whole' };
  return { kind: 'partial', first, last: addIsoDays(stop, -1) };
}
