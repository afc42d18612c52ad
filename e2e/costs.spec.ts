import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, FRENCH_VIEWER, signIn, VIEWER } from './fixtures';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

// The costs API's answer for a view, summed per group (and overall): what the page must show.
async function apiTotals(page: Page, query: Record<string, string>) {
  const res = await page.request.get(`/api/v1/costs?${new URLSearchParams(query)}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { rows: { key: string; label: string; effectiveCost: string }[] };
  const byLabel = new Map<string, number>();
  for (const r of body.rows) byLabel.set(r.label, (byLabel.get(r.label) ?? 0) + Number(r.effectiveCost));
  return { byLabel, total: body.rows.reduce((a, r) => a + Number(r.effectiveCost), 0) };
}

const money = (locale: string, value: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
const change = (locale: string, ratio: number) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio);
// Whole months of the demo's data, relative to today (the demo runs up to today).
const monthStart = (back: number) => {
  const now = new Date();
  return iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)));
};
const rowLabels = (table: Locator) => table.locator('tbody th[scope=row]').allTextContents();

test('a viewer explores costs by provider and downloads the same view as a FOCUS file', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.getByRole('link', { name: 'Costs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Costs', exact: true })).toBeVisible();
  const form = page.getByRole('form', { name: 'Cost view' });
  await form.locator('select[name=groupBy]').selectOption('provider');
  await form.locator('select[name=granularity]').selectOption('month');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/groupBy=provider/);
  const table = page.getByTestId('costs-table');
  await expect(table.getByRole('columnheader', { name: /Provider/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /MongoDB Atlas/ })).toBeVisible();
  await expect(page.getByTestId('costs-total')).toContainText('€');
  await expect(page.getByTestId('chart-costs').locator('.recharts-bar-rectangle').first()).toBeVisible();
  // the default view runs to today: its last month is marked as such
  await expect(table.getByTestId('period-badge').last()).toHaveText('month to date');

  await form.locator('select[name=provider]').selectOption('MongoDB Atlas');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(table.getByRole('row')).toHaveCount(3); // header, Atlas, total

  const download = page.waitForEvent('download');
  await page.getByTestId('export-focus').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const [header, ...rows] = text.trim().split('\n');
  expect(header).toContain('BilledCost');
  expect(header).toContain('ChargePeriodStart');
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => r.includes('MongoDB Atlas'))).toBe(true);
});

test('the end date is the last day included on the form, and the exclusive end in the URL', async ({ page }) => {
  await signIn(page, VIEWER);
  const from = monthStart(3);
  const to = monthStart(1);
  await page.goto(`/costs?from=${from}&to=${to}&groupBy=provider`);
  const form = page.getByRole('form', { name: 'Cost view' });
  await expect(form.getByLabel('To (included)')).toHaveValue(addDays(to, -1));
  await form.getByLabel('To (included)').fill(addDays(monthStart(2), -1));
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`to=${monthStart(2)}`));
  await expect(page.getByTestId('costs-table').locator('thead th')).toHaveCount(4); // provider, the one month, change, total
});

test('a bad date in the cost view is explained in words naming the field, not a crash', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto('/costs?from=2026-05-01&to=2026-04-01');
  // (Next's route announcer is an alert too)
  const alert = page.locator('[role=alert]', { hasText: 'This view cannot be shown' });
  await expect(alert).toContainText('End date: must be on or after the start date');
  await page.goto('/costs?from=2026-05-01&to=2026-06-01&groupBy=colour');
  await expect(alert).toContainText('Group by: “colour” is not one of the choices');
});

test('accounts of two providers with one name are two rows, two series, and a filter each', async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto('/costs?groupBy=account&granularity=month');
  const table = page.getByTestId('costs-table');
  // the demo's AWS account and Atlas organisation are both called ec-prod
  await expect(table.getByRole('row', { name: /^AWS · ec-prod/ })).toHaveCount(1);
  await expect(table.getByRole('row', { name: /^MongoDB Atlas · ec-prod/ })).toHaveCount(1);
  const groups = await table.locator('tbody tr').count();
  // one legend entry per group (the demo has fewer groups than the chart's top 8), and one for the forecast
  await expect(page.getByTestId('chart-costs').getByTestId('chart-legend').locator('li:not([data-testid=chart-forecast-legend])')).toHaveCount(groups);
  await expect(page.getByTestId('chart-costs').getByTestId('chart-forecast-legend')).toHaveCount(1);

  const form = page.getByRole('form', { name: 'Cost view' });
  await form.locator('select[name=account]').selectOption({ label: 'MongoDB Atlas · ec-prod' });
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/account=MongoDB\+Atlas%3A/);
  await expect(table.getByRole('row')).toHaveCount(3); // header, the Atlas organisation, total
  await expect(table.getByRole('row', { name: /^MongoDB Atlas · ec-prod/ })).toBeVisible();
});

test('an admin sorts the table by name, a period and total, and reads the change against the previous range', async ({ page }) => {
  await signIn(page, ADMIN);
  const from = monthStart(3);
  const second = monthStart(2);
  const to = monthStart(1);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  await page.goto(`/costs?from=${from}&to=${to}&groupBy=provider&granularity=month`);
  const table = page.getByTestId('costs-table');
  const api = await apiTotals(page, { from, to, granularity: 'month', groupBy: 'provider', currency: 'EUR' });

  // by total, largest first, by default
  const byTotal = [...api.byLabel].sort((x, y) => y[1] - x[1]).map(([label]) => label);
  expect(await rowLabels(table)).toEqual(byTotal);
  await expect(page.getByTestId('costs-total')).toHaveText(money('en-GB', api.total));

  await table.getByTestId('sort-name').click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const names = [...api.byLabel.keys()].sort((x, y) => x.localeCompare(y));
  await expect.poll(() => rowLabels(table)).toEqual(names);
  await table.getByTestId('sort-name').click();
  await expect.poll(() => rowLabels(table)).toEqual([...names].reverse());
  await expect(table.getByRole('columnheader', { name: /Provider/ })).toHaveAttribute('aria-sort', 'descending');

  await table.getByTestId(`sort-${second}`).click();
  await expect(page).toHaveURL(new RegExp(`sort=${second}&dir=desc`));
  const month = await apiTotals(page, { from: second, to, granularity: 'month', groupBy: 'provider', currency: 'EUR' });
  const byMonth = [...api.byLabel.keys()].sort((x, y) => (month.byLabel.get(y) ?? 0) - (month.byLabel.get(x) ?? 0));
  await expect.poll(() => rowLabels(table)).toEqual(byMonth);

  // the change: these days against as many just before, overall and per provider, a rise in red
  const previous = await apiTotals(page, { from: addDays(from, -days), to: from, granularity: 'month', groupBy: 'provider', currency: 'EUR' });
  const ratio = api.total / previous.total - 1;
  const totalChange = page.getByTestId('costs-total-change');
  await expect(totalChange).toHaveText(change('en-GB', ratio));
  await expect(totalChange.locator('span')).toHaveClass(ratio > 0 ? /text-red-700/ : /text-emerald-700/);
  await expect(table.getByRole('columnheader', { name: /Change/ })).toContainText(`vs ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(new Date(`${addDays(from, -days)}T00:00:00Z`), new Date(`${addDays(from, -1)}T00:00:00Z`))}`);
  const atlas = table.getByRole('row', { name: /^MongoDB Atlas/ });
  await expect(atlas.getByTestId('costs-change')).toHaveText(change('en-GB', api.byLabel.get('MongoDB Atlas')! / previous.byLabel.get('MongoDB Atlas')! - 1));
});

test('costs grouped by a tag add up to the same total, and the table downloads as the CSV of what it shows', async ({ page }) => {
  await signIn(page, ADMIN);
  const from = monthStart(3);
  const to = monthStart(1);
  await page.goto(`/costs?from=${from}&to=${to}&groupBy=provider&granularity=month`);
  const byProvider = await page.getByTestId('costs-total').textContent();
  const form = page.getByRole('form', { name: 'Cost view' });
  await form.locator('select[name=groupBy]').selectOption({ label: 'Tag “env”' });
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/groupBy=tag%3Aenv/);
  const table = page.getByTestId('costs-table');
  await expect(table.getByRole('columnheader', { name: /Tag “env”/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^prod/ })).toBeVisible();
  await expect(page.getByTestId('costs-total')).toHaveText(byProvider!);
  await expect(page.getByTestId('chart-costs').locator('.recharts-bar-rectangle').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-table').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`tourmalet-costs-by-tag_env-month-${from}-${to}.csv`);
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.trim().split('\r\n').map((l) => l.split(','));
  expect(lines[0]).toEqual(['Tag env', from, monthStart(2), 'total', 'previous_total', 'change', 'currency']);
  // the page's rows, in the page's order, with the page's amounts as plain decimals
  const labels = await rowLabels(table);
  expect(lines.slice(1, -1).map((l) => l[0])).toEqual(labels.map((l) => (l === '(no value)' ? '(none)' : l)));
  const total = lines.at(-1)!;
  expect(total[0]).toBe('Total');
  expect(total[3]).toMatch(/^-?\d+\.\d{2}$/);
  expect(money('en-GB', Number(total[3]))).toBe(byProvider);
  expect(total.at(-1)).toBe('EUR');
});

test('on a phone, the day view scrolls inside its card with the first column and the total in view, and the chart draws bars', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  // a month of 31 days
  let back = 1;
  while (addDays(monthStart(back - 1), -1).slice(8) !== '31') back += 1;
  await page.goto(`/costs?from=${monthStart(back)}&to=${monthStart(back - 1)}&granularity=day&groupBy=region`);
  await expect(page.getByTestId('chart-costs').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const scroller = page.getByTestId('costs-table-scroll');
  const table = page.getByTestId('costs-table');
  await expect(table.locator('thead th')).toHaveCount(1 + 31 + 2);
  // the page itself does not scroll sideways: the table does, inside its card
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const firstCell = table.locator('tbody th[scope=row]').first();
  const total = page.getByTestId('costs-total');
  const before = (await firstCell.boundingBox())!;
  // the total column within the screen's width, before and after scrolling the periods
  const totalInView = async () => {
    const box = (await total.boundingBox())!;
    return box.x >= 0 && box.x + box.width <= 390;
  };
  expect(await totalInView()).toBe(true);
  await scroller.evaluate((el) => el.scrollBy({ left: 600 }));
  await expect.poll(async () => (await firstCell.boundingBox())!.x).toBe(before.x);
  expect(await totalInView()).toBe(true);
  // regions read as places
  await expect(table.getByRole('row', { name: /eu-west-3 · Paris/ }).first()).toBeAttached();
  await page.screenshot({ path: 'test-results/costs-day-390.png', fullPage: true });
});

test('a French reader sees the costs page in French, with amounts in French formats', async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  await page.goto('/costs?groupBy=provider');
  await expect(page.getByRole('heading', { name: 'Coûts' })).toBeVisible();
  const table = page.getByTestId('costs-table');
  await expect(table.getByRole('columnheader', { name: /Fournisseur/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /Évolution/ })).toBeVisible();
  await expect(table.getByTestId('period-badge').last()).toHaveText('mois en cours');
  const url = new URL(page.url());
  const now = new Date();
  const from = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1)));
  const to = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)));
  expect(url.searchParams.get('groupBy')).toBe('provider');
  const api = await apiTotals(page, { from, to, granularity: 'month', groupBy: 'provider', currency: 'EUR' });
  await expect(page.getByTestId('costs-total')).toHaveText(money('fr-FR', api.total));
  await expect(page.getByRole('form', { name: 'Vue des coûts' }).getByRole('button', { name: 'Afficher' })).toBeVisible();
  await expect(page.getByTestId('export-table')).toHaveText('Télécharger le tableau (CSV)');
  await page.screenshot({ path: 'test-results/costs-fr-1280.png', fullPage: true });
});
