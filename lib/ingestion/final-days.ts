// The days of a window that a connection has already stored as final (every row of the day
// is_estimated = false): a connector need not pay to read them again.
import type pg from 'pg';

export async function finalDaysOf(
  client: Pick<pg.Pool, 'query'> | pg.PoolClient,
  source: string,
  window: { from: Date; to: Date },
): Promise<Set<string>> {
  const { rows } = await client.query<{ day: string }>(
    `SELECT to_char((charge_period_start AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
       FROM cost_record
      WHERE source = $1 AND charge_period_start >= $2 AND charge_period_start < $3
      GROUP BY 1
     HAVING bool_and(NOT is_estimated)`,
    [source, window.from, window.to],
  );
  return new Set(rows.map((r) => r.day));
}
