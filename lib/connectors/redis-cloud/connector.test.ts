import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRedisCloudFake, type TRedisCloudFake, type TRedisCloudFakeState } from '../../../test/fakes/redis-cloud';
import { addDecimals } from '../../money/decimal';
import { ConnectorError, type TFetchContext } from '../types';
import { createRedisCloudConnector } from './connector';

const now = new Date('2026-11-01T06:30:00Z');
const window = { from: new Date('2026-10-30T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') };
const ctx = (): TFetchContext => ({ window, now, finalDays: new Set(), log: () => {} });

const db = (id: number, name: string, extra: Record<string, unknown>) => ({
  databaseId: id,
  name,
  protocol: 'redis',
  provider: 'AWS',
  region: 'eu-west-3',
  redisVersionCompliance: '7.2.4',
  status: 'active',
  memoryStorage: 'ram',
  replication: true,
  dataPersistence: 'aof-every-1-second',
  dataEvictionPolicy: 'volatile-lru',
  throughputMeasurement: { by: 'operations-per-second', value: 25000 },
  publicEndpoint: `redis-${id}.c1.eu-west-3-1.ec2.redns.redis-cloud.com:${id % 20000}`,
  ...extra,
});

function state(): TRedisCloudFakeState {
  return {
    apiKey: 'A1b2C3d4E5f6',
    secretKey: 'S3cr3t-K3y-for-tests',
    accountId: 40131,
    maxLimit: 2,
    subscriptions: [
      {
        id: 113491,
        name: 'eu-cache',
        status: 'active',
        paymentMethodId: 8240,
        memoryStorage: 'ram',
        numberOfDatabases: 3,
        subscriptionPricing: [
          { type: 'Shards', quantity: 4, quantityMeasurement: 'shards', pricePerUnit: 0.176, priceCurrency: 'USD', pricePeriod: 'hour' },
          { type: 'EBS Volume', quantity: 2, quantityMeasurement: 'shards', pricePerUnit: 0.005, priceCurrency: 'USD', pricePeriod: 'hour' },
        ],
        cloudDetails: [{ provider: 'AWS', cloudAccountId: 1, totalSizeInGb: 48, regions: [{ region: 'eu-west-3' }] }],
      },
      { id: 113492, name: 'old', status: 'deleting', subscriptionPricing: [], cloudDetails: [] },
    ],
    fixedSubscriptions: [
      {
        id: 9876,
        name: 'sessions-essentials',
        status: 'active',
        planId: 34811,
        planName: 'Standard 1GB',
        size: 1,
        sizeMeasurementUnit: 'GB',
        provider: 'AWS',
        region: 'eu-west-1',
        price: 22,
        pricePeriod: 'Month',
        priceCurrency: 'USD',
      },
    ],
    databases: {
      113491: [
        db(51324587, 'routes', { memoryLimitInGb: 16, datasetSizeInGb: 16, memoryUsedInMb: 5120 }),
        db(51324588, 'weather', { memoryLimitInGb: 16, datasetSizeInGb: 16, memoryUsedInMb: 12288 }),
        db(51324589, 'tiles', { memoryLimitInGb: 8, datasetSizeInGb: 8, memoryUsedInMb: 100 }),
      ],
      9876: [db(2001, 'sessions', { planMemoryLimit: 1, memoryLimitMeasurementUnit: 'GB', memoryUsedInMb: 300 })],
    },
    costReport: null,
  };
}

