// Runs detection for every monitor over [from, to] and stores what it finds. Idempotent: the same days give the
// same anomalies (identity: monitor and start day), and a stored anomaly is changed only when its numbers are.
import type pg from 'pg';
import { addIsoDays, isIsoDay } from '../dates';
import { withTransaction } from '../db';
import { AppError } from '../errors';
import { logger } from '../logger';
import type { TAnomalyPoint } from './baseline';
import { readCostRows, readUsageTypeRows, type TCostRow } from './cost-rows';
import { detectAnomalies, MIN_HISTORY_DAYS, type TAnomaly } from './detect';
import {
  childOf,
  contributionDimension,
  dimensionMonitors,
  scopeMatcher,
  type TContributionDimension,
  type TMonitorKind,
  type TMonitorScope,
} from './monitor-scope';
import { rankContributions, type TChildSeries, type TContribution } from './rank-contributions';
import { scopedKey } from '../queries/cost-keys';

// What a judged day depends on: its baseline looks back 8 weeks (weekday profile, level, and the past residuals'
// spread), and each of those residuals had its own 8 weeks and a trailing week before it, and the first 14 days
// read are never judged. Reading at least this far back (or from the data's first day) makes a day's judgement
// the same whatever range a run was asked for: what keeps detection idempotent across backfills.
export const LOOKBACK_DAYS = 56 + 56 + 7 + MIN_HISTORY_DAYS;
// Without `from`, the daily run judges the last fortnight again: providers revise their estimated days.
export const DEFAULT_JUDGED_DAYS = 14;
// New anomalies that ended longer ago than this before the last billed day (a backfill) are stored without an alert.
const ALERT_WITHIN_DAYS = 7;
// At most this many children are kept per anomaly.
const MAX_CONTRIBUTIONS = 10;
const LOCK_KEY = 'tourmalet:detect-anomalies';

export type TDetectionRun = {
  from: string | null;
  to: string | null;
  /** The first day any monitor could judge (14 days of history are needed before it). */
  judgedFrom: string | null;
  monitors: number;
  found: number;
  updated: number;
  unchanged: number;
  removed: number;
  alerts: number;
};

type TMonitorRow = {
  id: string;
  kind: TMonitorKind;
  key: string;
  scope: TMonitorScope;
  min_percent: string;
  min_amount: string;
  currency: string;
};

type TStoredAnomaly = {
  id: string;
  monitor_id: string;
  start_day: string;
  end_day: string;
  direction: string;
  expected: string;
  actual: string;
  impact: string;
  impact_percent: string | null;
  score: number;
  provisional: boolean;
  ongoing: boolean;
  status: string;
  found_impact: string | null;
};

const money = (n: number) => n.toFixed(6);
const sameNumber = (stored: string | null, value: number | null) =>
  stored === null || value === null ? stored === value : Number(stored).toFixed(6) === value.toFixed(6);

