// A held client whose session the server ends (a restart, a failover, pg_terminate_backend) must not
// take the process down with an 'error' event nobody hears: the error is kept, the next query fails,
// and the client is destroyed, not pooled.
import { afterAll, expect, it } from 'vitest';
import { disconnect, holdClient, pool } from './db';
import { claimRun } from './runtime/run-claim';

afterAll(() => disconnect());

async function terminate(pid: number) {
  await pool().query('SELECT pg_terminate_backend($1)', [pid]);
  // the server's notice reaches the client as an 'error' event while it sits idle
  await new Promise((r) => setTimeout(r, 200));
}

it('keeps the error of a held client whose session was ended, and destroys it on release', async () => {
  const held = await holdClient();
  const { rows } = await held.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  await terminate(rows[0].pid);
  expect(held.broken()).toBeInstanceOf(Error);
  await expect(held.client.query('SELECT 1')).rejects.toThrow();
  held.release();
  // the pool still serves, from a fresh connection
  const again = await pool().query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  expect(again.rows[0].pid).not.toBe(rows[0].pid);
});

it('lets a run whose connection was cut end without throwing from release', async () => {
  const claim = await claimRun();
  const pid = await claim.transaction(async (client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  await terminate(pid);
  await expect(claim.transaction(async (client) => client.query('SELECT 1'))).rejects.toThrow();
  await expect(claim.release()).resolves.toBeUndefined();
});
