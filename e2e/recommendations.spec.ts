// The recommendations page with the demo data: several kinds listed, filters that narrow the table,
// an editor accepting one (the status survives a reload), a viewer without action buttons, and the
// commitment planner drawing its ladder over the projected usage band.
import { expect, test, type Page } from '@playwright/test';
import { isoDay, startOfUtcDay } from '../lib/dates';
import { demoPhases } from '../lib/demo/model';
import { EDITOR, FRENCH_ADMIN, FRENCH_VIEWER, signIn, VIEWER } from './fixtures';

async function openList(page: Page) {
  await page.goto('/recommendations');
  await expect(page.getByRole('heading', { name: 'Recommendations', exact: true })).toBeVisible();
  await expect(page.getByTestId('recommendation-row').first()).toBeVisible();
}

async function kindsShown(page: Page): Promise<string[]> {
  return [...new Set(await page.getByTestId('recommendation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind') ?? '')))];
}

test('the page lists recommendations of several kinds with their savings, and the filters narrow it', async ({ page }) => {
  await signIn(page, VIEWER);
  await openList(page);
  // the demo yields every kind; the table shows at least commitments, a scaling rule and a runway warning
  const kinds = await kindsShown(page);
  expect(kinds.length, `kinds listed: ${kinds.join(', ')}`).toBeGreaterThanOrEqual(4);
  expect(kinds).toContain('commitment');
  // savings at the top: a total, by kind and by provider (one colour per provider)
  await expect(page.getByTestId('savings-total')).toContainText('€');
  await expect(page.getByTestId('savings-by-kind').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('savings-by-provider').locator('li[data-key="aws"]')).toBeVisible();
  await expect(page.getByTestId('last-run')).toHaveAttribute('data-status', 'succeeded');

  // sorted by savings, largest first; the header turns the order round
  const savings = async () =>
    (await page.getByTestId('recommendation-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="row-savings"] span')?.textContent ?? '')))
      .filter((s) => s !== '—' && s !== '')
      .map((s) => Number(s.replace(/[^\d.-]/g, '')));
  const desc = await savings();
  expect(desc.length).toBeGreaterThan(1);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await page.getByTestId('sort-savings').click();
  await expect.poll(savings).toEqual([...desc].sort((a, b) => a - b));

  // kind filter: only commitments, and the address keeps it across a reload
  await page.getByLabel('Kind').selectOption('commitment');
  await expect.poll(() => kindsShown(page)).toEqual(['commitment']);
  await expect(page).toHaveURL(/kind=commitment/);
  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveValue('commitment');
  await expect.poll(() => kindsShown(page)).toEqual(['commitment']);

  // provider filter: only Atlas's
  await page.getByTestId('reset-filters').click();
  await page.getByLabel('Provider').selectOption('atlas');
  await expect(page.getByTestId('recommendation-row').first()).toBeVisible();
  await expect.poll(async () => [...new Set(await page.getByTestId('recommendation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-provider'))))]).toEqual(['atlas']);

  // status filter: nothing is implemented on a fresh demo
  await page.getByTestId('reset-filters').click();
  await page.getByLabel('Status').selectOption('implemented');
  await expect(page.getByTestId('recommendations-empty')).toBeVisible();
  await page.getByTestId('reset-filters').click();
  await expect(page.getByTestId('recommendation-row').first()).toBeVisible();
});

test('an editor accepts a recommendation and its status survives a reload', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/recommendations?status=open');
  const row = page.locator('[data-testid="recommendation-row"][data-status="open"]').first();
  await expect(row).toBeVisible();
  await row.getByTestId('recommendation-link').click();
  await expect(page).toHaveURL(/\/recommendations\/[^/?]+$/);
  const status = page.getByTestId('recommendation-status');
  await expect(status).toHaveAttribute('data-status', 'open');
  await expect(page.getByTestId('recommendation-text')).not.toBeEmpty();
  // the evidence: gauges against thresholds, or the ladder over the usage band for a commitment
  await expect(page.getByTestId('evidence-bars').first()).toBeVisible();

  await page.getByTestId('action-accept').click();
  await expect(status).toHaveAttribute('data-status', 'accepted');
  await expect(status.getByTestId('status-badge')).toHaveText('Accepted');
  await page.reload();
  await expect(page.getByTestId('recommendation-status')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('recommendation-status')).toContainText('editor@e2e.test');

  // a dismissal needs a reason; a snooze needs a day
  await page.goto('/recommendations?status=open');
  await page.locator('[data-testid="recommendation-row"][data-status="open"]').first().getByTestId('recommendation-link').click();
  await page.getByTestId('action-dismiss').click();
  await page.getByLabel('Why dismiss it?').fill('The cluster is retired in January');
  await page.getByTestId('confirm-dismiss').click();
  await expect(page.getByTestId('recommendation-status')).toHaveAttribute('data-status', 'dismissed');
  await expect(page.getByTestId('recommendation-status')).toContainText('The cluster is retired in January');
  await page.getByTestId('action-reopen').click();
  await expect(page.getByTestId('recommendation-status')).toHaveAttribute('data-status', 'open');
});

test('a viewer reads a recommendation but has no action buttons', async ({ page }) => {
  await signIn(page, VIEWER);
  await openList(page);
  await expect(page.getByTestId('refresh-recommendations')).toHaveCount(0);
  await page.getByTestId('recommendation-link').first().click();
  await expect(page.getByTestId('recommendation-status')).toBeVisible();
  await expect(page.getByTestId('viewer-note')).toBeVisible();
  await expect(page.getByTestId('status-actions')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Accept|Dismiss…|Snooze…)$/ })).toHaveCount(0);
});

