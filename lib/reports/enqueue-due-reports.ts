// Finds each enabled schedule's latest cron occurrence and queues it once. Run every minute by the
// job worker and once when a worker starts: pg-boss's own schedules drop a run missed while no
// worker was up, so an occurrence up to a day old is still sent (a Monday reboot keeps the week).
import { pool, prisma } from '../db';
import { env } from '../env';
import { lastCompleteWeek } from './iso-week';
import { cronOccurrences } from './schedule-schema';

export const MISSED_RUN_WINDOW_MS = 24 * 3_600_000;

export type TReportSendPayload = { scheduleId: string; week: string; runKey: string };

export async function enqueueDueReports(options: { now: Date; enqueue: (payload: TReportSendPayload) => Promise<unknown> }): Promise<TReportSendPayload[]> {
  const schedules = await prisma.reportSchedule.findMany({ where: { enabled: true } });
  const queued: TReportSendPayload[] = [];
  for (const s of schedules) {
    const occurrence = cronOccurrences(s.cron, s.timeZone, options.now).previous;
    const since = s.lastOccurrenceAt ?? s.createdAt;
    if (occurrence <= since || options.now.getTime() - occurrence.getTime() > MISSED_RUN_WINDOW_MS) continue;
    // one process takes an occurrence: the update succeeds for one of them only
    const taken = await pool().query(
      `UPDATE report_schedule SET last_occurrence_at = $2 WHERE id = $1 AND enabled AND (last_occurrence_at IS NULL OR last_occurrence_at < $2) RETURNING id`,
      [s.id, occurrence],
    );
    if (!taken.rowCount) continue;
    const payload = { scheduleId: s.id, week: lastCompleteWeek(occurrence, env().ORG_TIMEZONE).key, runKey: 'scheduled' };
    try {
      await options.enqueue(payload);
    } catch (error) {
      // not queued: give the occurrence back so the next check queues it
      await pool().query(`UPDATE report_schedule SET last_occurrence_at = $2 WHERE id = $1 AND last_occurrence_at = $3`, [s.id, s.lastOccurrenceAt, occurrence]);
      throw error;
    }
    queued.push(payload);
  }
  return queued;
}
