// runSync end to end: the AWS connector against a local server speaking Cost Explorer's protocol,
// writing into the real database.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { FakeCostExplorer, formatUnits, type TFakeLineItem } from '../../test/fakes/aws-cost-explorer';
import { createConnection } from '../connections/create-connection';
import { disconnect, pool, prisma } from '../db';
import { syncConnectionJob } from '../jobs/definitions/sync-connection';
import { connectionSource, runSync } from './run-sync';
import { withSyncLock } from './sync-lock';

const NOW = new Date('2026-11-05T10:00:00Z');
const DAYS = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
const SYSTEM = { type: 'system' as const, label: 'test' };

function lineItems(): TFakeLineItem[] {
  const items: TFakeLineItem[] = [];
  DAYS.forEach((day, d) => {
    const base = { day, account: '111111111111', region: 'eu-west-3', quantity: '24', unit: 'Hrs' };
    items.push(
      { ...base, service: 'Amazon Elastic Compute Cloud - Compute', usageType: 'EUW3-BoxUsage:m6g.large', recordType: 'Usage', unblended: `1${d}.1234567891`, amortized: `1${d}.1234567891` },
      { ...base, service: 'Amazon Simple Storage Service', usageType: 'EUW3-TimedStorage-ByteHrs', recordType: 'Usage', unblended: '0.0000000007', amortized: '0.0000000007', unit: 'GB-Mo' },
      { ...base, account: '222222222222', region: 'us-east-1', service: 'Amazon ElastiCache', usageType: 'NodeUsage:cache.r7g.large', recordType: 'Usage', unblended: '3.3', amortized: '3.3' },
      { ...base, region: 'NoRegion', service: 'Tax', usageType: 'Tax', recordType: 'Tax', unblended: '2.2', amortized: '2.2', quantity: '0', unit: 'N/A' },
    );
  });
  return items;
}

let fake: FakeCostExplorer;

beforeEach(async () => {
  await truncate();
  fake = await FakeCostExplorer.start({ items: lineItems(), estimatedDays: ['2026-11-04'], accountNames: { '111111111111': 'production' } });
});
afterEach(() => fake.close());
afterAll(() => disconnect());

async function awsConnection(name = 'aws-main', credentials: Record<string, string> = {}) {
  return createConnection(SYSTEM, {
    provider: 'aws',
    name,
    settings: { endpoint: fake.url, billingAccountId: '999999999999', insights: 'false' },
    credentials: { accessKeyId: 'AKIAFAKE0000000001', secretAccessKey: 'fake-secret-key-0123456789', ...credentials },
  });
}

const ceCalls = () => fake.requests.filter((r) => r.op.startsWith('Get'));
const cents = (requests: number) => formatUnits(BigInt(requests) * 100_000_000n); // $0.01 each, at 1e-10

async function dayTotals(source: string) {
  const { rows } = await pool().query<{ day: string; billed: string; estimated: boolean; n: number }>(
    `SELECT to_char(charge_period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, trim_scale(sum(billed_cost))::text AS billed,
            bool_or(is_estimated) AS estimated, count(*)::int AS n
       FROM cost_record WHERE source = $1 GROUP BY 1 ORDER BY 1`,
    [source],
  );
  return rows;
}

