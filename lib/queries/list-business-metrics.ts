// Business metrics with how far their points reach, for the unit costs page, the API and the CLI.
import { pool } from '../db';

export type TBusinessMetricView = {
  name: string;
  label: string;
  unit: string;
  per: number;
  aggregation: 'sum' | 'average';
  source: 'manual' | 'prometheus';
  connectionId: string | null;
  query: string | null;
  points: number;
  firstDay: string | null;
  lastDay: string | null;
  lastValue: string | null;
};

export async function listBusinessMetrics(): Promise<TBusinessMetricView[]> {
  const { rows } = await pool().query<TBusinessMetricView>(
    `SELECT m.name, m.label, m.unit, m.per, m.aggregation, m.source, m.connection_id AS "connectionId", m.query,
            count(p.day)::int AS points, to_char(min(p.day), 'YYYY-MM-DD') AS "firstDay", to_char(max(p.day), 'YYYY-MM-DD') AS "lastDay",
            (SELECT l.value::text FROM business_metric_point l WHERE l.metric_id = m.id ORDER BY l.day DESC LIMIT 1) AS "lastValue"
       FROM business_metric m LEFT JOIN business_metric_point p ON p.metric_id = m.id
      GROUP BY m.id ORDER BY m.label, m.name`,
  );
  return rows;
}
