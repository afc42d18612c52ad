import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import { upsertCostRecords } from '../ingestion/upsert-cost-records';
import { focusRecord } from '../ingestion/test-records';
import { providerKey } from '../prices/provider-key';
import { getProvidersInUse } from './get-providers-in-use';

beforeAll(async () => {
  await truncate('connection', 'cost_record', 'cost_daily');
});
afterAll(() => disconnect());

describe('providers in use', () => {
  it('counts a provider with a connection or with costs, under the catalogue’s names too', async () => {
    expect(await getProvidersInUse()).toEqual(new Set());
    await pool().query(`INSERT INTO connection (id, provider, name, updated_at) VALUES (gen_random_uuid(), 'atlas', 'atlas-prod', now())`);
    await withTransaction((c) => upsertCostRecords(c, [focusRecord({ providerName: 'Redis Cloud' })], 'test'));
    const used = await getProvidersInUse();
    expect(used).toEqual(new Set(['atlas', 'redis-cloud']));
    // the catalogue's provider ids find them
    expect(used.has(providerKey('mongodb-atlas'))).toBe(true);
    expect(used.has(providerKey('redis'))).toBe(true);
    expect(used.has(providerKey('aws'))).toBe(false);
    expect(used.has(providerKey('gcp'))).toBe(false);
  });
});
