import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import type { TResourceInput, TSampleInput } from '../focus/types';
import { rebuildUtilizationHourly } from './refresh-utilization-hourly';
import { upsertResources } from './upsert-resources';
import { upsertSamples } from './upsert-samples';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 0, 0, 0);

const cluster: TResourceInput = { provider: 'atlas', kind: 'database', externalId: 'grp/ec-routes', name: 'ec-routes' };
const cache: TResourceInput = { provider: 'redis', kind: 'cache', externalId: '127.0.0.1:6379/0', name: 'cache' };

type TBucket = { min: number; max: number; sum: number; count: number; last: number; unit: string };

// The reference: what each (resource, metric, UTC hour) bucket holds, computed in JS from the
// samples as they stand after last-write-wins on (resource, metric, ts).
function expectedBuckets(batches: TSampleInput[][]): Map<string, TBucket> {
  const latest = new Map<string, TSampleInput>();
  for (const batch of batches) for (const s of batch) latest.set(`${s.resourceExternalId}|${s.metric}|${s.ts.getTime()}`, s);
  const sorted = [...latest.values()].sort((a, b) => a.ts.getTime() - b.ts.getTime());
  const buckets = new Map<string, TBucket>();
  for (const s of sorted) {
    const hour = Math.floor(s.ts.getTime() / HOUR) * HOUR;
    const key = `${s.resourceExternalId}|${s.metric}|${new Date(hour).toISOString()}`;
    const b = buckets.get(key);
    if (!b) buckets.set(key, { min: s.value, max: s.value, sum: s.value, count: 1, last: s.value, unit: s.unit });
    else {
      b.min = Math.min(b.min, s.value);
      b.max = Math.max(b.max, s.value);
      b.sum += s.value;
      b.count += 1;
      b.last = s.value; // sorted by ts
      b.unit = s.unit;
    }
  }
  return buckets;
}

type TRow = { external_id: string; metric: string; hour: Date; unit: string; min: number; max: number; avg: number; sum: number; count: number; last: number };

async function rollup(): Promise<TRow[]> {
  const { rows } = await pool().query<TRow>(
    `SELECT r.external_id, h.metric, h.hour, h.unit, h.min, h.max, h.avg, h.sum, h.count, h.last
       FROM utilization_hourly h JOIN resource r ON r.id = h.resource_id
      ORDER BY 1, 2, 3`,
  );
  return rows;
}

// The same figures straight from utilization_sample, by a query that shares nothing with the rollup's SQL.
async function fromSamples(): Promise<TRow[]> {
  const { rows } = await pool().query<TRow>(
    `WITH x AS (
       SELECT r.external_id, s.metric, s.unit, s.ts, s.value,
              to_timestamp(floor(extract(epoch FROM s.ts) / 3600) * 3600) AS hour
         FROM utilization_sample s JOIN resource r ON r.id = s.resource_id
     )
     SELECT external_id, metric, hour,
            (SELECT x2.unit FROM x x2 WHERE (x2.external_id, x2.metric, x2.hour) = (x.external_id, x.metric, x.hour)
              ORDER BY x2.ts DESC LIMIT 1) AS unit,
            min(value) AS min, max(value) AS max, avg(value) AS avg, sum(value) AS sum, count(*)::int AS count,
            (SELECT x2.value FROM x x2 WHERE (x2.external_id, x2.metric, x2.hour) = (x.external_id, x.metric, x.hour)
              ORDER BY x2.ts DESC LIMIT 1) AS last
       FROM x GROUP BY external_id, metric, hour
      ORDER BY 1, 2, 3`,
  );
  return rows;
}

// Float sums depend on the order rows are added in: compare them to 1e-12 relative, the rest exactly.
function exactPart({ avg: _avg, sum: _sum, ...rest }: TRow) {
  return rest;
}
function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
}

async function expectRollupMatches(batches: TSampleInput[][]) {
  const stored = await rollup();
  const direct = await fromSamples();
  expect(stored.map(exactPart)).toEqual(direct.map(exactPart));
  stored.forEach((row, i) => {
    expectClose(row.sum, direct[i].sum);
    expectClose(row.avg, direct[i].avg);
  });
  const expected = expectedBuckets(batches);
  expect(stored.length).toBe(expected.size);
  for (const row of stored) {
    const e = expected.get(`${row.external_id}|${row.metric}|${row.hour.toISOString()}`);
    expect(e, `${row.external_id} ${row.metric} ${row.hour.toISOString()}`).toBeDefined();
    expect({ min: row.min, max: row.max, count: row.count, last: row.last, unit: row.unit }).toEqual({
      min: e!.min,
      max: e!.max,
      count: e!.count,
      last: e!.last,
      unit: e!.unit,
    });
    expectClose(row.sum, e!.sum);
    expectClose(row.avg, e!.sum / e!.count);
  }
}

