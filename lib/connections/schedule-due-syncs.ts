// Which enabled connections are due a scheduled sync (their cron fired since their last run
// started, or they never ran), and queueing them.
import { prisma } from '../db';
import { logger } from '../logger';
import { isCronDue, parseCron } from './cron';
import { enqueueSync } from './enqueue-sync';
import { effectiveSchedule, orgTimeZone } from './schedule';

export async function dueConnections(now: Date, timeZone = orgTimeZone()): Promise<{ id: string; name: string; schedule: string }[]> {
  const rows = await prisma.connection.findMany({ where: { enabled: true }, orderBy: { name: 'asc' } });
  if (!rows.length) return [];
  const last = await prisma.syncRun.groupBy({
    by: ['connectionId'],
    where: { connectionId: { in: rows.map((r) => r.id) }, kind: 'sync' },
    _max: { startedAt: true },
  });
  const lastRun = new Map(last.map((l) => [l.connectionId, l._max.startedAt]));
  const due: { id: string; name: string; schedule: string }[] = [];
  for (const row of rows) {
    const schedule = effectiveSchedule(row);
    try {
      if (isCronDue(parseCron(schedule), { lastRun: lastRun.get(row.id) ?? null, now, timeZone }))
        due.push({ id: row.id, name: row.name, schedule });
    } catch (e) {
      logger.warn({ connectionId: row.id, schedule, err: e }, 'connection schedule cannot be read; not scheduled');
    }
  }
  return due;
}

export async function scheduleDueSyncs(options: { now: Date; timeZone?: string }): Promise<{
  enqueued: { connectionId: string; jobId: string }[];
  alreadyQueued: string[];
}> {
  const enqueued: { connectionId: string; jobId: string }[] = [];
  const alreadyQueued: string[] = [];
  for (const c of await dueConnections(options.now, options.timeZone)) {
    const result = await enqueueSync(c.id, { trigger: 'schedule' });
    if (result.alreadyQueued) alreadyQueued.push(c.id);
    else enqueued.push({ connectionId: c.id, jobId: result.jobId });
  }
  return { enqueued, alreadyQueued };
}
