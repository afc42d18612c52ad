// Which period a sync reads, and how it is cut into windows that are each written in one
// transaction. Pure: time comes in as arguments.
import { DAY_MS, startOfUtcDay } from '../dates';
import { AppError } from '../errors';

// Days re-read behind the last synced end, so late corrections and AWS "Estimated" days are
// fetched again (a connector skips the days already stored as final).
export const RECHECK_DAYS = 3;
export const MAX_WINDOW_DAYS = 31;

export type TWindow = { from: Date; to: Date }; // [from, to), UTC

export function planSyncWindow(options: {
  now: Date;
  from?: Date | null;
  to?: Date | null;
  // the furthest end a succeeded sync of this connection reached
  lastSyncedEnd: Date | null;
  backfillDays: number;
  recheckDays?: number;
}): TWindow {
  const { now } = options;
  const to = options.to && options.to < now ? options.to : now;
  let from: Date;
  if (options.from) from = options.from;
  else if (options.lastSyncedEnd) {
    const end = options.lastSyncedEnd < to ? options.lastSyncedEnd : to;
    from = startOfUtcDay(new Date(end.getTime() - (options.recheckDays ?? RECHECK_DAYS) * DAY_MS));
  } else from = startOfUtcDay(new Date(to.getTime() - options.backfillDays * DAY_MS));
  // a window must hold time: at exactly midnight with no backfill, take the day that just ended
  if (!options.from && from >= to) from = startOfUtcDay(new Date(to.getTime() - 1));
  if (from >= to)
    throw new AppError(
      'BAD_REQUEST',
      `the sync window is empty: from ${from.toISOString()} is not before ${to.toISOString()}` +
        (options.to && options.to > now ? '' : ' (to is exclusive and never later than now)'),
      [{ field: 'from', message: 'must be before to and before now' }],
    );
  return { from, to };
}

// Consecutive windows of at most maxDays days covering [from, to).
export function splitWindow(window: TWindow, maxDays = MAX_WINDOW_DAYS): TWindow[] {
  if (maxDays <= 0) throw new RangeError('maxDays must be positive');
  const windows: TWindow[] = [];
  for (let start = window.from.getTime(); start < window.to.getTime(); start += maxDays * DAY_MS) {
    windows.push({ from: new Date(start), to: new Date(Math.min(start + maxDays * DAY_MS, window.to.getTime())) });
  }
  return windows;
}
