import { expect, test, type Page } from '@playwright/test';
import { createFormatter } from '../lib/format/formatter';
import { ADMIN, EDITOR, FRENCH_VIEWER, signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

// "12 345 €", "€12,345" → 12345
const amount = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const en = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });
const fr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });

async function openScenario(page: Page, name: 'Europe (plan)' | 'Grand Est (today)', lang: 'en' | 'fr' = 'en') {
  await page.getByRole('link', { name: lang === 'en' ? 'Scenarios' : 'Scénarios', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: lang === 'en' ? 'Scenarios' : 'Scénarios', exact: true })).toBeVisible();
  const list = page.getByTestId('scenario-list');
  await expect(list.getByRole('link', { name: 'Grand Est (today)' })).toBeVisible();
  await list.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  // inputs typed into before hydration would be lost
  await expect(page.getByTestId('scenario-editor')).toHaveAttribute('data-ready', 'true');
}

test('an editor changes peak requests per second on "Europe (plan)" and sees the pods and the total move, beside the seed plan', async ({ page }) => {
  await signIn(page, EDITOR);
  await openScenario(page, 'Europe (plan)');

  const pods = page.getByTestId('capacity-pods');
  const total = page.getByTestId('scenario-total');
  await expect(pods).toHaveText(/^\d+$/);
  await expect(total).toContainText('€');
  const podsBefore = amount(await pods.textContent());
  const totalBefore = amount(await total.textContent());
  expect(podsBefore).toBeGreaterThan(0);
  expect(totalBefore).toBeGreaterThan(0);
  // the headline's basis is named, and the range beside it says which figures are percentiles
  await expect(page.getByText('Monthly cost, steady state, most likely')).toBeVisible();
  await expect(page.getByTestId('scenario-range')).toContainText('median (P50)');

  // the seed plan's own estimate is a reference column beside the model, each line explained, its words quoted
  const seed = page.getByTestId('seed-reference');
  await expect(seed).toBeVisible();
  await expect(page.getByTestId('seed-reference-column')).toHaveText('Seed plan low – high');
  await expect(page.getByTestId('seed-row-total')).toContainText(`${en.money(4500)} – ${en.money(9100)}`);
  await expect(page.getByTestId('seed-row-atlas')).toContainText('plan: “MongoDB Atlas · Cluster M30+”');
  await expect(seed.locator('[data-testid^="seed-row-"]')).toHaveCount(7);
  await expect(page.getByTestId('chart-scenario-months').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Europe's peak is a range (400 / 500 / 700): widen it, then move the likely value
  await page.getByTestId('driver-peakRequestsPerSecond-high').fill('3000');
  await page.getByTestId('driver-peakRequestsPerSecond').fill('2000');
  await expect.poll(async () => amount(await pods.textContent())).toBeGreaterThan(podsBefore);
  await expect.poll(async () => amount(await total.textContent())).toBeGreaterThan(totalBefore);
  await expect(page.getByTestId('evaluation-status')).toContainText('Computed in your browser');
  await expect(page.getByTestId('unsaved-changes')).toBeVisible();
  await page.screenshot({ path: 'test-results/scenario-europe.png', fullPage: true });

  // a bad value is named next to its input, in words, and the last result is marked out of date
  await page.getByTestId('driver-peakRequestsPerSecond').fill('4000');
  await expect(page.getByTestId('driver-row-peakRequestsPerSecond').getByRole('alert')).toHaveText('Peak requests per second: the likely value must not exceed the high value');
  await expect(page.getByTestId('scenario-result')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('result-stale-note')).toContainText('Peak requests per second');

  // nothing was saved
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect.poll(async () => amount(await pods.textContent())).toBe(podsBefore);
  await expect(page.getByTestId('scenario-result')).toHaveAttribute('data-stale', 'false');
});

test('an invalid driver says so in words and the result stays marked stale until the input is valid', async ({ page }) => {
  await signIn(page, ADMIN);
  await openScenario(page, 'Grand Est (today)');
  const result = page.getByTestId('scenario-result');
  await expect(result).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('result-stale-note')).toHaveCount(0);

  await page.getByTestId('driver-registeredUsers').fill('twenty thousand');
  await expect(page.getByTestId('driver-row-registeredUsers').getByRole('alert')).toHaveText('Registered users: enter a number');
  await expect(page.getByTestId('driver-registeredUsers')).toHaveAttribute('aria-invalid', 'true');
  await expect(result).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('result-stale-note')).toContainText('Out of date');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(page.locator('body')).not.toContainText('NaN');

  // thousands separators as the formatter writes them are read back
  await page.getByTestId('driver-registeredUsers').fill(en.integer(25000));
  await expect(result).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('driver-row-registeredUsers').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('result-stale-note')).toHaveCount(0);
});

