// Every operation of the OpenAPI document × every kind of caller, generated from the document's
// x-required-role (filled from lib/api/route-roles.ts, the table the routes read): no credential,
// a bad or revoked token → 401; a role below the one required → 403; the role or above → neither
// (the request itself may still be refused: ids here name nothing and bodies are empty, so that a
// caller let through changes nothing).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRole, ROLES, type TRole } from '@/lib/auth/roles';
import { disconnect } from '@/lib/db';
import { createFixtures, documentOperations, fingerprint, routeContext, routeHandler, type TDocOperation, type TFixtures } from '@/test/api-harness';

const operations = documentOperations();
const CALLERS = ['anonymous', 'bad token', 'revoked token', ...ROLES] as const;
type TCaller = (typeof CALLERS)[number];

let fixtures: TFixtures;
beforeAll(async () => {
  fixtures = await createFixtures();
}, 120_000);
afterAll(() => disconnect());

function token(caller: TCaller): string | null {
  if (caller === 'anonymous') return null;
  if (caller === 'bad token') return `tmt_${crypto.randomBytes(24).toString('base64url')}`;
  if (caller === 'revoked token') return fixtures.tokens.revoked;
  return fixtures.tokens[caller];
}

function request(op: TDocOperation, caller: TCaller) {
  const params = Object.fromEntries(op.pathParams.map((p) => [p, p === 'version' ? '1' : crypto.randomUUID()]));
  let url = op.path;
  for (const [k, v] of Object.entries(params)) url = url.replace(`{${k}}`, v);
  const bearer = token(caller);
  const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
  let body: string | undefined;
  if (op.body) {
    headers['content-type'] = 'application/json';
    body = '{}';
  } else if (op.rawBody) {
    headers['content-type'] = 'text/csv';
    body = '';
  }
  return { req: new Request(`http://localhost${url}`, { method: op.method, headers, body }), params };
}

function expected(role: string, caller: TCaller): 'allowed' | 401 | 403 {
  if (role === 'public') return 'allowed';
  if (!(ROLES as readonly string[]).includes(caller)) return 401;
  return hasRole(caller as TRole, role as TRole) ? 'allowed' : 403;
}

describe('access matrix from the OpenAPI document', () => {
  it('states a role for every operation', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const op of operations) expect(['public', ...ROLES], `${op.method} ${op.path}`).toContain(op.role);
  });

  it('keeps the roles the README states for the operations it names', () => {
    const role = (method: string, path: string) => operations.find((o) => o.method === method && o.path === path)?.role;
    expect(role('POST', '/api/v1/imports/focus')).toBe('admin');
    expect(role('PATCH', '/api/v1/prices/{id}')).toBe('editor');
    expect(role('PATCH', '/api/v1/scenarios/{id}')).toBe('editor');
    expect(role('POST', '/api/v1/scenarios/{id}/evaluate')).toBe('viewer');
    expect(role('POST', '/api/v1/connections')).toBe('admin');
    expect(role('GET', '/api/v1/tokens')).toBe('admin');
  });

  for (const op of operations) {
    it(`${op.method} ${op.path} (${op.role})`, async () => {
      const handler = await routeHandler(op);
      // an import refused as empty records its failed run, and the audit of it, by design
      // and a refresh of the recommendations by an allowed caller records its run (and what it found), by design
      const except =
        op.path === '/api/v1/imports/focus' ? ['sync_run', 'audit_log'] : op.path === '/api/v1/recommendations/refresh' ? ['recommendation_run', 'recommendation', 'audit_log'] : [];
      const before = await fingerprint({ except });
      for (const caller of CALLERS) {
        const { req, params } = request(op, caller);
        const res = await handler(req, routeContext(params));
        const want = expected(op.role, caller);
        const what = `${op.method} ${op.path} as ${caller} → ${res.status}`;
        if (want === 'allowed') {
          expect([401, 403], what).not.toContain(res.status);
          expect(res.status, what).toBeLessThan(500);
          await res.arrayBuffer();
        } else {
          expect(res.status, what).toBe(want);
          expect((await res.json()).error.code, what).toBe(want === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
        }
      }
      // nobody was let through to change anything: refused callers, and allowed ones with ids
      // that name nothing and empty bodies
      if (op.method !== 'GET') expect(await fingerprint({ except }), `${op.method} ${op.path} wrote`).toEqual(before);
    });
  }
});
