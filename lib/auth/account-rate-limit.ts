// Sign-in attempts per account, whatever address they come from, so that guessing one account's
// password from many addresses is slow too. A back-off, not a lockout: the first `free` attempts
// (SIGNIN_ATTEMPTS_PER_MINUTE) go through, then each further attempt waits twice as long as the
// one before (1 min, 2, 4, 8, then 15 min at most), and attempts refused while waiting do not
// extend the wait. So nobody, a guesser included, can keep the rightful owner (the admin included)
// out for longer than 15 minutes at a time: after the wait the correct password signs in, and a
// sign-in that succeeds clears the count. A quiet quarter of an hour after the wait forgives too.
// Counted before the password is checked (so parallel guesses cannot slip through together), in
// the rate_limit table, one row per e-mail: count = attempts since the last success.
import crypto from 'node:crypto';
import { pool, withTransaction } from '../db';

const BASE_WAIT_MS = 60_000;
export const MAX_WAIT_MS = 15 * 60_000;

function keyOf(email: string): string {
  return `sign-in-account:${email.trim().toLowerCase()}`;
}

// How long an account waits after `attempts` attempts without a success.
export function backoffMs(attempts: number, free: number): number {
  if (attempts < free) return 0;
  return Math.min(BASE_WAIT_MS * 2 ** Math.min(attempts - free, 20), MAX_WAIT_MS);
}

// Returns the seconds to wait when the account is backing off, else null (and counts the try).
export async function takeSignInAttempt(email: string, free: number, now = Date.now()): Promise<number | null> {
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
    const last = Number(rows[0].last_request);
    let attempts = rows[0].count;
    const waitEnds = last + backoffMs(attempts, free);
    if (now < waitEnds) return Math.max(1, Math.ceil((waitEnds - now) / 1000));
    if (now >= waitEnds + MAX_WAIT_MS) attempts = 0;
    await client.query(`UPDATE rate_limit SET count = $2, last_request = $3 WHERE key = $1`, [key, attempts + 1, now]);
    return null;
  });
}

// A successful sign-in: the account starts afresh.
export async function clearSignInAttempts(email: string): Promise<void> {
  await pool().query(`DELETE FROM rate_limit WHERE key = $1`, [keyOf(email)]);
}
