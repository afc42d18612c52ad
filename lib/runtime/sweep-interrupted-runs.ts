// Marks 'interrupted' every run still 'running' whose owner is gone: its run lock (run-claim.ts) is
// free, which only happens once the owning process's database session has ended. A run whose owner
// is alive keeps its lock and is left alone, whichever instance sweeps and however old the run is.
// Safe to run from several instances at once: a run is marked by whoever holds its free lock, and
// the update only touches a row still 'running'.
import { holdClient } from '../db';
import { runLockKey, type TRunOwner } from './run-claim';

const WHAT_REMAINS: Record<string, string> = {
  import: 'nothing of the file was written (an import is one transaction): import it again',
  sync: 'the windows it had finished stay written; the next sync reads from the end of the last finished sync',
  demo: 'nothing of the demo was written (one transaction): it loads again at the next start into an empty database',
};

export function interruptedMessage(kind: string, owner: TRunOwner | null): string {
  const who = owner ? ` (process ${owner.pid} on ${owner.host})` : '';
  const what = kind === 'sync' || kind === 'import' ? `this ${kind}` : kind === 'demo' ? 'the demo load' : 'this run';
  return `interrupted: the process running ${what}${who} stopped before it finished; ${WHAT_REMAINS[kind] ?? 'it did not finish'}`;
}

function ownerOf(details: unknown): TRunOwner | null {
  const owner = (details as { owner?: { host?: unknown; pid?: unknown } } | null)?.owner;
  return owner && typeof owner.host === 'string' && typeof owner.pid === 'number' ? { host: owner.host, pid: owner.pid } : null;
}

export type TSweepResult = { interrupted: { id: string; kind: string }[]; alive: number };

export async function sweepInterruptedRuns(): Promise<TSweepResult> {
  const held = await holdClient();
  const { client } = held;
  const result: TSweepResult = { interrupted: [], alive: 0 };
  try {
    const { rows } = await client.query<{ id: string; kind: string; details: unknown }>(
      "SELECT id::text AS id, kind, details FROM sync_run WHERE status = 'running' ORDER BY started_at",
    );
    for (const run of rows) {
      const key = runLockKey(run.id);
      const { rows: got } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [key]);
      if (!got[0].ok) {
        result.alive += 1;
        continue;
      }
      try {
        const marked = await client.query(
          `UPDATE sync_run SET status = 'interrupted', finished_at = now(), error = $2
            WHERE id = $1 AND status = 'running'`,
          [run.id, interruptedMessage(run.kind, ownerOf(run.details))],
        );
        if (marked.rowCount) result.interrupted.push({ id: run.id, kind: run.kind });
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(held.fail);
      }
      const broken = held.broken();
      if (broken) throw broken;
    }
    return result;
  } catch (e) {
    // a connection that may still hold a run's lock is destroyed, not pooled
    held.fail(e as Error);
    throw e;
  } finally {
    held.release();
  }
}
