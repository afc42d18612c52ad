// GET /api/v1/forecast on the real database: usage by day, a recurring fee by its calendar, scopes, asOf, and
// 400s that name the parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { addIsoDays } from '@/lib/dates';
import { disconnect, withTransaction } from '@/lib/db';
import { upsertCostRecords } from '@/lib/ingestion/upsert-cost-records';
import { upsertInsights } from '@/lib/ingestion/upsert-insights';
import { focusRecord } from '@/lib/ingestion/test-records';
import { truncate } from '@/test/db';
import * as route from './route';

let viewer: string;

beforeAll(async () => {
  await truncate();
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  const records: ReturnType<typeof focusRecord>[] = [];
  for (let d = '2026-01-01'; d < '2026-05-01'; d = addIsoDays(d, 1)) {
    const start = new Date(`${d}T00:00:00Z`);
    const end = new Date(`${addIsoDays(d, 1)}T00:00:00Z`);
    const month = { billingPeriodStart: new Date(`${d.slice(0, 7)}-01T00:00:00Z`), billingPeriodEnd: new Date(`${addIsoDays(`${d.slice(0, 7)}-28`, 7).slice(0, 7)}-01T00:00:00Z`) };
    records.push(focusRecord({ ...month, billedCost: '10', effectiveCost: '10', listCost: '10', billingCurrency: 'EUR', chargePeriodStart: start, chargePeriodEnd: end }));
    if (d.endsWith('-01')) {
      // a support fee on the first of each month
      records.push(
        focusRecord({ ...month, billedCost: '300', effectiveCost: '300', listCost: '300', billingCurrency: 'EUR', chargePeriodStart: start, chargePeriodEnd: end, chargeFrequency: 'Recurring', chargeCategory: 'Purchase', serviceName: 'AWS Support (Business)', resourceId: null, skuId: 'SUPPORT', skuPriceId: 'SUPPORT' }),
      );
    }
  }
  await withTransaction((client) => upsertCostRecords(client, records, 'test'));
});
afterAll(() => disconnect());

const get = async (query: string) => {
  const r = await route.GET(new Request(`http://localhost/api/v1/forecast?${query}`, { headers: { authorization: `Bearer ${viewer}` } }));
  return { status: r.status, body: await r.json() };
};

