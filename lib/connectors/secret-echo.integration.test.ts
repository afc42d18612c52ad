// Every provider against a server that echoes the request (headers, body, URL) back in its error
// answer, as a proxy, a misconfigured endpoint or a hostile base URL would: the connection's
// secrets must appear nowhere a person can read them: the connector's error, the stored sync_run,
// GET /api/v1/sync-runs, the Test connection answer, and the JSON log lines.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as testRoute from '@/app/api/v1/connections/[id]/test/route';
import * as syncRunsRoute from '@/app/api/v1/sync-runs/route';
import { truncate } from '@/test/db';
import { startFakeServer, type TFakeReply, type TFakeRequest, type TFakeServer } from '@/test/fakes/http-fake';
import { createApiToken } from '../auth/tokens';
import { createConnection } from '../connections/create-connection';
import { loadConnectionConfig } from '../connections/connection-config';
import { disconnect, prisma } from '../db';
import { runSync } from '../ingestion/run-sync';
import { logger } from '../logger';
import { getConnector } from './registry';
import { ConnectorError, type TProvider } from './types';

const SYSTEM = { type: 'system' as const, label: 'test' };
const NOW = new Date('2026-11-05T10:00:00Z');
const b64 = (s: string) => Buffer.from(s).toString('base64');

// headers first: an error excerpt is cut after a few hundred characters
const echo = (req: TFakeRequest) => ({ headers: req.headers, body: req.body, url: req.url });
const echoReply = (status: number) => (req: TFakeRequest): TFakeReply => ({ status, json: { error: 'refused', echoed: echo(req) } });

type TCase = {
  name: string;
  provider: TProvider;
  settings: (url: string) => Record<string, string>;
  credentials: (url: string) => Record<string, string>;
  // the strings that must never show: the credential values and what a scheme derives from them
  secrets: (credentials: Record<string, string>) => string[];
  handler?: (req: TFakeRequest) => TFakeReply;
  redis?: true;
};

const ATLAS_ORG = 'a'.repeat(24);
const ACCESS_TOKEN = 'atlas-access-token-eyJhbGciOiJIUzI1NiJ9.issued-by-the-fake';

const CASES: TCase[] = [
  {
    name: 'aws (SigV4, session token)',
    provider: 'aws',
    settings: (url) => ({ endpoint: url, billingAccountId: '999999999999', insights: 'false' }),
    credentials: () => ({ accessKeyId: 'AKIAECHO000000000042', secretAccessKey: 'echo/Secret+Access/Key0123456789abcdef', sessionToken: 'FwoGZXIvYXdzEchoSessionToken0123456789' }),
    secrets: (c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken],
    // Cost Explorer's error shape, with the whole request in its message
    handler: (req) => ({ status: 400, json: { __type: 'com.amazonaws.ce#ValidationException', message: JSON.stringify(echo(req)) } }),
  },
  {
    name: 'atlas (digest API key)',
    provider: 'atlas',
    settings: (url) => ({ orgId: ATLAS_ORG, baseUrl: url }),
    credentials: () => ({ publicKey: 'echopubkey', privateKey: 'echo-private-0000-1111-2222-333333333333' }),
    secrets: (c) => [c.publicKey, c.privateKey],
    handler: (req) =>
      req.headers.authorization
        ? echoReply(403)(req)
        : { status: 401, headers: { 'www-authenticate': 'Digest realm="MMS Public API", domain="", nonce="echo-nonce", algorithm=MD5, qop="auth", stale=false' }, text: '' },
  },
  {
    name: 'atlas (service account, token endpoint echoes)',
    provider: 'atlas',
    settings: (url) => ({ orgId: ATLAS_ORG, baseUrl: url }),
    credentials: () => ({ clientId: 'mdb_sa_id_echo0123456789', clientSecret: 'mdb_sa_sk_echoSecret0123456789abcdef' }),
    secrets: (c) => [c.clientId, c.clientSecret, b64(`${c.clientId}:${c.clientSecret}`)],
    handler: echoReply(400),
  },
  {
    name: 'atlas (service account, API echoes the bearer token)',
    provider: 'atlas',
    settings: (url) => ({ orgId: ATLAS_ORG, baseUrl: url }),
    credentials: () => ({ clientId: 'mdb_sa_id_echo0123456789', clientSecret: 'mdb_sa_sk_echoSecret0123456789abcdef' }),
    secrets: (c) => [c.clientId, c.clientSecret, b64(`${c.clientId}:${c.clientSecret}`), ACCESS_TOKEN],
    handler: (req) =>
      req.path === '/api/oauth/token'
        ? { json: { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 } }
        : echoReply(403)(req),
  },
  {
    name: 'redis-cloud (API key headers)',
    provider: 'redis-cloud',
    settings: (url) => ({ baseUrl: url }),
    credentials: () => ({ apiKey: 'A1echoRedisCloudApiKey0123456789', secretKey: 'S2echoRedisCloudSecretKey0123456789' }),
    secrets: (c) => [c.apiKey, c.secretKey],
    handler: echoReply(401),
  },
  {
    name: 'cloudflare (API token)',
    provider: 'cloudflare',
    settings: (url) => ({ baseUrl: url }),
    credentials: () => ({ apiToken: 'cfEchoApiToken_0123456789abcdefghijklmn' }),
    secrets: (c) => [c.apiToken],
    handler: echoReply(400),
  },
  {
    name: 'prometheus (bearer token)',
    provider: 'prometheus',
    settings: (url) => ({ url }),
    credentials: () => ({ token: 'promEchoBearerToken0123456789' }),
    secrets: (c) => [c.token],
    handler: echoReply(400),
  },
  {
    name: 'redis (password in the URL)',
    provider: 'redis',
    settings: () => ({}),
    credentials: (url) => ({ url: url.replace('redis://', 'redis://default:' + encodeURIComponent('echo-redis-pa$$word/0123') + '@') }),
    secrets: () => ['echo-redis-pa$$word/0123', encodeURIComponent('echo-redis-pa$$word/0123')],
    redis: true,
  },
];

