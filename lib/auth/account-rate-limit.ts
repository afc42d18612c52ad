// Sign-in attempts per account, on top of better-auth's per-address limit (auth.ts). Two limits,
// neither a lockout:
// - per (account, client address): the first `free` attempts (SIGNIN_ATTEMPTS_PER_MINUTE) go
//   through, then each further attempt waits twice as long as the one before (1 min, 2, 4, 8,
//   then 15 min at most). A guesser at one address backs off only that pair: the owner at another
//   address is not held back by it. A sign-in that succeeds clears its pair, and a quiet quarter of
//   an hour after the wait forgives it.
// - per account, across the addresses it is not known at: at most ACCOUNT_CAP_FACTOR × `free`
//   attempts an hour, counted from the first, so guessing from many addresses is slow too; the wait
//   is bounded by the hour. An address the account signed in from in the last 30 days is the
//   owner's and is exempt from this cap (its pair's back-off still applies): a guesser elsewhere
//   cannot keep the owner out.
// An attempt refused by either limit counts towards neither, and does not extend a wait. After the
// wait the correct password signs in.
//
// A request with no client address (the peer-address stamp missing: see instrumentation.ts) is
// not let through unlimited: its pair is (account, 'unknown'), and all such requests share one
// per-minute bucket of `free` attempts, across accounts, as the per-address limit would be.
//
// Counted before the password is checked (so parallel guesses cannot slip through together), in
// the rate_limit table. better-auth prunes that table's rows whose last_request is more than its
// longest window (a minute or so) in the past, so these rows keep in last_request the moment
// they may be forgotten, which lies in the future while they matter.
import crypto from 'node:crypto';
import { isIP } from 'node:net';
import type { PoolClient } from 'pg';
import { pool, withTransaction } from '../db';

const BASE_WAIT_MS = 60_000;
export const MAX_WAIT_MS = 15 * 60_000;
// how long after a wait ends a pair's count is remembered
const FORGIVE_MS = 15 * 60_000;
// the account-wide cap: this many times the per-minute budget, per hour
export const ACCOUNT_CAP_FACTOR = 20;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
const UNKNOWN_WINDOW_MS = 60_000;
// how long an address an account signed in from counts as the owner's
const KNOWN_ADDRESS_MS = 30 * 86_400_000;
export const UNKNOWN_ADDRESS = 'unknown';

// An IPv6 client is its /64, as better-auth's per-address limit counts it: one host may use any
// address of its network's /64 (privacy addresses change daily), so a guesser cannot take a fresh
// back-off per address and the owner's home network stays known.
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.toLowerCase().replace(/%.*$/, '').split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const account = (email: string) => email.trim().toLowerCase();
const pairKeyOf = (email: string, address: string | null) => `sign-in-pair:${account(email)}|${address ? addressBucket(address) : UNKNOWN_ADDRESS}`;
const accountKeyOf = (email: string) => `sign-in-account:${account(email)}`;
const knownKeyOf = (email: string, address: string) => `sign-in-known:${account(email)}|${addressBucket(address)}`;
const UNKNOWN_ADDRESS_KEY = `sign-in-address:${UNKNOWN_ADDRESS}`;

// How long a pair waits after `attempts` attempts without a success.
export function backoffMs(attempts: number, free: number): number {
  if (attempts < free) return 0;
  return Math.min(BASE_WAIT_MS * 2 ** Math.min(attempts - free, 20), MAX_WAIT_MS);
}

export function accountCap(free: number): number {
  return ACCOUNT_CAP_FACTOR * free;
}

async function isKnownAddress(email: string, address: string | null, now: number): Promise<boolean> {
  if (!address) return false;
  const { rows } = await pool().query(`SELECT 1 FROM rate_limit WHERE key = $1 AND last_request > $2`, [knownKeyOf(email, address), now]);
  return rows.length > 0;
}