describe('GET /api/v1/forecast', () => {
  it('forecasts usage by day and the recurring fee on its day of the month', async () => {
    const { status, body } = await get('from=2026-05-01&to=2026-05-08&granularity=day&currency=EUR&asOf=2026-05-01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ currency: 'EUR', asOf: '2026-05-01', interval: 80, plan: null });
    expect(body.rows).toHaveLength(7);
    const byDay = Object.fromEntries(body.rows.map((r: { period: string; mean: string }) => [r.period, Number(r.mean)]));
    expect(byDay['2026-05-01']).toBeCloseTo(310, 0);
    expect(byDay['2026-05-02']).toBeCloseTo(10, 0);
    for (const r of body.rows) expect(Number(r.lower)).toBeLessThanOrEqual(Number(r.mean));
    expect(body.backtest.mape).toBeLessThan(0.05);
    expect(body.backtest.baselineName).toBe('seasonal-naive');
    expect(body.backtest.points).toBeGreaterThan(0);
  });

  it('sums months with what was spent before asOf, by scope and tag', async () => {
    const { body } = await get('from=2026-04-01&to=2026-06-01&granularity=month&currency=EUR&asOf=2026-04-16');
    const months = Object.fromEntries(body.rows.map((r: { period: string; mean: string }) => [r.period, Number(r.mean)]));
    expect(months['2026-04-01']).toBeCloseTo(600, 0);
    expect(months['2026-05-01']).toBeCloseTo(610, 0);
    const aws = await get('from=2026-05-01&to=2026-06-01&provider=AWS&groupBy=service&currency=EUR&asOf=2026-05-01');
    expect(aws.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(['AWS:AWS Support (Business)', 'AWS:Amazon Elastic Compute Cloud']);
    const tagged = await get('from=2026-05-01&to=2026-06-01&tag=env=prod&currency=EUR&asOf=2026-05-01');
    expect(Number(tagged.body.rows[0].mean)).toBeCloseTo(610, 0);
    const none = await get('from=2026-05-01&to=2026-06-01&tag=env=dev&currency=EUR&asOf=2026-05-01');
    expect(none.body.rows).toEqual([]);
  });

  it("puts AWS's own GetCostForecast beside ours for the same scope, days and currency", async () => {
    // as an AWS sync stores it (fetch-insights.ts): the request and Cost Explorer's response as returned
    await withTransaction(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO connection (id, provider, name, enabled, updated_at) VALUES (gen_random_uuid(), 'AWS', 'aws-forecast-test', false, now()) RETURNING id`,
      );
      const request = { TimePeriod: { Start: '2026-04-01', End: '2026-05-01' }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80 };
      const response = {
        Total: { Amount: '655.5', Unit: 'EUR' },
        ForecastResultsByTime: [{ TimePeriod: request.TimePeriod, MeanValue: '655.5', PredictionIntervalLowerBound: '600.25', PredictionIntervalUpperBound: '710.75' }],
      };
      await upsertInsights(client, { connectionId: rows[0].id, insights: [{ kind: 'aws.forecast', key: 'current-month', periodStart: new Date('2026-04-01T00:00:00Z'), periodEnd: new Date('2026-05-01T00:00:00Z'), payload: { request, response } }] });
    });
    try {
      for (const scope of ['', '&provider=AWS']) {
        const { body } = await get(`from=2026-04-01&to=2026-05-01&currency=EUR&asOf=2026-04-16${scope}`);
        expect(body.providerForecasts).toHaveLength(1);
        const [aws] = body.providerForecasts;
        expect(aws).toMatchObject({ provider: 'AWS', source: 'GetCostForecast', period: '2026-04-01', periodEnd: '2026-05-01', currency: 'EUR', mean: '655.5', lower: '600.25', upper: '710.75', level: 80 });
        // ours over the same days: 15 days spent at 10 and the 300 fee, then 15 forecast days of 10
        expect(Number(aws.ours.mean)).toBeCloseTo(600, 0);
        expect(Number(aws.ours.lower)).toBeLessThanOrEqual(Number(aws.ours.mean));
        expect(Number(aws.ours.lower)).toBeGreaterThanOrEqual(450);
        expect(Number(aws.ours.upper)).toBeGreaterThanOrEqual(Number(aws.ours.mean));
      }
      // not for a scope Cost Explorer was not asked about
      for (const scope of ['&provider=MongoDB%20Atlas', '&provider=AWS&service=AWS:Amazon%20Elastic%20Compute%20Cloud', '&tag=env=prod']) {
        const { body } = await get(`from=2026-04-01&to=2026-05-01&currency=EUR&asOf=2026-04-16${scope}`);
        expect(body.providerForecasts).toEqual([]);
      }
      // nor outside the period asked for
      expect((await get('from=2026-05-01&to=2026-06-01&currency=EUR&asOf=2026-04-16')).body.providerForecasts).toEqual([]);
    } finally {
      await withTransaction((client) => client.query(`DELETE FROM connection WHERE name = 'aws-forecast-test'`));
    }
  });

  it('answers 400 naming the parameter', async () => {
    const interval = await get('from=2026-05-01&to=2026-06-01&interval=99');
    expect(interval.status).toBe(400);
    expect(interval.body.error.issues[0].field).toBe('interval');
    const far = await get('from=2026-05-01&to=2027-01-01&granularity=day&asOf=2026-05-01');
    expect(far.status).toBe(400);
    expect(far.body.error.issues[0].field).toBe('to');
    const tagGroups = await get('from=2026-05-01&to=2026-06-01&groupBy=provider&tag=env=prod&asOf=2026-05-01');
    expect(tagGroups.body.error.issues[0].field).toBe('groupBy');
  });
});