describe('redis cloud connector against a fake REST API', () => {
  let fake: TRedisCloudFake;
  let sleeps: number[];
  let connector: ReturnType<typeof createRedisCloudConnector>;
  beforeEach(async () => {
    fake = await startRedisCloudFake(state());
    sleeps = [];
    connector = createRedisCloudConnector({ pageSize: 2, sleep: async (ms) => void sleeps.push(ms) });
  });
  afterEach(() => fake.close());
  const config = () => ({ settings: { baseUrl: `${fake.url}/v1` }, credentials: { apiKey: fake.state.apiKey, secretKey: fake.state.secretKey } });

  it('lists every page of databases as resources with their memory limit and plan price', async () => {
    const result = await connector.fetch(config(), ctx());
    const dbPages = fake.requests.filter((r) => r.path === '/v1/subscriptions/113491/databases').map((r) => r.query.get('offset'));
    expect(dbPages).toEqual(['0', '2']);
    expect(fake.requests.every((r) => r.headers['x-api-key'] === 'A1b2C3d4E5f6')).toBe(true);
    expect(result.resources.map((r) => [r.externalId, r.name, r.size, r.capacity?.memory_used_bytes])).toEqual([
      ['113491/51324587', 'routes', '16 GB', 16 * 1024 ** 3],
      ['113491/51324588', 'weather', '16 GB', 16 * 1024 ** 3],
      ['113491/51324589', 'tiles', '8 GB', 8 * 1024 ** 3],
      ['9876/2001', 'sessions', '1 GB', 1024 ** 3],
    ]);
    // (4 × 0.176 + 2 × 0.005) $/h × 730 h
    expect(result.resources[0].attributes?.subscriptionMonthlyPrice).toEqual({ amount: '521.22', currency: 'USD' });
    expect(result.resources[3].attributes?.subscriptionMonthlyPrice).toEqual({ amount: '22', currency: 'USD' });
    expect(result.samples.map((s) => [s.resourceExternalId, s.value])).toEqual([
      ['113491/51324587', 5120 * 1024 ** 2],
      ['113491/51324588', 12288 * 1024 ** 2],
      ['113491/51324589', 100 * 1024 ** 2],
      ['9876/2001', 300 * 1024 ** 2],
    ]);
  });

  it('charges plan prices as recurring purchases when the account has no cost report', async () => {
    const result = await connector.fetch(config(), ctx());
    expect(fake.requests.filter((r) => r.path === '/v1/cost-report')).toHaveLength(1); // asked, refused (403)
    const rows = result.costs.map((c) => [c.chargePeriodStart.toISOString().slice(0, 10), c.skuId, c.pricingQuantity, c.billedCost]);
    expect(rows).toEqual([
      ['2026-10-30', 'Shards', '96', '16.896'],
      ['2026-10-31', 'Shards', '96', '16.896'],
      ['2026-11-01', 'Shards', '24', '4.224'], // 6 hours so far today
      ['2026-10-30', 'EBS Volume', '48', '0.24'],
      ['2026-10-31', 'EBS Volume', '48', '0.24'],
      ['2026-11-01', 'EBS Volume', '12', '0.06'],
      ['2026-11-01', 'Standard 1GB', '1', '22'],
    ]);
    expect(addDecimals(...result.costs.map((c) => c.billedCost))).toBe('60.556');
    expect(result.costs.every((c) => c.chargeCategory === 'Purchase' && c.chargeFrequency === 'Recurring')).toBe(true);
    expect(result.costs[0]).toMatchObject({
      serviceName: 'Redis Cloud Pro',
      billingAccountId: '40131',
      resourceId: 'subscription/113491',
      regionId: 'eu-west-3',
      listUnitPrice: '0.176',
      pricingUnit: 'shards-hours',
    });
    expect(result.costs[6]).toMatchObject({ serviceName: 'Redis Cloud Essentials', regionId: 'eu-west-1' });
    expect(result.costs[6].chargePeriodEnd.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('uses the FOCUS cost report where the account has it', async () => {
    const row = (start: string, cost: string, resource: string) => ({
      BillingAccountId: '40131',
      BillingAccountName: 'Europe Cyclisme',
      BillingPeriodStart: '2026-10-01T00:00:00Z',
      BillingPeriodEnd: '2026-11-01T00:00:00Z',
      ChargePeriodStart: start,
      ChargePeriodEnd: new Date(Date.parse(start) + 86_400_000).toISOString(),
      BilledCost: cost,
      EffectiveCost: cost,
      ListCost: cost,
      ContractedCost: cost,
      BillingCurrency: 'USD',
      ChargeCategory: 'Usage',
      ChargeFrequency: 'Recurring',
      ChargeDescription: 'Redis Cloud Pro database',
      ServiceName: 'Redis Cloud Pro',
      ServiceCategory: 'Databases',
      PricingCategory: 'Standard',
      PricingQuantity: 24,
      PricingUnit: 'Hours',
      ListUnitPrice: 0.704,
      RegionId: 'eu-west-3',
      ResourceId: resource,
      ResourceName: 'routes',
      ResourceType: 'Database',
      Tags: { team: 'routes' },
    });
    fake.state.costReport = [row('2026-10-29T00:00:00Z', '16.90', '51324587'), row('2026-10-30T00:00:00Z', '16.896', '51324587')];
    const result = await connector.fetch(config(), ctx());
    expect(fake.reportRequests).toEqual([{ startDate: '2026-10-30', endDate: '2026-11-01', format: 'json' }]);
    // waited after 'received', then after one poll found it still running
    expect(sleeps).toEqual([2000, 2000]);
    // the 29 October row lies before the window
    expect(result.costs).toHaveLength(1);
    expect(result.costs[0]).toMatchObject({
      billedCost: '16.896',
      listUnitPrice: '0.704',
      pricingQuantity: '24',
      tags: { team: 'routes' },
      resourceId: '51324587',
    });
  });

  it('retries after a 429, and names the field of a malformed database', async () => {
    fake.fault((r) => r.path === '/v1/subscriptions', { status: 429, headers: { 'retry-after': '1' }, json: { error: 'rate limit' } });
    await connector.fetch(config(), ctx());
    expect(sleeps).toEqual([1000]);

    fake.state.databases[113491][1].memoryLimitInGb = '16';
    const error = (await connector.fetch(config(), ctx()).catch((e: unknown) => e)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.status).toBe('unexpected_response');
    expect(error.message).toContain('subscription.0.databases.1.memoryLimitInGb');
  });

  it('reports rejected keys, an empty account and an unreachable API', async () => {
    const bad = { ...config(), credentials: { apiKey: fake.state.apiKey, secretKey: 'wrong' } };
    expect(await connector.test(bad)).toMatchObject({ status: 'authentication_failed' });
    expect(await connector.test(config())).toMatchObject({ status: 'ok', message: expect.stringContaining('2 Pro and 1 Essentials') });
    fake.state.subscriptions = [];
    fake.state.fixedSubscriptions = [];
    expect(await connector.test(config())).toMatchObject({ status: 'no_data_yet' });
    await fake.close();
    expect(await connector.test(config())).toMatchObject({ status: 'unreachable' });
  });
});
