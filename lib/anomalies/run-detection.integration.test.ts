// Detection stored on the real database: planted anomalies found with their days and contributions, a second run
// changes nothing, a backfill needs 14 days of history, a false positive stays and leaves the baseline, revised
// data removes an open anomaly, and each new recent anomaly queues one alert.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { addIsoDays } from '@/lib/dates';
import { disconnect, pool } from '@/lib/db';
import { createRng } from '@/lib/demo/prng';
import { getAnomalySeries } from '@/lib/queries/get-anomaly-series';
import { listAnomalies } from '@/lib/queries/list-anomalies';
import { runAnomalyDetection } from './run-detection';
import { updateAnomalyStatus } from './update-anomaly-status';

const START = '2026-01-05';
const DAYS = 120;
const SPIKE = [90, 91];
const WEEKLY = [1.0, 1.1, 1.15, 1.1, 1.05, 0.7, 0.6];
const day = (i: number) => addIsoDays(START, i);
const LAST = day(DAYS - 1);

async function seed(options: { spike: boolean }) {
  const rng = createRng(7, 'detection-integration');
  const rows: unknown[][] = [];
  for (let i = 0; i < DAYS; i++) {
    const ec2 = 400 * WEEKLY[i % 7] * (1 + 0.03 * rng.normal());
    let s3 = 100 * WEEKLY[i % 7] * (1 + 0.03 * rng.normal());
    if (options.spike && SPIKE.includes(i)) s3 += 600;
    rows.push([day(i), 'Amazon EC2', 'eu-west-3', ec2], [day(i), 'Amazon S3', 'eu-west-3', s3]);
  }
  await pool().query('DELETE FROM cost_daily');
  await pool().query(
    `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost, effective_cost, list_cost, record_count)
     SELECT d::date, 'AWS', s, 'Compute', r, '111111111111', 'prod', 'EUR', a::numeric, a::numeric, a::numeric, 1
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) AS t(d, s, r, a)`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  );
}

async function snapshot() {
  const { rows } = await pool().query(`SELECT id, monitor_id, start_day, end_day, expected, actual, impact, score, contributions, status, updated_at FROM anomaly ORDER BY id`);
  return rows;
}

beforeEach(async () => {
  await truncate('cost_daily', 'anomaly_monitor', 'anomaly', 'anomaly_alert', 'audit_log');
  await seed({ spike: true });
});
afterAll(() => disconnect());

