import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloudflareFake, type TCloudflareFake, type TCloudflareFakeState } from '../../../test/fakes/cloudflare';
import { ConnectorError, type TFetchContext } from '../types';
import { createCloudflareConnector } from './connector';

const ACCOUNT = '01a7362d577a6c3019a474fd6f485823';
const zoneId = (i: number) => `023e105f4ecef8ad9ca31a8372d0c3${i.toString(16).padStart(2, '0')}`;
const now = new Date('2026-11-01T10:00:00Z');
const window = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') };
const ctx = (): TFetchContext => ({ window, now, finalDays: new Set(), log: () => {} });
const TOKEN = 'Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY';

function state(): TCloudflareFakeState {
  const zones = Array.from({ length: 12 }, (_, i) => ({
    id: zoneId(i),
    name: i === 0 ? 'routes.europe-cyclisme.eu' : `z${i}.europe-cyclisme.eu`,
    status: 'active',
    paused: false,
    type: 'full',
    account: { id: ACCOUNT, name: 'Europe Cyclisme' },
    plan:
      i === 0
        ? { id: 'business', name: 'Business Website', price: 200, currency: 'USD', frequency: 'monthly', is_subscribed: true }
        : { id: '0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee', name: 'Free Website', price: 0, currency: 'USD', frequency: '', is_subscribed: false },
  }));
  return {
    apiToken: TOKEN,
    accountId: ACCOUNT,
    maxPerPage: 5,
    zones,
    zoneSubscriptions: {
      [zoneId(0)]: {
        id: 'e9d2c1b0a0f9e8d7c6b5a4f3e2d1c0b9',
        currency: 'USD',
        current_period_start: '2026-10-15T00:00:00Z',
        current_period_end: '2026-11-15T00:00:00Z',
        frequency: 'monthly',
        price: 200,
        state: 'Paid',
        rate_plan: { id: 'business', public_name: 'Business Plan', currency: 'USD', scope: 'zone', is_contract: false, externally_managed: false },
        zone: { id: zoneId(0), name: 'routes.europe-cyclisme.eu' },
      },
    },
    accountSubscriptions: [
      {
        id: 'e9d2c1b0a0f9e8d7c6b5a4f3e2d1c0b9',
        price: 200,
        frequency: 'monthly',
        current_period_start: '2026-10-15T00:00:00Z',
        rate_plan: { id: 'business', public_name: 'Business Plan' },
        zone: { id: zoneId(0), name: 'routes.europe-cyclisme.eu' },
      },
      {
        id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        currency: 'USD',
        current_period_start: '2026-10-03T00:00:00Z',
        current_period_end: '2026-11-03T00:00:00Z',
        frequency: 'monthly',
        price: 5,
        state: 'Paid',
        rate_plan: { id: 'workers_paid', public_name: 'Workers Paid', scope: 'account' },
      },
    ],
    traffic: {
      [zoneId(0)]: [
        { date: '2026-09-01', requests: 100_000, cachedRequests: 60_000, bytes: 4e9, cachedBytes: 3e9 },
        { date: '2026-10-31', requests: 120_000, cachedRequests: 90_000, bytes: 5e9, cachedBytes: 4e9 },
        { date: '2026-11-01', requests: 40_000, cachedRequests: 10_000, bytes: 1e9, cachedBytes: 2.5e8 },
      ],
      [zoneId(11)]: [{ date: '2026-10-02', requests: 10, cachedRequests: 0, bytes: 12_345, cachedBytes: 0 }],
      [zoneId(5)]: [{ date: '2026-10-02', requests: 0, cachedRequests: 0, bytes: 0, cachedBytes: 0 }],
    },
  };
}

