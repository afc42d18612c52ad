// "Sync now" and the scheduler: queue a sync-connection job. One job per connection waits at a
// time (singletonKey = connection id): asking again while one waits returns that job.
import { getBoss } from '../jobs/boss';
import { SYNC_CONNECTION_JOB, ZSyncJobPayload, type TSyncJobPayload } from '../jobs/definitions/sync-payload';
import { pool } from '../db';
import { findConnection } from './find-connection';
import { parseInput } from './validate';

export async function waitingSyncJob(connectionId: string): Promise<string | null> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id::text AS id FROM pgboss.job
      WHERE name = $1 AND singleton_key = $2 AND state = 'created'
      ORDER BY created_on DESC LIMIT 1`,
    [SYNC_CONNECTION_JOB, connectionId],
  );
  return rows[0]?.id ?? null;
}

export async function enqueueSync(
  connectionRef: string,
  options: { from?: string; to?: string; trigger?: TSyncJobPayload['trigger'] } = {},
): Promise<{ jobId: string; alreadyQueued: boolean }> {
  const row = await findConnection(connectionRef);
  const payload = parseInput(ZSyncJobPayload, { connectionId: row.id, from: options.from, to: options.to, trigger: options.trigger ?? 'manual' });
  const boss = await getBoss();
  // the waiting job may start between our send and our look-up: then a second send gets through
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = await boss.send(SYNC_CONNECTION_JOB, payload, { singletonKey: row.id });
    if (id) return { jobId: id, alreadyQueued: false };
    const waiting = await waitingSyncJob(row.id);
    if (waiting) {
      // a window asked for explicitly replaces the waiting job's, rather than being dropped
      if (options.from || options.to) {
        const { rowCount } = await pool().query(
          `UPDATE pgboss.job SET data = $2::jsonb WHERE id = $1::uuid AND name = $3 AND state = 'created'`,
          [waiting, JSON.stringify(payload), SYNC_CONNECTION_JOB],
        );
        if (!rowCount) continue; // it started meanwhile: queue ours behind it
      }
      return { jobId: waiting, alreadyQueued: true };
    }
  }
  throw new Error(`could not queue a sync of "${row.name}"`);
}
