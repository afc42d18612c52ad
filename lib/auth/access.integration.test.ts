import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '../db';
import { truncate } from '../../test/db';
import { resolveActor } from './actor';
import { auth } from './auth';
import { createApiToken, hashToken, revokeApiToken, verifyApiToken } from './tokens';
import { createUser, ensureFirstAdmin } from './users';

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

function signIn(email: string, password: string, ip = '203.0.113.7') {
  return auth().handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': ip },
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

  it('does not start a session for a disabled account', async () => {
    const user = await createUser({ email: 'gone@example.com', name: 'Gone', password: 'correct-horse-battery', role: 'viewer' });
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    const res = await signIn('gone@example.com', 'correct-horse-battery', '198.51.100.9');
    expect(res.status).not.toBe(200);
    expect(await prisma.session.count()).toBe(0);
  });
});
