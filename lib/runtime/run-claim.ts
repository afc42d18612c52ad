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
import { holdClient, inTransaction, type THeldClient } from '../db';

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

// On a client of its own, or on one the caller already holds (a sync's lock connection), which it
// then leaves to the caller to release.
export async function claimRun(given?: THeldClient): Promise<TRunClaim> {
  const id = randomUUID();
  const held = given ?? (await holdClient());
  try {
    await held.client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [runLockKey(id)]);
  } catch (e) {
    held.fail(e as Error);
    if (!given) held.release();
    throw e;
  }
  let released = false;
  return {
    id,
    owner: { host: os.hostname(), pid: process.pid },
    transaction: (fn) => inTransaction(held, fn),
    release: async () => {
      if (released) return;
      released = true;
      // a connection that could not unlock is destroyed (held.fail), never pooled with the lock
      if (!held.broken()) await held.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [runLockKey(id)]).catch(held.fail);
      if (!given) held.release();
    },
  };
}
