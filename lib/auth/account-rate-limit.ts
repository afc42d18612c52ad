// Sign-in attempts per account, whatever address they come from, so that guessing one account's
// password from many addresses is slow too. A back-off, not a lockout: the first `free` attempts
// (SIGNIN_ATTEMPTS_PER_MINUTE) go through, then each further attempt waits twice as long as the
// one before (1 min, 2, 4, 8, then 15 min at most), and attempts refused while waiting do not
// extend the wait. After the wait the correct password signs in, a sign-in that succeeds clears
// the count, and a quiet quarter of an hour after the wait forgives it. And the account's owner is
// not held back at all from an address they signed in from before (within 30 days): a guesser
// elsewhere cannot keep them out; from that address the per-address limit still applies.
//
// Counted before the password is checked (so parallel guesses cannot slip through together), in
// the rate_limit table. better-auth prunes that table's rows whose last_request is more than its
// longest window (a minute or so) in the past, so these rows keep in last_request the moment
// they may be forgotten, which lies in the future while they matter.
import crypto from 'node:crypto';
import { pool, withTransaction } from '../db';

const BASE_WAIT_MS = 60_000;
export const MAX_WAIT_MS = 15 * 60_000;
// how long after a wait ends the count is remembered
const FORGIVE_MS = 15 * 60_000;
// how long an address an account signed in from counts as the owner's
const KNOWN_ADDRESS_MS = 30 * 86_400_000;

function keyOf(email: string): string {
  return `sign-in-account:${email.trim().toLowerCase()}`;
}

function knownKeyOf(email: string, address: string): string {
  return `sign-in-known:${email.trim().toLowerCase()}|${address}`;
}

// How long an account waits after `attempts` attempts without a success.
export function backoffMs(attempts: number, free: number): number {
  if (attempts < free) return 0;
  return Math.min(BASE_WAIT_MS * 2 ** Math.min(attempts - free, 20), MAX_WAIT_MS);
}

async function isKnownAddress(email: string, address: string | null, now: number): Promise<boolean> {
  if (!address) return false;
  const { rows } = await pool().query(`SELECT 1 FROM rate_limit WHERE key = $1 AND last_request > $2`, [knownKeyOf(email, address), now]);
  return rows.length > 0;
}

// Returns the seconds to wait when the account is backing off, else null (and counts the try).
// `address` is the client's (lib/http/client-address.ts), null when unknown.
export async function takeSignInAttempt(email: string, free: number, now = Date.now(), address: string | null = null): Promise<number | null> {
  if (await isKnownAddress(email, address, now)) return null;
  const key = keyOf(email);
  return withTransaction(async (client) => {
    await client.query(`INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 0, $3) ON CONFLICT (key) DO NOTHING`, [
      crypto.randomUUID(),
      key,
      now,
    ]);
    const { rows } = await client.query<{ count: number; last_request: string }>(
      `SELECT count, last_request FROM rate_limit WHERE key = $1 FOR UPDATE`,
      [key],
    );
    const forgetAt = Number(rows[0].last_request);
    const waitEnds = forgetAt - FORGIVE_MS;
    if (now < waitEnds) return Math.max(1, Math.ceil((waitEnds - now) / 1000));
    const attempts = (now >= forgetAt ? 0 : rows[0].count) + 1;
    const nextForgetAt = now + backoffMs(attempts, free) + FORGIVE_MS;
    await client.query(`UPDATE rate_limit SET count = $2, last_request = $3 WHERE key = $1`, [key, attempts, nextForgetAt]);
    return null;
  });
}

// A successful sign-in: the account starts afresh, and its address is the owner's for a while.
export async function recordSignIn(email: string, address: string | null, now = Date.now()): Promise<void> {
  await pool().query(`DELETE FROM rate_limit WHERE key = $1`, [keyOf(email)]);
  if (!address) return;
  await pool().query(
    `INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 1, $3)
     ON CONFLICT (key) DO UPDATE SET last_request = EXCLUDED.last_request`,
    [crypto.randomUUID(), knownKeyOf(email, address), now + KNOWN_ADDRESS_MS],
  );
}
