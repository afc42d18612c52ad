// At most one sync per connection at a time, across processes: a PostgreSQL session advisory lock
// held on a dedicated connection for the whole run. A crashed process drops its session, and with
// it the lock, so nothing stays locked after a crash.
import type pg from 'pg';
import { pool } from '../db';
import { AppError } from '../errors';

function lockKey(connectionId: string) {
  return `tourmalet:sync:${connectionId}`;
}

export async function withSyncLock<T>(connectionId: string, label: string, fn: () => Promise<T>): Promise<T> {
  const client: pg.PoolClient = await pool().connect();
  let locked = false;
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [
      lockKey(connectionId),
    ]);
    locked = rows[0].ok;
    if (!locked) throw new AppError('CONFLICT', `a sync of ${label} is already running; try again when it has finished`);
    return await fn();
  } finally {
    let broken: Error | undefined;
    if (locked)
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(connectionId)]).catch((e: Error) => {
        broken = e;
      });
    // a connection that could not unlock must not go back to the pool still holding the lock
    client.release(broken);
  }
}
