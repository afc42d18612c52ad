// Writes of business metrics and their daily points. A batch of points is written whole or not at all.
import type pg from 'pg';
import type { TActor } from '../auth/actor';
import { pool, withTransaction } from '../db';
import { AppError } from '../errors';
import type { TCreateMetric, TMetricPoint } from './schemas';

type TWriteActor = TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null };

export type TMetricRow = {
  id: string;
  name: string;
  label: string;
  unit: string;
  per: number;
  aggregation: 'sum' | 'average';
  source: 'manual' | 'prometheus';
  connectionId: string | null;
  query: string | null;
};

const SELECT = `SELECT id, name, label, unit, per, aggregation, source, connection_id AS "connectionId", query FROM business_metric`;

export async function findMetric(name: string, db: Pick<pg.Pool, 'query'> = pool()): Promise<TMetricRow> {
  const { rows } = await db.query<TMetricRow>(`${SELECT} WHERE name = $1`, [name]);
  if (!rows[0]) throw new AppError('NOT_FOUND', `no business metric named "${name}"`);
  return rows[0];
}

export async function createMetric(input: TCreateMetric, actor: TWriteActor, db?: pg.PoolClient): Promise<TMetricRow> {
  if (input.connectionId) {
    const { rows } = await (db ?? pool()).query<{ provider: string }>('SELECT provider FROM connection WHERE id = $1', [input.connectionId]);
    if (!rows[0]) throw new AppError('BAD_REQUEST', 'connectionId: no such connection', [{ field: 'connectionId', message: 'no such connection' }]);
    if (rows[0].provider !== 'prometheus') {
      throw new AppError('BAD_REQUEST', 'connectionId: must be a Prometheus connection', [{ field: 'connectionId', message: 'must be a Prometheus connection' }]);
    }
  }
  const write = async (db: pg.PoolClient) => {
    const { rows } = await db.query<TMetricRow>(
      `INSERT INTO business_metric (name, label, unit, per, aggregation, source, connection_id, query) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (name) DO NOTHING
       RETURNING id, name, label, unit, per, aggregation, source, connection_id AS "connectionId", query`,
      [input.name, input.label, input.unit, input.per, input.aggregation, input.source, input.connectionId ?? null, input.query ?? null],
    );
    if (!rows[0]) throw new AppError('CONFLICT', `a business metric named "${input.name}" exists already`, [{ field: 'name', message: 'is taken' }]);
    await db.query(
      `INSERT INTO audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, details)
       VALUES ($1, $2, $3, 'business_metric.create', 'business_metric', $4, $5)`,
      [actor.type, actor.id ?? null, actor.label ?? null, rows[0].id, JSON.stringify({ name: input.name, source: input.source })],
    );
    return rows[0];
  };
  return db ? write(db) : withTransaction(write);
}

export type TPointsResult = { inserted: number; updated: number; unchanged: number };

/** Upserts the points of one metric in one transaction; a day already there takes the new value. */
export async function upsertMetricPoints(
  name: string,
  points: readonly TMetricPoint[],
  options: { source: 'manual' | 'csv' | 'api' | 'prometheus' | 'demo'; actor?: TWriteActor },
  db?: pg.PoolClient,
): Promise<TPointsResult> {
  const run = async (client: pg.PoolClient) => {
    const metric = await findMetric(name, client);
    const { rows } = await client.query<{ inserted: boolean; changed: boolean }>(
      `WITH input AS (SELECT * FROM unnest($2::date[], $3::numeric[]) AS t(day, value)),
            prior AS (SELECT p.day, p.value FROM business_metric_point p JOIN input USING (day) WHERE p.metric_id = $1),
            written AS (
              INSERT INTO business_metric_point (metric_id, day, value, source)
              SELECT $1, day, value, $4 FROM input
              ON CONFLICT (metric_id, day) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, updated_at = now()
               WHERE business_metric_point.value IS DISTINCT FROM EXCLUDED.value
              RETURNING day)
       SELECT (prior.day IS NULL) AS inserted, (written.day IS NOT NULL) AS changed
         FROM input LEFT JOIN prior USING (day) LEFT JOIN written USING (day)`,
      [metric.id, points.map((p) => p.day), points.map((p) => p.value), options.source],
    );
    const result = {
      inserted: rows.filter((r) => r.inserted).length,
      updated: rows.filter((r) => !r.inserted && r.changed).length,
      unchanged: rows.filter((r) => !r.changed).length,
    };
    if (options.actor && (result.inserted || result.updated)) {
      await client.query(
        `INSERT INTO audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, details)
         VALUES ($1, $2, $3, 'business_metric.points', 'business_metric', $4, $5)`,
        [options.actor.type, options.actor.id ?? null, options.actor.label ?? null, metric.id, JSON.stringify({ source: options.source, ...result })],
      );
    }
    return result;
  };
  return db ? run(db) : withTransaction(run);
}
