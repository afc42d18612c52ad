import { expect, test } from '@playwright/test';
import { signIn, VIEWER } from './fixtures';

test('a viewer explores costs by provider and downloads the same view as a FOCUS file', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.getByRole('link', { name: 'Costs' }).click();
  await expect(page.getByRole('heading', { name: 'Costs' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Cost view' });
  await form.locator('select[name=groupBy]').selectOption('provider');
  await form.locator('select[name=granularity]').selectOption('month');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/groupBy=provider/);
  const table = page.getByTestId('costs-table');
  await expect(table.getByRole('row', { name: /MongoDB Atlas/ })).toBeVisible();
  await expect(page.getByTestId('costs-total')).toContainText('€');
  await expect(page.getByTestId('chart-costs').locator('.recharts-bar-rectangle').first()).toBeVisible();

  await form.locator('select[name=provider]').selectOption('MongoDB Atlas');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(table.getByRole('row')).toHaveCount(3); // header, Atlas, total

  const download = page.waitForEvent('download');
  await page.getByTestId('export-focus').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const [header, ...rows] = text.trim().split('\n');
  expect(header).toContain('BilledCost');
  expect(header).toContain('ChargePeriodStart');
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => r.includes('MongoDB Atlas'))).toBe(true);
});

test('a bad date in the cost view is explained, not a crash', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto('/costs?from=2026-05-01&to=2026-04-01');
  await expect(page.locator('[role=alert]', { hasText: 'to' })).toContainText('must be after from');
});

test('accounts of two providers with one name are two rows, two series, and a filter each', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto('/costs?groupBy=account&granularity=month');
  const table = page.getByTestId('costs-table');
  // the demo's AWS account and Atlas organisation are both called ec-prod
  await expect(table.getByRole('row', { name: /^AWS · ec-prod/ })).toHaveCount(1);
  await expect(table.getByRole('row', { name: /^MongoDB Atlas · ec-prod/ })).toHaveCount(1);
  const groups = await table.locator('tbody tr').count();
  // one legend entry per group (the demo has fewer groups than the chart's top 8)
  await expect(page.getByTestId('chart-costs').locator('.recharts-legend-item')).toHaveCount(groups);

  const form = page.getByRole('form', { name: 'Cost view' });
  await form.locator('select[name=account]').selectOption({ label: 'MongoDB Atlas · ec-prod' });
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/account=MongoDB\+Atlas%3A/);
  await expect(table.getByRole('row')).toHaveCount(3); // header, the Atlas organisation, total
  await expect(table.getByRole('row', { name: /^MongoDB Atlas · ec-prod/ })).toBeVisible();
});
