import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import { upsertCostRecords } from '../ingestion/upsert-cost-records';
import { upsertFxRates } from '../ingestion/upsert-fx-rates';
import { upsertResources } from '../ingestion/upsert-resources';
import { focusRecord } from '../ingestion/test-records';
import { getResourceCosts } from './get-resource-costs';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const cost = (start: string, amount: string, extra: Parameters<typeof focusRecord>[0]) =>
  focusRecord({ chargePeriodStart: day(start), chargePeriodEnd: new Date(day(start).getTime() + 86_400_000), billedCost: amount, effectiveCost: amount, listCost: amount, ...extra });

let ids: Record<string, string>;

beforeAll(async () => {
  await truncate('resource', 'cost_record', 'cost_daily', 'fx_rate');
  await withTransaction(async (c) => {
    await upsertResources(
      c,
      [
        { provider: 'atlas', kind: 'database', externalId: 'grp/ec-routes', name: 'ec-routes' },
        { provider: 'aws', kind: 'storage', externalId: 'arn:aws:s3:::ec-tiles', name: 'ec-tiles' },
        { provider: 'prometheus', kind: 'app', externalId: 'routes/routes-api', name: 'routes-api' },
      ],
      { source: 'test' },
    );
    await upsertFxRates(c, [{ date: '2026-03-01', base: 'USD', quote: 'EUR', rate: '0.9' }], 'test');
    await upsertCostRecords(
      c,
      [
        // by id, in USD: 100 + 50 → 135 €
        cost('2026-03-10', '100', { providerName: 'MongoDB Atlas', resourceId: 'grp/ec-routes', resourceName: 'ec-routes' }),
        cost('2026-03-11', '50', { providerName: 'MongoDB Atlas', resourceId: 'grp/ec-routes', resourceName: 'ec-routes', skuId: 'SKU2' }),
        // outside the window on both sides
        cost('2026-02-28', '1000', { providerName: 'MongoDB Atlas', resourceId: 'grp/ec-routes' }),
        cost('2026-03-31', '1000', { providerName: 'MongoDB Atlas', resourceId: 'grp/ec-routes' }),
        // by name within the provider (AWS's CUR names a bucket by its name, not its ARN), in EUR
        cost('2026-03-12', '20', { providerName: 'AWS', resourceId: 'ec-tiles', resourceName: 'ec-tiles', billingCurrency: 'EUR' }),
        // the same name at another provider is not this bucket
        cost('2026-03-12', '999', { providerName: 'Cloudflare', resourceId: 'zone-9', resourceName: 'ec-tiles', billingCurrency: 'EUR' }),
      ],
      'test',
    );
  });
  const { rows } = await pool().query<{ id: string; name: string }>('SELECT id, name FROM resource');
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(() => disconnect());

describe('getResourceCosts', () => {
  it('sums the window’s records that name each resource, converted, and says why a resource has none', async () => {
    const costs = await getResourceCosts({ from: '2026-03-01', to: '2026-03-31', currency: 'EUR' });
    expect(costs.get(ids['ec-routes'])).toMatchObject({ matchedBy: 'id', records: 2 });
    expect((costs.get(ids['ec-routes']) as { amount: number }).amount).toBeCloseTo(135, 8);
    expect(costs.get(ids['ec-tiles'])).toEqual({ amount: 20, matchedBy: 'name', records: 1 });
    expect(costs.get(ids['routes-api'])).toEqual({ amount: null, reason: 'no-records' });
  });

  it('says which currency has no rate instead of a wrong amount', async () => {
    const costs = await getResourceCosts({ from: '2026-03-01', to: '2026-03-31', currency: 'JPY' });
    expect(costs.get(ids['ec-routes'])).toEqual({ amount: null, reason: 'no-fx', currency: 'USD' });
  });
});