// A RESP server that answers every command with an error quoting the command, password included.
async function startEchoingRedis(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      received.push(text);
      socket.write(`-WRONGPASS invalid username-password pair, you sent: ${text.replace(/[\r\n]+/g, ' ')}\r\n`);
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}/0`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// Every JSON line the app's logger writes while a test runs.
let logLines: string[] = [];
const stream = (logger as unknown as Record<symbol, { write: (line: string) => unknown }>)[pino.symbols.streamSym];
let level: string;

beforeEach(async () => {
  await truncate();
  logLines = [];
  level = logger.level;
  logger.level = 'debug';
  vi.spyOn(stream, 'write').mockImplementation((line: string) => {
    logLines.push(String(line));
    return true;
  });
});
afterEach(() => {
  logger.level = level;
  vi.restoreAllMocks();
});
afterAll(() => disconnect());

function expectNoSecret(where: string, text: string, secrets: string[]) {
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), b64(secret), JSON.stringify(secret).slice(1, -1)])) {
      expect(text.includes(form), `${where} contains a secret (${form.slice(0, 4)}…)`).toBe(false);
    }
  }
}

describe.each(CASES)('$name against an echoing server', (c) => {
  let server: { url: string; close: () => Promise<void>; sent: () => string };

  beforeEach(async () => {
    if (c.redis) {
      const redis = await startEchoingRedis();
      server = { url: redis.url, close: redis.close, sent: () => redis.received.join('\n') };
    } else {
      const fake: TFakeServer = await startFakeServer(c.handler ?? echoReply(400));
      server = { url: fake.url, close: fake.close, sent: () => JSON.stringify(fake.requests.map(echo)) };
    }
  });
  afterEach(() => server.close());

  it('keeps the secrets out of the error, the run, the API answers and the log', async () => {
    const credentials = c.credentials(server.url);
    const secrets = c.secrets(credentials);
    const connection = await createConnection(SYSTEM, { provider: c.provider, name: `echo-${c.provider}`, settings: c.settings(server.url), credentials });

    // the connector's error, through the registry every caller uses
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    const error = await getConnector(c.provider)
      .fetch(loadConnectionConfig(row), { window: { from: new Date('2026-11-01T00:00:00Z'), to: NOW }, now: NOW, finalDays: new Set(), log: () => {} })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ConnectorError);
    // the server did get the secrets, and sent them back: otherwise this test proves nothing
    const sent = server.sent();
    expect(secrets.some((s) => sent.includes(s) || sent.includes(encodeURIComponent(s)))).toBe(true);
    expect((error as Error).message).toContain('[redacted]');
    expectNoSecret('ConnectorError message', `${(error as Error).message}\n${(error as Error).stack}`, secrets);

    // the stored run, whole
    const run = await runSync({ connectionId: connection.id, from: new Date('2026-11-01T00:00:00Z'), now: NOW, trigger: 'manual' });
    expect(run.status).toBe('failed');
    const stored = await prisma.syncRun.findMany({ where: { connectionId: connection.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].error).toBeTruthy();
    expectNoSecret('sync_run row', JSON.stringify(stored), secrets);

    // what a viewer reads
    const viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
    const runs = await syncRunsRoute.GET(new Request('http://localhost/api/v1/sync-runs', { headers: { authorization: `Bearer ${viewer}` } }));
    expect(runs.status).toBe(200);
    const runsText = await runs.text();
    expect(runsText).toContain(connection.id);
    expectNoSecret('GET /api/v1/sync-runs', runsText, secrets);

    // what the Test connection button shows
    const admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
    const tested = await testRoute.POST(
      new Request(`http://localhost/api/v1/connections/${connection.id}/test`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } }),
      { params: Promise.resolve({ id: connection.id }) },
    );
    expect(tested.status).toBe(200);
    const testText = await tested.text();
    expect(JSON.parse(testText).status).not.toBe('ok');
    expectNoSecret('connection test answer', testText, secrets);

    // the JSON log, which did record the failure
    const log = logLines.join('');
    expect(log).toContain('sync failed');
    expectNoSecret('log', log, secrets);
  });
});
