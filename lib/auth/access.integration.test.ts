import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as authRoute from '@/app/api/auth/[...all]/route';
import { pool, prisma } from '../db';
import { env, setEnv } from '../env';
import { PEER_ADDRESS_HEADER } from '../http/client-address';
import { logger } from '../logger';
import { truncate } from '../../test/db';
import { accountCap, ACCOUNT_WINDOW_MS, backoffMs, MAX_WAIT_MS, recordSignIn, takeSignInAttempt } from './account-rate-limit';
import { resolveActor } from './actor';
import { createApiToken, hashToken, revokeApiToken, verifyApiToken } from './tokens';
import { createUser, ensureFirstAdmin } from './users';

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

// Through the auth route as the server calls it: `peer` is the socket's address, which the server
// stamps on every request (lib/http/stamp-peer-address.ts), null as if the stamp were missing;
// X-Forwarded-For is what the client says.
function signIn(email: string, password: string, peer: string | null = '203.0.113.7', forwardedFor?: string) {
  return authRoute.POST(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}),
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe('API tokens', () => {
  beforeEach(() => truncate('api_token', 'user', 'rate_limit'));

  it('stores only a hash, resolves to its role, and records when it was used', async () => {
    const { token, id } = await createApiToken({ name: 'grafana', role: 'viewer' });
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const actor = await resolveActor(bearer(token));
    expect(actor).toMatchObject({ type: 'token', role: 'viewer', label: 'token:grafana' });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it('refuses revoked, expired and unknown tokens', async () => {
    const revoked = await createApiToken({ name: 'old', role: 'admin' });
    await revokeApiToken(revoked.id);
    expect(await resolveActor(bearer(revoked.token))).toBeNull();
    const expired = await createApiToken({ name: 'expired', role: 'admin', expiresAt: new Date(Date.now() - 1000) });
    expect(await verifyApiToken(expired.token)).toBeNull();
    expect(await resolveActor(bearer('tmt_unknown'))).toBeNull();
    expect(await resolveActor(new Headers())).toBeNull();
  });
});

describe('sign-in', () => {
  beforeEach(() => truncate('session', 'account', 'user', 'rate_limit'));

  it('creates the first admin once, with a generated password when none is given', async () => {
    const first = await ensureFirstAdmin({});
    expect(first?.generated).toBe(true);
    expect(first?.password.length).toBeGreaterThanOrEqual(12);
    expect(await ensureFirstAdmin({})).toBeNull();
    const account = await prisma.account.findFirstOrThrow({ where: { providerId: 'credential' } });
    // scrypt "salt:hash", never the password itself
    expect(account.password).not.toContain(first!.password);
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it('signs in with the right password, and answers a wrong one and an unknown user the same way', async () => {
    await createUser({ email: 'lead@example.com', name: 'Lead', password: 'correct-horse-battery', role: 'editor' });
    const ok = await signIn('lead@example.com', 'correct-horse-battery', '198.51.100.1');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('better-auth.session_token');
    const actor = await resolveActor(new Headers({ cookie: cookie.split(';')[0] }));
    expect(actor).toMatchObject({ type: 'user', role: 'editor', email: 'lead@example.com' });

    const wrong = await signIn('lead@example.com', 'wrong-password-123', '198.51.100.2');
    const unknown = await signIn('nobody@example.com', 'wrong-password-123', '198.51.100.3');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it('rate-limits repeated sign-ins from one address', async () => {
    const statuses: number[] = [];
    // a different account each time: only the address is over its limit
    for (let i = 0; i < 7; i++) statuses.push((await signIn(`x${i}@example.com`, 'wrong-password-123', '192.0.2.99')).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // the wait is in the standard header too (better-auth says it in X-Retry-After only)
    const limited = await signIn('x9@example.com', 'wrong-password-123', '192.0.2.99');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // another address is not held back
    expect((await signIn('y@example.com', 'wrong-password-123', '192.0.2.100')).status).toBe(401);
  });

  it('does not let a forged X-Forwarded-For multiply the per-address budget without a trusted proxy', async () => {
    const statuses: number[] = [];
    // one socket address, a new forged address (and a new account) every time
    for (let i = 0; i < 7; i++) statuses.push((await signIn(`f${i}@example.com`, 'wrong-password-123', '192.0.2.50', `198.18.1.${i + 1}`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // the session records the socket's address, not the forged one
    await createUser({ email: 'owner@example.com', name: 'Owner', password: 'correct-horse-battery', role: 'viewer' });
    expect((await signIn('owner@example.com', 'correct-horse-battery', '192.0.2.51', '10.9.9.9')).status).toBe(200);
    expect((await prisma.session.findFirstOrThrow()).ipAddress).toBe('192.0.2.51');
  });

  describe('behind a trusted proxy', () => {
    beforeEach(() => setEnv({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' }));
    afterEach(() => setEnv({ TRUSTED_PROXIES: null }));

    it('takes the right-most address that is not a trusted proxy from X-Forwarded-For', async () => {
      const statuses: number[] = [];
      // a different client behind the proxy each time: each has its own budget
      for (let i = 0; i < 7; i++) statuses.push((await signIn(`p${i}@example.com`, 'wrong-password-123', '127.0.0.1', `198.51.100.${i + 1}`)).status);
      expect(statuses).toEqual(Array(7).fill(401));
      // one client forging addresses to the left of what the proxies appended gains nothing
      const forged: number[] = [];
      for (let i = 0; i < 7; i++) forged.push((await signIn(`q${i}@example.com`, 'wrong-password-123', '127.0.0.1', `6.6.6.${i}, 198.51.100.77, 10.1.2.3`)).status);
      expect(forged.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(forged.slice(5)).toEqual([429, 429]);
    });

    it('caps one account guessed from many addresses, with a bounded wait, while its owner gets in from a known address', async () => {
      await createUser({ email: 'admin@example.com', name: 'Admin', password: 'correct-horse-battery', role: 'admin' });
      const viaProxy = (password: string, client: string) => signIn('admin@example.com', password, '127.0.0.1', client);
      expect((await viaProxy('correct-horse-battery', '198.51.100.10')).status).toBe(200);
      // a different client address behind the proxy for every guess: neither the per-address limit
      // nor the (account, address) back-off holds any of them back
      const cap = accountCap(env().SIGNIN_ATTEMPTS_PER_MINUTE);
      for (let i = 0; i < cap; i++) expect((await viaProxy('wrong-password-123', `198.18.${i >> 8}.${i & 255}`)).status).toBe(401);
      // the account-wide cap: the next attempt from a new address waits, even with the right password,
      // and the wait is bounded by the cap's window
      const held = await viaProxy('correct-horse-battery', '198.19.0.1');
      expect(held.status).toBe(429);
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      const wait = Number(/Try again in (\d+) s/.exec((await held.json()).message)?.[1]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(ACCOUNT_WINDOW_MS / 1000);
      // the owner, from the address they signed in from, is exempt from the cap
      expect((await viaProxy('correct-horse-battery', '198.51.100.10')).status).toBe(200);
      // the wait passes (the window's end moved back instead of waiting): the right password works
      await pool().query(`UPDATE rate_limit SET last_request = $1 WHERE key = 'sign-in-account:admin@example.com'`, [Date.now() - 1]);
      expect((await viaProxy('correct-horse-battery', '198.19.0.1')).status).toBe(200);
    });
  });

  it('backs off a guesser at one address without holding the owner back at another', async () => {
    await createUser({ email: 'admin@example.com', name: 'Admin', password: 'correct-horse-battery', role: 'admin' });
    const guesser = '198.18.2.1';
    for (let i = 0; i < 5; i++) expect((await signIn('admin@example.com', 'wrong-password-123', guesser)).status).toBe(401);
    // the guesser's address waits, the right password included
    expect((await signIn('admin@example.com', 'correct-horse-battery', guesser)).status).toBe(429);
    // and keeps hammering, once a second for half a minute: every attempt is refused
    const t = Date.now();
    for (let s = 1; s <= 30; s++) expect(await takeSignInAttempt('admin@example.com', 5, t + s * 1000, guesser)).not.toBeNull();
    // the owner, from an address the account never signed in from (a new device), gets in
    expect((await signIn('admin@example.com', 'correct-horse-battery', '198.51.100.20')).status).toBe(200);
    // their success did not clear the guesser's wait
    expect(await takeSignInAttempt('admin@example.com', 5, Date.now(), guesser)).not.toBeNull();
    // the guesser's minute passes (every count's clock moved back instead of waiting): the right
    // password works there too, and clears that address's count
    await pool().query(`UPDATE rate_limit SET last_request = last_request - 61000`);
    const ok = await signIn('admin@example.com', 'correct-horse-battery', guesser);
    expect(ok.status).toBe(200);
    expect((await pool().query(`SELECT 1 FROM rate_limit WHERE key LIKE 'sign-in-pair:%'`)).rows).toEqual([]);
  });

  it('lets the owner in every time from a new address while a guesser retries for hours from another', async () => {
    const free = 5;
    const t = Date.UTC(2026, 11, 4, 9, 0, 0);
    let guesserThrough = 0;
    const owner: Array<number | null> = [];
    // the guesser tries every 30 s for three hours; the owner signs in every 20 minutes, each
    // time from an address the account has not signed in from before
    for (let s = 0; s < 3 * 3600; s += 30) {
      if ((await takeSignInAttempt('owner@example.com', free, t + s * 1000, '198.18.9.1')) === null) guesserThrough += 1;
      if (s % 1200 === 0) {
        const address = `198.51.100.${100 + s / 1200}`;
        const wait = await takeSignInAttempt('owner@example.com', free, t + s * 1000 + 1, address);
        owner.push(wait);
        if (wait === null) await recordSignIn('owner@example.com', address, t + s * 1000 + 2);
      }
    }
    expect(owner).toEqual(Array(9).fill(null));
    // the guesser got its free attempts and one after each wait (1, 2, 4, 8, then every 15 minutes)
    expect(guesserThrough).toBeLessThan(free + 15);
  });

  it('never makes an address wait more than 15 minutes for one account, however long a guesser keeps trying', async () => {
    const free = 5;
    let now = Date.UTC(2026, 11, 4, 9, 0, 0);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      const wait = await takeSignInAttempt('target@example.com', free, now, '198.18.6.1');
      // an attempt that goes through is followed at once by the next
      if (wait === null) continue;
      waits.push(wait);
      // hammering while the address waits does not extend the wait, nor hold back another address
      expect(await takeSignInAttempt('target@example.com', free, now + 500, '198.18.6.1')).toBeLessThanOrEqual(wait);
      expect(await takeSignInAttempt('target@example.com', free, now + 500, '198.18.6.2')).toBeNull();
      now += wait * 1000;
    }
    expect(waits.slice(0, 5)).toEqual([60, 120, 240, 480, 900]);
    expect(Math.max(...waits)).toBe(MAX_WAIT_MS / 1000);
    expect(backoffMs(free - 1, free)).toBe(0);
  });

  it('counts an IPv6 client by its /64 for one account, as the per-address limit does', async () => {
    const t = Date.UTC(2026, 11, 4, 9, 0, 0);
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt('v6@example.com', 5, t, `2001:db8:1:2::${i + 1}`)).toBeNull();
    // another address of the same /64 (a privacy address, or a guesser picking a fresh one) waits
    expect(await takeSignInAttempt('v6@example.com', 5, t, '2001:db8:1:2:abcd:ef01:2345:6789')).toBe(60);
    expect(await takeSignInAttempt('v6@example.com', 5, t, '2001:db8:1:3::1')).toBeNull();
  });

  it('caps an account across addresses within an hour, and forgets the count after it', async () => {
    const free = 5;
    const t = Date.UTC(2026, 11, 4, 9, 0, 0);
    const cap = accountCap(free);
    for (let i = 0; i < cap; i++) expect(await takeSignInAttempt('spread@example.com', free, t + i, `198.18.${i >> 8}.${i & 255}`)).toBeNull();
    const wait = await takeSignInAttempt('spread@example.com', free, t + cap, '198.19.1.1');
    expect(wait).toBe(ACCOUNT_WINDOW_MS / 1000);
    // another account is not held back
    expect(await takeSignInAttempt('other@example.com', free, t + cap, '198.19.1.1')).toBeNull();
    expect(await takeSignInAttempt('spread@example.com', free, t + ACCOUNT_WINDOW_MS, '198.19.1.1')).toBeNull();
  });

  it('keeps the back-off when better-auth prunes its own expired rate-limit rows', async () => {
    const t = Date.UTC(2026, 11, 4, 9, 0, 0);
    const at = '198.18.7.1';
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt('pruned@example.com', 5, t, at)).toBeNull();
    expect(await takeSignInAttempt('pruned@example.com', 5, t + 60_000, at)).toBeNull(); // the sixth, after a minute: then two
    // better-auth deletes rows whose last_request is older than its longest window (a minute)
    await pool().query('DELETE FROM rate_limit WHERE last_request < $1', [t + 170_000 - 60_000]);
    expect(await takeSignInAttempt('pruned@example.com', 5, t + 170_000, at)).toBe(10);
  });

  it('keeps a per-address limit, shared by all, for sign-ins with no client address, and says so once', async () => {
    const warn = vi.spyOn(logger, 'warn');
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await signIn(`n${i}@example.com`, 'wrong-password-123', null)).status);
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const said = warn.mock.calls.filter((call) => call.some((a) => typeof a === 'string' && a.includes('no client address')));
      expect(said).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
    // the shared bucket is this module's own, whatever better-auth does without an address: from an
    // empty table (the sign-ins above filled it at the real time), at a time of the test's own
    await prisma.rateLimit.deleteMany();
    const t = Date.UTC(2026, 11, 4, 9, 0, 0);
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt(`u${i}@example.com`, 5, t, null)).toBeNull();
    expect(await takeSignInAttempt('u5@example.com', 5, t, null)).toBe(60);
    expect(await takeSignInAttempt('u5@example.com', 5, t, '198.18.8.1')).toBeNull();
    expect(await takeSignInAttempt('u5@example.com', 5, t + 60_000, null)).toBeNull();
  });

  it('does not start a session for a disabled account', async () => {
    const user = await createUser({ email: 'gone@example.com', name: 'Gone', password: 'correct-horse-battery', role: 'viewer' });
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    const res = await signIn('gone@example.com', 'correct-horse-battery', '198.51.100.9');
    expect(res.status).not.toBe(200);
    expect(await prisma.session.count()).toBe(0);
  });
});
