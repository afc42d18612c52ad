import { expect, test } from '@playwright/test';
import { EDITOR, FRENCH_VIEWER, signIn, VIEWER, VIEWER_TOKEN } from './fixtures';

test('a viewer sees the demo budgets with their states, read-only, and the overview names the budget in alarm', async ({ page }) => {
  await signIn(page, VIEWER);
  const alarms = page.getByTestId('overview-budget-alarms');
  await expect(alarms).toContainText('AWS');
  await expect(page.getByTestId('forecast-month-end')).toContainText('€');
  await expect(page.getByTestId('forecast-month-end-range')).toContainText('80% range');

  await page.getByRole('link', { name: 'Budgets', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Budgets', exact: true })).toBeVisible();
  const aws = page.locator('[data-testid=budget-card][data-budget="AWS"]');
  await expect(aws).toHaveAttribute('data-state', 'alarm');
  await expect(aws.getByTestId('budget-state')).toHaveText('Alarm');
  await expect(aws.getByTestId('budget-forecast')).toContainText('%');
  await expect(aws.locator('[data-testid=budget-threshold][data-state=alarm]').first()).toBeVisible();
  await expect(aws.getByTestId(/^budget-chart-/).locator('svg .recharts-line').first()).toBeVisible();
  await expect(page.locator('[data-testid=budget-card][data-budget="MongoDB Atlas (quarter)"]')).toHaveAttribute('data-state', 'ok');
  await expect(page.locator('[data-testid=budget-card][data-budget="Plan of record"]')).toContainText('from the plan');
  // read-only: no form, no edit or delete
  await expect(page.getByTestId('budget-new')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  // and the API refuses a viewer's write
  const refused = await page.request.post('/api/v1/budgets', { headers: { authorization: `Bearer ${VIEWER_TOKEN}` }, data: { name: 'x', amount: 10 } });
  expect(refused.status()).toBe(403);
});

test('the budgets page speaks French', async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  await page.goto('/budgets');
  await expect(page.getByRole('heading', { name: 'Budgets', exact: true })).toBeVisible();
  await expect(page.locator('[data-testid=budget-card][data-budget="AWS"]').getByTestId('budget-state')).toHaveText('Alerte');
  await expect(page.getByText('Prévision en fin de période').first()).toBeVisible();
});

test('an editor creates a budget, sees a field error first, then the budget and its state, and deletes it', async ({ page }) => {
  const name = `E2E budget ${Date.now()}`;
  await signIn(page, EDITOR);
  await page.goto('/budgets');
  const form = page.getByTestId('budget-form');
  // a click before hydration does nothing: click until the form opens
  await expect(async () => {
    await page.getByTestId('budget-new').click();
    await expect(form).toBeVisible({ timeout: 1000 });
  }).toPass();
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Provider').selectOption('AWS');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByRole('alert').first()).toHaveText('Enter an amount above 0.');
  await form.getByLabel(/Amount per period/).fill('1,000,000');
  // the server's answer names the field too: a name taken
  await form.getByLabel('Name').fill('AWS');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByRole('alert').first()).toHaveText('already used');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create' }).click();
  const card = page.locator(`[data-testid=budget-card][data-budget="${name}"]`);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'ok');
  await expect(card.getByTestId('budget-amount')).toHaveText('€1,000,000');
  page.once('dialog', (d) => d.accept());
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card).toHaveCount(0);
});