describe('runSync against Cost Explorer', () => {
  it('writes the window’s records and a succeeded run with its requests and their cost', async () => {
    const c = await awsConnection();
    const run = await runSync({ connectionId: c.id, from: new Date('2026-11-01T00:00:00Z'), now: NOW, trigger: 'manual' });

    const totals = await dayTotals(connectionSource(c.id));
    // every day's total equals the bill's, computed from the line items and not through the API
    expect(totals.map((t) => [t.day, t.billed, t.estimated])).toEqual(
      DAYS.map((d) => [d, fake.totalFor(d).unblended, d === '2026-11-04']),
    );
    const stored = totals.reduce((s, t) => s + t.n, 0);
    expect(stored).toBe(16);
    expect(run).toMatchObject({
      status: 'succeeded',
      connectionId: c.id,
      trigger: 'manual',
      windowStart: '2026-11-01T00:00:00.000Z',
      windowEnd: NOW.toISOString(),
      rowsInserted: stored,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      apiRequests: ceCalls().length,
      apiCost: cents(ceCalls().length),
      apiCostCurrency: 'USD',
      error: null,
    });
    expect(ceCalls().length).toBeGreaterThan(2);
    // the row in the run log says the same
    const row = await prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect({ status: row.status, api: row.apiRequests, cost: row.apiCost.toFixed(2), finished: row.finishedAt !== null }).toEqual({
      status: 'succeeded',
      api: ceCalls().length,
      cost: (ceCalls().length / 100).toFixed(2),
      finished: true,
    });
  });

  it('re-reads only estimated days from the last sync on, changes nothing on a re-run, and takes a correction', async () => {
    const c = await awsConnection();
    await runSync({ connectionId: c.id, from: new Date('2026-11-01T00:00:00Z'), now: NOW, trigger: 'manual' });
    const before = fake.requests.length;

    const again = await runSync({ connectionId: c.id, now: NOW, trigger: 'schedule' });
    const asked = fake.requests.slice(before).filter((r) => r.op === 'GetCostAndUsage');
    // default window: three days behind the last end; 11-02 and 11-03 are final, only 11-04 (and today) are asked
    expect(again.windowStart).toBe('2026-11-02T00:00:00.000Z');
    expect(new Set(asked.map((r) => (r.body.TimePeriod as { Start: string }).Start))).toEqual(new Set(['2026-11-04']));
    expect(again).toMatchObject({ status: 'succeeded', rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4, apiRequests: asked.length });

    // Cost Explorer finalises 11-04 with a corrected compute amount
    fake.items = fake.items.map((i) => (i.day === '2026-11-04' && i.service.includes('Compute') ? { ...i, unblended: '99.5', amortized: '99.5' } : i));
    fake.markFinal(['2026-11-04']);
    const corrected = await runSync({ connectionId: c.id, now: NOW, trigger: 'schedule' });
    expect(corrected).toMatchObject({ status: 'succeeded', rowsInserted: 0, rowsUnchanged: 0 });
    expect(corrected.rowsUpdated).toBe(4); // the amount on one row, the estimated flag on all four
    const totals = await dayTotals(connectionSource(c.id));
    expect(totals.find((t) => t.day === '2026-11-04')).toMatchObject({ billed: fake.totalFor('2026-11-04').unblended, estimated: false });
  });

  it('a failing window writes nothing of its own, keeps the windows before it, and fails the run with the provider’s message', async () => {
    const c = await awsConnection();
    const run = await runSync({
      connectionId: c.id,
      from: new Date('2026-11-01T00:00:00Z'),
      now: NOW,
      trigger: 'manual',
      maxWindowDays: 2,
      // once the first window is written, Cost Explorer starts failing
      onWindow: (p) => {
        if (p.index === 0 && !p.error) fake.failWithHttp500(1);
      },
    });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/Cost Explorer/);
    expect(run.error).toMatch(/500/);
    expect(run.errorStatus).toBe('unreachable');
    expect((await dayTotals(connectionSource(c.id))).map((t) => t.day)).toEqual(['2026-11-01', '2026-11-02']);
    // the failed request was made (and billed) too
    expect(run.apiRequests).toBe(ceCalls().length);
    expect(run.apiCost).toBe(cents(ceCalls().length));
    const windows = run.details.windows as { status: string; from: string; error?: string }[];
    expect(windows.map((w) => [w.from.slice(0, 10), w.status])).toEqual([
      ['2026-11-01', 'succeeded'],
      ['2026-11-03', 'failed'],
    ]);
    expect(windows[1].error).toBe(run.error);
    expect(run.rowsInserted).toBe(8);
  });

  it('a malformed payload fails the run cleanly and writes nothing', async () => {
    const c = await awsConnection();
    fake.mutateNext('GetCostAndUsage', (body) => {
      for (const r of body.ResultsByTime as Record<string, unknown>[]) delete r.TimePeriod;
    });
    const run = await runSync({ connectionId: c.id, from: new Date('2026-11-01T00:00:00Z'), now: NOW, trigger: 'manual' });
    expect(run).toMatchObject({ status: 'failed', errorStatus: 'unexpected_response', rowsInserted: 0, apiRequests: 1, apiCost: '0.01' });
    expect(run.error).toMatch(/TimePeriod/);
    expect(await dayTotals(connectionSource(c.id))).toEqual([]);
    const { rows } = await pool().query('SELECT count(*)::int AS n FROM cost_daily');
    expect(rows[0].n).toBe(0);
  });

  it('refuses a second run of the same connection while one is running', async () => {
    const c = await awsConnection();
    const from = new Date('2026-11-01T00:00:00Z');
    const results = await Promise.allSettled([
      runSync({ connectionId: c.id, from, now: NOW, trigger: 'manual' }),
      runSync({ connectionId: c.id, from, now: NOW, trigger: 'manual' }),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toContain('a sync of "aws-main" is already running');
    // the refused attempt left no run behind
    expect(await prisma.syncRun.count({ where: { connectionId: c.id } })).toBe(1);

    // and across processes: the lock is PostgreSQL's, held on another session
    await withSyncLock(c.id, 'held elsewhere', async () => {
      await expect(runSync({ connectionId: c.id, now: NOW, trigger: 'cli' })).rejects.toMatchObject({ code: 'CONFLICT' });
    });
    // released afterwards
    expect((await runSync({ connectionId: c.id, now: NOW, trigger: 'cli' })).status).toBe('succeeded');
  });

  it('marks a run left running by a dead process as interrupted', async () => {
    const c = await awsConnection();
    const stale = await prisma.syncRun.create({ data: { connectionId: c.id, kind: 'sync', source: connectionSource(c.id), status: 'running' } });
    await runSync({ connectionId: c.id, from: new Date('2026-11-04T00:00:00Z'), now: NOW, trigger: 'manual' });
    const after = await prisma.syncRun.findUniqueOrThrow({ where: { id: stale.id } });
    expect(after).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/^interrupted: the process running this sync stopped/) });
    expect(after.finishedAt).toBeInstanceOf(Date);
  });
});

