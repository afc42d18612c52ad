// Hourly utilisation of many resources at once (the rollup), as compact per-metric series: the
// recommendations engine reads its facts here. One SQL read; series are typed arrays keyed by metric.
import { pool } from '../db';

export type THourlySeries = { unit: string; t: Float64Array; avg: Float64Array; max: Float64Array };
/** resource id → metric → series, hours ascending. */
export type THourlyByResource = Map<string, Map<string, THourlySeries>>;

export async function getUtilisationHourly(options: { from: Date; to: Date; resourceIds?: string[]; metrics?: string[] }): Promise<THourlyByResource> {
  const params: unknown[] = [options.from, options.to];
  let where = 'hour >= $1 AND hour < $2';
  if (options.resourceIds) {
    params.push(options.resourceIds);
    where += ` AND resource_id = ANY($${params.length}::uuid[])`;
  }
  if (options.metrics) {
    params.push(options.metrics);
    where += ` AND metric = ANY($${params.length}::text[])`;
  }
  // Rows arrive as arrays (rowMode) to keep 100k+ rows cheap; numbers are float8 already.
  const { rows } = await pool().query<[string, string, string, Date, number, number]>({
    text: `SELECT resource_id, metric, unit, hour, avg, max FROM utilization_hourly WHERE ${where} ORDER BY resource_id, metric, hour`,
    values: params,
    rowMode: 'array',
  });
  const out: THourlyByResource = new Map();
  let i = 0;
  while (i < rows.length) {
    const [rid, metric, unit] = rows[i];
    let j = i;
    while (j < rows.length && rows[j][0] === rid && rows[j][1] === metric) j++;
    const n = j - i;
    const s: THourlySeries = { unit, t: new Float64Array(n), avg: new Float64Array(n), max: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      const r = rows[i + k];
      s.t[k] = r[3].getTime();
      s.avg[k] = r[4];
      s.max[k] = r[5];
    }
    let byMetric = out.get(rid);
    if (!byMetric) out.set(rid, (byMetric = new Map()));
    byMetric.set(metric, s);
    i = j;
  }
  return out;
}
