import { expect, test, type Page } from '@playwright/test';
import { EDITOR, signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

// "12 345 €" (fr-FR, narrow no-break spaces) → 12345
const amount = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function openEurope(page: Page) {
  await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Scenarios', exact: true })).toBeVisible();
  const list = page.getByTestId('scenario-list');
  await expect(list.getByRole('link', { name: 'Grand Est (today)' })).toBeVisible();
  await list.getByRole('link', { name: 'Europe (plan)', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Europe (plan)', exact: true })).toBeVisible();
  // inputs typed into before hydration would be lost
  await expect(page.getByTestId('scenario-editor')).toHaveAttribute('data-ready', 'true');
}

test('an editor changes peak requests per second on "Europe (plan)" and sees the pods and the total move, beside the seed plan', async ({ page }) => {
  await signIn(page, EDITOR);
  await openEurope(page);

  const pods = page.getByTestId('capacity-pods');
  const total = page.getByTestId('scenario-total');
  await expect(pods).toHaveText(/^\d+$/);
  await expect(total).toContainText('€');
  const podsBefore = amount(await pods.textContent());
  const totalBefore = amount(await total.textContent());
  expect(podsBefore).toBeGreaterThan(0);
  expect(totalBefore).toBeGreaterThan(0);

  // the seed plan's own estimate is a reference column beside the model, each line explained
  const seed = page.getByTestId('seed-reference');
  await expect(seed).toBeVisible();
  await expect(page.getByTestId('seed-reference-column')).toHaveText('Seed plan low – high');
  await expect(page.getByTestId('seed-row-total')).toContainText(/4\s500\s€\s–\s9\s100\s€/);
  await expect(page.getByTestId('seed-row-atlas')).toContainText(/M30/);
  await expect(seed.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('chart-scenario-months').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Europe's peak is a range (400 / 500 / 700): widen it, then move the likely value
  await page.getByTestId('driver-peakRequestsPerSecond-high').fill('3000');
  await page.getByTestId('driver-peakRequestsPerSecond').fill('2000');
  await expect.poll(async () => amount(await pods.textContent())).toBeGreaterThan(podsBefore);
  await expect.poll(async () => amount(await total.textContent())).toBeGreaterThan(totalBefore);
  await expect(page.getByTestId('evaluation-status')).toContainText('Computed in your browser');
  await expect(page.getByText('unsaved changes')).toBeVisible();
  await page.screenshot({ path: 'test-results/scenario-europe.png', fullPage: true });

  // a bad value is named next to its input and the last result stays
  await page.getByTestId('driver-peakRequestsPerSecond').fill('4000');
  await expect(page.getByTestId('driver-row-peakRequestsPerSecond').getByRole('alert')).toContainText('likely must be ≤ high');

  // nothing was saved
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect.poll(async () => amount(await pods.textContent())).toBe(podsBefore);
});

test('a viewer can try values on a scenario but not save, and the API evaluates for a viewer token', async ({ page, request }) => {
  await signIn(page, VIEWER);
  await openEurope(page);
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  const pods = page.getByTestId('capacity-pods');
  const before = amount(await pods.textContent());
  await page.getByTestId('driver-peakRequestsPerSecond-high').fill('3000');
  await page.getByTestId('driver-peakRequestsPerSecond').fill('2500');
  await expect.poll(async () => amount(await pods.textContent())).toBeGreaterThan(before);

  const list = await request.get('/api/v1/scenarios', { headers: { authorization: `Bearer ${VIEWER_TOKEN}` } });
  const europe = (await list.json()).scenarios.find((s: { name: string }) => s.name === 'Europe (plan)');
  const bad = await request.post(`/api/v1/scenarios/${europe.id}/evaluate`, {
    headers: { authorization: `Bearer ${VIEWER_TOKEN}` },
    data: { samples: 100, drivers: { peakRequestsPerSecond: -3 } },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('drivers.peakRequestsPerSecond');
  const patch = await request.patch(`/api/v1/scenarios/${europe.id}`, { headers: { authorization: `Bearer ${VIEWER_TOKEN}` }, data: { name: 'x' } });
  expect(patch.status()).toBe(403);
});
