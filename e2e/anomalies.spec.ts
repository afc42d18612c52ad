import { expect, test } from '@playwright/test';
import { EDITOR, FRENCH_VIEWER, signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

// The demo plants a load-test fleet left running in staging for two days (a spike) and backups that stop for four
// days (a drop); detection runs when the demo loads.
const STAGING = 'AWS:639402817564';
const BACKUP = 'AWS:AWS Backup';

test('the planted spike and drop are listed, with the series chart and what moved', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.getByRole('link', { name: 'Anomalies', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Anomalies', exact: true })).toBeVisible();
  const spike = page.locator(`[data-testid=anomaly-row][data-monitor="${STAGING}"]`);
  await expect(spike).toHaveCount(1);
  await expect(spike).toContainText('Increase');
  // an account's anomaly is explained by its services
  await expect(spike).toContainText('Amazon Elastic Compute Cloud');
  const drop = page.locator(`[data-testid=anomaly-row][data-monitor="${BACKUP}"]`);
  await expect(drop).toHaveCount(1);
  await expect(drop).toContainText('Drop');
  await expect(drop).toContainText(/[−-]100\s?%/);

  await drop.getByRole('link').first().click();
  const detail = page.getByTestId('anomaly-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByRole('heading', { name: /^AWS · AWS Backup: / })).toBeVisible();
  // the chart draws the actual line, the expected band and the anomalous days
  const chart = page.getByTestId('anomaly-chart');
  await expect(chart.locator('.recharts-area-area')).toHaveCount(1);
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(4);
  await expect(page.getByTestId('anomaly-contributions')).toContainText('warm backup storage');
  // a viewer reads the status, and cannot change it
  await expect(page.getByTestId('anomaly-status-readonly')).toContainText('Open');
  await expect(page.getByTestId('anomaly-status-form')).toHaveCount(0);
  const id = await detail.getAttribute('data-anomaly-id');
  const refused = await page.request.patch(`/api/v1/anomalies/${id}`, { data: { status: 'acknowledged' }, headers: { authorization: `Bearer ${VIEWER_TOKEN}` } });
  expect(refused.status()).toBe(403);

  // filters: the drops of one service only
  await page.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'AWS · AWS Backup' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/service=AWS%3AAWS\+Backup/);
  await expect(page.getByTestId('anomaly-row')).toHaveCount(1);
});

test('an editor acknowledges the spike with a note, and it survives a reload', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/anomalies');
  const spike = page.locator(`[data-testid=anomaly-row][data-monitor="${STAGING}"]`);
  await spike.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /^AWS · ec-staging: / })).toBeVisible();
  const form = page.getByTestId('anomaly-status-form');
  await form.getByRole('combobox', { name: 'Status' }).selectOption('acknowledged');
  await form.getByRole('textbox', { name: 'Note' }).fill('Load-test fleet left running; terminated by the platform team');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByTestId('anomaly-detail')).toBeVisible();
  await expect(page.getByTestId('anomaly-status-form').getByRole('combobox', { name: 'Status' })).toHaveValue('acknowledged');
  await expect(page.getByTestId('anomaly-status-form').getByRole('textbox', { name: 'Note' })).toHaveValue('Load-test fleet left running; terminated by the platform team');
  await expect(spike.locator('[data-status]')).toHaveAttribute('data-status', 'acknowledged');
  // acknowledged is no longer open: the open filter leaves it out
  await page.goto('/anomalies?status=open');
  await expect(page.locator(`[data-testid=anomaly-row][data-monitor="${STAGING}"]`)).toHaveCount(0);
});

test('the overview shows recent open anomalies, and unit costs show cost per user and per million requests, in French too', async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  await expect(page.getByTestId('overview-anomalies')).toContainText('Hausse');
  await page.getByRole('link', { name: 'Coûts unitaires' }).click();
  await expect(page.getByRole('heading', { name: 'Coûts unitaires' })).toBeVisible();
  await expect(page.getByTestId('unit-cost-active-users')).toContainText('par user');
  await expect(page.getByTestId('unit-cost-requests')).toContainText('€');
  await expect(page.getByTestId('unit-cost-requests').getByTestId('unit-cost-chart').locator('.recharts-line-curve').first()).toBeVisible();
  await expect(page.getByTestId('metric-import')).toHaveCount(0);
});