// The row of `key`, created if missing, locked until the transaction ends.
async function lockRow(client: PoolClient, key: string, now: number): Promise<{ count: number; until: number }> {
  await client.query(`INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 0, $3) ON CONFLICT (key) DO NOTHING`, [
    crypto.randomUUID(),
    key,
    now,
  ]);
  const { rows } = await client.query<{ count: number; last_request: string }>(`SELECT count, last_request FROM rate_limit WHERE key = $1 FOR UPDATE`, [
    key,
  ]);
  return { count: rows[0].count, until: Number(rows[0].last_request) };
}

const setRow = (client: PoolClient, key: string, count: number, until: number) =>
  client.query(`UPDATE rate_limit SET count = $2, last_request = $3 WHERE key = $1`, [key, count, until]);

// A fixed window of `max` attempts: the ms to wait when it is full, else 0 and the attempt's count.
function windowStep(row: { count: number; until: number }, max: number, windowMs: number, now: number) {
  if (now >= row.until) return { wait: 0, next: { count: 1, until: now + windowMs } };
  if (row.count >= max) return { wait: row.until - now, next: null };
  return { wait: 0, next: { count: row.count + 1, until: row.until } };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

// Returns the seconds to wait when the attempt is held back, else null (and counts the try).
// `address` is the client's (lib/http/client-address.ts), null when unknown.
export async function takeSignInAttempt(email: string, free: number, now = Date.now(), address: string | null = null): Promise<number | null> {
  const capped = !(await isKnownAddress(email, address, now));
  return withTransaction(async (client) => {
    // always locked in this order (pair, account, unknown), so that two attempts cannot deadlock
    const pairKey = pairKeyOf(email, address);
    const pair = await lockRow(client, pairKey, now);
    const pairWaitEnds = pair.until - FORGIVE_MS;
    let wait = Math.max(0, pairWaitEnds - now);
    const accountKey = accountKeyOf(email);
    const acct = capped ? await lockRow(client, accountKey, now) : null;
    const acctStep = acct ? windowStep(acct, accountCap(free), ACCOUNT_WINDOW_MS, now) : null;
    if (acctStep) wait = Math.max(wait, acctStep.wait);
    const unknown = address ? null : await lockRow(client, UNKNOWN_ADDRESS_KEY, now);
    const unknownStep = unknown ? windowStep(unknown, free, UNKNOWN_WINDOW_MS, now) : null;
    if (unknownStep) wait = Math.max(wait, unknownStep.wait);
    if (wait > 0) return seconds(wait);

    const attempts = (now >= pair.until ? 0 : pair.count) + 1;
    await setRow(client, pairKey, attempts, now + backoffMs(attempts, free) + FORGIVE_MS);
    if (acctStep?.next) await setRow(client, accountKey, acctStep.next.count, acctStep.next.until);
    if (unknownStep?.next) await setRow(client, UNKNOWN_ADDRESS_KEY, unknownStep.next.count, unknownStep.next.until);
    return null;
  });
}

// A successful sign-in: its pair starts afresh, the attempt it took from the account-wide cap is
// given back (the cap counts failures), and its address is the owner's for a while.
export async function recordSignIn(email: string, address: string | null, now = Date.now()): Promise<void> {
  await pool().query(`DELETE FROM rate_limit WHERE key = $1`, [pairKeyOf(email, address)]);
  // an attempt from a known address took nothing from the cap
  if (!(await isKnownAddress(email, address, now))) {
    await pool().query(`UPDATE rate_limit SET count = greatest(count - 1, 0) WHERE key = $1 AND last_request > $2`, [accountKeyOf(email), now]);
  }
  if (!address) return;
  await pool().query(
    `INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 1, $3)
     ON CONFLICT (key) DO UPDATE SET last_request = EXCLUDED.last_request`,
    [crypto.randomUUID(), knownKeyOf(email, address), now + KNOWN_ADDRESS_MS],
  );
}
