// A run (a sync, a FOCUS import, the demo load) belongs to the process that runs it. While it runs,
// that process holds a PostgreSQL session advisory lock keyed by the run's id, on a connection of
// its own that also carries the run's transactions. A process that dies (kill -9, a crash, a lost
// host) loses its session and with it the lock. So any instance, on any host sharing the database,
// tells a run whose owner is gone from one still going by trying the lock: no clocks, no heartbeat
// interval to tune, no guess from the run's age (see sweep-interrupted-runs.ts).
// The lock is taken before the run's row exists, so no sweep ever sees a running row without it.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type pg from 'pg';
import { pool } from '../db';

export function runLockKey(runId: string): string {
  return `tourmalet:run:${runId}`;
}

// Who runs it, for the message of an interrupted run.
export type TRunOwner = { host: string; pid: number };

export type TRunClaim = {
  id: string;
  owner: TRunOwner;
  // runs fn in one transaction on the claim's own connection (no second pool connection per run)
  transaction: <T>(fn: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
  // drops the lock and gives the connection back; call it after the run's row says how it ended
  release: () => Promise<void>;
};

export async function claimRun(): Promise<TRunClaim> {
  const id = randomUUID();
  const client = await pool().connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [runLockKey(id)]);
  } catch (e) {
    client.release(e as Error);
    throw e;
  }
  let broken: Error | undefined;
  let released = false;
  return {
    id,
    owner: { host: os.hostname(), pid: process.pid },
    transaction: async (fn) => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw e;
      }
    },
    release: async () => {
      if (released) return;
      released = true;
      if (!broken)
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [runLockKey(id)]).catch((e: Error) => {
          broken = e;
        });
      // a connection that could not unlock must not go back to the pool still holding the lock
      client.release(broken);
    },
  };
}
