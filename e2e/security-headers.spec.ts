// Every page and an API answer carry the security headers, and every page works under the
// Content-Security-Policy in Chromium: no violation reported, every script carries the nonce.
import { expect, test, type Page, type Response } from '@playwright/test';
import { ADMIN, signIn, VIEWER_TOKEN } from './fixtures';

type TViolation = { directive: string; blocked: string };

function expectHeaders(response: Pick<Response, 'headers'> | null, kind: 'page' | 'api') {
  expect(response, 'an answer').not.toBeNull();
  const h = response!.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  if (kind === 'page') {
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-eval');
  } else {
    expect(csp).toContain("default-src 'none'");
  }
  // the e2e app runs on http: no HSTS
  expect(h['strict-transport-security']).toBeUndefined();
}

// Collects CSP violations from the page (the event) and from the console (Chromium's message).
async function watchCsp(page: Page): Promise<{ violations: TViolation[]; console: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.exposeFunction('__reportCspViolation', (v: TViolation) => violations.push(v));
  const violations: TViolation[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: TViolation) => void }).__reportCspViolation({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
      });
    });
  });
  return { violations, console: consoleErrors };
}

// The id of the first item of the list an API answer holds (to visit one detail page of each kind).
async function firstId(page: Page, path: string): Promise<string[]> {
  const res = await page.request.get(path, { headers: { authorization: `Bearer ${VIEWER_TOKEN}` } });
  expect(res.ok(), `${path} answers`).toBe(true);
  const body = (await res.json()) as Record<string, unknown>;
  const list = Object.values(body).find((v): v is Array<{ id?: unknown }> => Array.isArray(v) && v.length > 0);
  return list && typeof list[0].id === 'string' ? [list[0].id] : [];
}

test('the sign-in page and every dashboard page carry the headers and work under the CSP', async ({ page }) => {
  const csp = await watchCsp(page);

  expectHeaders(await page.goto('/sign-in'), 'page');
  // the sign-in form is React: signing in proves the page's scripts ran under the policy
  await signIn(page, ADMIN);

  const pages = ['/', '/costs', '/utilisation', '/scenarios', '/scenarios/compare', '/scenarios/prices', '/settings'];
  for (const id of await firstId(page, '/api/v1/resources')) pages.push(`/utilisation/${id}`);
  for (const id of await firstId(page, '/api/v1/scenarios')) pages.push(`/scenarios/${id}`);
  for (const id of await firstId(page, '/api/v1/connections')) pages.push(`/settings/connections/${id}`);

  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expectHeaders(response, 'page');
    // Next put the request's nonce on every script it rendered. Read in the server's HTML: the chunks
    // its router loads later (a link's route, prefetched) are inserted by its own trusted runtime,
    // without a nonce, and 'strict-dynamic' lets them run; a script the policy refused would show
    // as a violation below.
    const html = (await response!.text()) ?? '';
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    const nonce = /nonce="([^"]+)"/.exec(scripts[0] ?? '')?.[1];
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(nonce, `${path}: the first script has a nonce`).toBeTruthy();
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), `${path}: scripts without the request's nonce`).toEqual([]);
    await page.waitForLoadState('networkidle');
  }
  // client-side navigation too
  await page.goto('/');
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  expect(csp.violations, 'CSP violations').toEqual([]);
  expect(csp.console, 'CSP errors in the console').toEqual([]);
});

test('API answers and redirects carry the headers too', async ({ page }) => {
  const api = await page.request.get('/api/v1/costs', { headers: { authorization: `Bearer ${VIEWER_TOKEN}` } });
  expectHeaders(api, 'api');
  const anonymous = await page.request.get('/api/v1/costs');
  expect(anonymous.status()).toBe(401);
  expectHeaders(anonymous, 'api');
  const redirect = await page.request.get('/costs', { maxRedirects: 0 });
  expect(redirect.status()).toBeGreaterThanOrEqual(300);
  expect(redirect.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
