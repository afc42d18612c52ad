import { expect, test } from '@playwright/test';
import { FRENCH_VIEWER, signIn, VIEWER } from './fixtures';

test("the overview's month-end card shows AWS's own forecast beside ours for AWS", async ({ page }) => {
  await signIn(page, VIEWER);
  const card = page.getByTestId('overview-forecast');
  await expect(card.getByTestId('forecast-month-end')).toContainText('€');
  const aws = card.getByTestId('provider-forecast');
  await expect(aws).toHaveAttribute('data-provider', 'AWS');
  await expect(aws).toContainText("AWS's own forecast for AWS (Cost Explorer");
  // in AWS's currency, as Cost Explorer returned it, with its 80% range; ours for the same days in the same currency
  await expect(aws.getByTestId('provider-forecast-aws')).toContainText(/US\$|\$/);
  await expect(aws.getByTestId('provider-forecast-aws')).toContainText('80% range');
  await expect(aws.getByTestId('provider-forecast-ours')).toContainText('Ours for AWS over the same days');
  await expect(aws.getByTestId('provider-forecast-ours')).toContainText(/US\$|\$/);
});

test("the costs page filtered to AWS shows AWS's forecasts; the total does not", async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto('/costs?provider=AWS&granularity=month');
  await expect(page.getByTestId('chart-costs')).toBeVisible();
  await expect(page.getByTestId('provider-forecast').first()).toContainText("AWS's own forecast for AWS");
  await page.goto('/costs?granularity=month');
  await expect(page.getByTestId('chart-costs')).toBeVisible();
  await expect(page.getByTestId('provider-forecast')).toHaveCount(0);
});

test("AWS's forecast in French", async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  const aws = page.getByTestId('overview-forecast').getByTestId('provider-forecast');
  await expect(aws).toContainText('Prévision d’AWS pour AWS');
  await expect(aws.getByTestId('provider-forecast-ours')).toContainText('La nôtre pour AWS sur les mêmes jours');
  await expect(aws.getByTestId('provider-forecast-aws')).toContainText('fourchette à 80 %');
});
