// When the daily digest goes out: 08:00 in the organisation's zone (the job's cron). A daily
// notification waits until the first digest time after it was raised.
import { localDay, startOfLocalDay } from '../budgets/periods';
import { addIsoDays } from '../dates';

export const DIGEST_HOUR = 8;
export const DIGEST_CRON = `0 ${DIGEST_HOUR} * * *`;

function digestOn(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  // midnight plus the hour: an hour early or late on the two days the clocks change, when the
  // scheduled job (which fires at 08:00 on the wall) sends it anyway
  return new Date(startOfLocalDay(y, m, d, timeZone).getTime() + DIGEST_HOUR * 3_600_000);
}

export function nextDigestAt(after: Date, timeZone: string): Date {
  const today = localDay(after, timeZone);
  const candidate = digestOn(today, timeZone);
  return candidate > after ? candidate : digestOn(addIsoDays(today, 1), timeZone);
}
