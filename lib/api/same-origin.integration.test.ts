// CSRF: what a page on another site can make a signed-in admin's browser send (a form post, a
// text/plain fetch, both with the session cookie and without a preflight) must change nothing.
// Real sessions from better-auth's sign-in, the real route handlers, the real database.
import { beforeEach, describe, expect, it } from 'vitest';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as focusRoute from '@/app/api/v1/imports/focus/route';
import * as tokensRoute from '@/app/api/v1/tokens/route';
import { truncate } from '@/test/db';
import { resolveActor } from '../auth/actor';
import { createApiToken } from '../auth/tokens';
import { createUser } from '../auth/users';
import { prisma } from '../db';

const APP = 'http://localhost:3000';
const EVIL = 'https://evil.example';
const PASSWORD = 'correct-horse-battery-staple';

function authRequest(path: string, headers: Record<string, string>, body: unknown = {}) {
  return new Request(`${APP}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function signInCookie(): Promise<string> {
  const res = await authRoute.POST(authRequest('/sign-in/email', { origin: APP }, { email: 'admin@example.com', password: PASSWORD }));
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  expect(cookie).toContain('session_token');
  return cookie;
}

function createToken(headers: Record<string, string>, body: string = JSON.stringify({ name: 'planted', role: 'admin' })) {
  return tokensRoute.POST(new Request(`${APP}/api/v1/tokens`, { method: 'POST', headers, body }));
}

const planted = () => prisma.apiToken.count({ where: { name: 'planted' } });

let cookie: string;

beforeEach(async () => {
  await truncate('api_token', 'session', 'account', 'user', 'rate_limit', 'audit_log');
  await createUser({ email: 'admin@example.com', name: 'Admin', password: PASSWORD, role: 'admin' });
  cookie = await signInCookie();
});

describe('cookie-authenticated writes to /api/v1', () => {
  it.each([
    ['a foreign Origin', { origin: EVIL }],
    ['Origin: null', { origin: 'null' }],
    ['no Origin and no Referer', {}],
    ['no Origin and a foreign Referer', { referer: `${EVIL}/page` }],
    ['a foreign Origin despite a same-origin Referer', { origin: EVIL, referer: `${APP}/settings` }],
  ])('are refused from %s, and change nothing', async (_, headers) => {
    const res = await createToken({ cookie, 'content-type': 'application/json', ...headers });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'FORBIDDEN', issues: [{ field: 'origin' }] });
    expect(await planted()).toBe(0);
  });

  it('refuses a JSON body sent as text/plain (no preflight) with 415, even from the app itself', async () => {
    const res = await createToken({ cookie, origin: APP, 'content-type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', issues: [{ field: 'content-type' }] });
    expect(await planted()).toBe(0);
  });

  it('accepts them from the app’s own origin (Origin, or Referer when there is no Origin)', async () => {
    expect((await createToken({ cookie, origin: APP, 'content-type': 'application/json' })).status).toBe(201);
    expect((await createToken({ cookie, referer: `${APP}/settings/tokens`, 'content-type': 'application/vnd.api+json' })).status).toBe(201);
    expect(await planted()).toBe(2);
  });

  it('accepts a bearer token from anywhere: another site cannot make a browser send it', async () => {
    const { token } = await createApiToken({ name: 'ci', role: 'admin' });
    const res = await createToken({ authorization: `Bearer ${token}`, origin: EVIL, 'content-type': 'application/json' });
    expect(res.status).toBe(201);
    expect(await planted()).toBe(1);
  });

  it('refuses a FOCUS upload (a file body, no JSON) from a foreign origin', async () => {
    const csv = 'BilledCost,BillingCurrency\n1,USD\n';
    const upload = (headers: Record<string, string>) =>
      focusRoute.POST(new Request(`${APP}/api/v1/imports/focus`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv', ...headers }, body: csv }));
    const before = await prisma.syncRun.count();
    const refused = await upload({ origin: EVIL });
    expect(refused.status).toBe(403);
    expect(await prisma.syncRun.count()).toBe(before);
    // from the app itself the file reaches the importer (which judges it: not a CSRF refusal)
    const accepted = await upload({ origin: APP });
    expect([200, 422]).toContain(accepted.status);
    expect(await prisma.syncRun.count()).toBe(before + 1);
  });
});

describe('better-auth endpoints', () => {
  it('refuse a sign-in from a foreign or opaque origin, and start no session', async () => {
    const before = await prisma.session.count();
    for (const origin of [EVIL, 'null']) {
      const res = await authRoute.POST(authRequest('/sign-in/email', { origin }, { email: 'admin@example.com', password: PASSWORD }));
      expect(res.status).toBe(403);
    }
    expect(await prisma.session.count()).toBe(before);
  });

  it('refuse a sign-out with the cookie from a foreign origin (the session stays), and take it from the app', async () => {
    const foreign = await authRoute.POST(authRequest('/sign-out', { cookie, origin: EVIL }));
    expect(foreign.status).toBe(403);
    expect(await resolveActor(new Headers({ cookie }))).not.toBeNull();
    const own = await authRoute.POST(authRequest('/sign-out', { cookie, origin: APP }));
    expect(own.status).toBe(200);
    expect(await resolveActor(new Headers({ cookie }))).toBeNull();
  });

  it('check the origin of cookie requests themselves too (better-auth’s own check, on in tests)', async () => {
    const { auth } = await import('../auth/auth');
    const res = await auth().handler(authRequest('/sign-out', { cookie, origin: EVIL }));
    expect(res.status).toBe(403);
    const missing = await auth().handler(authRequest('/sign-out', { cookie }));
    expect(missing.status).toBe(403);
    expect(await resolveActor(new Headers({ cookie }))).not.toBeNull();
  });
});