describe('cloudflare connector against a fake API v4', () => {
  let fake: TCloudflareFake;
  let sleeps: number[];
  let connector: ReturnType<typeof createCloudflareConnector>;
  beforeEach(async () => {
    fake = await startCloudflareFake(state());
    sleeps = [];
    connector = createCloudflareConnector({ graphqlMinIntervalMs: 0, random: () => 0, sleep: async (ms) => void sleeps.push(ms) });
  });
  afterEach(() => fake.close());
  const config = (settings: Record<string, string> = {}) => ({
    settings: { accountId: ACCOUNT, baseUrl: `${fake.url}/client/v4`, ...settings },
    credentials: { apiToken: TOKEN },
  });

  it('reads all zone pages and queries GraphQL per 10 zones and per 31 days', async () => {
    const result = await connector.fetch(config(), ctx());
    const zonePages = fake.requests.filter((r) => r.path === '/client/v4/zones').map((r) => [r.query.get('page'), r.query.get('account.id')]);
    expect(zonePages).toEqual([['1', ACCOUNT], ['2', ACCOUNT], ['3', ACCOUNT]]);
    expect(result.resources).toHaveLength(12);
    expect(result.resources[0]).toMatchObject({ provider: 'cloudflare', kind: 'cdn', externalId: zoneId(0), name: 'routes.europe-cyclisme.eu', size: 'Business Website' });

    // the fake checked each body; here: which zones and dates each query asked for
    expect(fake.graphqlBodies.map((b) => [b.variables.zoneTags.length, b.variables.since, b.variables.until])).toEqual([
      [10, '2026-09-01', '2026-10-02'],
      [10, '2026-10-02', '2026-11-02'],
      [2, '2026-09-01', '2026-10-02'],
      [2, '2026-10-02', '2026-11-02'],
    ]);
    expect(fake.graphqlBodies[2].variables.zoneTags).toEqual([zoneId(10), zoneId(11)]);
    const graphqlCall = fake.requests.find((r) => r.path === '/client/v4/graphql')!;
    expect(graphqlCall.method).toBe('POST');
    expect(graphqlCall.headers['content-type']).toContain('application/json');
    expect(graphqlCall.headers.authorization).toBe(`Bearer ${TOKEN}`);

    const on = (zone: number, date: string) =>
      Object.fromEntries(
        result.samples
          .filter((s) => s.resourceExternalId === zoneId(zone) && s.ts.toISOString().startsWith(date))
          .map((s) => [s.metric, s.value]),
      );
    expect(on(0, '2026-10-31')).toEqual({ requests: 120_000, cached_requests: 90_000, bytes: 5e9, cached_bytes: 4e9, cache_hit_ratio: 0.75 });
    expect(on(11, '2026-10-02')).toEqual({ requests: 10, cached_requests: 0, bytes: 12_345, cached_bytes: 0, cache_hit_ratio: 0 });
    // no requests, no ratio
    expect(on(5, '2026-10-02')).toEqual({ requests: 0, cached_requests: 0, bytes: 0, cached_bytes: 0 });
    expect(result.samples.filter((s) => s.resourceExternalId === zoneId(0) && s.metric === 'requests')).toHaveLength(3);
  });

  it('turns plan subscriptions into one recurring purchase per billing period', async () => {
    const result = await connector.fetch(config(), ctx());
    expect(
      result.costs.map((c) => [c.chargePeriodStart.toISOString().slice(0, 10), c.chargePeriodEnd.toISOString().slice(0, 10), c.serviceName, c.billedCost, c.isEstimated]),
    ).toEqual([
      ['2026-09-15', '2026-10-15', 'Business Plan', '200', true],
      ['2026-10-15', '2026-11-15', 'Business Plan', '200', false],
      ['2026-09-03', '2026-10-03', 'Workers Paid', '5', true],
      ['2026-10-03', '2026-11-03', 'Workers Paid', '5', false],
    ]);
    expect(result.costs[1]).toMatchObject({
      chargeCategory: 'Purchase',
      chargeFrequency: 'Recurring',
      resourceId: zoneId(0),
      resourceType: 'zone',
      billingAccountId: ACCOUNT,
      skuId: 'business',
      billingCurrency: 'USD',
    });
    expect(result.costs[3]).toMatchObject({ resourceId: 'subscription/a1b2c3d4e5f60718293a4b5c6d7e8f90', resourceType: 'subscription' });
  });

  it("falls back to the zone's plan when the token may not read billing", async () => {
    fake.state.billingForbidden = true;
    const result = await connector.fetch(config(), ctx());
    expect(result.costs.map((c) => [c.chargePeriodStart.toISOString().slice(0, 10), c.billedCost, c.isEstimated])).toEqual([
      ['2026-09-01', '200', true],
      ['2026-10-01', '200', true],
      ['2026-11-01', '200', false],
    ]);
  });

  it('limits itself to the configured zones, and refuses unknown ones', async () => {
    const result = await connector.fetch(config({ zones: `${zoneId(0)}, ${zoneId(11)}` }), ctx());
    expect(result.resources.map((r) => r.externalId)).toEqual([zoneId(0), zoneId(11)]);
    expect(fake.graphqlBodies.every((b) => b.variables.zoneTags.length === 2)).toBe(true);
    const status = await connector.test(config({ zones: 'ffffffffffffffffffffffffffffffff' }));
    expect(status).toMatchObject({ status: 'invalid_configuration', message: expect.stringContaining('ffffffff') });
    expect(await connector.test(config({ zones: 'not-a-zone' }))).toMatchObject({ status: 'invalid_configuration' });
  });

  it('honours a 429 Retry-After and the GraphQL budget error, then succeeds', async () => {
    fake.fault((r) => r.path === '/client/v4/graphql', { status: 429, headers: { 'retry-after': '3' }, json: { success: false, errors: [{ code: 971, message: 'Please wait and consider throttling your request speed' }] } });
    fake.fault((r) => r.path === '/client/v4/graphql', { json: { data: null, errors: [{ message: 'rate limiter budget depleted, please try again later' }] } });
    const result = await connector.fetch(config(), ctx());
    // 3 s as told, then a backoff for the budget error (random() = 0: half of 500 × 2²)
    expect(sleeps).toEqual([3000, 1000]);
    expect(result.samples.length).toBeGreaterThan(0);
  });

  it('spaces GraphQL queries to stay within the quota', async () => {
    const paced = createCloudflareConnector({ graphqlMinIntervalMs: 1000, sleep: async (ms) => void sleeps.push(ms) });
    await paced.fetch(config(), ctx());
    expect(sleeps).toHaveLength(3); // before the 2nd, 3rd and 4th queries
    expect(sleeps.every((ms) => ms > 800 && ms <= 1000)).toBe(true);
  });

  it('names the field of a malformed GraphQL answer', async () => {
    fake.fault((r) => r.path === '/client/v4/graphql', {
      json: {
        data: { viewer: { zones: [{ zoneTag: zoneId(0), httpRequests1dGroups: [{ dimensions: { date: '2026-10-31' }, sum: { requests: '12', cachedRequests: 1, bytes: 1, cachedBytes: 1 } }] }] } },
        errors: null,
      },
    });
    const error = (await connector.fetch(config(), ctx()).catch((e: unknown) => e)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.status).toBe('unexpected_response');
    expect(error.message).toContain('data.viewer.zones.0.httpRequests1dGroups.0.sum.requests');
  });

  it('reports a rejected token, an account without zones and an unreachable API', async () => {
    expect(await connector.test({ ...config(), credentials: { apiToken: 'x'.repeat(40) } })).toMatchObject({ status: 'authentication_failed' });
    expect(await connector.test(config())).toMatchObject({ status: 'ok', message: expect.stringContaining('12 zones') });
    fake.state.zones = [];
    expect(await connector.test(config())).toMatchObject({ status: 'no_data_yet' });
    await fake.close();
    expect(await connector.test(config())).toMatchObject({ status: 'unreachable' });
  });
});
