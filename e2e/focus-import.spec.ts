import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';

const SAMPLE = path.resolve(import.meta.dirname, '../test/fixtures/focus-1.0/focus_sample.csv');

test('an admin imports a real FOCUS export in Settings, then a file with bad rows is refused with each row named', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Import a FOCUS file' });

  await form.locator('input[type=file]').setInputFiles(SAMPLE);
  await form.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('status').filter({ hasText: 'rows read' });
  await expect(result).toContainText('1000 rows read · 1000 imported');
  await expect(result).toContainText('0 refused');

  const bad = [
    'BilledCost,EffectiveCost,ListCost,BillingCurrency,BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ServiceName',
    '1.5,1.5,1.5,USD,acct,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-30T00:00:00Z,2026-03-01T00:00:00Z,Usage,AWS,Amazon S3',
    'twelve,1,1,USD,acct,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-10T00:00:00Z,2026-02-11T00:00:00Z,Usage,AWS,Amazon S3',
    '2,2,2,USD,acct,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-10T00:00:00Z,2026-02-11T00:00:00Z,Refund,AWS,Amazon S3',
  ].join('\n');
  await form.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await form.getByRole('button', { name: 'Import' }).click();
  const refused = page.getByRole('status').filter({ hasText: 'refused' }).last();
  await expect(refused).toContainText('0 imported');
  await expect(refused.getByRole('row')).toHaveCount(4); // header and one row per bad line
  await expect(refused).toContainText('ChargePeriodStart');
  await expect(refused).toContainText('BilledCost');
  await expect(refused).toContainText('ChargeCategory');
});
