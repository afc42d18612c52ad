import { describe, expect, it } from 'vitest';
import { badPathEncoding } from './path-encoding';
import { ROUTE_ROLES } from './route-roles';

describe('path encoding', () => {
  it('refuses a path segment that is not UTF-8, naming the route parameter', async () => {
    const res = badPathEncoding('/api/v1/scenarios/%C3%28/versions');
    expect(res?.status).toBe(400);
    expect(await res!.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'id: is not valid UTF-8', issues: [{ field: 'id', message: 'is not valid UTF-8' }] },
    });
    const version = await badPathEncoding('/api/v1/scenarios/abc/versions/%ED%A0%80/restore')!.json();
    expect(version.error.issues[0].field).toBe('version');
    expect((await badPathEncoding('/api/v1/nowhere/%FF')!.json()).error.issues[0].field).toBe('(path)');
  });

  it('lets well-encoded paths through, NUL included (the route refuses it, after authentication)', () => {
    expect(badPathEncoding('/api/v1/prices/aws%3Aec2%3Am6i.large%40eu-west-3/history')).toBeNull();
    expect(badPathEncoding('/api/v1/scenarios/%C3%A9t%C3%A9')).toBeNull();
    expect(badPathEncoding('/api/v1/users/%00')).toBeNull();
  });
});

describe('the proxy matcher', () => {
  it('covers every API route with path parameters, and never the FOCUS upload', async () => {
    const { config } = await import('../../proxy');
    const apiMatchers = config.matcher.filter((m) => m.startsWith('/api/'));
    // Next.js matchers are path-to-regexp patterns; these use only (a|b) groups and :path+
    const toRegExp = (m: string) => new RegExp(`^${m.replace(/:path\+/, '.+')}$`);
    const matched = (p: string) => apiMatchers.some((m) => toRegExp(m).test(p));
    const dynamic = Object.keys(ROUTE_ROLES).filter((t) => t.includes('{'));
    expect(dynamic.length).toBeGreaterThan(10);
    for (const template of dynamic) expect(matched(template.replace(/\{\w+\}/g, 'x')), template).toBe(true);
    expect(matched('/api/auth/sign-in/email')).toBe(true);
    expect(matched('/api/v1/imports/focus')).toBe(false);
    expect(matched('/api/v1/costs/export')).toBe(false);
  });
});
