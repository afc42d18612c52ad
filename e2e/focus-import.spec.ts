import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';

const SAMPLE = path.resolve(import.meta.dirname, '../test/fixtures/focus-1.0/focus_sample.csv');

const BAD = [
  'BilledCost,EffectiveCost,ListCost,BillingCurrency,BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ServiceName',
  '1.5,1.5,1.5,USD,acct,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-30T00:00:00Z,2026-03-01T00:00:00Z,Usage,AWS,Amazon S3',
  'twelve,1,1,USD,acct,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-10T00:00:00Z,2026-02-11T00:00:00Z,Usage,AWS,Amazon S3',
  '2,2,2,USD,acct,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-10T00:00:00Z,2026-02-11T00:00:00Z,Refund,AWS,Amazon S3',
].join('\n');
const badFile = { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) };

test('an admin imports a real FOCUS export in Settings, then a file with bad rows is refused with each row named', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Import a FOCUS file' });
  const file = form.getByLabel('FOCUS file');

  // a file can be chosen once the form is live (setInputFiles itself would fill a disabled input)
  await expect(file).toBeEnabled();
  await file.setInputFiles(SAMPLE);
  await form.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('status').filter({ hasText: 'rows read' });
  await expect(result).toContainText('1,000 rows read · 1,000 imported');
  await expect(result).toContainText('0 refused');

  await file.setInputFiles(badFile);
  await form.getByRole('button', { name: 'Import' }).click();
  const refused = page.getByRole('status').filter({ hasText: 'refused' }).last();
  await expect(refused).toContainText('0 imported');
  await expect(refused.getByRole('row')).toHaveCount(4); // header and one row per bad line
  await expect(refused).toContainText('ChargePeriodStart');
  await expect(refused).toContainText('BilledCost');
  await expect(refused).toContainText('ChargeCategory');
});

// The flake this spec once had: the file was set in the server's HTML before React hydrated the
// page; hydration then failed (times formatted in the server's zone on the server and in the
// browser's in the browser) and React rendered the page anew, with a new, empty file input, so
// the click said "Choose a FOCUS CSV file first.". Holding the page's scripts makes that order
// certain instead of a race.
test('a file put in the form before the page is live stays in it: hydration keeps the form', async ({ page }) => {
  await signIn(page, ADMIN);
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  const recoverable: string[] = [];
  page.on('console', (m) => m.type() === 'error' && recoverable.push(m.text()));
  page.on('pageerror', (e) => recoverable.push(e.message));

  await page.goto('/settings', { waitUntil: 'commit' });
  const form = page.getByRole('form', { name: 'Import a FOCUS file' });
  const file = form.getByLabel('FOCUS file');
  // the server's HTML: nobody can choose a file the page may not keep
  await expect(file).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Import' })).toBeDisabled();
  await file.evaluate((el) => Object.assign(el, { fromServerHtml: true }));
  await file.setInputFiles(badFile);

  release();
  await expect(file).toBeEnabled();
  // the same element, with the file still in it: React hydrated the form rather than replacing it
  expect(await file.evaluate((el) => (el as HTMLInputElement & { fromServerHtml?: boolean }).fromServerHtml === true)).toBe(true);
  expect(await file.evaluate((el) => (el as HTMLInputElement).files?.[0]?.name)).toBe('bad.csv');
  expect(recoverable.filter((t) => /hydrat|#418|#423|#425/i.test(t))).toEqual([]);

  await form.getByRole('button', { name: 'Import' }).click();
  const refused = page.getByRole('status').filter({ hasText: 'refused' }).last();
  await expect(refused).toContainText('3 of 3 rows refused');
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a FOCUS CSV file first.' })).toHaveCount(0);
});
