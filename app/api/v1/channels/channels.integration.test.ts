// The channels and delivery log API through its route handlers, called as Next.js calls them.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { decryptCredentials } from '@/lib/crypto/credentials';
import { disconnect, prisma } from '@/lib/db';
import { truncate } from '@/test/db';
import { WebhookReceiver } from '@/test/fakes/webhook-receiver';
import * as notifications from '../notifications/route';
import * as collection from './route';
import * as item from './[id]/route';
import * as test from './[id]/test/route';

const SECRET = 'whsec-api-test-0123456789';
const SLACK_PATH = '/services/T0001/B0002/sl4ckT0kenXYZ';

let admin: string;
let editor: string;
let viewer: string;
let hook: WebhookReceiver;

beforeEach(async () => {
  await truncate('notification', 'notification_subscription', 'notification_channel', 'api_token', 'audit_log');
  admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  hook = await WebhookReceiver.start();
});
afterEach(() => hook.close());
afterAll(() => disconnect());

function request(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  return new Request(`http://localhost${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown, token = admin) => collection.POST(request('/api/v1/channels', token, { method: 'POST', body }));

async function issues(response: Response) {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: { issues: { field: string; message: string }[] } }).error.issues;
}

describe('channels API', () => {
  it('creates e-mail and webhook channels and never returns the webhook URL or secret', async () => {
    const email = await post({ type: 'email', name: 'Finance', addresses: ['Finance@Example.com', 'cto@example.com'] });
    expect(email.status).toBe(201);
    expect(await email.json()).toMatchObject({ type: 'email', name: 'Finance', addresses: ['finance@example.com', 'cto@example.com'], hasSecret: false, urlHint: null, subscriptions: 0, lastDelivery: null });

    const url = `${hook.url}${SLACK_PATH}`;
    const created = await post({ type: 'webhook', name: 'Slack', url, secret: SECRET, format: 'slack' });
    expect(created.status).toBe(201);
    const text = await created.text();
    const view = JSON.parse(text);
    expect(view).toMatchObject({ type: 'webhook', name: 'Slack', format: 'slack', hasSecret: true, urlHint: `${hook.url}/…nXYZ` });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('sl4ckT0ken');

    const listed = await (await collection.GET(request('/api/v1/channels', editor))).text();
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain('sl4ckT0ken');
    expect(JSON.parse(listed).channels.map((c: { name: string }) => c.name)).toEqual(['Finance', 'Slack']);

    // at rest: sealed, bound to the channel
    const row = await prisma.notificationChannel.findUniqueOrThrow({ where: { id: view.id } });
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(JSON.stringify(row)).not.toContain('sl4ckT0ken');
    expect(decryptCredentials(row.secretEnc!, { context: `notification-channel:${view.id}` })).toEqual({ url, secret: SECRET });
    // the audit log records no value
    const audit = JSON.stringify((await prisma.auditLog.findMany()).map((a) => a.details));
    expect(audit).not.toContain(SECRET);
    expect(audit).not.toContain('sl4ckT0ken');
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    expect(await issues(await post({ type: 'pager', name: 'x' }))).toEqual([expect.objectContaining({ field: 'type' })]);
    expect(await issues(await post({ type: 'email', name: '', addresses: ['ok@example.com', 'not-an-address'] }))).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'addresses.1', message: 'must be an e-mail address' },
    ]);
    expect(await issues(await post({ type: 'email', name: 'E', addresses: [] }))).toEqual([{ field: 'addresses', message: 'must list at least one address' }]);
    expect(await issues(await post({ type: 'webhook', name: 'W', url: 'ftp://example.com/x', secret: 'short', format: 'xml' }))).toEqual([
      { field: 'url', message: 'must be an http:// or https:// URL' },
      { field: 'secret', message: 'must be at least 16 characters' },
      expect.objectContaining({ field: 'format' }),
    ]);
    expect(await issues(await post({ type: 'email', name: 'E', addresses: ['a@example.com'], url: 'http://x' }))).toEqual([expect.objectContaining({ field: '(body)' })]);
    expect(await prisma.notificationChannel.count()).toBe(0);
    const first = await post({ type: 'email', name: 'Same', addresses: ['a@example.com'] });
    expect(first.status).toBe(201);
    const again = await post({ type: 'email', name: 'Same', addresses: ['b@example.com'] });
    expect(again.status).toBe(409);
    expect((await again.json()).error.issues).toEqual([{ field: 'name', message: 'already used' }]);
  });

  it('changes a channel: an absent secret keeps it, null removes it; fields of the other type are refused', async () => {
    const view = await (await post({ type: 'webhook', name: 'Hook', url: `${hook.url}/a`, secret: SECRET })).json();
    const patch = (body: unknown) => item.PATCH(request(`/api/v1/channels/${view.id}`, admin, { method: 'PATCH', body }), ctx(view.id));
    const renamed = await patch({ name: 'Ops hook', format: 'slack' });
    expect(await renamed.json()).toMatchObject({ name: 'Ops hook', format: 'slack', hasSecret: true });
    const row = await prisma.notificationChannel.findUniqueOrThrow({ where: { id: view.id } });
    expect(decryptCredentials(row.secretEnc!, { context: `notification-channel:${view.id}` })).toEqual({ url: `${hook.url}/a`, secret: SECRET });
    expect(await (await patch({ secret: null })).json()).toMatchObject({ hasSecret: false });
    expect(await issues(await patch({ addresses: ['a@example.com'] }))).toEqual([{ field: 'addresses', message: 'not a field of webhook channels' }]);
    expect(await issues(await patch({}))).toEqual([{ field: '(body)', message: 'nothing to change' }]);
    const missing = await item.PATCH(request('/api/v1/channels/00000000-0000-4000-8000-000000000000', admin, { method: 'PATCH', body: { name: 'x' } }), ctx('00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(404);
  });

  it('admins manage channels; editors read them and the log; viewers neither', async () => {
    expect((await post({ type: 'email', name: 'E', addresses: ['a@example.com'] }, editor)).status).toBe(403);
    expect((await collection.GET(request('/api/v1/channels', viewer))).status).toBe(403);
    expect((await notifications.GET(request('/api/v1/notifications', viewer))).status).toBe(403);
    expect((await notifications.GET(request('/api/v1/notifications', editor))).status).toBe(200);
  });

  it('sends a test and shows it in the delivery log, with filters', async () => {
    const view = await (await post({ type: 'webhook', name: 'Hook', url: `${hook.url}/t`, secret: SECRET })).json();
    const result = await test.POST(request(`/api/v1/channels/${view.id}/test`, admin, { method: 'POST' }), ctx(view.id));
    expect(result.status).toBe(200);
    const body = await result.json();
    expect(body).toMatchObject({ status: 'sent', error: null });
    expect(hook.hits).toHaveLength(1);

    const log = await (await notifications.GET(request(`/api/v1/notifications?channelId=${view.id}&kind=test`, editor))).json();
    expect(log.notifications).toEqual([
      expect.objectContaining({ id: body.notificationId, channelName: 'Hook', channelType: 'webhook', kind: 'test', status: 'sent', attempts: 1, lastError: null, subject: expect.stringContaining('Hook') }),
    ]);
    expect((await (await notifications.GET(request('/api/v1/notifications?status=failed', editor))).json()).notifications).toEqual([]);
    expect(await issues(await notifications.GET(request('/api/v1/notifications?status=lost&limit=0', editor)))).toEqual([
      expect.objectContaining({ field: 'status' }),
      expect.objectContaining({ field: 'limit' }),
    ]);
    const channels = await (await collection.GET(request('/api/v1/channels', admin))).json();
    expect(channels.channels[0].lastDelivery).toMatchObject({ status: 'sent' });

    // deleting the channel keeps its log under its name
    expect((await item.DELETE(request(`/api/v1/channels/${view.id}`, admin, { method: 'DELETE' }), ctx(view.id))).status).toBe(200);
    const after = await (await notifications.GET(request('/api/v1/notifications', editor))).json();
    expect(after.notifications).toEqual([expect.objectContaining({ channelId: null, channelName: 'Hook', status: 'sent' })]);
  });
});
