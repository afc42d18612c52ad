// The anomaly monitors with their thresholds, subscriptions and open anomalies.
import type { TMonitorKind, TMonitorScope } from '../anomalies/monitor-scope';
import type { TMonitorView } from '../api/schemas/anomalies';
import { pool } from '../db';

const KIND_ORDER = "array_position(ARRAY['total','provider','service','account','region','custom'], m.kind)";

export async function listAnomalyMonitors(options: { id?: string } = {}): Promise<TMonitorView[]> {
  const { rows } = await pool().query<{
    id: string;
    kind: TMonitorKind;
    key: string;
    name: string;
    scope: TMonitorScope;
    min_percent: string;
    min_amount: string;
    currency: string;
    enabled: boolean;
    subscriptions: { channelId: string; frequency: 'immediate' | 'daily' }[];
    open: number;
  }>(
    `SELECT m.id, m.kind, m.key, m.name, m.scope, m.min_percent::text, m.min_amount::text, m.currency, m.enabled,
            coalesce((SELECT json_agg(json_build_object('channelId', s.channel_id, 'frequency', s.frequency) ORDER BY s.created_at, s.channel_id)
                        FROM anomaly_monitor_subscription s WHERE s.monitor_id = m.id), '[]') AS subscriptions,
            (SELECT count(*)::int FROM anomaly a WHERE a.monitor_id = m.id AND a.status = 'open') AS open
       FROM anomaly_monitor m
      ${options.id ? 'WHERE m.id = $1' : ''}
      ORDER BY ${KIND_ORDER}, m.name`,
    options.id ? [options.id] : [],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    key: r.key,
    name: r.name,
    scope: r.scope,
    minPercent: Number(r.min_percent),
    minAmount: Number(r.min_amount),
    currency: r.currency,
    enabled: r.enabled,
    subscriptions: r.subscriptions,
    openAnomalies: r.open,
  }));
}
