// Anomaly detection over 13 months of 1,000 daily series (one service each, weekly pattern and noise, a few
// planted spikes): the seconds a full backfill takes, read and judge and store, against one SQL read of the same
// cost_daily rows (the floor any detection has to pay). Its rows and monitors are removed afterwards.
import { runAnomalyDetection } from '../anomalies/run-detection';
import { addIsoDays, isoDay } from '../dates';
import { pool } from '../db';
import { median } from './planning';
import type { TBench } from './registry';

const SERIES = 1000;
const DAYS = 396; // 13 months
const PROVIDER = 'Bench anomalies';

export const anomalyDetectionBench: TBench = {
  name: 'anomaly-detection',
  run: async ({ emit, note }) => {
    const last = isoDay(new Date(Date.now() - 86_400_000));
    const first = addIsoDays(last, -(DAYS - 1));
    note(`writing ${SERIES} series × ${DAYS} days into cost_daily…`);
    await pool().query(
      `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost, effective_cost, list_cost, record_count)
       SELECT d::date, $3, 'svc-' || s, 'Compute', 'bench-1', 'bench', 'bench', 'EUR', a, a, a, 1
         FROM generate_series(1, $4::int) AS s, generate_series($1::date, $2::date, interval '1 day') AS d,
              LATERAL (SELECT round((50 + s % 200) * (CASE extract(isodow FROM d) WHEN 6 THEN 0.7 WHEN 7 THEN 0.6 ELSE 1 END)
                                    * (1 + 0.04 * (abs(hashtext(s || ':' || d::text)) % 1000 - 500) / 500.0)
                                    * (CASE WHEN s % 50 = 0 AND d::date = $2::date - (s % 300) THEN 3 ELSE 1 END), 6) AS a) x
       ON CONFLICT DO NOTHING`,
      [first, last, PROVIDER, SERIES],
    );
    await pool().query('ANALYZE cost_daily');
    try {
      const reads: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await pool().query(
          `SELECT day, provider_name, service_name, region_id, sub_account_id, service_category, billing_currency, effective_cost
             FROM cost_daily WHERE day >= $1::date AND day <= $2::date`,
          [first, last],
        );
        reads.push((performance.now() - t) / 1000);
      }
      const t = performance.now();
      const run = await runAnomalyDetection({ from: first });
      const seconds = (performance.now() - t) / 1000;
      // a second run over the same days stores nothing: the cost of judging alone
      const t2 = performance.now();
      const again = await runAnomalyDetection({ from: first });
      const rerun = (performance.now() - t2) / 1000;
      const baseline = median(reads);
      emit({
        name: 'anomaly_detection_seconds',
        value: seconds,
        unit: 's',
        baseline,
        ratio: seconds / baseline,
        series: SERIES,
        days: DAYS,
        monitors: run.monitors,
        anomalies: run.found,
        rerunSeconds: rerun,
        rerunChanged: again.found + again.updated + again.removed,
      });
    } finally {
      await pool().query(`DELETE FROM anomaly_monitor WHERE name LIKE $1 || '%' OR key LIKE $1 || '%'`, [PROVIDER]);
      await pool().query('DELETE FROM cost_daily WHERE provider_name = $1', [PROVIDER]);
    }
  },
};
