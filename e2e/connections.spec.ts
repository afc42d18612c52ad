import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';

// The real Redis server at 127.0.0.1:6379 stands in for a customer's cache; the worker started by
// the test launcher runs the queued sync.
test('an admin connects a Redis server, tests it, syncs it now and sees the run and the resource', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByRole('combobox').first().selectOption('redis');
  await form.getByLabel('Name *').fill('e2e-redis');
  await form.getByLabel(/^url/).fill('redis://127.0.0.1:6379/0');
  await form.getByRole('button', { name: 'Add connection' }).click();
  await expect(page.getByRole('status')).toContainText('Added e2e-redis');

  const row = page.getByTestId('connections-table').getByRole('row', { name: /e2e-redis/ });
  // the credential is write-only: only its last characters are shown
  await expect(row).toContainText('url …');
  await expect(page.locator('body')).not.toContainText('redis://127.0.0.1:6379/0');

  await row.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByRole('status')).toContainText('e2e-redis: connection works');

  await row.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status')).toContainText(/sync (queued|is already queued)/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('connections-table').getByRole('row', { name: /e2e-redis/ })).toContainText('succeeded', { timeout: 1000 });
  }).toPass({ timeout: 45_000 });

  await page.getByRole('link', { name: 'e2e-redis' }).click();
  await expect(page.getByTestId('run-log')).toContainText('succeeded');

  // the server is now a resource on the utilisation page, named after the connection
  await page.goto('/utilisation');
  await page.getByRole('link', { name: 'e2e-redis' }).click();
  await expect(page.getByTestId('metric-summary-memory_used_bytes')).toContainText('P95 memory');
});

test('a bad Redis address is reported as unreachable by Test connection', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByRole('combobox').first().selectOption('redis');
  await form.getByLabel('Name *').fill('e2e-redis-down');
  await form.getByLabel(/^url/).fill('redis://127.0.0.1:1/0');
  await form.getByRole('button', { name: 'Add connection' }).click();
  const row = page.getByTestId('connections-table').getByRole('row', { name: /e2e-redis-down/ });
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(page.locator('[role=alert]', { hasText: 'e2e-redis-down' })).toContainText('unreachable');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('connections-table').getByRole('row', { name: /e2e-redis-down/ })).toHaveCount(0);
});