describe('the sync-connection job', () => {
  const log = () => undefined;

  it('completes without retrying when the credentials are refused, recording the failure', async () => {
    const c = await awsConnection('aws-rejected', { accessKeyId: 'AKIAREJECTED000001' });
    fake.rejectCredentials('AKIAREJECTED000001');
    const result = (await syncConnectionJob.handler({ connectionId: c.id, trigger: 'schedule' }, { jobId: 'job-1', log })) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'failed', errorStatus: 'authentication_failed' });
    const run = await prisma.syncRun.findFirstOrThrow({ where: { connectionId: c.id } });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/AWS refused the credentials/);
    expect(run.details).toMatchObject({ jobId: 'job-1', trigger: 'schedule', errorStatus: 'authentication_failed' });
  });

  it('throws (so pg-boss retries with backoff) when the provider fails in a way that may pass', async () => {
    const c = await awsConnection();
    fake.failWithHttp500(1);
    await expect(
      syncConnectionJob.handler({ connectionId: c.id, from: '2026-11-04', trigger: 'schedule' }, { jobId: 'job-2', log }),
    ).rejects.toThrow(/of aws-main failed: Cost Explorer answered HTTP 500/);
    expect(syncConnectionJob.queue).toMatchObject({ retryLimit: 3, retryBackoff: true });
  });

  it('skips a connection deleted since the job was queued', async () => {
    const result = await syncConnectionJob.handler({ connectionId: '00000000-0000-4000-8000-000000000000', trigger: 'manual' }, { jobId: 'j', log });
    expect(result).toEqual({ skipped: 'connection deleted' });
  });
});
