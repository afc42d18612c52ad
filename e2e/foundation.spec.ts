import { expect, test } from '@playwright/test';
import { ADMIN, signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

// The sign-in page speaks LOCALE (fr-FR in the e2e app) until a browser has chosen a language.
test('a wrong password gets one message that does not say whether the user exists', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  for (const email of [ADMIN.email, 'nobody@e2e.test']) {
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('definitely-not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('form', { name: 'Connexion' }).getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  }
});

test('signing in at another address than the app’s says where to go, and does not count as an attempt', async ({ page, baseURL }) => {
  // the e2e app's APP_URL is http://127.0.0.1:PORT; the same server answers at localhost too
  const elsewhere = baseURL!.replace('127.0.0.1', 'localhost');
  await page.goto(`${elsewhere}/sign-in`);
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('form', { name: 'Connexion' }).getByRole('alert')).toHaveText(
    `Cette page a été ouverte à l'adresse ${elsewhere}, mais l'adresse de Tourmalet (APP_URL) est ${baseURL}. Ouvrez plutôt ${baseURL}/sign-in.`,
  );
  await signIn(page, ADMIN);
});

test('an admin signs in, sees the overview charts with the demo data, and signs out', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByText('Demo data.')).toBeVisible();
  await expect(page.getByTestId('mtd-current')).toContainText('€');
  const chart = page.getByTestId('chart-monthly-by-provider');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(chart.getByText('AWS', { exact: true }).first()).toBeVisible();
  const services = page.getByTestId('chart-services-last-30');
  await expect(services.locator('li')).toHaveCount(11);
  await expect(services.getByText(/^Other \(/)).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a viewer cannot open Settings', async ({ page }) => {
  await signIn(page, VIEWER);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'You cannot open this page' })).toBeVisible();
});

test('the API refuses a request without a token and answers a viewer token', async ({ request }) => {
  const anonymous = await request.get('/api/v1/costs?from=2026-01-01&to=2026-02-01', { headers: { authorization: '' } });
  expect(anonymous.status()).toBe(401);
  const withToken = await request.get('/api/v1/costs?from=2025-12-01&to=2026-11-01&groupBy=provider', {
    headers: { authorization: `Bearer ${VIEWER_TOKEN}` },
  });
  expect(withToken.status()).toBe(200);
  const body = await withToken.json();
  expect(body.currency).toBe('EUR');
  expect(body.rows.length).toBeGreaterThan(10);
  const bad = await request.get('/api/v1/costs?from=2026-13-01&to=2026-02-01', { headers: { authorization: `Bearer ${VIEWER_TOKEN}` } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('from');
  const revoked = await request.get('/api/v1/costs?from=2026-01-01&to=2026-02-01', { headers: { authorization: 'Bearer tmt_not-a-real-token' } });
  expect(revoked.status()).toBe(401);
});

test('an admin creates an API token in Settings, it works once shown, and revoking it stops it', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Create an API token' });
  await form.getByPlaceholder('Token name, e.g. grafana').fill('e2e-temporary');
  await form.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^tmt_/);
  const ok = await request.get('/api/v1/costs?from=2026-01-01&to=2026-02-01', { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const row = page.getByRole('row', { name: /e2e-temporary/ });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByText('revoked')).toBeVisible();
  const refused = await request.get('/api/v1/costs?from=2026-01-01&to=2026-02-01', { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});
