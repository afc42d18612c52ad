// A person's own account (name, language, password) and an admin's password reset, through the
// route handlers as Next.js calls them, with real sessions from the sign-in route.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as authRoute from '@/app/api/auth/[...all]/route';
import { resolveActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/auth/tokens';
import { createUser } from '@/lib/auth/users';
import { accessCommands } from '@/lib/cli/access-commands';
import { disconnect, prisma } from '@/lib/db';
import { PEER_ADDRESS_HEADER } from '@/lib/http/client-address';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { logger } from '@/lib/logger';
import { truncate } from '@/test/db';
import * as me from './route';
import * as password from './password/route';
import * as reset from '../users/[id]/reset-password/route';
import * as scenarios from '../scenarios/route';

const ORIGIN = 'http://localhost:3000';
let address = 0;

// a new client address for each sign-in, so that the per-address limit never answers instead
async function signIn(email: string, pass: string): Promise<{ status: number; cookie: string; setCookie: string }> {
  address++;
  const res = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, [PEER_ADDRESS_HEADER]: `198.51.100.${address}` },
      body: JSON.stringify({ email, password: pass }),
    }),
  );
  const setCookie = res.headers.get('set-cookie') ?? '';
  const session = setCookie.split(/,(?=\s*[\w.-]+=)/).find((c) => c.trim().startsWith('better-auth.session_token')) ?? '';
  return { status: res.status, cookie: session.split(';')[0].trim(), setCookie };
}

function call(path: string, auth: { cookie?: string; token?: string }, init: { method?: string; body?: unknown } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(auth.cookie ? { cookie: auth.cookie, origin: ORIGIN } : {}),
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const noParams = { params: Promise.resolve(undefined) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

const PASSWORD = 'correct-horse-battery';

beforeEach(() => truncate('session', 'account', 'user', 'rate_limit', 'audit_log', 'api_token'));
afterAll(() => disconnect());

describe('GET and PATCH /api/v1/me', () => {
  it('shows the signed-in person, and keeps their language across sessions with the cookie set', async () => {
    await createUser({ email: 'lead@example.com', name: 'Lead', password: PASSWORD, role: 'editor' });
    const { cookie } = await signIn('lead@example.com', PASSWORD);
    const got = await me.GET(call('/api/v1/me', { cookie }), noParams);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ name: 'Lead', email: 'lead@example.com', role: 'editor', locale: null, mustChangePassword: false });

    const changed = await me.PATCH(call('/api/v1/me', { cookie }, { method: 'PATCH', body: { locale: 'fr-FR', name: ' Chef ' } }), noParams);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ name: 'Chef', locale: 'fr-FR' });
    const setCookie = changed.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`${LOCALE_COOKIE}=fr-FR`);
    expect(setCookie).toMatch(/SameSite=Lax/);

    // a new session (another browser) speaks it too
    const again = await signIn('lead@example.com', PASSWORD);
    expect(await resolveActor(new Headers({ cookie: again.cookie }))).toMatchObject({ locale: 'fr-FR' });

    // back to the organisation's default: null, and the cookie goes
    const back = await me.PATCH(call('/api/v1/me', { cookie }, { method: 'PATCH', body: { locale: null } }), noParams);
    expect((await back.json()).locale).toBeNull();
    expect(back.headers.get('set-cookie')).toMatch(new RegExp(`${LOCALE_COOKIE}=;.*Max-Age=0`));
    const audits = await prisma.auditLog.findMany({ where: { action: 'account.update' } });
    expect(audits).toHaveLength(2);
  });

  it('refuses an unknown language, an empty change and unknown fields, naming them', async () => {
    await createUser({ email: 'lead@example.com', name: 'Lead', password: PASSWORD, role: 'viewer' });
    const { cookie } = await signIn('lead@example.com', PASSWORD);
    const fields = async (body: unknown) => {
      const res = await me.PATCH(call('/api/v1/me', { cookie }, { method: 'PATCH', body }), noParams);
      expect(res.status).toBe(400);
      return (await res.json()).error.issues.map((i: { field: string }) => i.field);
    };
    expect(await fields({ locale: 'de-DE' })).toEqual(['locale']);
    expect(await fields({ name: '   ' })).toEqual(['name']);
    expect(await fields({})).toEqual(['(body)']);
    expect(await fields({ role: 'admin' })).toContain('(body)');
    expect((await prisma.user.findFirstOrThrow()).role).toBe('viewer');
  });

  it('answers an API token, which has no account, with a 400 that says so', async () => {
    const { token } = await createApiToken({ name: 'script', role: 'admin' });
    const res = await me.GET(call('/api/v1/me', { token }), noParams);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(/API token has no account/);
    expect(body.error.issues[0].field).toBe('authorization');
    const pw = await password.POST(call('/api/v1/me/password', { token }, { method: 'POST', body: { currentPassword: 'x', newPassword: 'a-new-password-1' } }), noParams);
    expect(pw.status).toBe(400);
  });

  it('answers 401 without a session', async () => {
    expect((await me.GET(call('/api/v1/me', {}), noParams)).status).toBe(401);
  });
});

