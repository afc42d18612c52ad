// Accounts that scripts/test.ts seeds into the e2e database, and a sign-in helper.
import { expect, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1' };
export const VIEWER = { email: 'viewer@e2e.test', password: 'e2e-viewer-password-1' };
export const EDITOR = { email: 'editor@e2e.test', password: 'e2e-editor-password-1' };
export const VIEWER_TOKEN = process.env.E2E_VIEWER_TOKEN ?? '';

export async function signIn(page: Page, who: { email: string; password: string }) {
  // E2E_CPU_THROTTLE=4 slows the page's CPU that many times: races with hydration show up
  if (process.env.E2E_CPU_THROTTLE) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.E2E_CPU_THROTTLE) });
  }
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}
