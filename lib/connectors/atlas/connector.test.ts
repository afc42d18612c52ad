import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAtlasFake, type TAtlasFake } from '../../../test/fakes/atlas';
import { ConnectorError, type TFetchContext } from '../types';
import { createAtlasConnector } from './connector';
import { atlasState, ORG, P1 } from './test-fixtures';

const now = new Date('2026-11-03T12:00:00Z');
const window = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z') };

function ctx(overrides: Partial<TFetchContext> = {}): TFetchContext {
  return { window, now, finalDays: new Set(), log: () => {}, ...overrides };
}

describe('atlas connector against a fake Admin API v2', () => {
  let fake: TAtlasFake;
  let sleeps: number[];
  let connector: ReturnType<typeof createAtlasConnector>;

  beforeEach(async () => {
    fake = await startAtlasFake(atlasState());
    sleeps = [];
    connector = createAtlasConnector({
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    });
  });
  afterEach(() => fake.close());

  const digestConfig = () => ({
    settings: { orgId: ORG, baseUrl: fake.url },
    credentials: { publicKey: fake.state.publicKey, privateKey: fake.state.privateKey },
  });

  it('reads every page of invoices, projects and clusters, answering real digest challenges', async () => {
    const result = await connector.fetch(digestConfig(), ctx());

    // the fake recomputed every digest itself and none failed
    expect(fake.digestFailures).toBe(0);
    const authed = fake.requests.filter((r) => String(r.headers.authorization ?? '').startsWith('Digest '));
    expect(authed.length).toBeGreaterThan(10);
    expect(fake.requests[0].headers.authorization).toBeUndefined(); // first request meets the challenge
    // one page per item (maxItemsPerPage = 1): projects came in two pages
    const pages = (suffix: string) => authed.filter((r) => r.path.endsWith(suffix)).map((r) => r.query.get('pageNum'));
    expect(pages('/api/atlas/v2/groups')).toEqual(['1', '2']);
    const invoicePages = pages('/invoices');
    expect(invoicePages).toEqual(['1', '2', '3']);
    // the September invoice ends where the window starts: never read in detail
    expect(fake.requests.some((r) => r.path.endsWith('/64aa00000000000000000009'))).toBe(false);
    expect(fake.requests.every((r) => /vnd\.atlas\.20\d\d-\d\d-\d\d\+json/.test(String(r.headers.accept)))).toBe(true);

    const costs = result.costs.map((c) => [c.skuId ?? c.chargeCategory, c.chargeCategory, c.listCost, c.billedCost, c.effectiveCost]);
    expect(costs).toEqual([
      ['ATLAS_AWS_INSTANCE_M30', 'Usage', '12.96', '12.96', '12.96'],
      ['ATLAS_AWS_STORAGE_PROVISIONED', 'Usage', '0.37', '0.30', '0.30'],
      ['ATLAS_AWS_DATA_TRANSFER_INTERNET', 'Usage', '123.45', '120.00', '120.00'],
      ['CREDIT', 'Credit', '0.00', '-5.00', '-5.00'],
      ['Tax', 'Tax', '2.50', '2.50', '2.50'],
      // creditsCents 2000 minus the 500 already on a credit line
      ['Credit', 'Credit', '0.00', '-15.00', '-15.00'],
      ['ATLAS_AWS_INSTANCE_M30', 'Usage', '12.96', '12.96', '12.96'],
      ['ATLAS_AWS_INSTANCE_M30', 'Usage', '12.96', '12.96', '12.96'],
    ]);
    const first = result.costs[0];
    expect(first).toMatchObject({
      serviceName: 'Clusters',
      serviceCategory: 'Databases',
      resourceId: `${P1}/Cluster0`,
      resourceName: 'Cluster0',
      subAccountId: P1,
      subAccountName: 'prod',
      billingAccountId: ORG,
      billingCurrency: 'USD',
      pricingQuantity: '24',
      pricingUnit: 'server hours',
      listUnitPrice: '0.54',
      regionId: 'EU_WEST_3',
      isEstimated: false,
    });
    expect(first.chargePeriodStart.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(first.billingPeriodEnd.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(result.costs[2]).toMatchObject({ serviceName: 'Data Transfer', tags: { team: 'routes', env: 'prod' } });
    expect(result.costs.slice(6).every((c) => c.isEstimated)).toBe(true); // the pending invoice

    expect(result.resources.map((r) => [r.externalId, r.size, r.region])).toEqual([
      [`${P1}/Cluster0`, 'M30', 'EU_WEST_3'],
      ['6a1b2c3d4e5f6a7b8c9d0e2a/Staging', 'M10', 'EU_CENTRAL_1'],
    ]);
    expect(result.resources[0].capacity).toEqual({
      cpu_percent: 100,
      memory_used_bytes: 8 * 1024 ** 3,
      cache_used_bytes: 3.5 * 1024 ** 3,
      connections: 3000,
      disk_used_bytes: 40 * 1024 ** 3,
    });
    expect(result.resources[0].attributes).toMatchObject({ nodeCount: 3, cloudProvider: 'AWS', vcpus: 2 });

    const at9 = (metric: string) =>
      result.samples.find((s) => s.metric === metric && s.ts.toISOString() === '2026-11-03T09:00:00.000Z')?.value;
    expect(at9('cpu_percent')).toBe(25); // max over nodes of user + kernel (25 vs 12)
    expect(at9('memory_used_bytes')).toBe(3500 * 1024 ** 2);
    expect(at9('cache_used_bytes')).toBe(1_000_000_000);
    expect(at9('connections')).toBe(120);
    expect(at9('ops_per_sec')).toBe(140); // summed over nodes: 100 + 10 + 30
    expect(at9('disk_used_bytes')).toBe(12_500_000_000);
    expect(at9('iops')).toBe(80);
    expect(result.samples.filter((s) => s.metric === 'cpu_percent').map((s) => s.value)).toEqual([25, 34]);
    expect(result.samples.every((s) => s.resourceExternalId === `${P1}/Cluster0` && s.provider === 'atlas')).toBe(true);
    const measurementCall = fake.requests.find((r) => r.path.endsWith('/measurements'))!;
    expect(measurementCall.query.get('granularity')).toBe('PT1H');
    expect(measurementCall.query.getAll('m')).toContain('SYSTEM_NORMALIZED_CPU_USER');

    expect(result.apiRequests).toBe(fake.requests.length);
  });

  it('skips closed invoices whose days are already final', async () => {
    const finalDays = new Set<string>();
    for (let d = new Date('2026-10-01T00:00:00Z'); d < new Date('2026-11-01T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      finalDays.add(d.toISOString().slice(0, 10));
    }
    const result = await connector.fetch(digestConfig(), ctx({ finalDays }));
    expect(fake.requests.some((r) => r.path.endsWith('/64aa0000000000000000000a'))).toBe(false);
    expect(result.costs.every((c) => c.isEstimated)).toBe(true);
  });

  it('keeps the other nodes when one disappears between the process list and its measurements', async () => {
    fake.fault((r) => r.path.includes('shard-00-01') && r.path.endsWith('/measurements'), {
      status: 404,
      json: { detail: 'No host with ID exists', error: 404, errorCode: 'HOST_NOT_FOUND', reason: 'Not Found' },
    });
    const result = await connector.fetch(digestConfig(), ctx());
    const cpu9 = result.samples.find((s) => s.metric === 'cpu_percent' && s.ts.toISOString() === '2026-11-03T09:00:00.000Z');
    expect(cpu9?.value).toBe(25);
    const ops9 = result.samples.find((s) => s.metric === 'ops_per_sec' && s.ts.toISOString() === '2026-11-03T09:00:00.000Z');
    expect(ops9?.value).toBe(110); // the lost secondary's 30 queries/s are missing
  });

  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    fake.fault((r) => r.path === '/api/atlas/v2/groups', {
      status: 429,
      headers: { 'retry-after': '7' },
      json: { detail: 'Too many requests', error: 429, errorCode: 'RATE_LIMITED', reason: 'Too Many Requests' },
    }, 2);
    const result = await connector.fetch(digestConfig(), ctx());
    expect(sleeps).toEqual([7000, 7000]);
    expect(result.resources).toHaveLength(2);
  });

  it('backs off exponentially on 5xx when there is no Retry-After', async () => {
    fake.fault((r) => r.path === '/api/atlas/v2/groups', { status: 503, json: { error: 503 } }, 3);
    await connector.fetch(digestConfig(), ctx());
    // equal jitter with random() = 0.5: 3/4 of 500, 1000, 2000 ms
    expect(sleeps).toEqual([375, 750, 1500]);
  });

  it('rejects a malformed invoice with an error naming the field', async () => {
    fake.fault(
      (r) => r.path.endsWith('/invoices/64aa0000000000000000000a'),
      () => {
        const invoice = structuredClone(atlasState().invoices[1]);
        (invoice.lineItems[1] as Record<string, unknown>).totalPriceCents = '37';
        return { json: invoice };
      },
    );
    const error = await connector.fetch(digestConfig(), ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).status).toBe('unexpected_response');
    expect((error as ConnectorError).message).toContain('lineItems.1.totalPriceCents');
  });

  it('reports rejected keys as authentication_failed', async () => {
    const config = digestConfig();
    config.credentials.privateKey = 'wrong-private-key';
    expect(await connector.test(config)).toMatchObject({ status: 'authentication_failed' });
    expect(fake.digestFailures).toBeGreaterThan(0);
    const error = await connector.fetch(config, ctx()).catch((e: unknown) => e);
    expect((error as ConnectorError).status).toBe('authentication_failed');
  });

  it('authenticates a service account with client credentials', async () => {
    const config = {
      settings: { orgId: ORG, baseUrl: fake.url },
      credentials: { clientId: fake.state.clientId!, clientSecret: fake.state.clientSecret! },
    };
    expect(await connector.test(config)).toMatchObject({ status: 'ok', message: expect.stringContaining('3 invoices, 2 projects') });
    expect(fake.requests.filter((r) => r.path === '/api/oauth/token')).toHaveLength(1);
    expect(String(fake.requests.at(-1)!.headers.authorization)).toMatch(/^Bearer [0-9a-f]{32}$/);

    const wrong = { ...config, credentials: { ...config.credentials, clientSecret: 'nope' } };
    expect(await connector.test(wrong)).toMatchObject({ status: 'authentication_failed' });
  });

  it('tells apart bad settings, an unknown organisation, an empty one and an unreachable host', async () => {
    // as the CLI hands them over: raw, possibly wrong, defaults not applied yet
    const raw = (settings: unknown, credentials: unknown) => ({ settings, credentials }) as Parameters<typeof connector.test>[0];
    expect(await connector.test(raw({ orgId: 'abc' }, { publicKey: 'a', privateKey: 'b' }))).toMatchObject({
      status: 'invalid_configuration',
      message: expect.stringContaining('orgId'),
    });
    expect(await connector.test(raw({ orgId: ORG }, { publicKey: 'a' }))).toMatchObject({
      status: 'invalid_configuration',
    });
    const other = { ...digestConfig(), settings: { orgId: 'ffffffffffffffffffffffff', baseUrl: fake.url } };
    expect(await connector.test(other)).toMatchObject({ status: 'invalid_configuration' });

    fake.state.invoices = [];
    fake.state.pending = null;
    fake.state.projects = [];
    expect(await connector.test(digestConfig())).toMatchObject({ status: 'no_data_yet' });

    await fake.close();
    expect(await connector.test(digestConfig())).toMatchObject({ status: 'unreachable' });
  });
});