describe('POST /api/v1/me/password', () => {
  it('needs the current password, ends the other sessions, keeps this one, and logs no password', async () => {
    await createUser({ email: 'lead@example.com', name: 'Lead', password: PASSWORD, role: 'viewer' });
    const here = await signIn('lead@example.com', PASSWORD);
    const elsewhere = await signIn('lead@example.com', PASSWORD);
    const logged: string[] = [];
    const spies = (['info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => void logged.push(JSON.stringify(args))) as never),
    );
    try {
      const wrong = await password.POST(
        call('/api/v1/me/password', { cookie: here.cookie }, { method: 'POST', body: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' } }),
        noParams,
      );
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).error.issues).toEqual([{ field: 'currentPassword', message: 'wrong password' }]);

      const short = await password.POST(call('/api/v1/me/password', { cookie: here.cookie }, { method: 'POST', body: { currentPassword: PASSWORD, newPassword: 'short' } }), noParams);
      expect(short.status).toBe(400);
      expect((await short.json()).error.issues[0].field).toBe('newPassword');

      const ok = await password.POST(
        call('/api/v1/me/password', { cookie: here.cookie }, { method: 'POST', body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' } }),
        noParams,
      );
      expect(ok.status).toBe(200);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(logged.join('\n')).not.toMatch(/a-brand-new-password|not-my-password|correct-horse/);

    expect(await resolveActor(new Headers({ cookie: here.cookie }))).toMatchObject({ email: 'lead@example.com' });
    expect(await resolveActor(new Headers({ cookie: elsewhere.cookie }))).toBeNull();
    expect((await signIn('lead@example.com', PASSWORD)).status).toBe(401);
    expect((await signIn('lead@example.com', 'a-brand-new-password')).status).toBe(200);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'account.password_change' } });
    expect(JSON.stringify(audit.details)).not.toContain('a-brand-new-password');
  });
});

describe('resetting a password', () => {
  it('gives an admin a one-time password once; the person must choose their own after signing in with it', async () => {
    const admin = await createUser({ email: 'admin@example.com', name: 'Admin', password: PASSWORD, role: 'admin' });
    const viewer = await createUser({ email: 'viewer@example.com', name: 'Viewer', password: 'viewer-password-1', role: 'viewer' });
    const adminSession = await signIn(admin.email, PASSWORD);
    const viewerSession = await signIn(viewer.email, 'viewer-password-1');

    const res = await reset.POST(call(`/api/v1/users/${viewer.id}/reset-password`, { cookie: adminSession.cookie }, { method: 'POST' }), withId(viewer.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { password: oneTime } = (await res.json()) as { password: string };
    expect(oneTime.length).toBeGreaterThanOrEqual(12);

    expect(await resolveActor(new Headers({ cookie: viewerSession.cookie }))).toBeNull();
    expect((await signIn(viewer.email, 'viewer-password-1')).status).toBe(401);
    const withOneTime = await signIn(viewer.email, oneTime);
    expect(withOneTime.status).toBe(200);
    expect(await resolveActor(new Headers({ cookie: withOneTime.cookie }))).toMatchObject({ mustChangePassword: true });
    // until then the API serves only their own account
    const blocked = await scenarios.GET(call('/api/v1/scenarios', { cookie: withOneTime.cookie }), noParams);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.message).toMatch(/choose your own password first/);
    expect((await me.GET(call('/api/v1/me', { cookie: withOneTime.cookie }), noParams)).status).toBe(200);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'user.password_reset' } });
    expect(audit).toMatchObject({ actorId: admin.id, entityId: viewer.id });
    expect(JSON.stringify(audit.details)).not.toContain(oneTime);

    // choosing a password clears the mark
    const chosen = await password.POST(
      call('/api/v1/me/password', { cookie: withOneTime.cookie }, { method: 'POST', body: { currentPassword: oneTime, newPassword: 'my-own-password-1' } }),
      noParams,
    );
    expect(chosen.status).toBe(200);
    expect(await resolveActor(new Headers({ cookie: withOneTime.cookie }))).toMatchObject({ mustChangePassword: false });
  });

  it('is for admins only, and answers 404 for nobody', async () => {
    const viewer = await createUser({ email: 'viewer@example.com', name: 'Viewer', password: 'viewer-password-1', role: 'viewer' });
    const { token: editor } = await createApiToken({ name: 'editor', role: 'editor' });
    const { token: admin } = await createApiToken({ name: 'admin', role: 'admin' });
    const refused = await reset.POST(call(`/api/v1/users/${viewer.id}/reset-password`, { token: editor }, { method: 'POST' }), withId(viewer.id));
    expect(refused.status).toBe(403);
    const missing = await reset.POST(call('/api/v1/users/nobody/reset-password', { token: admin }, { method: 'POST' }), withId('nobody'));
    expect(missing.status).toBe(404);
    expect((await signIn(viewer.email, 'viewer-password-1')).status).toBe(200);
  });

  it('is also a command that prints the one-time password once', async () => {
    await createUser({ email: 'viewer@example.com', name: 'Viewer', password: 'viewer-password-1', role: 'viewer' });
    const out: string[] = [];
    const command = accessCommands.find((c) => c.name === 'user:reset-password')!;
    const io = { out: (line: string) => void out.push(line), err: (line: string) => void out.push(line) };
    expect(await command.run({ positionals: ['Viewer@Example.com'], options: {} }, io)).toBe(0);
    expect(out).toHaveLength(2);
    expect((await signIn('viewer@example.com', out[1])).status).toBe(200);
    expect((await prisma.user.findFirstOrThrow()).mustChangePassword).toBe(true);
    await expect(command.run({ positionals: ['nobody@example.com'], options: {} }, io)).rejects.toThrow(/no user with e-mail nobody@example.com/);
  });
});
