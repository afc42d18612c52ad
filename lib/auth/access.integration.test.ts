import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as authRoute from '@/app/api/auth/[...all]/route';
import { pool, prisma } from '../db';
import { setEnv } from '../env';
import { PEER_ADDRESS_HEADER } from '../http/client-address';
import { truncate } from '../../test/db';
import { backoffMs, MAX_WAIT_MS, takeSignInAttempt } from './account-rate-limit';
import { resolveActor } from './actor';
import { createApiToken, hashToken, revokeApiToken, verifyApiToken } from './tokens';
import { createUser, ensureFirstAdmin } from './users';

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

// Through the auth route as the server calls it: `peer` is the socket's address, which the server
// stamps on every request (lib/http/stamp-peer-address.ts); X-Forwarded-For is what the client says.
function signIn(email: string, password: string, peer = '203.0.113.7', forwardedFor?: string) {
  return authRoute.POST(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        [PEER_ADDRESS_HEADER]: peer,
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
    // another address is not held back
    expect((await signIn('y@example.com', 'wrong-password-123', '192.0.2.100')).status).toBe(401);
  });

  it('also limits one account tried from many addresses (forged X-Forwarded-For does not help)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn('target@example.com', 'wrong-password-123', `198.18.0.${i + 1}`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
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
    afterEach(() => {
      delete process.env.TRUSTED_PROXIES;
      setEnv({});
    });

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
  });

  it('backs off one account exponentially, up to 15 minutes, and the right password works after the wait', async () => {
    await createUser({ email: 'admin@example.com', name: 'Admin', password: 'correct-horse-battery', role: 'admin' });
    // five wrong guesses from five addresses, then the account waits a minute, even for the owner
    for (let i = 0; i < 5; i++) expect((await signIn('admin@example.com', 'wrong-password-123', `198.18.2.${i + 1}`)).status).toBe(401);
    const held = await signIn('admin@example.com', 'correct-horse-battery', '198.18.2.99');
    expect(held.status).toBe(429);
    expect((await held.json()).message).toMatch(/Try again in \d+ s/);
    // the minute passes (the count's clock moved back instead of waiting)
    await pool().query(`UPDATE rate_limit SET last_request = last_request - 61000 WHERE key = 'sign-in-account:admin@example.com'`);
    expect((await signIn('admin@example.com', 'correct-horse-battery', '198.18.2.99')).status).toBe(200);
    // the success cleared the count: five more attempts go through before any wait
    for (let i = 0; i < 5; i++) expect((await signIn('admin@example.com', 'wrong-password-123', `198.18.3.${i + 1}`)).status).toBe(401);
  });

  it('never makes an account wait more than 15 minutes, however long a guesser keeps trying', async () => {
    const free = 5;
    let now = Date.UTC(2026, 11, 4, 9, 0, 0);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      const wait = await takeSignInAttempt('target@example.com', free, now);
      // an attempt that goes through is followed at once by the next
      if (wait === null) continue;
      waits.push(wait);
      // hammering while the account waits does not extend the wait
      expect(await takeSignInAttempt('target@example.com', free, now + 500)).toBeLessThanOrEqual(wait);
      now += wait * 1000;
    }
    expect(waits.slice(0, 5)).toEqual([60, 120, 240, 480, 900]);
    expect(Math.max(...waits)).toBe(MAX_WAIT_MS / 1000);
    expect(backoffMs(free - 1, free)).toBe(0);
  });

  it('does not hold the owner back from an address they signed in from, while a guesser elsewhere waits', async () => {
    await createUser({ email: 'admin@example.com', name: 'Admin', password: 'correct-horse-battery', role: 'admin' });
    expect((await signIn('admin@example.com', 'correct-horse-battery', '198.51.100.10')).status).toBe(200);
    const guesses: number[] = [];
    for (let i = 0; i < 8; i++) guesses.push((await signIn('admin@example.com', 'wrong-password-123', `198.18.4.${i + 1}`)).status);
    expect(guesses.slice(5)).toEqual([429, 429, 429]);
    // the owner, from the address they use, is let through (and the per-address limit still applies there)
    expect((await signIn('admin@example.com', 'correct-horse-battery', '198.51.100.10')).status).toBe(200);
    // from an address the account never signed in from, the success above cleared the wait
    expect((await signIn('admin@example.com', 'wrong-password-123', '198.18.5.1')).status).toBe(401);
  });

  it('keeps the back-off when better-auth prunes its own expired rate-limit rows', async () => {
    const t = Date.UTC(2026, 11, 4, 9, 0, 0);
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt('pruned@example.com', 5, t)).toBeNull();
    expect(await takeSignInAttempt('pruned@example.com', 5, t + 60_000)).toBeNull(); // the sixth, after a minute: then two
    // better-auth deletes rows whose last_request is older than its longest window (a minute)
    await pool().query('DELETE FROM rate_limit WHERE last_request < $1', [t + 170_000 - 60_000]);
    expect(await takeSignInAttempt('pruned@example.com', 5, t + 170_000)).toBe(10);
  });

  it('does not start a session for a disabled account', async () => {
    const user = await createUser({ email: 'gone@example.com', name: 'Gone', password: 'correct-horse-battery', role: 'viewer' });
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    const res = await signIn('gone@example.com', 'correct-horse-battery', '198.51.100.9');
    expect(res.status).not.toBe(200);
    expect(await prisma.session.count()).toBe(0);
  });
});
