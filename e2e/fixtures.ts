// Accounts that scripts/test.ts seeds into the e2e database, and a sign-in helper.
import { expect, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1' };
export const VIEWER = { email: 'viewer@e2e.test', password: 'e2e-viewer-password-1' };
export const EDITOR = { email: 'editor@e2e.test', password: 'e2e-editor-password-1' };
// no language of their own: they see the organisation's LOCALE (fr-FR, French)
export const FRENCH_VIEWER = { email: 'lectrice@e2e.test', password: 'e2e-lectrice-password-1' };
export const FRENCH_ADMIN = { email: 'admin-fr@e2e.test', password: 'e2e-admin-fr-password-1' };
export const VIEWER_TOKEN = process.env.E2E_VIEWER_TOKEN ?? '';

export async function signIn(page: Page, who: { email: string; password: string }) {
  // E2E_CPU_THROTTLE=4 slows the page's CPU that many times: races with hydration show up
  if (process.env.E2E_CPU_THROTTLE) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.E2E_CPU_THROTTLE) });
  }
  // the sign-in page speaks the browser's last language, else LOCALE (French): find its fields by name
  await page.goto('/sign-in');
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('form button[type=submit]').click();
  await expect(page.getByRole('heading', { name: /^(Overview|Vue d'ensemble)$/ })).toBeVisible();
}
