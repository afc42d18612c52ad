import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { verifySignature } from '../lib/notifications/signature';
import { ADMIN, FRENCH_ADMIN, signIn } from './fixtures';

// A webhook receiver started by the spec, on 127.0.0.1: the app's server posts to it.
type THit = { path: string; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
let base: string;
const hits: THit[] = [];
let answer = 200;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SECRET = 'e2e-webhook-signing-secret';

test('an admin adds a signed webhook channel, sends a test to it and sees the delivery in the log', async ({ page }) => {
  answer = 200;
  await signIn(page, ADMIN);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Add channel' }).click();
  const form = page.getByRole('form', { name: 'Add a notification channel' });
  await form.getByLabel('Type').selectOption('webhook');
  await form.getByLabel('Name').fill('e2e-hook');
  await form.getByLabel('Webhook URL').fill(`${base}/hooks/e2e-t0ken-path`);
  await form.getByLabel('Signing secret (optional)').fill(SECRET);
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByTestId('channel-notice')).toContainText('Added e2e-hook');

  const row = page.getByTestId('channels-table').getByRole('row', { name: /e2e-hook/ });
  await expect(row).toContainText('Webhook');
  await expect(row).toContainText('signed');
  // write-only: neither the URL's path nor the secret comes back to the browser
  const html = await page.content();
  expect(html).not.toContain('e2e-t0ken-path');
  expect(html).not.toContain(SECRET);

  const before = hits.length;
  await row.getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByTestId('channel-notice')).toContainText('e2e-hook: the test message was delivered');
  expect(hits.length).toBe(before + 1);
  const hit = hits.at(-1)!;
  expect(hit.path).toBe('/hooks/e2e-t0ken-path');
  expect(verifySignature(String(hit.headers['tourmalet-signature']), hit.body, SECRET)).toBe(true);
  expect(JSON.parse(hit.body)).toMatchObject({ type: 'test', channel: 'e2e-hook' });

  const log = page.getByTestId('delivery-log');
  await expect(log.getByRole('row', { name: /e2e-hook/ }).first()).toContainText('Test message');
  await expect(log.getByRole('row', { name: /e2e-hook/ }).first()).toContainText('sent');
  await expect(row).toContainText('sent');
});

test('a test to a failing webhook says why, in French, and the log keeps the error', async ({ page }) => {
  answer = 500;
  await signIn(page, FRENCH_ADMIN);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Ajouter un canal' }).click();
  const form = page.getByRole('form', { name: 'Ajouter un canal de notification' });
  await form.getByLabel('Type').selectOption('webhook');
  await form.getByLabel('Nom').fill('e2e-hook-down');
  await form.getByLabel('URL du webhook').fill(`${base}/down`);
  await form.getByLabel('Corps').selectOption('slack');
  await form.getByRole('button', { name: 'Ajouter le canal' }).click();
  const row = page.getByTestId('channels-table').getByRole('row', { name: /e2e-hook-down/ });
  await expect(row).toContainText('Slack');
  await row.getByRole('button', { name: 'Envoyer un test' }).click();
  await expect(page.getByTestId('channel-notice')).toContainText('e2e-hook-down : le test n’est pas passé — HTTP 500: receiver is down');
  const entry = page.getByTestId('delivery-log').getByRole('row', { name: /e2e-hook-down/ }).first();
  await expect(entry).toContainText('Message de test');
  await expect(entry).toContainText('échec');
  await expect(entry).toContainText('HTTP 500: receiver is down');
  expect(Object.keys(JSON.parse(hits.at(-1)!.body)).sort()).toEqual(['blocks', 'text']);

  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByTestId('channels-table').getByRole('row', { name: /e2e-hook-down/ })).toHaveCount(0);
  // its log stays, under its name
  await expect(page.getByTestId('delivery-log').getByRole('row', { name: /e2e-hook-down/ }).first()).toContainText('supprimé');
});