describe('runAnomalyDetection', () => {
  it('finds the planted spike on the total, the provider, the service, the region and the account, with contributions', async () => {
    const run = await runAnomalyDetection({ from: START });
    expect(run.judgedFrom).toBe(day(14));
    expect(run.to).toBe(LAST);
    const rows = await listAnomalies({});
    const byMonitor = new Map(rows.map((a) => [`${a.monitor.kind}:${a.monitor.key}`, a]));
    for (const key of ['total:total', 'provider:AWS', 'service:AWS:Amazon S3', 'region:AWS:eu-west-3', 'account:AWS:111111111111']) {
      expect(byMonitor.get(key), key).toMatchObject({ startDay: day(SPIKE[0]), endDay: day(SPIKE[1]), direction: 'increase', status: 'open' });
    }
    expect(byMonitor.has('service:AWS:Amazon EC2')).toBe(false);
    expect(rows).toHaveLength(5);
    const aws = byMonitor.get('provider:AWS')!;
    expect(Number(aws.impact)).toBeGreaterThan(1000);
    expect(Number(aws.impact)).toBeLessThan(1400);
    expect(aws.contributionDimension).toBe('service');
    expect(aws.contributions[0].key).toBe('AWS:Amazon S3');
    expect(aws.contributions[0].share!).toBeGreaterThan(0.8);
    expect(byMonitor.get('total:total')!.contributions[0].key).toBe('AWS');
  });

  it('changes nothing when run again over the same days', async () => {
    await runAnomalyDetection({ from: START });
    const before = await snapshot();
    const again = await runAnomalyDetection({ from: START });
    expect(again).toMatchObject({ found: 0, updated: 0, removed: 0, alerts: 0, unchanged: 5 });
    expect(await snapshot()).toEqual(before);
    // the default daily run (the last 14 days) and a narrower backfill leave it as it is too
    await runAnomalyDetection({});
    await runAnomalyDetection({ from: day(85), to: day(95) });
    expect(await snapshot()).toEqual(before);
  });

  it('backfills any past range, judging only days with 14 days of history before them', async () => {
    const early = await runAnomalyDetection({ from: START, to: day(30) });
    expect(early.judgedFrom).toBe(day(14));
    expect(early.found).toBe(0);
    const past = await runAnomalyDetection({ from: day(80), to: day(100) });
    expect(past.found).toBe(5);
    // anomalies that ended long before the last billed day are stored without an alert
    expect(past.alerts).toBe(0);
    await expect(runAnomalyDetection({ from: day(10), to: day(5) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('keeps a false positive, leaves its days out of the band, and removes open anomalies the data no longer shows', async () => {
    await runAnomalyDetection({ from: START });
    const total = (await listAnomalies({})).find((a) => a.monitor.kind === 'total')!;
    await updateAnomalyStatus(total.id, { status: 'false_positive', note: 'a test restore' }, { type: 'cli', label: 'test' });
    const series = await getAnomalySeries({ monitorId: total.monitor.id, from: day(80), to: day(100) });
    expect(series.days.filter((d) => d.anomalous)).toEqual([]);
    // the false positive's days are not judged: their band is left out
    expect(series.days.find((d) => d.day === day(SPIKE[0]))!.expected).toBeNull();
    const rerun = await runAnomalyDetection({ from: START });
    expect(rerun).toMatchObject({ found: 0, removed: 0 });
    // the provider revises its bill: the spike was not real
    await seed({ spike: false });
    const revised = await runAnomalyDetection({ from: START });
    expect(revised.removed).toBe(4);
    const left = await listAnomalies({});
    expect(left.map((a) => [a.monitor.kind, a.status, a.note])).toEqual([['total', 'false_positive', 'a test restore']]);
    const { rows: audit } = await pool().query(`SELECT action FROM audit_log WHERE entity_type = 'anomaly'`);
    expect(audit).toEqual([{ action: 'anomaly.status' }]);
  });

  it('queues one alert per new recent anomaly, and one more when its impact doubles', async () => {
    // the spike is on the last two days: recent
    await pool().query(`DELETE FROM cost_daily WHERE day > $1::date`, [day(SPIKE[1])]);
    const first = await runAnomalyDetection({});
    expect(first.alerts).toBe(5);
    expect((await runAnomalyDetection({})).alerts).toBe(0);
    const { rows } = await pool().query(`SELECT reason, count(*)::int AS n FROM anomaly_alert GROUP BY 1`);
    expect(rows).toEqual([{ reason: 'found', n: 5 }]);
    // a third day, bigger still: the provider's impact more than doubles
    await pool().query(
      `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost, effective_cost, list_cost, record_count)
       VALUES ($1, 'AWS', 'Amazon S3', 'Compute', 'eu-west-3', '111111111111', 'prod', 'EUR', 2000, 2000, 2000, 1),
              ($1, 'AWS', 'Amazon EC2', 'Compute', 'eu-west-3', '111111111111', 'prod', 'EUR', 420, 420, 420, 1)`,
      [day(SPIKE[1] + 1)],
    );
    const third = await runAnomalyDetection({});
    expect(third.updated).toBeGreaterThanOrEqual(5);
    const doubled = await pool().query(`SELECT count(*)::int AS n FROM anomaly_alert WHERE reason = 'impact_doubled'`);
    expect(doubled.rows[0].n).toBeGreaterThanOrEqual(1);
    expect((await runAnomalyDetection({})).alerts).toBe(0);
  });
});
