// Input that only the running app can show: Next.js decodes path parameters and re-encodes the
// query before any handler sees them, so these are refused by the proxy and parseQuery as 400s
// that name the parameter, never the bare 500 Next.js answered for a path it could not decode.
import { expect, test } from '@playwright/test';
import { VIEWER_TOKEN } from './fixtures';

const auth = { authorization: `Bearer ${VIEWER_TOKEN}` };

test('a path parameter that is not UTF-8 is a 400 naming it, before authentication', async ({ request }) => {
  for (const [path, field] of [
    ['/api/v1/scenarios/%C3%28', 'id'],
    ['/api/v1/scenarios/%ED%A0%80/versions', 'id'],
    ['/api/v1/scenarios/x/versions/%FF/restore', 'version'],
  ] as const) {
    const res = await request.fetch(path, { method: path.endsWith('restore') ? 'POST' : 'GET' });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.issues[0].field, path).toBe(field);
  }
});

test('a NUL or bytes that are not UTF-8 in the query or a path id are 400s naming the field', async ({ request }) => {
  const cases = [
    ['/api/v1/costs?from=2026-01-01&to=2026-02-01&provider=%C3%28', 'provider'],
    ['/api/v1/costs?from=2026-01-01&to=2026-02-01&provider=aws%00', 'provider'],
    ['/api/v1/costs/export?from=2026-01-01&to=2026-02-01&service=%00', 'service'],
    ['/api/v1/scenarios/%00', 'id'],
    ['/api/v1/prices/%2500/history', 'id'],
  ] as const;
  for (const [path, field] of cases) {
    const res = await request.get(path, { headers: auth });
    expect(res.status(), path).toBe(400);
    expect(res.headers()['content-type'], path).toContain('application/json');
    expect((await res.json()).error.issues[0].field, path).toBe(field);
  }
  // the same requests well encoded still work
  const ok = await request.get('/api/v1/costs?from=2026-01-01&to=2026-02-01&provider=%C3%A9t%C3%A9', { headers: auth });
  expect(ok.status()).toBe(200);
});
