// The connections API through its route handlers, called as Next.js calls them, with API tokens.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { FakeCostExplorer } from '@/test/fakes/aws-cost-explorer';
import { createApiToken } from '@/lib/auth/tokens';
import { decryptCredentials } from '@/lib/crypto/credentials';
import { disconnect, pool, prisma } from '@/lib/db';
import { runSync } from '@/lib/ingestion/run-sync';
import * as collection from './route';
import * as item from './[id]/route';
import * as runs from './[id]/runs/route';
import * as test from './[id]/test/route';
import * as providers from '../providers/route';
import * as syncRuns from '../sync-runs/route';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9Q';
const KEY_ID = 'AKIAFAKE0000000042';

let fake: FakeCostExplorer;
let admin: string;
let viewer: string;

beforeEach(async () => {
  await truncate();
  fake = await FakeCostExplorer.start();
  admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
});
afterEach(() => fake.close());
afterAll(() => disconnect());

function request(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  return new Request(`http://localhost${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function createAws(token = admin, body: Record<string, unknown> = {}) {
  return collection.POST(
    request('/api/v1/connections', token, {
      method: 'POST',
      body: {
        provider: 'aws',
        name: 'aws-prod',
        settings: { endpoint: fake.url, billingAccountId: '999999999999', insights: false },
        credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
        ...body,
      },
    }),
  );
}

async function storedSecret(id: string) {
  const row = await prisma.connection.findUniqueOrThrow({ where: { id } });
  return { row, credentials: decryptCredentials(row.credentialsEnc!, { context: `connection:${id}` }) };
}

describe('connections API', () => {
  it('stores credentials encrypted and never sends them back, showing only their last 4 characters', async () => {
    const res = await createAws();
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY_ID);
    const created = JSON.parse(text);
    expect(created).toMatchObject({
      provider: 'aws',
      name: 'aws-prod',
      credentialsHint: { accessKeyId: '0042', secretAccessKey: 'zz9Q' },
      settings: { endpoint: fake.url, region: 'us-east-1', insights: false },
      syncCron: '0 */6 * * *',
      enabled: true,
      lastRun: null,
    });

    const { row, credentials } = await storedSecret(created.id);
    expect(row.credentialsEnc).not.toContain(SECRET);
    expect(Buffer.from(row.credentialsEnc!, 'base64').toString('latin1')).not.toContain(SECRET);
    expect(credentials).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
    // nothing in the database but the encrypted column holds the secret
    const { rows } = await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE '%' || $1 || '%'`, [SECRET.slice(0, 10)]);
    expect(rows[0].n).toBe(0);
    const auditRow = await prisma.auditLog.findFirstOrThrow({ where: { action: 'connection.create' } });
    expect(auditRow).toMatchObject({ actorType: 'token', entityId: created.id });
    expect((auditRow.details as { credentials: string[] }).credentials).toEqual(['accessKeyId', 'secretAccessKey']);

    for (const res2 of [
      await collection.GET(request('/api/v1/connections', viewer)),
      await item.GET(request(`/api/v1/connections/${created.id}`, viewer), ctx(created.id)),
    ]) {
      expect(res2.status).toBe(200);
      const body = await res2.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(KEY_ID);
      expect(body).toContain('"credentialsHint":{"accessKeyId":"0042"');
    }
  });

  it('lets a viewer read but not change, and refuses without a token', async () => {
    expect((await createAws(viewer)).status).toBe(403);
    expect((await collection.GET(request('/api/v1/connections', null))).status).toBe(401);
    const created = await (await createAws()).json();
    expect((await item.PATCH(request(`/x`, viewer, { method: 'PATCH', body: { enabled: false } }), ctx(created.id))).status).toBe(403);
    expect((await item.DELETE(request(`/x`, viewer, { method: 'DELETE' }), ctx(created.id))).status).toBe(403);
    expect((await test.POST(request(`/x`, viewer, { method: 'POST' }), ctx(created.id))).status).toBe(403);
    const list = await (await collection.GET(request('/api/v1/connections', viewer))).json();
    expect(list.connections.map((c: { name: string }) => c.name)).toEqual(['aws-prod']);
  });

  it('keeps a stored credential when an update leaves it empty, and replaces it when given', async () => {
    const created = await (await createAws()).json();
    const kept = await item.PATCH(
      request('/x', admin, { method: 'PATCH', body: { settings: { region: 'eu-west-1' }, credentials: { secretAccessKey: '', accessKeyId: null } } }),
      ctx(created.id),
    );
    expect(kept.status).toBe(200);
    expect((await kept.json()).settings.region).toBe('eu-west-1');
    expect((await storedSecret(created.id)).credentials).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });

    const NEW_SECRET = 'another-secret-access-key-ABCD';
    const replaced = await item.PATCH(request('/x', admin, { method: 'PATCH', body: { credentials: { secretAccessKey: NEW_SECRET } } }), ctx(created.id));
    const body = await replaced.text();
    expect(body).not.toContain(NEW_SECRET);
    expect(JSON.parse(body).credentialsHint).toEqual({ accessKeyId: '0042', secretAccessKey: 'ABCD' });
    expect((await storedSecret(created.id)).credentials).toEqual({ accessKeyId: KEY_ID, secretAccessKey: NEW_SECRET });
    const audits = await prisma.auditLog.findMany({ where: { action: 'connection.update' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.details)).toEqual([
      { provider: 'aws', name: 'aws-prod', settings: { region: 'eu-west-1' }, credentials: [] },
      { provider: 'aws', name: 'aws-prod', settings: {}, credentials: ['secretAccessKey'] },
    ]);
  });

  it('refuses bad settings naming the field, a taken name, and a bad schedule', async () => {
    const bad = await createAws(admin, { settings: { region: 'nowhere', endpoint: fake.url } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ field: 'region', message: 'must be an AWS region such as us-east-1' }]);
    expect((await createAws()).status).toBe(201);
    const taken = await createAws();
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toBe('a connection named "aws-prod" already exists');
    const cron = await createAws(admin, { name: 'other', syncCron: '0 */6 * *' });
    expect(cron.status).toBe(400);
    expect((await cron.json()).error.issues[0].field).toBe('syncCron');
  });

  it('tests a connection with the provider and says what to fix', async () => {
    const created = await (await createAws()).json();
    const ok = await test.POST(request('/x', admin, { method: 'POST' }), ctx(created.id));
    expect(await ok.json()).toMatchObject({ status: 'ok' });
    fake.rejectCredentials(KEY_ID);
    const refused = await (await test.POST(request('/x', admin, { method: 'POST' }), ctx(created.id))).json();
    expect(refused.status).toBe('authentication_failed');
    expect(refused.message).toMatch(/AWS refused the credentials/);
  });

  it('shows the run log of a connection and of all syncs, and deletes a connection', async () => {
    const created = await (await createAws()).json();
    const run = await runSync({ connectionId: created.id, from: new Date('2026-11-01T00:00:00Z'), now: new Date('2026-11-02T10:00:00Z'), trigger: 'manual' });
    const mine = await (await runs.GET(request(`/api/v1/connections/${created.id}/runs?limit=5`, viewer), ctx(created.id))).json();
    expect(mine.runs.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[run.id, 'succeeded']]);
    const all = await (await syncRuns.GET(request(`/api/v1/sync-runs?connectionId=${created.id}`, viewer))).json();
    expect(all.runs).toEqual(mine.runs);
    expect(all.runs[0]).toMatchObject({ connectionName: 'aws-prod', apiRequests: run.apiRequests, apiCost: run.apiCost });
    const one = await (await item.GET(request('/x', viewer), ctx(created.id))).json();
    expect(one.lastRun.id).toBe(run.id);
    expect((await syncRuns.GET(request('/api/v1/sync-runs?limit=0', viewer))).status).toBe(400);

    expect((await item.DELETE(request('/x', admin, { method: 'DELETE' }), ctx(created.id))).status).toBe(200);
    expect((await item.GET(request('/x', viewer), ctx(created.id))).status).toBe(404);
    // the run log stays, unlinked
    expect(await prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ connectionId: null });
  });

  it('describes each provider’s form from its schemas', async () => {
    const { providers: list } = await (await providers.GET(request('/api/v1/providers', viewer))).json();
    expect(list.map((p: { provider: string }) => p.provider)).toEqual(['aws', 'atlas', 'redis-cloud', 'redis', 'cloudflare', 'prometheus']);
    const aws = list.find((p: { provider: string }) => p.provider === 'aws');
    expect(aws.settings.find((f: { name: string }) => f.name === 'region')).toMatchObject({ type: 'string', default: 'us-east-1', secret: false, required: false });
    expect(aws.credentials.map((f: { name: string; secret: boolean }) => [f.name, f.secret])).toEqual([
      ['accessKeyId', true],
      ['secretAccessKey', true],
      ['sessionToken', true],
    ]);
    const redis = list.find((p: { provider: string }) => p.provider === 'redis');
    expect(redis.settings.find((f: { name: string }) => f.name === 'sampleEveryMinutes')).toMatchObject({ type: 'number', default: 5 });
    expect(redis.credentials).toEqual([expect.objectContaining({ name: 'url', required: true, description: expect.stringMatching(/redis:\/\//) })]);
  });
});
