// Recommendations: (1) savings captured by growth-aware commitments against the flat-lookback policy on
// generated two-year histories (growing as planned, flat, short of the plan), recommended at month 3 and
// replayed against what followed; (2) a refresh over 90 days of hourly samples for 500 resources and 13
// months of daily costs, against one SQL read of the same rows in the same run.
import { DAY_MS, startOfUtcDay } from '../dates';
import { pool } from '../db';
import { captureShares } from '../recommendations/commitments/capture';
import type { THistoryShape } from '../recommendations/commitments/histories';
import { refreshRecommendations } from '../recommendations/engine/refresh-recommendations';
import { COST_MONTHS, UTILISATION_DAYS } from '../recommendations/engine/gather-facts';
import { startOfUtcMonth } from '../dates';
import type { TBench } from './registry';

const TERM = { termMonths: 12 as const, payment: 'no-upfront' as const, discount: 0.28, upfrontShare: 0 };
const RESOURCES = 500;
const RUNS = 3;

/** Metrics each synthetic resource kind reports (two each), with a capacity for one of them. */
const KINDS = [
  { kind: 'database', provider: 'atlas', share: 0.2, metrics: ['cpu_percent', 'disk_used_bytes'], capacity: { cpu_percent: 100, disk_used_bytes: 200 * 2 ** 30 }, attributes: { tier: 'M30', shards: 1, nodes: 3 } },
  { kind: 'cache', provider: 'redis-cloud', share: 0.2, metrics: ['memory_used_bytes', 'ops_per_sec'], capacity: { memory_used_bytes: 8 * 2 ** 30, ops_per_sec: 25_000 }, attributes: { shards: 1 } },
  { kind: 'app', provider: 'prometheus', share: 0.4, metrics: ['cpu_cores', 'replicas'], capacity: { cpu_cores: 40, replicas: 20 }, attributes: { cpuRequestCores: 2, memoryLimitBytes: 4 * 2 ** 30, hpa: { minReplicas: 2, maxReplicas: 20 } } },
  { kind: 'cdn', provider: 'cloudflare', share: 0.1, metrics: ['cache_hit_ratio', 'bytes'], capacity: {}, attributes: {} },
  { kind: 'storage', provider: 'aws', share: 0.1, metrics: ['bucket_size_bytes', 'requests'], capacity: {}, attributes: {} },
];

async function seed(now: Date): Promise<{ hourlyRows: number; costRows: number }> {
  const db = pool();
  await db.query(`DELETE FROM resource WHERE source = 'bench-recommendations'`);
  let offset = 0;
  for (const k of KINDS) {
    const n = Math.round(RESOURCES * k.share);
    await db.query(
      `INSERT INTO resource (id, provider, kind, external_id, name, region, size, capacity, attributes, source, updated_at)
       SELECT gen_random_uuid(), $1, $2, 'bench-' || $2 || '-' || i, 'bench-' || $2 || '-' || i, 'eu-west-3', 'M30', $3::jsonb, $4::jsonb, 'bench-recommendations', now()
         FROM generate_series($5::int, $6::int) AS i`,
      [`bench-${k.provider}`, k.kind, JSON.stringify(k.capacity), JSON.stringify(k.attributes), offset, offset + n - 1],
    );
    offset += n;
    // 90 days of hours per metric: a daily wave, a slow trend and a per-resource level
    for (const metric of k.metrics) {
      await db.query(
        `INSERT INTO utilization_hourly (resource_id, metric, hour, unit, min, max, avg, sum, count, last)
         SELECT r.id, $1, h, 'unit', v * 0.9, v * 1.1, v, v, 1, v
           FROM resource r
          CROSS JOIN generate_series($2::timestamptz, $3::timestamptz - interval '1 hour', interval '1 hour') AS h
          CROSS JOIN LATERAL (SELECT (10 + (hashtext(r.external_id) & 63)) * (1 + 0.3 * sin(extract(epoch FROM h) / 13751)) * (1 + extract(epoch FROM h - $2::timestamptz) / 86400 / 400) AS v) x
          WHERE r.source = 'bench-recommendations' AND r.kind = $4`,
        [metric, new Date(now.getTime() - UTILISATION_DAYS * DAY_MS), now, k.kind],
      );
    }
  }
  // 13 months of daily costs: 60 services across providers and regions
  const from = startOfUtcMonth(startOfUtcMonth(now), -COST_MONTHS + 1);
  await db.query(`DELETE FROM cost_daily WHERE service_name LIKE 'bench-service-%'`);
  await db.query(
    `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost, effective_cost, list_cost, record_count)
     SELECT d::date, (ARRAY['AWS','MongoDB Atlas','Redis Cloud','Cloudflare'])[1 + s % 4], 'bench-service-' || s, 'Compute', 'eu-west-3', 'bench', 'bench', 'EUR',
            10 + s, 10 + s, 10 + s, 1
       FROM generate_series($1::date, $2::date - 1, interval '1 day') AS d CROSS JOIN generate_series(1, 60) AS s`,
    [from, startOfUtcDay(now)],
  );
  await db.query('ANALYZE utilization_hourly; ANALYZE cost_daily; ANALYZE resource');
  const hourly = await db.query<{ n: string }>(`SELECT count(*) AS n FROM utilization_hourly WHERE hour >= $1 AND hour < $2`, [new Date(now.getTime() - UTILISATION_DAYS * DAY_MS), now]);
  const costs = await db.query<{ n: string }>(`SELECT count(*) AS n FROM cost_daily WHERE day >= $1 AND day < $2`, [from, now]);
  return { hourlyRows: Number(hourly.rows[0].n), costRows: Number(costs.rows[0].n) };
}

