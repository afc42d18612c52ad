// At most one sync per connection at a time, across processes: a PostgreSQL session advisory lock
// held on a dedicated connection for the whole run. A crashed process drops its session, and with
// it the lock, so nothing stays locked after a crash.
import { holdClient, type THeldClient } from '../db';
import { AppError } from '../errors';

function lockKey(connectionId: string) {
  return `tourmalet:sync:${connectionId}`;
}

// fn gets the held client: a run of this sync claims its own lock on it (claimRun), so a sync holds
// one connection for its whole length, not two.
export async function withSyncLock<T>(connectionId: string, label: string, fn: (held: THeldClient) => Promise<T>): Promise<T> {
  const held = await holdClient();
  let locked = false;
  try {
    const { rows } = await held.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [
      lockKey(connectionId),
    ]);
    locked = rows[0].ok;
    if (!locked) throw new AppError('CONFLICT', `a sync of ${label} is already running; try again when it has finished`);
    return await fn(held);
  } finally {
    // a connection that could not unlock is destroyed, not pooled still holding the lock
    if (locked && !held.broken()) await held.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(connectionId)]).catch(held.fail);
    held.release();
  }
}
