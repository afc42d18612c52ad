// A monitor's daily series with its expected band and anomalous days, for the anomalies page's chart: the same
// baseline and thresholds detection used (false positives' days left out of the band, as detection leaves them).
import { readCostRows } from '../anomalies/cost-rows';
import { detectAnomalies } from '../anomalies/detect';
import { scopeMatcher, type TMonitorScope } from '../anomalies/monitor-scope';
import { LOOKBACK_DAYS, monitorPoints } from '../anomalies/run-detection';
import { addIsoDays } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';

export type TAnomalySeriesDay = {
  day: string;
  actual: number;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  anomalous: boolean;
  estimated: boolean;
};

export type TAnomalySeries = { monitorId: string; name: string; currency: string; days: TAnomalySeriesDay[] };


/** [from, to] inclusive days. */
export async function getAnomalySeries(options: { monitorId: string; from: string; to: string }): Promise<TAnomalySeries> {
  const { rows: monitors } = await pool().query<{ id: string; name: string; scope: TMonitorScope; currency: string; min_percent: string; min_amount: string }>(
    'SELECT id, name, scope, currency, min_percent::text, min_amount::text FROM anomaly_monitor WHERE id = $1',
    [options.monitorId],
  );
  const monitor = monitors[0];
  if (!monitor) throw new AppError('NOT_FOUND', `no anomaly monitor ${options.monitorId}`);
  const { rows: falsePositives } = await pool().query<{ start: string; end: string }>(
    `SELECT to_char(start_day, 'YYYY-MM-DD') AS start, to_char(end_day, 'YYYY-MM-DD') AS end
       FROM anomaly WHERE monitor_id = $1 AND status = 'false_positive'`,
    [monitor.id],
  );
  const ignoreDays: string[] = [];
  for (const fp of falsePositives) for (let d = fp.start; d <= fp.end; d = addIsoDays(d, 1)) ignoreDays.push(d);
  const rows = await readCostRows({ from: addIsoDays(options.from, -LOOKBACK_DAYS), to: options.to, currency: monitor.currency });
  const points = monitorPoints(rows, scopeMatcher(monitor.scope));
  const detection = detectAnomalies({
    points,
    to: options.to,
    ignoreDays,
    minPercent: Number(monitor.min_percent),
    minAmount: Number(monitor.min_amount),
  });
  const judged = new Map(detection.judged.map((j) => [j.day, j]));
  const actualByDay = new Map<string, { amount: number; estimated: boolean }>();
  for (const p of points) {
    const a = actualByDay.get(p.day) ?? { amount: 0, estimated: false };
    // one-time charges are not judged: the chart shows what was judged
    if (p.frequency !== 'one-time') a.amount += p.amount;
    a.estimated = a.estimated || Boolean(p.estimated);
    actualByDay.set(p.day, a);
  }
  const days: TAnomalySeriesDay[] = [];
  for (let day = options.from; day <= options.to; day = addIsoDays(day, 1)) {
    const j = judged.get(day);
    const a = actualByDay.get(day);
    days.push({
      day,
      actual: j?.actual ?? a?.amount ?? 0,
      expected: j?.expected ?? null,
      lower: j ? Math.max(0, j.lower) : null,
      upper: j?.upper ?? null,
      anomalous: j?.anomalous ?? false,
      estimated: a?.estimated ?? false,
    });
  }
  return { monitorId: monitor.id, name: monitor.name, currency: monitor.currency, days };
}
