import { expect, test, type Page } from '@playwright/test';
import { EDITOR, FRENCH_VIEWER, signIn, VIEWER } from './fixtures';

type TActuals = {
  currency: string;
  lastMonth: { month: string; total: string };
  monthToDate: { from: string; lastDay: string | null; days: number; total: string; runRate: string | null };
  classes: { resourceClass: string; lastMonth: string; monthToDate: string; runRate: string | null }[];
  services: { provider: string; service: string; category: string | null; resourceClass: string; lastMonth: string }[];
};

// The page's formats, rebuilt with Intl: whole units of money, long months, inclusive day ranges.
const money = (locale: string, currency: string, v: string | number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(Number(v));
const monthLong = (locale: string, month: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}T00:00:00Z`));
const dayRange = (locale: string, a: string, b: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(new Date(`${a}T00:00:00Z`), new Date(`${b}T00:00:00Z`));

async function actuals(page: Page): Promise<TActuals> {
  const r = await page.request.get('/api/v1/plan-actuals');
  expect(r.status()).toBe(200);
  return r.json();
}

const cls = (a: TActuals, c: string) => a.classes.find((x) => x.resourceClass === c)!;

async function openGrandEst(page: Page) {
  await page.goto('/scenarios');
  await page.getByTestId('scenario-list').getByRole('link', { name: 'Grand Est (today)' }).click();
  await expect(page.getByRole('heading', { name: 'Grand Est (today)', exact: true })).toBeVisible();
}

test('a scenario shows the bill of last month and the month to date by resource class beside its model, with the gap explained', async ({ page }) => {
  await signIn(page, VIEWER);
  const a = await actuals(page);
  expect(Number(a.lastMonth.total)).toBeGreaterThan(0);
  const eur = (v: string | number) => money('en-GB', a.currency, v);

  // the list: last month's bill and each model against it
  await page.goto('/scenarios');
  const summary = page.getByTestId('plan-actual-bill');
  await expect(summary).toContainText(`Bill for ${monthLong('en-GB', a.lastMonth.month)}: ${eur(a.lastMonth.total)}`);
  await expect(page.getByTestId('plan-actual-models').getByRole('listitem')).toHaveCount(2);

  await openGrandEst(page);
  const table = page.getByTestId('plan-vs-actual');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(8);
  await expect(table.getByRole('columnheader', { name: `Bill, ${monthLong('en-GB', a.lastMonth.month)}` })).toBeVisible();
  if (a.monthToDate.lastDay) {
    await expect(table.getByRole('columnheader', { name: /Month to date/ })).toContainText(dayRange('en-GB', a.monthToDate.from, a.monthToDate.lastDay));
  }
  for (const c of ['application', 'atlas', 'redis', 'cdn', 'objectStorage', 'monitoring', 'unmapped']) {
    const row = table.locator(`tr[data-class="${c}"]`);
    await expect(row.locator('[data-col="bill"]')).toHaveText(eur(cls(a, c).lastMonth));
    await expect(row.locator('[data-col="mtd"]')).toHaveText(eur(cls(a, c).monthToDate));
  }
  const total = table.locator('tr[data-class="total"]');
  await expect(total.locator('[data-col="bill"]')).toHaveText(eur(a.lastMonth.total));
  await expect(total.locator('[data-col="mtd"]')).toHaveText(eur(a.monthToDate.total));
  await expect(total.locator('[data-col="runRate"]')).toHaveText(eur(a.monthToDate.runRate!));
  // unmapped services have no model; the gap between model and bill is put into words
  await expect(table.locator('tr[data-class="unmapped"] [data-col="model"]')).toHaveText('—');
  await expect(page.getByTestId('plan-actual-explanation')).toContainText(/bill for/);
  await expect(page.getByTestId('plan-actual-mapping-link')).toHaveText('See the mapping');
  await page.screenshot({ path: 'test-results/plan-actual-1400.png', fullPage: true });
});

test('an editor moves a service to another class on the mapping page and the numbers move with it', async ({ page }) => {
  await signIn(page, EDITOR);
  const before = await actuals(page);
  const transfer = before.services.find((s) => s.service === 'AWS Data Transfer' && s.category === null)!;
  expect(transfer.resourceClass).toBe('cdn');
  expect(Number(transfer.lastMonth)).toBeGreaterThan(0);
  const eur = (v: string | number) => money('en-GB', before.currency, v);

  await openGrandEst(page);
  await page.getByTestId('plan-actual-mapping-link').click();
  await expect(page.getByRole('heading', { name: 'Cost class mapping' })).toBeVisible();
  const totals = page.getByTestId('cost-class-totals');
  await expect(totals.locator('tr[data-class="cdn"] [data-col="bill"]')).toHaveText(eur(cls(before, 'cdn').lastMonth));

  const select = page.getByRole('combobox', { name: 'Class of AWS Data Transfer' });
  await expect(select).toHaveValue('');
  await select.selectOption({ label: 'Application servers' });
  await expect(page.getByRole('status').filter({ hasText: 'Saved: AWS Data Transfer now counts under Application servers.' })).toBeVisible();

  const after = await actuals(page);
  expect(Number(cls(after, 'application').lastMonth) - Number(cls(before, 'application').lastMonth)).toBeCloseTo(Number(transfer.lastMonth), 6);
  expect(after.lastMonth.total).toBe(before.lastMonth.total);
  await expect(totals.locator('tr[data-class="application"] [data-col="bill"]')).toHaveText(eur(cls(after, 'application').lastMonth));
  await expect(totals.locator('tr[data-class="cdn"] [data-col="bill"]')).toHaveText(eur(cls(after, 'cdn').lastMonth));
  await expect(page.locator('tr[data-service="AWS Data Transfer"] [data-col="class"]')).toHaveAttribute('data-class', 'application');

  // the scenario page reads the same mapping
  await openGrandEst(page);
  const table = page.getByTestId('plan-vs-actual');
  await expect(table.locator('tr[data-class="application"] [data-col="bill"]')).toHaveText(eur(cls(after, 'application').lastMonth));
  await expect(table.locator('tr[data-class="cdn"] [data-col="bill"]')).toHaveText(eur(cls(after, 'cdn').lastMonth));

  // back to the default rule, so other specs see the defaults
  await page.goto('/scenarios/mapping');
  await page.getByRole('combobox', { name: 'Class of AWS Data Transfer' }).selectOption({ value: '' });
  await expect(page.locator('tr[data-service="AWS Data Transfer"] [data-col="class"]')).toHaveAttribute('data-class', 'cdn');
  expect((await actuals(page)).classes).toEqual(before.classes);
});

test('a viewer cannot change the mapping, through the page or the API', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto('/scenarios/mapping');
  await expect(page.getByTestId('mapping-read-only')).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  // from the app's own origin, so that only the role can refuse it
  const r = await page.request.put('/api/v1/cost-class-mapping', {
    headers: { origin: new URL(page.url()).origin },
    data: { rules: [{ provider: 'AWS', service: 'AWS Data Transfer', resourceClass: 'application' }] },
  });
  expect(r.status()).toBe(403);
});

test('at 390 px in French the comparison scrolls inside its card, its first column in view, the card within the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, FRENCH_VIEWER);
  const a = await actuals(page);
  await page.goto('/scenarios');
  // below 768 px the list is a list of cards, the table hidden
  await page.getByTestId('scenario-cards').getByRole('link', { name: 'Grand Est (today)' }).click();
  await expect(page.getByRole('heading', { name: 'Prévu et réel' })).toBeVisible();
  const table = page.getByTestId('plan-vs-actual');
  await expect(table.getByRole('columnheader', { name: `Facture, ${monthLong('fr-FR', a.lastMonth.month)}` })).toBeAttached();
  await expect(table.locator('tr[data-class="total"] [data-col="bill"]')).toHaveText(money('fr-FR', a.currency, a.lastMonth.total));
  await expect(table.locator('tr[data-class="objectStorage"] th')).toHaveText('Stockage objet');

  // the card keeps to the screen (other parts of the scenario page are not this spec's); its table scrolls inside it
  const card = await page.locator('section', { has: table }).boundingBox();
  expect(card!.x).toBeGreaterThanOrEqual(0);
  expect(card!.x + card!.width).toBeLessThanOrEqual(390);
  const widths = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  // scrolled to the end, the class names stay in view
  await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const box = await table.locator('tr[data-class="application"] th').boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeLessThan(40);
  await expect(table.locator('tr[data-class="application"] th')).toHaveText("Serveurs d'application");
  await page.screenshot({ path: 'test-results/plan-actual-390.png', fullPage: true });
});
