// Sign-in attempts per account, whatever address they come from: client addresses come from
// headers a client can forge when no trusted proxy sets them, so the per-address limit alone
// would not stop a password guesser. Counted in the same rate_limit table, one row per e-mail.
import crypto from 'node:crypto';
import { pool } from '../db';

const WINDOW_MS = 60_000;

// Returns the seconds to wait when the account is over its limit, else null (and counts the try).
export async function takeSignInAttempt(email: string, max: number, now = Date.now()): Promise<number | null> {
  const key = `sign-in-account:${email.trim().toLowerCase()}`;
  const { rows } = await pool().query<{ count: number; last_request: string }>(
    `INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 1, $3)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limit.last_request < $3 - $4 THEN 1 ELSE rate_limit.count + 1 END,
       last_request = CASE WHEN rate_limit.last_request < $3 - $4 THEN $3 ELSE rate_limit.last_request END
     RETURNING count, last_request`,
    [crypto.randomUUID(), key, now, WINDOW_MS],
  );
  const { count, last_request } = rows[0];
  if (count <= max) return null;
  return Math.max(1, Math.ceil((Number(last_request) + WINDOW_MS - now) / 1000));
}