// Every 5 minutes, as the live Redis sampler writes, plus a sample on the hour and one a
// millisecond before the next, so bucket edges are exercised.
function dense(resource: TResourceInput, metric: string, unit: string, hours: number, value: (i: number) => number): TSampleInput[] {
  const out: TSampleInput[] = [];
  for (let i = 0; i < hours * 12; i++) {
    out.push({ provider: resource.provider, resourceExternalId: resource.externalId, metric, unit, ts: new Date(T0 + i * 300_000 + 7_000), value: value(i) });
  }
  out.push({ provider: resource.provider, resourceExternalId: resource.externalId, metric, unit, ts: new Date(T0 + 2 * HOUR), value: value(1000) });
  out.push({ provider: resource.provider, resourceExternalId: resource.externalId, metric, unit, ts: new Date(T0 + 3 * HOUR - 1), value: value(1001) });
  return out;
}

beforeEach(() => truncate('resource', 'utilization_sample', 'utilization_hourly'));
afterAll(() => disconnect());

describe('the hourly utilisation rollup', () => {
  it('equals the aggregates of the samples after inserts, re-writes of the same timestamps, and additions to an hour', async () => {
    await withTransaction((c) => upsertResources(c, [cluster, cache], { source: 'test' }));
    const first = [
      ...dense(cache, 'memory_used_bytes', 'bytes', 6, (i) => 2e9 + ((i * 7919) % 101) * 1e6),
      ...dense(cache, 'hit_ratio', 'ratio', 6, (i) => 0.9 + ((i * 13) % 10) / 1000),
      ...dense(cluster, 'cpu_percent', 'percent', 4, (i) => (i * 37) % 97 + 0.25),
    ];
    expect(await withTransaction((c) => upsertSamples(c, first))).toMatchObject({ inserted: first.length });
    await expectRollupMatches([first]);
    const hours = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM utilization_hourly`);
    expect(hours.rows[0].n).toBe(6 + 6 + 4);

    // the same timestamps again: a few values change (one becomes the hour's new max, one its new
    // min, one is the hour's last sample), the unit of one hour's last sample changes, the rest stay
    const rewrite = first
      .filter((s) => s.metric !== 'hit_ratio')
      .map((s, i) => {
        if (s.metric === 'memory_used_bytes' && i === 3) return { ...s, value: 9e9 };
        if (s.metric === 'memory_used_bytes' && i === 20) return { ...s, value: 1 };
        if (s.metric === 'cpu_percent' && s.ts.getTime() === T0 + 3 * HOUR - 1) return { ...s, value: 99.5 };
        if (s.metric === 'cpu_percent' && s.ts.getTime() === T0 + 55 * 60_000 + 7_000) return { ...s, unit: 'pct' };
        return s;
      });
    expect(await withTransaction((c) => upsertSamples(c, rewrite))).toMatchObject({ inserted: 0, updated: 4 });
    await expectRollupMatches([first, rewrite]);
    const edited = await pool().query<{ max: number; last: number }>(
      `SELECT max, last FROM utilization_hourly WHERE metric = 'cpu_percent' AND hour = $1`,
      [new Date(T0 + 2 * HOUR)],
    );
    expect(edited.rows).toEqual([{ max: 99.5, last: 99.5 }]);

    // more samples into an hour that already has some, and a new hour
    const more: TSampleInput[] = [
      { provider: 'atlas', resourceExternalId: cluster.externalId, metric: 'cpu_percent', unit: 'percent', ts: new Date(T0 + HOUR + 1_000), value: -3 },
      { provider: 'atlas', resourceExternalId: cluster.externalId, metric: 'cpu_percent', unit: 'percent', ts: new Date(T0 + 10 * HOUR), value: 42 },
    ];
    expect(await withTransaction((c) => upsertSamples(c, more))).toMatchObject({ inserted: 2, updated: 0 });
    await expectRollupMatches([first, rewrite, more]);

    // nothing changed: the rollup is left exactly as it is
    const before = await rollup();
    expect(await withTransaction((c) => upsertSamples(c, [...first.slice(5, 10), ...more]))).toMatchObject({ inserted: 0, updated: 0 });
    expect(await rollup()).toEqual(before);

    // the repair tool rebuilds the same table
    await withTransaction((c) => rebuildUtilizationHourly(c));
    const rebuilt = await rollup();
    expect(rebuilt.map(exactPart)).toEqual(before.map(exactPart));
    rebuilt.forEach((row, i) => expectClose(row.avg, before[i].avg));
  });

  it('writes no rollup when the samples are refused, and drops it with its resource', async () => {
    await withTransaction((c) => upsertResources(c, [cluster], { source: 'test' }));
    const bad = [...dense(cluster, 'cpu_percent', 'percent', 1, () => 5), { ...dense(cluster, 'cpu_percent', 'percent', 1, () => 5)[0], resourceExternalId: 'nope' }];
    await expect(withTransaction((c) => upsertSamples(c, bad))).rejects.toThrow(/atlas\/nope/);
    expect((await rollup()).length).toBe(0);

    await withTransaction((c) => upsertSamples(c, dense(cluster, 'cpu_percent', 'percent', 2, () => 5)));
    expect((await rollup()).length).toBe(3); // hours 0 and 1, and the extra sample at hour 2
    await pool().query(`DELETE FROM resource WHERE external_id = $1`, [cluster.externalId]);
    expect((await rollup()).length).toBe(0);
  });
});