test('leaving a scenario with unsaved changes asks first, in-app links and closing the tab alike', async ({ page }) => {
  await signIn(page, ADMIN);
  await openScenario(page, 'Grand Est (today)');
  const url = page.url();

  // no changes: links go without a question
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/\/scenarios\/compare/);
  await page.goBack();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('scenario-editor')).toHaveAttribute('data-ready', 'true');

  await page.getByTestId('driver-peakRequestsPerSecond').fill('30');
  await expect(page.getByTestId('unsaved-changes')).toBeVisible();

  // staying: the confirm is dismissed and the page keeps its edit
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Costs', exact: true }).first().click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toBe('This scenario has unsaved changes. Leave without saving?');
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('driver-peakRequestsPerSecond')).toHaveValue('30');

  // closing the tab: the browser's own prompt (beforeunload), dismissed, keeps the page open
  const types: string[] = [];
  page.once('dialog', (d) => {
    types.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => types).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // leaving: accepted, the link is followed
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Costs', exact: true }).first().click();
  await expect(page).toHaveURL(/\/costs/);
});

test('a missing scenario answers 404', async ({ page }) => {
  await signIn(page, ADMIN);
  for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-scenario']) {
    const response = await page.goto(`/scenarios/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
});

test('in French: labels in words, "0,3" and "0.3" accepted, an invalid driver in French, the seed plan in French', async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  await openScenario(page, 'Grand Est (today)', 'fr');
  const result = page.getByTestId('scenario-result');
  const total = page.getByTestId('scenario-total');
  await expect(page.getByText('Coût mensuel en régime établi, le plus probable')).toBeVisible();
  // the stored 0.3 shows with a French decimal comma
  const share = page.getByTestId('driver-monthlyActiveShare');
  await expect(share).toHaveValue('0,3');
  await share.fill('0,45');
  await expect(page.getByTestId('driver-row-monthlyActiveShare').getByRole('alert')).toHaveCount(0);
  await page.getByTestId('driver-monthlyActiveShare-high').fill('0.6');
  await expect(page.getByTestId('driver-row-monthlyActiveShare').getByRole('alert')).toHaveCount(0);
  await expect(result).toHaveAttribute('data-stale', 'false');

  // a French decimal and an English one both move the total (past CloudFront's free terabyte)
  const before = amount(await total.textContent());
  await page.getByTestId('driver-cdnBandwidthTBPerMonth').fill('1,5');
  await expect(page.getByTestId('driver-row-cdnBandwidthTBPerMonth').getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => amount(await total.textContent())).toBeGreaterThan(before);
  const after = amount(await total.textContent());
  await page.getByTestId('driver-cdnBandwidthTBPerMonth').fill('3.5');
  await expect.poll(async () => amount(await total.textContent())).toBeGreaterThan(after);

  await page.getByTestId('driver-registeredUsers').fill('');
  await expect(page.getByTestId('driver-row-registeredUsers').getByRole('alert')).toHaveText('Utilisateurs inscrits : saisissez un nombre');
  await expect(result).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('result-stale-note')).toContainText('Périmé');
  await page.getByTestId('driver-registeredUsers').fill('20 000');
  await expect(result).toHaveAttribute('data-stale', 'false');

  // capacity in words, never code names
  await expect(page.getByTestId('capacity-steps')).toContainText('Pods au total');
  await expect(page.getByTestId('capacity-pods').locator('..')).toContainText('principaux');
  for (const code of ['mainPods', 'atlasTierRamGB', 'cdnEgressTB', 'registeredUsers', 'peakRequestsPerSecond']) await expect(page.locator('main')).not.toContainText(code);

  // back to the saved values, so that leaving asks nothing
  await page.getByRole('button', { name: 'Revenir aux valeurs enregistrées' }).click();
  await expect(page.getByTestId('unsaved-changes')).toHaveCount(0);

  // Europe against the seed plan, in French, the plan's own words quoted
  await openScenario(page, 'Europe (plan)', 'fr');
  await expect(page.getByTestId('seed-reference-column')).toHaveText('Plan initial bas – haut');
  await expect(page.getByTestId('seed-row-total')).toContainText(`${fr.money(4500)} – ${fr.money(9100)}`);
  await expect(page.getByTestId('seed-row-application')).toContainText('Serveurs d\'application');
  await expect(page.getByTestId('seed-row-application')).toContainText('plan : « Serveurs d’application · 10+ instances »');
  await expect(page.getByTestId('seed-reference')).not.toContainText('Model higher');

  // the comparison names capacity in words too
  await page.goto(`/scenarios/compare?ids=${new URL(page.url()).pathname.split('/').pop()},${await scenarioId(page, 'Grand Est (today)')}`);
  const capacity = page.getByTestId('compare-capacity');
  await expect(capacity).toContainText('Pods principaux');
  await expect(capacity).toContainText('RAM par nœud Atlas');
  await expect(capacity).not.toContainText('mainPods');
});

async function scenarioId(page: Page, name: string): Promise<string> {
  const r = await page.request.get('/api/v1/scenarios');
  const s = (await r.json()).scenarios.find((x: { name: string }) => x.name === name);
  return s.id;
}

test('the scenario page draws its charts on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  await page.goto('/scenarios');
  await page.getByTestId('scenario-cards').getByRole('link', { name: 'Europe (plan)', exact: true }).click();
  await expect(page.getByTestId('scenario-editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('chart-scenario-months').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('capacity-steps').locator('.recharts-line').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/scenario-europe-phone.png', fullPage: true });
});

test('a fitted coefficient outside its assumed range is flagged with its effect in money and capacity', async ({ page }) => {
  await signIn(page, ADMIN);
  await openScenario(page, 'Grand Est (today)');
  const flag = page.getByTestId('calibration-flag-rpsPerPod');
  await expect(flag).toContainText('Fitted value outside this scenario’s range');
  await expect(page.getByTestId('calibration-impact-rpsPerPod')).toContainText(/Adopting it would change the monthly cost .* from €[\d,]+ to €[\d,]+ \(\+€[\d,]+\)/);
  await expect(flag).toContainText('Main pods:');
});

test('a viewer can try values on a scenario but not save, and the API evaluates for a viewer token', async ({ page, request }) => {
  await signIn(page, VIEWER);
  await openScenario(page, 'Europe (plan)');
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

test('the plan of record is marked in the list; an editor moves it and back, a viewer cannot', async ({ page, browser }) => {
  await signIn(page, EDITOR);
  await page.goto('/scenarios');
  const list = page.getByTestId('scenario-list');
  const row = (name: string) => list.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
  await expect(row('Europe (plan)').getByTestId('plan-of-record-badge')).toHaveText('Plan of record');
  await expect(page.getByTestId('plan-of-record-note')).toContainText('Europe (plan) is the plan of record');
  await row('Grand Est (today)').getByTestId('make-plan-of-record').click();
  await expect(row('Grand Est (today)').getByTestId('plan-of-record-badge')).toBeVisible();
  await expect(row('Europe (plan)').getByTestId('plan-of-record-badge')).toHaveCount(0);
  await page.reload();
  await expect(row('Grand Est (today)').getByTestId('plan-of-record-badge')).toBeVisible();
  // back, so the rest of the suite finds the demo as seeded
  await row('Europe (plan)').getByTestId('make-plan-of-record').click();
  await expect(row('Europe (plan)').getByTestId('plan-of-record-badge')).toBeVisible();

  const viewer = await browser.newPage();
  await signIn(viewer, VIEWER);
  await viewer.goto('/scenarios');
  await expect(viewer.getByTestId('scenario-list').getByTestId('plan-of-record-badge')).toBeVisible();
  await expect(viewer.getByTestId('make-plan-of-record')).toHaveCount(0);
  await viewer.close();
});
