import { test, type Page } from '@playwright/test';
import { FRENCH_VIEWER, signIn, VIEWER } from './fixtures';

async function detail(page: Page, testKind: string, text: RegExp, name: string) {
  await page.goto(`/recommendations?kind=${testKind}`);
  await page.getByTestId('recommendation-row').first().waitFor();
  const row = page.getByTestId('recommendation-row').filter({ hasText: text }).first();
  await row.getByRole('link').first().click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}

for (const [who, lang] of [[VIEWER, 'en'], [FRENCH_VIEWER, 'fr']] as const) {
  for (const [w, h, size] of [[1400, 900, 'laptop'], [390, 844, 'phone']] as const) {
    test(`shots ${lang} ${size}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await signIn(page, who);
      await page.goto('/recommendations');
      await page.getByTestId('recommendation-row').first().waitFor();
      await page.screenshot({ path: `/tmp/shots/list-${lang}-${size}.png`, fullPage: true });
      await detail(page, 'cdn', /europe-cyclisme/i, `cdn-${lang}-${size}`);
      await detail(page, 'pods', /app-nodes/i, `nodes-${lang}-${size}`);
      await page.goto('/recommendations/commitments');
      await page.getByTestId('planner-basis').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/shots/planner-${lang}-${size}.png`, fullPage: true });
      await page.goto('/utilisation');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `/tmp/shots/util-${lang}-${size}.png`, fullPage: true });
    });
  }
}
