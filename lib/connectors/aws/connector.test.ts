// The AWS connector against a local server speaking Cost Explorer's JSON 1.1 protocol.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeCostExplorer, type TFakeLineItem } from '../../../test/fakes/aws-cost-explorer';
import { processEnv } from '../../env';
import { sumDecimals } from '../../money/decimal';
import type { TFocusRecord } from '../../focus/types';
import { ConnectorError, type TFetchContext } from '../types';
import { createAwsConnector, type TConnectorErrorWithRequests } from './connector';

const NOW = new Date('2026-11-05T10:00:00Z');
const DAYS = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
const CE_OPS = /^Get/;

// A small bill: two accounts, three regions plus NoRegion tax, usage, Savings Plans, credits, fees.
function lineItems(): TFakeLineItem[] {
  const items: TFakeLineItem[] = [];
  DAYS.forEach((day, d) => {
    const n = d + 1;
    const item = (i: Partial<TFakeLineItem>): TFakeLineItem => ({
      day,
      account: '111111111111',
      region: 'eu-west-3',
      service: 'Amazon Elastic Compute Cloud - Compute',
      usageType: 'EUW3-BoxUsage:m6g.large',
      recordType: 'Usage',
      unblended: '0',
      amortized: '0',
      quantity: '0',
      unit: 'Hrs',
      ...i,
    });
    items.push(
      item({ unblended: `${10 + n}.1234567891`, amortized: `${10 + n}.1234567891`, quantity: '24' }),
      item({ usageType: 'EUW3-BoxUsage:t4g.small', unblended: '0.0000000007', amortized: '0.0000000007', quantity: '0.001' }),
      item({ recordType: 'SavingsPlanCoveredUsage', unblended: '5.5', amortized: '3.25', quantity: '12' }),
      item({ recordType: 'SavingsPlanNegation', unblended: '-5.5', amortized: '0', quantity: '0' }),
      item({ region: 'eu-central-1', service: 'Amazon Simple Storage Service', usageType: 'EUC1-TimedStorage-ByteHrs', unblended: `0.${n}4`, amortized: `0.${n}4`, quantity: '12.5', unit: 'GB-Mo' }),
      item({ account: '222222222222', region: 'us-east-1', service: 'AWS Lambda', usageType: 'Request', unblended: '0.0002', amortized: '0.0002', quantity: '1000', unit: 'Requests' }),
      item({ account: '222222222222', region: 'us-east-1', service: 'Amazon ElastiCache', usageType: 'NodeUsage:cache.r7g.large', unblended: '3.3', amortized: '3.3', quantity: '24' }),
      item({ account: '222222222222', region: 'us-east-1', service: 'AWS Lambda', usageType: 'Request', recordType: 'Credit', unblended: '-0.0001', amortized: '-0.0001', quantity: '0', unit: 'N/A' }),
      item({ region: 'NoRegion', service: 'Tax', usageType: 'Tax', recordType: 'Tax', unblended: '2.2', amortized: '2.2', quantity: '0', unit: 'N/A' }),
      item({ region: 'global', service: 'Savings Plans for AWS Compute usage', usageType: 'ComputeSP:1yrNoUpfront', recordType: 'SavingsPlanRecurringFee', unblended: '3.25', amortized: '0', quantity: '24', unit: 'Hrs' }),
    );
    if (day === '2026-11-02')
      items.push(item({ service: 'Amazon Elastic Compute Cloud - Compute', recordType: 'Refund', unblended: '-1.5', amortized: '-1.5', quantity: '0', unit: 'N/A' }));
  });
  return items;
}

const ACCOUNT_NAMES = { '111111111111': 'production', '222222222222': 'staging' };

let fake: FakeCostExplorer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function startFake(options: Parameters<typeof FakeCostExplorer.start>[0] = {}) {
  fake = await FakeCostExplorer.start({ items: lineItems(), accountNames: ACCOUNT_NAMES, ...options });
  return fake;
}

const delays: number[] = [];
function connector(maxAttempts = 8) {
  delays.length = 0;
  return createAwsConnector({
    retry: { maxAttempts, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, sleep: async (ms) => void delays.push(ms) },
  });
}

