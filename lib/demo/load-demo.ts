// Loads the demo dataset through the same ingestion path as real sources, in one transaction,
// and records it as a sync_run of kind 'demo'. Loading it again with the same (seed, now) changes
// nothing.
import { pool } from '../db';
import { analyzeCostDailyAfterWrite } from '../ingestion/analyze-cost-daily';
import { upsertCostRecords } from '../ingestion/upsert-cost-records';
import { upsertFxRates } from '../ingestion/upsert-fx-rates';
import { upsertInsights } from '../ingestion/upsert-insights';
import { upsertResources } from '../ingestion/upsert-resources';
import { upsertSamples } from '../ingestion/upsert-samples';
import { claimRun, type TRunClaim } from '../runtime/run-claim';
import { runAnomalyDetection, type TDetectionRun } from '../anomalies/run-detection';
import { isoDay } from '../dates';
import { logger } from '../logger';
import { createMetric, upsertMetricPoints } from '../unit-costs/metric-store';
import { demoBusinessMetrics } from './business-metrics';
import { demoAwsForecastInsights } from './aws-forecast';
import { buildDemoModel } from './model';
import { DEFAULT_DEMO_SEED, DEMO_SOURCE, generateDemo } from './generate-demo';
import { DEMO_AWS_CONNECTION, demoAwsInsights, demoInsightFetchedAt, demoNodeCounts } from './insights-aws';

export type TCounts = { inserted: number; updated: number; unchanged: number };
export type TLoadDemoResult = {
  syncRunId: string;
  costs: TCounts;
  fxRates: TCounts;
  resources: TCounts;
  samples: TCounts;
  businessMetrics: number;
  /** AWS insights stored under the demo's AWS connection. */
  insights: number;
  anomalies: TDetectionRun | null;
  durationMs: number;
};

export async function loadDemo(options: { now?: Date; seed?: number } = {}): Promise<TLoadDemoResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const data = generateDemo({ now, seed });
  // claimed by this process until its row says how it ended, so that a load killed mid-way is
  // marked interrupted by the next sweep, never left running (run-claim.ts)
  const claim = await claimRun();
  try {
    return await loadClaimed(claim, { data, seed, now, started });
  } finally {
    await claim.release();
  }
}

async function loadClaimed(
  claim: TRunClaim,
  { data, seed, now, started }: { data: ReturnType<typeof generateDemo>; seed: number; now: Date; started: number },
): Promise<TLoadDemoResult> {
  const syncRunId = claim.id;
  await pool().query(
    `INSERT INTO sync_run (id, kind, source, window_start, window_end, status, details)
     VALUES ($1, 'demo', $2, $3, $4, 'running', $5)`,
    [syncRunId, DEMO_SOURCE, data.window.start, data.window.end, JSON.stringify({ seed, now: now.toISOString(), owner: claim.owner })],
  );
  try {
    const result = await claim.transaction(async (client) => {
      const fxRates = await upsertFxRates(client, data.fxRates, DEMO_SOURCE);
      const { staged: _staged, ...costs } = await upsertCostRecords(client, data.costs, DEMO_SOURCE);
      const { ids: _ids, ...resources } = await upsertResources(client, data.resources, { source: DEMO_SOURCE });
      const samples = await upsertSamples(client, data.samples);
      // daily active users and requests, so that unit costs mean something
      const metrics = demoBusinessMetrics(buildDemoModel({ now, seed }));
      for (const m of metrics) {
        const exists = await client.query('SELECT 1 FROM business_metric WHERE name = $1', [m.definition.name]);
        if (!exists.rowCount) await createMetric(m.definition, { type: 'system', label: 'demo' }, client);
        await upsertMetricPoints(m.definition.name, m.points, { source: 'demo' }, client);
      }
      // AWS's own Savings Plans recommendation and cost forecast, kept as the AWS connector keeps them, under one
      // disabled connection without credentials (nothing is ever fetched with it), so the planner shows AWS's
      // level beside ours and the overview AWS's forecast beside ours
      const connection = await client.query<{ id: string }>(
        `INSERT INTO connection (id, provider, name, settings, enabled, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, false, now())
         ON CONFLICT (name) DO UPDATE SET settings = EXCLUDED.settings RETURNING id`,
        [DEMO_AWS_CONNECTION.provider, DEMO_AWS_CONNECTION.name, JSON.stringify(DEMO_AWS_CONNECTION.settings)],
      );
      const insights = await upsertInsights(client, {
        connectionId: connection.rows[0].id, insights: demoAwsInsights(data.costs, now, demoNodeCounts(data.resources, data.samples)), replaceKinds: ['aws.sp-recommendation'], fetchedAt: demoInsightFetchedAt(now),
      });
      const forecasts = await upsertInsights(client, { connectionId: connection.rows[0].id, insights: demoAwsForecastInsights(data.costs, now), replaceKinds: ['aws.forecast'] });
      return { costs, fxRates, resources, samples, businessMetrics: metrics.length, insights: insights.upserted + forecasts.upserted };
    });
    await analyzeCostDailyAfterWrite(result.costs.inserted + result.costs.updated);
    const durationMs = Math.round(performance.now() - started);
    await pool().query(
      `UPDATE sync_run SET status = 'succeeded', finished_at = now(),
              rows_inserted = $2, rows_updated = $3, rows_unchanged = $4, details = details || $5::jsonb
        WHERE id = $1`,
      [
        syncRunId,
        result.costs.inserted,
        result.costs.updated,
        result.costs.unchanged,
        JSON.stringify({ fxRates: result.fxRates, resources: result.resources, samples: result.samples, durationMs }),
      ],
    );
    // the whole year judged, so the anomalies page has a history (the planted spike and the backups that stop);
    // after the load's own duration, and never failing a load that succeeded (the daily job judges again)
    const anomalies = await runAnomalyDetection({ from: isoDay(data.window.start) }).catch((err: unknown) => {
      logger.error({ err }, 'anomaly detection after the demo load failed');
      return null;
    });
    return { syncRunId, ...result, anomalies, durationMs };
  } catch (e) {
    await pool()
      .query(`UPDATE sync_run SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
        syncRunId,
        e instanceof Error ? e.message : String(e),
      ])
      .catch(() => undefined);
    throw e;
  }
}

// For the launcher: the demo goes only into an empty database.
export async function hasAnyCostData(): Promise<boolean> {
  const { rows } = await pool().query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM cost_daily) OR EXISTS (SELECT 1 FROM cost_record) AS any',
  );
  return rows[0].any;
}

export async function isDemoLoaded(): Promise<boolean> {
  const { rows } = await pool().query<{ loaded: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM sync_run
                     WHERE kind = 'demo' AND status = 'succeeded' AND NOT details ? 'removed') AS loaded`,
  );
  return rows[0].loaded;
}