/** The same rows the refresh reads, fetched by one query (hourly utilisation, then daily costs). */
async function readRows(now: Date): Promise<number> {
  const from = new Date(now.getTime() - UTILISATION_DAYS * DAY_MS);
  const costFrom = startOfUtcMonth(startOfUtcMonth(now), -COST_MONTHS + 1);
  const { rows } = await pool().query({
    text: `SELECT resource_id::text AS a, metric AS b, hour AS t, avg AS v, max AS w FROM utilization_hourly WHERE hour >= $1 AND hour < $2
           UNION ALL
           SELECT provider_name, service_name, day::timestamptz, effective_cost::float8, 0 FROM cost_daily WHERE day >= $3::date AND day < $2::date`,
    values: [from, now, costFrom],
    rowMode: 'array',
  });
  return rows.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const recommendationsBench: TBench = {
  name: 'recommendations',
  run: async ({ emit, note }) => {
    const start = new Date('2025-01-01T00:00:00Z');
    for (const shape of ['growing', 'flat', 'short'] as THistoryShape[]) {
      const c = captureShares({ shape, start, asOfMonth: 3, term: TERM });
      emit({
        name: `commitments_captured_${shape}`,
        value: Math.round(c.ours * 1e4) / 1e4,
        unit: 'share of the hindsight optimum',
        baseline: Math.round(c.flat * 1e4) / 1e4,
        ratio: c.flat !== 0 ? Math.round((c.ours / c.flat) * 1e4) / 1e4 : undefined,
        policy: 'ours: the planner followed month by month (followPlanner); baseline: commit the last 30 days’ optimal level (flat lookback, as AWS does)',
        ladderAsRecommended: Math.round(c.ladder * 1e4) / 1e4,
        tranches: c.tranches,
        term: '1y no upfront, 28% discount',
      });
    }

    const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    note(`seeding ${RESOURCES} resources × ${UTILISATION_DAYS} days hourly and ${COST_MONTHS} months of daily costs…`);
    const seeded = await seed(now);
    await refreshRecommendations({ now, currency: 'EUR', trigger: 'test', actor: { type: 'system', label: 'bench' }, wait: true }); // warm-up
    const refresh: number[] = [];
    const reads: number[] = [];
    let last: Awaited<ReturnType<typeof refreshRecommendations>> | null = null;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await readRows(now);
      reads.push((performance.now() - t0) / 1000);
      const t1 = performance.now();
      last = await refreshRecommendations({ now, currency: 'EUR', trigger: 'test', actor: { type: 'system', label: 'bench' }, wait: true });
      refresh.push((performance.now() - t1) / 1000);
    }
    const value = median(refresh);
    const baseline = median(reads);
    emit({
      name: 'recommendations_refresh_500_resources_s',
      value: Math.round(value * 1000) / 1000,
      unit: 's',
      baseline: Math.round(baseline * 1000) / 1000,
      ratio: Math.round((value / baseline) * 100) / 100,
      baselineWhat: 'one SQL query reading the same hourly and daily rows',
      hourlyRows: seeded.hourlyRows,
      dailyCostRows: seeded.costRows,
      recommendations: (last?.created ?? 0) + (last?.updated ?? 0),
      gatherS: (last?.timings.gatherMs ?? 0) / 1000,
      rulesS: (last?.timings.rulesMs ?? 0) / 1000,
      storeS: (last?.timings.storeMs ?? 0) / 1000,
      runs: RUNS,
    });
  },
};
