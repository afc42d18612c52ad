// Stored anomalies, newest first, with their monitor: the anomalies page, the API, the CLI and the overview.
import type { TMonitorKind, TMonitorScope } from '../anomalies/monitor-scope';
import type { TAnomalyListQuery, TAnomalyStatus, TAnomalyView } from '../api/schemas/anomalies';
import { pool } from '../db';
import { parseScopedKey } from './cost-keys';

type TRow = Omit<TAnomalyView, 'monitor' | 'detectedAt' | 'statusChangedAt'> & {
  monitor_id: string;
  kind: TMonitorKind;
  key: string;
  name: string;
  detectedAt: Date;
  statusChangedAt: Date | null;
};

/** The provider a scope lies within, or null for a scope across providers (the total). */
export function scopeProvider(scope: TMonitorScope): string | null {
  if (scope.provider) return scope.provider;
  for (const key of [scope.service, scope.region, scope.account]) {
    const parsed = key ? parseScopedKey(key) : null;
    if (parsed) return parsed.provider;
  }
  return null;
}

export async function listAnomalies(query: TAnomalyListQuery & { limit?: number }): Promise<TAnomalyView[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.from) add('a.end_day >= ?::date', query.from);
  if (query.to) add('a.start_day < ?::date', query.to);
  if (query.status) add('a.status = ?', query.status);
  if (query.monitor) add('a.monitor_id = ?::uuid', query.monitor);
  if (query.service) add("m.scope->>'service' = ?", query.service);
  const { rows } = await pool().query<TRow>(
    `SELECT a.id, a.monitor_id, m.kind, m.key, m.name, m.scope, to_char(a.start_day, 'YYYY-MM-DD') AS "startDay",
            to_char(a.end_day, 'YYYY-MM-DD') AS "endDay", a.direction, a.currency, round(a.expected, 2)::text AS expected,
            round(a.actual, 2)::text AS actual, round(a.impact, 2)::text AS impact, round(a.impact_percent, 1)::text AS "impactPercent",
            a.score, a.contributions, a.contribution_dimension AS "contributionDimension", a.status, a.note, a.provisional, a.ongoing,
            a.detected_at AS "detectedAt", a.status_changed_at AS "statusChangedAt", a.status_changed_by AS "statusChangedBy"
       FROM anomaly a JOIN anomaly_monitor m ON m.id = a.monitor_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.end_day DESC, abs(a.impact) DESC, m.kind, m.key
      LIMIT ${Math.min(query.limit ?? 1000, 5000)}`,
    params,
  );
  return rows
    .filter((r) => !query.provider || scopeProvider(r.scope) === query.provider)
    .map(({ monitor_id, kind, key, name, detectedAt, statusChangedAt, ...r }) => ({
      ...r,
      score: Math.round(r.score * 100) / 100,
      status: r.status as TAnomalyStatus,
      monitor: { id: monitor_id, kind, key, name },
      detectedAt: detectedAt.toISOString(),
      statusChangedAt: statusChangedAt ? statusChangedAt.toISOString() : null,
    }));
}
