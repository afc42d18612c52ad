// Against the real server (next start): the client address is the socket's whatever
// X-Forwarded-For claims, and a cookie write from another origin is refused.
import { expect, test } from '@playwright/test';
import { VIEWER } from './fixtures';

test('a session records the socket address, not a forged X-Forwarded-For', async ({ request, baseURL }) => {
  const signIn = await request.post('/api/auth/sign-in/email', {
    headers: { origin: baseURL!, 'x-forwarded-for': '203.0.113.66', 'x-tourmalet-peer-address': '203.0.113.67' },
    data: { email: VIEWER.email, password: VIEWER.password },
  });
  expect(signIn.status()).toBe(200);
  const sessions = await request.get('/api/auth/list-sessions');
  expect(sessions.status()).toBe(200);
  const addresses = ((await sessions.json()) as Array<{ ipAddress: string | null }>).map((s) => s.ipAddress);
  expect(addresses.length).toBeGreaterThan(0);
  // the test's browser context talks to 127.0.0.1
  expect(addresses.every((a) => a === '127.0.0.1')).toBe(true);
});

test('a cookie write from another origin is refused; from the app it is judged on its merits', async ({ request, baseURL }) => {
  const signIn = await request.post('/api/auth/sign-in/email', { headers: { origin: baseURL! }, data: { email: VIEWER.email, password: VIEWER.password } });
  expect(signIn.status()).toBe(200);
  const body = { name: 'csrf-probe', components: [] };
  const foreign = await request.post('/api/v1/scenarios', { headers: { origin: 'https://evil.example' }, data: body });
  expect(foreign.status()).toBe(403);
  const plain = await request.post('/api/v1/scenarios', { headers: { origin: baseURL!, 'content-type': 'text/plain' }, data: JSON.stringify(body) });
  expect(plain.status()).toBe(415);
  // same origin: past the CSRF check, refused for the role (a viewer cannot create scenarios)
  const own = await request.post('/api/v1/scenarios', { headers: { origin: baseURL! }, data: body });
  expect(own.status()).toBe(403);
  expect((await own.json()).error.message).toMatch(/role/);
});
