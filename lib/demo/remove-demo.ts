// Removes everything the demo loaded (costs, rollup, FX rates, resources and their samples), for
// switching a demo installation to real data. Rows from other sources are left alone.
import { withTransaction } from '../db';
import { refreshCostDaily } from '../ingestion/refresh-cost-daily';
import { DEMO_SOURCE } from './generate-demo';
import { DEMO_AWS_CONNECTION } from './insights-aws';

export type TRemoveDemoResult = { costRecords: number; resources: number; fxRates: number };

export async function removeDemo(): Promise<TRemoveDemoResult> {
  return withTransaction(async (client) => {
    // CREATE TABLE AS takes no bind parameters; DEMO_SOURCE is a constant
    await client.query(
      `CREATE TEMP TABLE demo_pairs ON COMMIT DROP AS
       SELECT DISTINCT (charge_period_start AT TIME ZONE 'UTC')::date AS day, provider_name
         FROM cost_record WHERE source = '${DEMO_SOURCE}'`,
    );
    const costs = await client.query('DELETE FROM cost_record WHERE source = $1', [DEMO_SOURCE]);
    await refreshCostDaily(client, 'SELECT day, provider_name FROM demo_pairs');
    // samples go with their resources (ON DELETE CASCADE)
    const resources = await client.query('DELETE FROM resource WHERE source = $1', [DEMO_SOURCE]);
    const fx = await client.query('DELETE FROM fx_rate WHERE source = $1', [DEMO_SOURCE]);
    // the demo's business metrics, and the anomalies found in its costs (their monitors stay, and are judged on
    // the real data from then on)
    await client.query('DELETE FROM business_metric_point WHERE source = $1', [DEMO_SOURCE]);
    await client.query("DELETE FROM business_metric m WHERE m.name IN ('active-users', 'requests') AND NOT EXISTS (SELECT 1 FROM business_metric_point p WHERE p.metric_id = m.id)");
    await client.query('DELETE FROM anomaly');
    // the demo's AWS connection and, with it (ON DELETE CASCADE), AWS's insights on the demo's bill
    await client.query("DELETE FROM connection WHERE name = $1 AND settings->>'demo' = 'true'", [DEMO_AWS_CONNECTION.name]);
    // isDemoLoaded() reads this: the runs stay as history
    await client.query(`UPDATE sync_run SET details = details || '{"removed": true}'::jsonb WHERE kind = 'demo'`);
    return { costRecords: costs.rowCount ?? 0, resources: resources.rowCount ?? 0, fxRates: fx.rowCount ?? 0 };
  });
}