function config(f: FakeCostExplorer, settings: Record<string, unknown> = {}) {
  return {
    settings: { endpoint: f.url, billingAccountId: '999999999999', insights: false, ...settings } as never,
    credentials: { accessKeyId: 'AKIAFAKE0000000001', secretAccessKey: 'fake-secret-key' },
  };
}

function ctx(overrides: Partial<TFetchContext> = {}): TFetchContext {
  return {
    window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-05T00:00:00Z') },
    now: NOW,
    finalDays: new Set(),
    log: () => undefined,
    ...overrides,
  };
}

const dayOf = (r: TFocusRecord) => r.chargePeriodStart.toISOString().slice(0, 10);

async function rejection(p: Promise<unknown>): Promise<TConnectorErrorWithRequests> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectorError);
    return e as TConnectorErrorWithRequests;
  }
  throw new Error('expected a rejection');
}

describe('AWS connector: costs', () => {
  it("maps every line item to exactly one record and keeps each day's total", async () => {
    const f = await startFake();
    const result = await connector().fetch(config(f), ctx());

    for (const day of DAYS) {
      const records = result.costs.filter((r) => dayOf(r) === day);
      expect(sumDecimals(records.map((r) => r.billedCost))).toBe(f.totalFor(day).unblended);
      expect(sumDecimals(records.map((r) => r.effectiveCost))).toBe(f.totalFor(day).amortized);
    }
    // usage rows are one per (day, account, region, service, usage type); the others one per
    // (day, account, region, record type, service)
    const usage = new Set(['Usage', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation']);
    const expectedRows = new Set(
      f.items.map((i) =>
        usage.has(i.recordType)
          ? `${i.day}|${i.account}|${i.region}|${i.service}|${i.usageType}`
          : `${i.day}|${i.account}|${i.region}|${i.recordType}|${i.service}`,
      ),
    );
    expect(result.costs).toHaveLength(expectedRows.size);

    // Usage, Savings Plans covered usage and its negation of the same usage type make one row
    const box = result.costs.find((r) => dayOf(r) === '2026-11-03' && r.chargeDescription === 'EUW3-BoxUsage:m6g.large');
    expect(box).toMatchObject({
      billedCost: '13.1234567891',
      effectiveCost: '16.3734567891',
      listCost: '13.1234567891',
      billingCurrency: 'USD',
      billingAccountId: '999999999999',
      subAccountId: '111111111111',
      subAccountName: 'production',
      regionId: 'eu-west-3',
      serviceName: 'Amazon Elastic Compute Cloud - Compute',
      serviceCategory: 'Compute',
      chargeCategory: 'Usage',
      chargeFrequency: 'Usage-Based',
      providerName: 'AWS',
      pricingUnit: 'Hrs',
      consumedQuantity: '36',
      isEstimated: false,
    });
    expect(box?.chargePeriodStart.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(box?.chargePeriodEnd.toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(box?.billingPeriodStart.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(box?.billingPeriodEnd.toISOString()).toBe('2026-12-01T00:00:00.000Z');

    const onDay2 = result.costs.filter((r) => dayOf(r) === '2026-11-02');
    const tax = onDay2.find((r) => r.chargeCategory === 'Tax');
    expect(tax).toMatchObject({ billedCost: '2.2', regionId: null, serviceName: 'Tax', chargeDescription: 'Tax', pricingUnit: null });
    expect(onDay2.filter((r) => r.chargeCategory === 'Credit').map((r) => [r.chargeDescription, r.billedCost]).sort()).toEqual([
      ['Credit', '-0.0001'],
      ['Refund', '-1.5'],
    ]);
    const fee = onDay2.find((r) => r.chargeDescription === 'SavingsPlanRecurringFee');
    expect(fee).toMatchObject({ chargeCategory: 'Purchase', chargeFrequency: 'Recurring', billedCost: '3.25', effectiveCost: '0', regionId: null });
    const tiny = onDay2.find((r) => r.chargeDescription === 'EUW3-BoxUsage:t4g.small');
    expect(tiny?.billedCost).toBe('0.0000000007');
    expect(onDay2.find((r) => r.serviceName === 'Amazon Simple Storage Service')).toMatchObject({
      regionId: 'eu-central-1',
      serviceCategory: 'Storage',
      pricingUnit: 'GB-Mo',
      consumedQuantity: '12.5',
      billedCost: '0.24',
    });
  });

  it('follows NextPageToken and gets the same records as without pages', async () => {
    const unpaged = await startFake();
    const expected = await connector().fetch(config(unpaged), ctx());
    const unpagedCalls = unpaged.calls('GetCostAndUsage').length;
    await unpaged.close();

    const f = await startFake({ pageSize: 3 });
    const result = await connector().fetch(config(f), ctx());
    const calls = f.calls('GetCostAndUsage');
    expect(calls.filter((c) => c.body.NextPageToken).length).toBeGreaterThan(5);
    expect(calls.length).toBe(unpagedCalls + calls.filter((c) => c.body.NextPageToken).length);
    const key = (r: TFocusRecord) => `${dayOf(r)}|${r.subAccountId}|${r.regionId}|${r.serviceName}|${r.chargeDescription}`;
    const sorted = (rs: TFocusRecord[]) => [...rs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(result.costs)).toEqual(sorted(expected.costs));
    expect(result.apiRequests).toBe(calls.length);
  });

  it('asks again for Estimated days until Cost Explorer calls them final', async () => {
    const f = await startFake({ estimatedDays: ['2026-11-03', '2026-11-04'] });
    const first = await connector().fetch(config(f), ctx());
    expect(new Set(first.costs.filter((r) => r.isEstimated).map(dayOf))).toEqual(new Set(['2026-11-03', '2026-11-04']));
    expect(new Set(first.costs.filter((r) => !r.isEstimated).map(dayOf))).toEqual(new Set(['2026-11-01', '2026-11-02']));

    // what ingestion would now hold as final; AWS then finalises the 3rd with a late correction
    const finalDays = new Set(first.costs.filter((r) => !r.isEstimated).map(dayOf));
    f.markFinal(['2026-11-03']);
    const corrected = f.items.find((i) => i.day === '2026-11-03' && i.service === 'AWS Lambda' && i.recordType === 'Usage')!;
    corrected.unblended = corrected.amortized = '0.0003';
    f.requests.length = 0;

    const second = await connector().fetch(config(f), ctx({ finalDays }));
    for (const call of f.calls('GetCostAndUsage'))
      expect(call.body.TimePeriod).toEqual({ Start: '2026-11-03', End: '2026-11-05' });
    expect(new Set(second.costs.map(dayOf))).toEqual(new Set(['2026-11-03', '2026-11-04']));
    expect(second.costs.filter((r) => dayOf(r) === '2026-11-03').every((r) => r.isEstimated === false)).toBe(true);
    expect(second.costs.filter((r) => dayOf(r) === '2026-11-04').every((r) => r.isEstimated === true)).toBe(true);
    const lambda = second.costs.find((r) => dayOf(r) === '2026-11-03' && r.serviceName === 'AWS Lambda' && r.chargeCategory === 'Usage');
    expect(lambda?.billedCost).toBe('0.0003');
    expect(sumDecimals(second.costs.filter((r) => dayOf(r) === '2026-11-03').map((r) => r.billedCost))).toBe(
      f.totalFor('2026-11-03').unblended,
    );
  });

  it('splits the days still to fetch into contiguous ranges', async () => {
    const f = await startFake();
    await connector().fetch(config(f), ctx({ finalDays: new Set(['2026-11-02']) }));
    const periods = new Set(f.calls('GetCostAndUsage').map((c) => JSON.stringify(c.body.TimePeriod)));
    expect(periods).toEqual(
      new Set([JSON.stringify({ Start: '2026-11-01', End: '2026-11-02' }), JSON.stringify({ Start: '2026-11-03', End: '2026-11-05' })]),
    );
  });
});

describe('AWS connector: failures', () => {
  it('retries throttling with capped, jittered backoff, then succeeds', async () => {
    const f = await startFake();
    f.throttle(2, { op: 'GetCostAndUsage', type: 'ThrottlingException' });
    f.throttle(2, { op: 'GetCostAndUsage' }); // LimitExceededException
    const result = await connector().fetch(config(f), ctx());
    // random() = 0.5 → half of min(1000, 100·2^retry)
    expect(delays).toEqual([50, 100, 200, 400]);
    expect(result.costs.length).toBeGreaterThan(0);
    expect(result.apiRequests).toBe(f.requests.length); // throttled attempts are requests too
  });

  it('gives up on throttling after maxAttempts with the provider message', async () => {
    const f = await startFake();
    f.throttle(100);
    const e = await rejection(connector(4).fetch(config(f), ctx()));
    expect(e.status).toBe('unreachable');
    expect(e.message).toMatch(/throttled.*LimitExceededException.*Rate exceeded/);
    expect(f.requests).toHaveLength(4);
    expect(e.apiRequests).toBe(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  it('fails on HTTP 500 without retrying', async () => {
    const f = await startFake();
    f.failWithHttp500(1);
    const e = await rejection(connector().fetch(config(f), ctx()));
    expect(e.status).toBe('unreachable');
    expect(e.message).toContain('HTTP 500');
    expect(f.requests).toHaveLength(1);
  });

  it('reports malformed JSON as an unexpected response', async () => {
    const f = await startFake();
    f.sendMalformedJson(1);
    const e = await rejection(connector().fetch(config(f), ctx()));
    expect(e.status).toBe('unexpected_response');
    expect(e.message).toMatch(/GetCostAndUsage.*not valid JSON/);
  });

  it('names the missing field of a payload', async () => {
    const f = await startFake();
    f.mutateNext('GetCostAndUsage', (body) => {
      const results = body.ResultsByTime as { Groups: { Metrics?: unknown }[] }[];
      delete results[1].Groups[0].Metrics;
    });
    const e = await rejection(connector().fetch(config(f), ctx()));
    expect(e.status).toBe('unexpected_response');
    expect(e.message).toContain('ResultsByTime.1.Groups.0.Metrics');
  });

  it('says authentication failed when AWS rejects the credentials', async () => {
    const f = await startFake();
    f.rejectCredentials('AKIAFAKE0000000001');
    const status = await connector().test(config(f));
    expect(status.status).toBe('authentication_failed');
    expect(status.message).toContain('The security token included in the request is invalid.');
    const e = await rejection(connector().fetch(config(f), ctx()));
    expect(e.status).toBe('authentication_failed');
  });

  it('says unreachable when nothing listens', async () => {
    const f = await startFake();
    const url = f.url;
    await f.close();
    fake = undefined;
    const status = await connector().test({ ...config({ url } as FakeCostExplorer) });
    expect(status.status).toBe('unreachable');
  });

  it('refuses an incomplete configuration before any request', async () => {
    const f = await startFake();
    const status = await connector().test({ settings: { endpoint: f.url } as never, credentials: { accessKeyId: 'AKIAFAKE0000000001' } });
    expect(status).toEqual({ status: 'invalid_configuration', message: 'accessKeyId and secretAccessKey go together: set both' });
    const bad = await connector().test({ settings: { region: 'Paris' } as never, credentials: {} });
    expect(bad.status).toBe('invalid_configuration');
    expect(bad.message).toContain('region');
    expect(f.requests).toHaveLength(0);
  });
});

describe('AWS connector: requests, insights, credentials', () => {
  it('counts every request and prices it at $0.01', async () => {
    const f = await startFake();
    const result = await connector().fetch(config(f, { insights: true }), ctx({ window: { from: new Date('2026-11-01T00:00:00Z'), to: NOW } }));
    const ceRequests = f.requests.filter((r) => CE_OPS.test(r.op)).length;
    // 2 discoveries + 4 usage pairs (111/eu-west-3, 111/eu-central-1, 222/us-east-1 … see lineItems)
    // + other pairs + 8 insight calls
    const usagePairs = new Set(['111111111111|eu-west-3', '111111111111|eu-central-1', '222222222222|us-east-1']);
    const otherPairs = new Set(['111111111111|NoRegion', '111111111111|global', '222222222222|us-east-1', '111111111111|eu-west-3']);
    expect(ceRequests).toBe(2 + usagePairs.size + otherPairs.size + 8);
    expect(result.apiRequests).toBe(ceRequests);
    expect(result.apiCost).toEqual({ amount: `0.${String(ceRequests).padStart(2, '0')}`, currency: 'USD' });
  });

  it('keeps forecasts with their interval, recommendations, utilisation and coverage', async () => {
    const f = await startFake();
    const result = await connector().fetch(config(f, { insights: true, recommendationTerm: 'THREE_YEARS' }), ctx({ window: { from: NOW, to: NOW } }));
    expect(result.costs).toEqual([]);
    expect(result.insights.map((i) => `${i.kind} ${i.key}`)).toEqual([
      'aws.forecast current-month',
      'aws.forecast next-3-months',
      'aws.ri-recommendation Amazon Elastic Compute Cloud - Compute/THREE_YEARS/NO_UPFRONT/THIRTY_DAYS',
      'aws.ri-recommendation Amazon ElastiCache/THREE_YEARS/NO_UPFRONT/THIRTY_DAYS',
      'aws.ri-recommendation Amazon Relational Database Service/THREE_YEARS/NO_UPFRONT/THIRTY_DAYS',
      'aws.sp-recommendation COMPUTE_SP/THREE_YEARS/NO_UPFRONT/THIRTY_DAYS',
      'aws.ri-utilization last-30-days',
      'aws.ri-coverage last-30-days',
    ]);
    const forecastCalls = f.calls('GetCostForecast').map((c) => c.body);
    expect(forecastCalls).toEqual([
      { TimePeriod: { Start: '2026-11-05', End: '2026-12-01' }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80 },
      { TimePeriod: { Start: '2026-12-01', End: '2027-03-01' }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80 },
    ]);
    const next3 = result.insights[1].payload as { response: { ForecastResultsByTime: { PredictionIntervalLowerBound: string }[] } };
    expect(next3.response.ForecastResultsByTime).toHaveLength(3);
    expect(next3.response.ForecastResultsByTime[0].PredictionIntervalLowerBound).toBe('1111.05');
    expect(result.insights[1].periodEnd?.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(f.calls('GetSavingsPlansPurchaseRecommendation')[0].body).toMatchObject({
      SavingsPlansType: 'COMPUTE_SP',
      TermInYears: 'THREE_YEARS',
      PaymentOption: 'NO_UPFRONT',
      LookbackPeriodInDays: 'THIRTY_DAYS',
    });
    const ri = result.insights[2].payload as { response: { Recommendations: { RecommendationDetails: unknown[] }[] } };
    expect(ri.response.Recommendations[0].RecommendationDetails).toHaveLength(1);
    expect(f.calls('GetReservationCoverage')[0].body.TimePeriod).toEqual({ Start: '2026-10-06', End: '2026-11-05' });
  });

  it('skips an insight Cost Explorer has no data for', async () => {
    const f = await startFake();
    f.dataUnavailable('GetReservationCoverage');
    const result = await connector().fetch(config(f, { insights: true }), ctx({ window: { from: NOW, to: NOW } }));
    expect(result.insights.map((i) => i.kind)).not.toContain('aws.ri-coverage');
    expect(result.insights).toHaveLength(7);
  });

  it('assumes a role through STS and signs with the temporary credentials', async () => {
    const f = await startFake();
    const status = await connector().test(config(f, { roleArn: 'arn:aws:iam::123456789012:role/tourmalet', stsEndpoint: f.url }));
    expect(status.status).toBe('ok');
    expect(f.calls('sts:AssumeRole')[0]).toMatchObject({
      accessKeyId: 'AKIAFAKE0000000001',
      body: { RoleArn: 'arn:aws:iam::123456789012:role/tourmalet' },
    });
    expect(f.calls('GetCostAndUsage')[0].accessKeyId).toBe('ASIAFAKEASSUMED00001');
  });

  it('honours AWS_ENDPOINT_URL_COST_EXPLORER when no endpoint is set', async () => {
    const f = await startFake();
    const env = processEnv();
    env.AWS_ENDPOINT_URL_COST_EXPLORER = f.url;
    try {
      const { settings, credentials } = config(f);
      const status = await connector().test({ settings: { ...(settings as object), endpoint: undefined } as never, credentials });
      expect(status.status).toBe('ok');
      expect(f.calls('GetCostAndUsage')).toHaveLength(1);
    } finally {
      delete env.AWS_ENDPOINT_URL_COST_EXPLORER;
    }
  });

  it('sends what the JSON 1.1 protocol requires', async () => {
    const f = await startFake();
    await connector().test(config(f));
    const [call] = f.requests;
    expect(call.headers['x-amz-target']).toBe('AWSInsightsIndexService.GetCostAndUsage');
    expect(call.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(call.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKE0000000001\/\d{8}\/us-east-1\/ce\/aws4_request/);
  });
});
