import { expect, test } from '@playwright/test';
import { signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

test('a viewer opens the utilisation page and the Atlas cluster, and sees its memory against capacity', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.getByRole('link', { name: 'Utilisation' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisation' })).toBeVisible();
  await expect(page.getByText('Demo data.')).toBeVisible();

  const databases = page.getByTestId('resources-database');
  const row = databases.getByTestId('resource-row').filter({ hasText: 'ec-routes' });
  await expect(row.getByRole('meter')).toBeVisible();
  await expect(row).toContainText('P95');
  await expect(row).toContainText('headroom');

  await row.getByRole('link', { name: 'ec-routes' }).click();
  await expect(page.getByRole('heading', { name: 'ec-routes' })).toBeVisible();
  await expect(page).toHaveURL(/\/utilisation\/[0-9a-f-]{36}\?days=30$/);

  const summary = page.getByTestId('metric-summary-memory_used_bytes');
  await expect(summary).toContainText('P95 memory');
  await expect(summary).toContainText('of 8 GB');
  await expect(summary).toContainText('headroom');
  await expect(summary.getByRole('meter')).toBeVisible();

  const chart = page.getByTestId('metric-chart-memory_used_bytes');
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();
  // the capacity as a dashed line with its label
  const capacity = chart.locator('.recharts-reference-line');
  await expect(capacity).toHaveCount(1);
  await expect(capacity.locator('line.recharts-reference-line-line')).toHaveAttribute('stroke-dasharray', '6 4');
  await expect(chart).toContainText('capacity 8 GB');

  // the fullest bounded metric leads the page, with its own chart
  await expect(page.getByTestId('main-metric').locator('.recharts-line-curve').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/utilisation-atlas.png', fullPage: true });

  // a longer window is a link; beyond 30 days the points are daily
  await page.getByRole('link', { name: '90 days' }).click();
  await expect(page).toHaveURL(/\?days=90$/);
  await expect(page.getByText('last 90 days, daily points')).toBeVisible();
  await expect(page.getByTestId('metric-summary-memory_used_bytes')).toContainText('P95 memory');
  await expect(page.getByTestId('metric-chart-memory_used_bytes').locator('.recharts-line-curve').first()).toBeVisible();
});

test('the resources API answers a viewer token with the Atlas cluster and its metrics', async ({ request }) => {
  const headers = { authorization: `Bearer ${VIEWER_TOKEN}` };
  const list = await request.get('/api/v1/resources', { headers });
  expect(list.status()).toBe(200);
  const { resources } = await list.json();
  const atlas = resources.find((r: { provider: string }) => r.provider === 'atlas');
  expect(atlas?.name).toBe('ec-routes');

  const today = new Date();
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)).toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - 7 * 86_400_000).toISOString().slice(0, 10);
  const res = await request.get(`/api/v1/resources/${atlas.id}/metrics?metric=memory_used_bytes&from=${from}&to=${to}`, { headers });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.step).toBe('hour');
  expect(body.metrics[0]).toMatchObject({ metric: 'memory_used_bytes', unit: 'bytes', capacity: 8 * 2 ** 30 });
  expect(body.metrics[0].summary.basis).toBe('hourly averages');
  expect(body.metrics[0].summary.p95).toBeGreaterThan(0);

  const bad = await request.get(`/api/v1/resources/${atlas.id}/metrics?from=${from}&to=${to}&step=week`, { headers });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('step');
  const missing = await request.get(`/api/v1/resources/00000000-0000-4000-8000-000000000000/metrics?from=${from}&to=${to}`, { headers });
  expect(missing.status()).toBe(404);
});
