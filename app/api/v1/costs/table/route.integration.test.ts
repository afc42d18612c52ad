// The costs table download through its route handler: records with and without a tag, written
// through the real write path, and the CSV read back: a header, a row per group in the order
// asked, plain decimals, a total row equal to the ungrouped costs, and errors that name the field.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { createApiToken } from '@/lib/auth/tokens';
import { disconnect, withTransaction } from '@/lib/db';
import { writeCostRecords } from '@/lib/ingestion/cost-writer';
import { focusRecord } from '@/lib/ingestion/test-records';
import { getCosts } from '@/lib/queries/get-costs';
import * as route from './route';

let viewer: string;

const at = (day: string, hour = 0) => {
  const start = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  return { chargePeriodStart: start, chargePeriodEnd: new Date(start.getTime() + 3_600_000) };
};

beforeAll(async () => {
  await truncate();
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  const records = [
    // the previous range (December) and the view (January, February)
    focusRecord({ ...at('2025-12-10'), resourceId: 'a', tags: { env: 'prod' }, billedCost: '100', effectiveCost: '100', listCost: '100', billingCurrency: 'EUR' }),
    focusRecord({ ...at('2026-01-05'), resourceId: 'a', tags: { env: 'prod' }, billedCost: '150.25', effectiveCost: '150.25', listCost: '150.25', billingCurrency: 'EUR' }),
    focusRecord({ ...at('2026-02-05'), resourceId: 'a', tags: { env: 'prod' }, billedCost: '49.75', effectiveCost: '49.75', listCost: '49.75', billingCurrency: 'EUR' }),
    focusRecord({ ...at('2026-01-07'), resourceId: 'b', tags: { env: 'staging', team: 'data' }, billedCost: '20', effectiveCost: '20', listCost: '20', billingCurrency: 'EUR' }),
    // no env tag at all, and an empty one: both "(none)"
    focusRecord({ ...at('2026-02-09'), resourceId: 'c', tags: {}, billedCost: '5.005', effectiveCost: '5.005', listCost: '5.005', billingCurrency: 'EUR' }),
    focusRecord({ ...at('2026-02-09', 3), resourceId: 'd', tags: { team: 'web' }, billedCost: '1', effectiveCost: '1', listCost: '1', billingCurrency: 'EUR' }),
  ];
  await withTransaction((c) => writeCostRecords(c, records, 'test', {}));
});
afterAll(() => disconnect());

const get = (query: string, token = viewer) =>
  route.GET(new Request(`http://localhost/api/v1/costs/table?${query}`, { headers: { authorization: `Bearer ${token}` } }));

describe('GET /api/v1/costs/table', () => {
  it('gives the table grouped by a tag as CSV: the tag\'s values, (none) for the rest, totals equal to the ungrouped costs', async () => {
    const res = await get('from=2026-01-01&to=2026-03-01&granularity=month&groupBy=tag:env&currency=EUR&sort=name');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tourmalet-costs-by-tag_env-month-2026-01-01-2026-03-01.csv"');
    const rows = parse(await res.text()) as string[][];
    expect(rows).toEqual([
      ['Tag env', '2026-01-01', '2026-02-01', 'total', 'previous_total', 'change', 'currency'],
      ['(none)', '', '6.01', '6.01', '0.00', '', 'EUR'],
      ['prod', '150.25', '49.75', '200.00', '100.00', '1.0000', 'EUR'],
      ['staging', '20.00', '', '20.00', '0.00', '', 'EUR'],
      ['Total', '170.25', '55.76', '226.01', '100.00', '1.2601', 'EUR'],
    ]);
    const ungrouped = await getCosts({ from: '2026-01-01', to: '2026-03-01', granularity: 'month', groupBy: 'none', currency: 'EUR' });
    expect(ungrouped.rows.map((r) => Number(r.effectiveCost))).toEqual([170.25, 55.755]);
  });

  it('orders the rows as asked: by a period, by change', async () => {
    const column = async (query: string) => (parse(await (await get(query)).text()) as string[][]).slice(1, -1).map((r) => r[0]);
    const base = 'from=2026-01-01&to=2026-03-01&granularity=month&groupBy=tag:team&currency=EUR';
    expect(await column(`${base}&sort=2026-02-01&dir=desc`)).toEqual(['(none)', 'web', 'data']);
    expect(await column(`${base}&sort=total&dir=asc`)).toEqual(['web', 'data', '(none)']);
  });

  it('names regions as places, as the page does', async () => {
    const rows = parse(await (await get('from=2026-01-01&to=2026-03-01&groupBy=region&sort=name')).text()) as string[][];
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(['eu-west-3 · Paris']);
  });

  it('answers a bad parameter with 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-01-01&to=2026-03-01&groupBy=tag:', 'groupBy'],
      ['from=2026-01-01&to=2026-03-01&sort=biggest', 'sort'],
      ['from=2026-03-01&to=2026-01-01', 'to'],
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { issues: { field: string }[] } };
      expect(body.error.issues.map((i) => i.field), query).toContain(field);
    }
  });

  it('is for signed-in callers only', async () => {
    expect((await route.GET(new Request('http://localhost/api/v1/costs/table?from=2026-01-01&to=2026-02-01'))).status).toBe(401);
  });
});