/** The day's points of the rows a monitor matches, one per (day, frequency). */
export function monitorPoints(rows: readonly TCostRow[], match: (r: TCostRow) => boolean): TAnomalyPoint[] {
  const byKey = new Map<string, TAnomalyPoint>();
  for (const r of rows) {
    if (!match(r)) continue;
    const key = `${r.day}|${r.frequency}`;
    const p = byKey.get(key);
    if (p) {
      p.amount += r.amount;
      p.estimated = p.estimated || r.estimated;
    } else byKey.set(key, { day: r.day, amount: r.amount, estimated: r.estimated, frequency: r.frequency });
  }
  return [...byKey.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function childSeries(rows: readonly TCostRow[], match: (r: TCostRow) => boolean, dimension: Exclude<TContributionDimension, 'usageType'>): TChildSeries[] {
  const children = new Map<string, { label: string; rows: TCostRow[] }>();
  for (const r of rows) {
    if (!match(r)) continue;
    const { key, label } = childOf(dimension, r);
    const child = children.get(key) ?? { label, rows: [] };
    child.rows.push(r);
    children.set(key, child);
  }
  return [...children].map(([key, c]) => ({ key, label: c.label, points: monitorPoints(c.rows, () => true) }));
}

async function contributionsOf(
  anomaly: TAnomaly,
  monitor: TMonitorRow,
  rows: readonly TCostRow[],
  match: (r: TCostRow) => boolean,
  db: pg.PoolClient,
): Promise<{ dimension: TContributionDimension; contributions: TContribution[] }> {
  const dimension = contributionDimension(monitor.kind, monitor.scope);
  let children: TChildSeries[];
  if (dimension === 'usageType') {
    // a service's usage types come from its charges; a scope with a service names it
    const serviceRow = rows.find((r) => match(r) && r.service);
    if (!serviceRow) return { dimension, contributions: [] };
    const typed = await readUsageTypeRows(
      { from: addIsoDays(anomaly.startDay, -LOOKBACK_DAYS), to: anomaly.endDay, currency: monitor.currency, provider: serviceRow.provider, service: serviceRow.service },
      db,
    );
    const byKey = new Map<string, TAnomalyPoint[]>();
    for (const t of typed) {
      const list = byKey.get(t.key) ?? [];
      list.push({ day: t.day, amount: t.amount, frequency: t.frequency });
      byKey.set(t.key, list);
    }
    children = [...byKey].map(([key, points]) => ({ key, label: key, points }));
  } else {
    children = childSeries(rows, match, dimension);
  }
  const ranked = rankContributions({ anomaly, children: children.map((c) => ({ ...c, points: c.points.filter((p) => p.day <= anomaly.endDay) })) });
  // children that moved with the anomaly first; those that barely moved say nothing
  const contributions = ranked
    .filter((c) => Math.abs(c.impact) >= 0.005)
    .slice(0, MAX_CONTRIBUTIONS)
    .map((c) => ({ ...c, expected: Number(c.expected.toFixed(6)), actual: Number(c.actual.toFixed(6)), impact: Number(c.impact.toFixed(6)), share: c.share === null ? null : Number(c.share.toFixed(6)) }));
  return { dimension, contributions };
}

/** Creates or renames the dimensional monitors the rows call for. */
async function syncDimensionMonitors(db: pg.PoolClient, rows: readonly TCostRow[]) {
  const monitors = dimensionMonitors(rows);
  if (!monitors.length) return;
  await db.query(
    `INSERT INTO anomaly_monitor (kind, key, name, scope)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (kind, key) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
      WHERE anomaly_monitor.name IS DISTINCT FROM EXCLUDED.name`,
    [monitors.map((m) => m.kind), monitors.map((m) => m.key), monitors.map((m) => m.name), monitors.map((m) => JSON.stringify(m.scope))],
  );
}

export async function runAnomalyDetection(options: { from?: string; to?: string } = {}): Promise<TDetectionRun> {
  for (const field of ['from', 'to'] as const) {
    const v = options[field];
    if (v !== undefined && !isIsoDay(v)) throw new AppError('BAD_REQUEST', `${field} must be a day YYYY-MM-DD`, [{ field, message: 'must be a day YYYY-MM-DD' }]);
  }
  if (options.from && options.to && options.from > options.to) {
    throw new AppError('BAD_REQUEST', 'to must not be before from', [{ field: 'to', message: 'must not be before from' }]);
  }
  return withTransaction(async (db) => {
    // one run at a time: two would race on the same anomalies
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
    const last = (await db.query<{ last: string | null }>(`SELECT to_char(max(day), 'YYYY-MM-DD') AS last FROM cost_daily`)).rows[0].last;
    const empty: TDetectionRun = { from: null, to: null, judgedFrom: null, monitors: 0, found: 0, updated: 0, unchanged: 0, removed: 0, alerts: 0 };
    if (!last) return empty;
    const to = options.to && options.to < last ? options.to : last;
    const from = options.from ?? addIsoDays(to, -(DEFAULT_JUDGED_DAYS - 1));
    if (from > to) return { ...empty, from, to };

    const stored = (
      await db.query<TStoredAnomaly>(
        `SELECT a.id, a.monitor_id, to_char(a.start_day, 'YYYY-MM-DD') AS start_day, to_char(a.end_day, 'YYYY-MM-DD') AS end_day,
                a.direction, a.expected::text, a.actual::text, a.impact::text, a.impact_percent::text, a.score, a.provisional, a.ongoing,
                a.status, (SELECT al.impact::text FROM anomaly_alert al WHERE al.anomaly_id = a.id AND al.reason = 'found') AS found_impact
           FROM anomaly a
          WHERE a.end_day >= ($1::date - $2::int)`,
        [from, LOOKBACK_DAYS],
      )
    ).rows;
    // an anomaly running into the range is judged again from its start, so it keeps its identity
    let earliest = from;
    for (const a of stored) if (a.end_day >= addIsoDays(from, -1) && a.start_day < earliest && a.status !== 'false_positive') earliest = a.start_day;
    const readFrom = addIsoDays(earliest, -LOOKBACK_DAYS);

    const rowsByCurrency = new Map<string, TCostRow[]>();
    const rowsIn = async (currency: string) => {
      let rows = rowsByCurrency.get(currency);
      if (!rows) {
        // read to the last billed day even for an earlier `to`: an anomaly starting by `to` keeps its whole length
        rows = await readCostRows({ from: readFrom, to: last, currency }, db);
        rowsByCurrency.set(currency, rows);
      }
      return rows;
    };
    await syncDimensionMonitors(db, await rowsIn('EUR'));
    const monitors = (
      await db.query<TMonitorRow>(
        `SELECT id, kind, key, scope, min_percent::text, min_amount::text, currency FROM anomaly_monitor WHERE enabled ORDER BY kind, key`,
      )
    ).rows;

    // the rows of each dimensional monitor, found once: filtering every row for each of a thousand monitors
    // would cost more than judging them
    const indexes = new Map<string, Map<string, TCostRow[]>>();
    const indexed = (currency: string, rows: TCostRow[]) => {
      let index = indexes.get(currency);
      if (!index) {
        index = new Map();
        const push = (key: string, r: TCostRow) => {
          const list = index!.get(key);
          if (list) list.push(r);
          else index!.set(key, [r]);
        };
        for (const r of rows) {
          push('total\u0000total', r);
          push(`provider\u0000${r.provider}`, r);
          if (r.service) push(`service\u0000${scopedKey(r.provider, r.service)}`, r);
          if (r.region) push(`region\u0000${scopedKey(r.provider, r.region)}`, r);
          if (r.account) push(`account\u0000${scopedKey(r.provider, r.account)}`, r);
        }
        indexes.set(currency, index);
      }
      return index;
    };
    const storedByMonitor = new Map<string, TStoredAnomaly[]>();
    for (const a of stored) storedByMonitor.set(a.monitor_id, [...(storedByMonitor.get(a.monitor_id) ?? []), a]);
    const result: TDetectionRun = { ...empty, from, to, monitors: monitors.length };

    for (const monitor of monitors) {
      const allRows = await rowsIn(monitor.currency);
      const rows = monitor.kind === 'custom' ? allRows : (indexed(monitor.currency, allRows).get(`${monitor.kind}\u0000${monitor.key}`) ?? []);
      const match = scopeMatcher(monitor.scope);
      const mine = storedByMonitor.get(monitor.id) ?? [];
      let monitorFrom = from;
      for (const a of mine) if (a.end_day >= addIsoDays(from, -1) && a.start_day < monitorFrom && a.status !== 'false_positive') monitorFrom = a.start_day;
      const ignoreDays: string[] = [];
      for (const a of mine) if (a.status === 'false_positive') for (let d = a.start_day; d <= a.end_day; d = addIsoDays(d, 1)) ignoreDays.push(d);
      const detection = detectAnomalies({
        points: monitorPoints(rows, match),
        from: monitorFrom,
        to: last,
        ignoreDays,
        minPercent: Number(monitor.min_percent),
        minAmount: Number(monitor.min_amount),
      });
      if (detection.judgedFrom && (!result.judgedFrom || detection.judgedFrom < result.judgedFrom)) result.judgedFrom = detection.judgedFrom;

      const byStart = new Map(mine.map((a) => [a.start_day, a]));
      const seen = new Set<string>();
      for (const anomaly of detection.anomalies) {
        if (anomaly.startDay > to) continue;
        seen.add(anomaly.startDay);
        const existing = byStart.get(anomaly.startDay);
        if (existing && existing.status === 'false_positive') continue;
        const same =
          existing &&
          existing.end_day === anomaly.endDay &&
          existing.direction === anomaly.direction &&
          sameNumber(existing.expected, anomaly.expected) &&
          sameNumber(existing.actual, anomaly.actual) &&
          sameNumber(existing.impact_percent, anomaly.impactPercent) &&
          existing.score.toFixed(6) === anomaly.score.toFixed(6) &&
          existing.provisional === anomaly.provisional &&
          existing.ongoing === anomaly.ongoing;
        if (same) {
          result.unchanged++;
          continue;
        }
        const { dimension, contributions } = await contributionsOf(anomaly, monitor, rows, match, db);
        const values = [
          monitor.id,
          anomaly.startDay,
          anomaly.endDay,
          anomaly.direction,
          monitor.currency,
          money(anomaly.expected),
          money(anomaly.actual),
          money(anomaly.impact),
          anomaly.impactPercent === null ? null : money(anomaly.impactPercent),
          anomaly.score,
          JSON.stringify(contributions),
          dimension,
          anomaly.provisional,
          anomaly.ongoing,
        ];
        const { rows: written } = await db.query<{ id: string; inserted: boolean }>(
          `INSERT INTO anomaly (monitor_id, start_day, end_day, direction, currency, expected, actual, impact, impact_percent, score,
                                contributions, contribution_dimension, provisional, ongoing)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (monitor_id, start_day) DO UPDATE SET
             end_day = EXCLUDED.end_day, direction = EXCLUDED.direction, currency = EXCLUDED.currency, expected = EXCLUDED.expected,
             actual = EXCLUDED.actual, impact = EXCLUDED.impact, impact_percent = EXCLUDED.impact_percent, score = EXCLUDED.score,
             contributions = EXCLUDED.contributions, contribution_dimension = EXCLUDED.contribution_dimension,
             provisional = EXCLUDED.provisional, ongoing = EXCLUDED.ongoing, updated_at = now()
           RETURNING id, (xmax = 0) AS inserted`,
          values,
        );
        const { id, inserted } = written[0];
        if (inserted) result.found++;
        else result.updated++;
        const recent = anomaly.endDay >= addIsoDays(last, -(ALERT_WITHIN_DAYS - 1));
        if (inserted && recent) {
          result.alerts += (
            await db.query(`INSERT INTO anomaly_alert (anomaly_id, reason, impact, currency) VALUES ($1, 'found', $2, $3) ON CONFLICT DO NOTHING`, [
              id,
              money(anomaly.impact),
              monitor.currency,
            ])
          ).rowCount ?? 0;
        } else if (
          existing?.found_impact &&
          existing.status !== 'expected' &&
          Math.abs(anomaly.impact) >= 2 * Math.abs(Number(existing.found_impact))
        ) {
          result.alerts += (
            await db.query(
              `INSERT INTO anomaly_alert (anomaly_id, reason, impact, currency) VALUES ($1, 'impact_doubled', $2, $3) ON CONFLICT DO NOTHING`,
              [id, money(anomaly.impact), monitor.currency],
            )
          ).rowCount ?? 0;
        }
      }
      // open anomalies of the judged range that the data no longer shows (a provider revised its estimate)
      const gone = mine.filter((a) => a.status === 'open' && a.start_day >= monitorFrom && a.start_day <= to && !seen.has(a.start_day));
      if (gone.length) {
        await db.query('DELETE FROM anomaly WHERE id = ANY($1::uuid[])', [gone.map((a) => a.id)]);
        result.removed += gone.length;
      }
    }
    if (result.found || result.updated || result.removed) {
      logger.info({ ...result }, 'anomaly detection stored changes');
    }
    return result;
  });
}