test('the commitment planner draws the ladder over the usage band, and replays the roll-out as a ladder of tranches', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/recommendations/commitments');
  await expect(page.getByRole('heading', { name: 'Commitment planner' })).toBeVisible();
  const result = page.getByTestId('planner-result');
  await expect(result).toBeVisible();
  const chart = page.getByTestId('planner-ladder');
  // the band, its median and the ladder's staircase
  await expect(chart.locator('.recharts-area-area')).toHaveCount(1);
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(2);
  await expect(page.getByTestId('tranche').first()).toBeVisible();
  // the demo keeps AWS's own recommendation: its level is drawn beside ours, and the sentence says why they differ
  await expect(page.getByTestId('difference-sentence')).toContainText('AWS recommends');
  await expect(page.getByTestId('difference-sentence')).toContainText('as if they repeated for the whole term');
  const climbs = Number(await page.getByTestId('planner-result').getAttribute('data-tranches')) > 1;
  await expect(page.getByTestId('difference-sentence')).toContainText(climbs ? 'the plan grows' : 'projects more usage over the term');
  await expect(page.getByTestId('provider-option')).toContainText('30 days');
  await expect(chart.locator('.recharts-reference-line')).not.toHaveCount(0);
  await expect(chart).toContainText('AWS');

  // another term and payment option: the address follows, and the chart is drawn again
  await page.getByLabel('Term').selectOption('3y');
  await expect(page).toHaveURL(/term=3y/);
  await expect(page.getByTestId('planner-ladder').locator('.recharts-line-curve')).toHaveCount(2);
  await page.getByLabel('Payment').selectOption('all-upfront');
  await expect(page).toHaveURL(/payment=all-upfront/);
  await expect(page.getByTestId('commitment-figures')).toBeVisible();

  // as of the demo's data migration, the plan still had its roll-out ahead: the ladder has several
  // tranches, each bought when its usage arrives, each with its own break-even
  const asOf = isoDay(demoPhases(startOfUtcDay(new Date())).dataStart);
  await page.goto(`/recommendations/commitments?instrument=aws-compute-savings-plan&term=1y&payment=no-upfront&asOf=${asOf}`);
  await expect(page.getByTestId('replay-badge')).toBeVisible();
  await expect(page.getByLabel('As of (replay)')).toHaveValue(asOf);
  const tranches = Number(await page.getByTestId('planner-result').getAttribute('data-tranches'));
  expect(tranches).toBeGreaterThan(1);
  await expect(page.getByTestId('tranche')).toHaveCount(tranches);
  await expect(page.getByTestId('tranche').nth(1)).not.toContainText('Now');
  await expect(page.getByTestId('planner-ladder').locator('.recharts-line-curve')).toHaveCount(2);
});

test('the planner in French', async ({ page }) => {
  await signIn(page, FRENCH_VIEWER);
  await page.goto('/recommendations/commitments');
  await expect(page.getByRole('heading', { name: "Planificateur d'engagements" })).toBeVisible();
  await expect(page.getByTestId('planner-ladder').locator('.recharts-line-curve')).toHaveCount(2);
  await expect(page.getByTestId('planner-form')).toContainText('Paiement');
  // the scope and the discount's source are the catalogue's, rendered in French (the API keeps its English fields)
  await expect(page.getByTestId('planner-basis')).toContainText('Calcul EC2 et Fargate à la demande');
  await expect(page.getByTestId('discount-line')).toContainText('Estimation. Compute Savings Plan, 1 an, sans avance');
  await expect(page.getByTestId('discount-line')).not.toContainText('no upfront');
});

test('an admin overrides a recommendation threshold in the settings, in French, and restores its default', async ({ page }) => {
  await signIn(page, FRENCH_ADMIN);
  await page.goto('/settings#recommendation-thresholds');
  const panel = page.getByTestId('thresholds-panel');
  await expect(panel).toBeVisible();
  const row = panel.locator('[data-testid="threshold-row"][data-id="idleDays"]');
  await expect(row).toContainText('Atlas : jours sans connexion (inactif)');
  await expect(row).toContainText('14 jours');
  await expect(row).toContainText('Issue 14');
  // a share is typed as a percentage, in the page's language
  await expect(panel.getByLabel('CDN : objectif de taux de cache')).toHaveValue('85');
  const idle = panel.getByLabel('Atlas : jours sans connexion (inactif)');
  await idle.fill('14,5');
  await expect(row).toContainText('Saisissez un nombre entier de jours.');
  await expect(panel.getByTestId('thresholds-save')).toBeDisabled();
  await idle.fill('21');
  await panel.getByTestId('thresholds-save').click();
  await expect(panel.getByRole('status')).toContainText('1 seuil changé');
  await page.reload();
  await expect(row).toHaveAttribute('data-overridden', 'true');
  await expect(panel.getByLabel('Atlas : jours sans connexion (inactif)')).toHaveValue('21');
  await expect(row).toContainText('admin-fr@e2e.test');
  // the change is in the audit log
  await expect(page.locator('body')).toContainText('a changé des seuils de recommandation');
  await row.getByTestId('threshold-reset').click();
  await panel.getByTestId('thresholds-save').click();
  await expect(panel.getByRole('status')).toContainText('1 seuil changé');
  await page.reload();
  await expect(row).toHaveAttribute('data-overridden', 'false');
});
