import { expect, test } from '@playwright/test';
import { FRENCH_VIEWER, signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

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
  // the row shows the metric that runs out first, with its runway, and what the cluster cost
  const listed = await row.getByTestId('resource-main').getAttribute('data-metric');
  expect(listed).toBeTruthy();
  await expect(row.getByTestId('resource-runway')).toHaveText(/^(full in ~\d+ days? at the current trend|at or over capacity)$/);
  await expect(row.getByTestId('resource-cost')).toContainText('€');
  // the Prometheus deployment has no cost record of its own: a dash, and why
  const app = page.getByTestId('resources-app').getByTestId('resource-row').filter({ hasText: 'routes-api' });
  await expect(app.getByTestId('resource-cost')).toContainText('—');
  await expect(app.getByTestId('resource-cost')).toHaveAttribute('title', /No cost record names this resource/);

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

  // the axis stops at round values: whole GB (0, 2, 4, 6, 8, 10 GB), never 2.3 / 4.7 / 8.4 GB
  // (recharts 3 draws tick labels in a layer of their own: the y axis's are the right-aligned ones)
  const ticks = await chart.locator('.recharts-cartesian-axis-tick-value[text-anchor="end"]').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  const values = ticks.map((t) => Number(t.replace(/\s*GB$/, '')));
  expect(values.every((v) => Number.isInteger(v))).toBe(true);
  expect(values.slice(1).map((v, i) => v - values[i]).every((step) => step === values[1] - values[0])).toBe(true);

  // the metric the list showed leads the page, with its own chart
  await expect(page.getByTestId('main-metric')).toHaveAttribute('data-metric', listed!);
  await expect(page.getByTestId('main-metric').locator('.recharts-line-curve').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/utilisation-atlas.png', fullPage: true });

  // a longer window is a link; beyond 30 days the points are daily
  await page.getByRole('link', { name: '90 days' }).click();
  await expect(page).toHaveURL(/\?days=90$/);
  await expect(page.getByText('last 90 days, daily points')).toBeVisible();
  await expect(page.getByTestId('metric-summary-memory_used_bytes')).toContainText('P95 memory');
  await expect(page.getByTestId('metric-chart-memory_used_bytes').locator('.recharts-line-curve').first()).toBeVisible();
});

test('a resource that does not exist answers 404', async ({ page }) => {
  await signIn(page, VIEWER);
  const missing = await page.goto('/utilisation/00000000-0000-4000-8000-000000000000');
  expect(missing?.status()).toBe(404);
  const garbled = await page.goto('/utilisation/not-a-resource');
  expect(garbled?.status()).toBe(404);
});

test('the utilisation page speaks French to a French reader, numbers in French style', async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  await page.goto('/utilisation');
  await expect(page.getByRole('heading', { name: 'Bases de données' })).toBeVisible();
  const row = page.getByTestId('resources-database').getByTestId('resource-row').filter({ hasText: 'ec-routes' });
  await expect(row).toContainText('de marge');
  // the cost as Intl writes euros in French: the amount, a no-break space, then €
  const cost = (await row.getByTestId('resource-cost').locator('.tabular').textContent()) ?? '';
  const amount = Number(cost.replace(/\D/g, ''));
  expect(cost).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount));
  await page.getByRole('link', { name: '90 jours' }).click();
  await expect(page).toHaveURL(/\?days=90$/);
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
