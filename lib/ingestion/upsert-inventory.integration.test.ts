import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import type { TResourceInput, TSampleInput } from '../focus/types';
import { upsertFxRates } from './upsert-fx-rates';
import { upsertInsights } from './upsert-insights';
import { resourceKey, upsertResources } from './upsert-resources';
import { upsertSamples } from './upsert-samples';

const cluster: TResourceInput = {
  provider: 'atlas',
  kind: 'database',
  externalId: 'grp/ec-routes',
  name: 'ec-routes',
  region: 'eu-west-3',
  size: 'M30',
  capacity: { memory_used_bytes: 8 * 2 ** 30 },
};
const cache: TResourceInput = { provider: 'redis-cloud', kind: 'cache', externalId: '13084512', name: 'ec-cache' };

async function rows(sql: string, params: unknown[] = []) {
  return (await pool().query(sql, params)).rows;
}

beforeEach(() => truncate('resource', 'utilization_sample', 'fx_rate', 'provider_insight', 'connection'));
afterAll(() => disconnect());

describe('upsertResources', () => {
  it('inserts, then reports unchanged, then updated, with stable ids', async () => {
    const first = await withTransaction((c) => upsertResources(c, [cluster, cache], { source: 'test' }));
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const id = first.ids.get(resourceKey('atlas', 'grp/ec-routes'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const again = await withTransaction((c) => upsertResources(c, [cluster, cache], { source: 'test' }));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(again.ids).toEqual(first.ids);

    const bigger = { ...cluster, size: 'M40', capacity: { memory_used_bytes: 16 * 2 ** 30 } };
    const changed = await withTransaction((c) => upsertResources(c, [bigger, cache], { source: 'test' }));
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(changed.ids.get(resourceKey('atlas', 'grp/ec-routes'))).toBe(id);
    expect(await rows(`SELECT size, capacity FROM resource WHERE id = $1`, [id])).toEqual([
      { size: 'M40', capacity: { memory_used_bytes: 17179869184 } },
    ]);
  });
});

describe('upsertSamples', () => {
  const hours = (n: number, metric: string, value: (i: number) => number): TSampleInput[] =>
    Array.from({ length: n }, (_, i) => ({
      provider: 'atlas',
      resourceExternalId: 'grp/ec-routes',
      metric,
      unit: 'percent',
      ts: new Date(Date.UTC(2026, 0, 1, i)),
      value: value(i),
    }));

  it('is idempotent on (resource, metric, ts) and keeps float values exactly', async () => {
    await withTransaction((c) => upsertResources(c, [cluster], { source: 'test' }));
    const samples = [...hours(48, 'cpu_percent', (i) => i / 3), ...hours(48, 'connections', (i) => i * 7)];
    expect(await withTransaction((c) => upsertSamples(c, samples))).toEqual({ inserted: 96, updated: 0, unchanged: 0 });
    expect(await withTransaction((c) => upsertSamples(c, samples))).toEqual({ inserted: 0, updated: 0, unchanged: 96 });

    const changed = hours(2, 'cpu_percent', () => 99.5);
    expect(await withTransaction((c) => upsertSamples(c, changed))).toEqual({ inserted: 0, updated: 2, unchanged: 0 });
    const stored = await rows(`SELECT value FROM utilization_sample WHERE metric = 'cpu_percent' ORDER BY ts LIMIT 3`);
    expect(stored.map((r) => r.value)).toEqual([99.5, 99.5, 2 / 3]);
  });

  it('refuses samples of an unknown resource and writes none', async () => {
    await withTransaction((c) => upsertResources(c, [cluster], { source: 'test' }));
    const samples = [...hours(3, 'cpu_percent', () => 1), { ...hours(1, 'cpu_percent', () => 1)[0], resourceExternalId: 'nope' }];
    await expect(withTransaction((c) => upsertSamples(c, samples))).rejects.toThrow(/atlas\/nope/);
    expect(await rows(`SELECT count(*)::int AS n FROM utilization_sample`)).toEqual([{ n: 0 }]);
  });

  it('names the row of a non-finite value', async () => {
    await withTransaction((c) => upsertResources(c, [cluster], { source: 'test' }));
    const samples = hours(3, 'cpu_percent', (i) => (i === 1 ? Number.NaN : 1));
    await expect(withTransaction((c) => upsertSamples(c, samples))).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      issues: [{ row: 2, field: 'value' }],
    });
  });
});

describe('upsertFxRates', () => {
  it('inserts, skips unchanged and updates a corrected rate', async () => {
    const rates = [
      { date: '2026-01-01', base: 'USD', quote: 'EUR', rate: '0.92' },
      { date: '2026-01-02', base: 'USD', quote: 'EUR', rate: '0.921234567891' },
    ];
    expect(await withTransaction((c) => upsertFxRates(c, rates, 'test'))).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await withTransaction((c) => upsertFxRates(c, rates, 'test'))).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(
      await withTransaction((c) => upsertFxRates(c, [{ ...rates[0], rate: '0.93' }, rates[1]], 'test')),
    ).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await rows(`SELECT date::text, rate::text FROM fx_rate ORDER BY date`)).toEqual([
      { date: '2026-01-01', rate: '0.930000000000' },
      { date: '2026-01-02', rate: '0.921234567891' },
    ]);
  });

  it('names a bad row', async () => {
    await expect(
      withTransaction((c) => upsertFxRates(c, [{ date: '2026-01-01', base: 'usd', quote: 'EUR', rate: '1' }])),
    ).rejects.toThrow(/row 1: base/);
  });
});

describe('upsertInsights', () => {
  it('replaces by (connection, kind, key) and prunes what a full fetch no longer returns', async () => {
    const [{ id }] = await rows(
      `INSERT INTO connection (id, provider, name, updated_at) VALUES (gen_random_uuid(), 'aws', 'aws-main', now()) RETURNING id`,
    );
    const first = [
      { kind: 'aws.ri-recommendation', key: 'm6i.xlarge', payload: { savings: '100' } },
      { kind: 'aws.ri-recommendation', key: 'r6g.large', payload: { savings: '50' } },
      { kind: 'aws.forecast', key: '2026-02', payload: { mean: '1000' }, periodStart: new Date('2026-02-01T00:00:00Z') },
    ];
    expect(await withTransaction((c) => upsertInsights(c, { connectionId: id, insights: first }))).toEqual({ upserted: 3, deleted: 0 });
    const second = [{ kind: 'aws.ri-recommendation', key: 'm6i.xlarge', payload: { savings: '120' } }];
    expect(
      await withTransaction((c) =>
        upsertInsights(c, { connectionId: id, insights: second, replaceKinds: ['aws.ri-recommendation'] }),
      ),
    ).toEqual({ upserted: 1, deleted: 1 });
    expect(await rows(`SELECT kind, key, payload, period_start FROM provider_insight ORDER BY kind, key`)).toEqual([
      { kind: 'aws.forecast', key: '2026-02', payload: { mean: '1000' }, period_start: new Date('2026-02-01T00:00:00Z') },
      { kind: 'aws.ri-recommendation', key: 'm6i.xlarge', payload: { savings: '120' }, period_start: null },
    ]);
  });
});
