// The weekly report in the browser: the preview an administrator sees, and Settings › Weekly reports
// (create a schedule, send it now to the e2e run's real SMTP receiver, the delivery log).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { ADMIN, FRENCH_ADMIN, VIEWER, signIn } from './fixtures';

test.describe('weekly report', () => {
  test('the preview renders the e-mail for an administrator, images included, at phone and desktop widths', async ({ page }) => {
    await signIn(page, FRENCH_ADMIN);
    for (const size of [{ width: 390, height: 844 }, { width: 1400, height: 900 }]) {
      await page.setViewportSize(size);
      const response = await page.goto('/reports/preview');
      expect(response?.status()).toBe(200);
      expect(decodeURIComponent(response?.headers()['x-report-subject'] ?? '')).toMatch(/^Tourmalet · semaine \d+ : /);
      await expect(page.locator('[data-role=week-total]')).toContainText('€');
      await expect(page.getByText('La semaine', { exact: true })).toBeVisible();
      const chart = page.locator('img[alt]').first();
      await expect(chart).toBeVisible();
      expect(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
      // the e-mail fits the screen: wide tables scroll inside it
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screens/report-preview-${size.width}.png`, fullPage: true });
    }
  });

  test('the preview is for administrators only', async ({ page }) => {
    await signIn(page, VIEWER);
    const response = await page.goto('/reports/preview');
    expect(response?.status()).toBe(403);
  });

  test('Settings: create a schedule, send it now, and find the e-mail and its delivery', async ({ page }) => {
    const name = `E2E weekly ${Date.now()}`;
    const recipient = `finance-${Date.now()}@e2e.test`;
    await signIn(page, ADMIN);
    await page.goto('/settings');
    const section = page.locator('#reports');
    await section.getByRole('button', { name: 'New schedule' }).click();
    const form = section.getByRole('form', { name: 'New report schedule' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Language').selectOption('en-GB');
    await form.getByLabel('Addresses').fill(recipient);
    await form.getByLabel('Admin').uncheck();
    await form.getByLabel('Attach a CSV').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByRole('status')).toHaveText('Saved.');
    const row = section.locator(`tr[data-schedule="${name}"]`);
    await expect(row).toContainText(recipient);
    await expect(row).toContainText('0 8 * * 1');

    // a bad cron is refused, naming it
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = section.getByRole('form', { name: `Edit the schedule ${name}` });
    await edit.getByLabel('Cron').fill('every monday');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByRole('alert')).toContainText('cron');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await row.getByRole('button', { name: 'Send now' }).click();
    await expect(section.getByRole('status')).toHaveText('Sent to 1 recipient.', { timeout: 30_000 });
    const log = page.getByTestId('report-deliveries');
    await expect(log.locator('tr', { hasText: recipient })).toContainText('Sent');

    // the e-mail reached the run's SMTP receiver: subject, parts, inline chart
    const dir = process.env.E2E_MAIL_DIR ?? '';
    const file = fs.readdirSync(dir).find((f) => f.endsWith(`${recipient}.eml`));
    expect(file).toBeTruthy();
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file!)), { keepCidLinks: true });
    expect(mail.subject).toMatch(/^Tourmalet · week \d+: €[\d,]+/);
    expect(mail.text).toContain('THE WEEK');
    const png = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(mail.html).toContain(`cid:${png?.cid}`);
    expect(mail.attachments.some((a) => a.contentType.startsWith('text/csv'))).toBe(true);

    // disable, then delete
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('Off');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(row).toHaveCount(0);
  });

  test('Settings › Weekly reports fits a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, FRENCH_ADMIN);
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: 'Rapports hebdomadaires' })).toBeVisible();
    await expect(page.locator('#reports tr[data-schedule="Rapport hebdomadaire"]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
