// Creates, changes and removes anomaly monitors. Dimensional monitors come and go with the data (run-detection);
// people change their thresholds, switch them off and subscribe channels. Custom monitors are saved scopes.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { TActor } from '../auth/actor';
import type { TCreateMonitor, TMonitorView, TUpdateMonitor } from '../api/schemas/anomalies';
import { isUuid } from '../connections/find-connection';
import { withTransaction } from '../db';
import { AppError } from '../errors';
import { listAnomalyMonitors } from '../queries/list-anomaly-monitors';

type TMonitorActor = TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null };

async function auditIn(db: pg.PoolClient, actor: TMonitorActor, action: string, id: string, details: Record<string, unknown>) {
  await db.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, details)
     VALUES ($1, $2, $3, $4, 'anomaly_monitor', $5, $6)`,
    [actor.type, actor.id ?? null, actor.label ?? null, action, id, JSON.stringify(details)],
  );
}

async function setSubscriptions(db: pg.PoolClient, monitorId: string, subscriptions: { channelId: string; frequency: string }[]) {
  const seen = new Set<string>();
  subscriptions.forEach((s, i) => {
    if (seen.has(s.channelId)) {
      throw new AppError('BAD_REQUEST', `subscriptions.${i}.channelId: the channel is listed twice`, [{ field: `subscriptions.${i}.channelId`, message: 'is listed twice' }]);
    }
    seen.add(s.channelId);
  });
  await db.query('DELETE FROM anomaly_monitor_subscription WHERE monitor_id = $1', [monitorId]);
  if (subscriptions.length) {
    await db.query(
      `INSERT INTO anomaly_monitor_subscription (monitor_id, channel_id, frequency)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[])`,
      [monitorId, subscriptions.map((s) => s.channelId), subscriptions.map((s) => s.frequency)],
    );
  }
}

async function view(id: string): Promise<TMonitorView> {
  const [monitor] = await listAnomalyMonitors({ id });
  return monitor;
}

export async function createMonitor(input: TCreateMonitor, actor: TMonitorActor): Promise<TMonitorView> {
  const id = randomUUID();
  await withTransaction(async (db) => {
    // a custom monitor's key is its id: two saved scopes may be the same on purpose (other thresholds)
    await db.query(
      `INSERT INTO anomaly_monitor (id, kind, key, name, scope, min_percent, min_amount, currency, created_by)
       VALUES ($1, 'custom', $8, $2, $3, $4, $5, $6, $7)`,
      [id, input.name, JSON.stringify(input.scope), input.minPercent, input.minAmount, input.currency, actor.label ?? null, id],
    );
    await setSubscriptions(db, id, input.subscriptions);
    await auditIn(db, actor, 'anomaly_monitor.create', id, { name: input.name, scope: input.scope });
  });
  return view(id);
}

async function findKind(db: pg.PoolClient, id: string): Promise<string> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', `no anomaly monitor ${id}`);
  const { rows } = await db.query<{ kind: string }>('SELECT kind FROM anomaly_monitor WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND', `no anomaly monitor ${id}`);
  return rows[0].kind;
}

export async function updateMonitor(id: string, input: TUpdateMonitor, actor: TMonitorActor): Promise<TMonitorView> {
  await withTransaction(async (db) => {
    const kind = await findKind(db, id);
    if (kind !== 'custom') {
      for (const field of ['name', 'scope'] as const) {
        if (input[field] !== undefined) {
          throw new AppError('BAD_REQUEST', `${field}: a ${kind} monitor follows its dimension; only custom monitors change ${field}`, [
            { field, message: 'only custom monitors change it' },
          ]);
        }
      }
    }
    if (input.scope && Object.keys(input.scope).length === 0) {
      throw new AppError('BAD_REQUEST', 'scope: must name at least one filter', [{ field: 'scope', message: 'must name at least one filter' }]);
    }
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (input.name !== undefined) set('name', input.name);
    if (input.scope !== undefined) set('scope', JSON.stringify(input.scope));
    if (input.minPercent !== undefined) set('min_percent', input.minPercent);
    if (input.minAmount !== undefined) set('min_amount', input.minAmount);
    if (input.enabled !== undefined) set('enabled', input.enabled);
    if (sets.length) await db.query(`UPDATE anomaly_monitor SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    if (input.subscriptions) await setSubscriptions(db, id, input.subscriptions);
    await auditIn(db, actor, 'anomaly_monitor.update', id, { ...input });
  });
  return view(id);
}

export async function deleteMonitor(id: string, actor: TMonitorActor): Promise<{ id: string }> {
  await withTransaction(async (db) => {
    const kind = await findKind(db, id);
    if (kind !== 'custom') {
      throw new AppError('CONFLICT', `a ${kind} monitor comes back with its data: switch it off with enabled: false instead`);
    }
    await db.query('DELETE FROM anomaly_monitor WHERE id = $1', [id]);
    await auditIn(db, actor, 'anomaly_monitor.delete', id, {});
  });
  return { id };
}
