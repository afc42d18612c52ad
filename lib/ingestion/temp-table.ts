// Temporary work tables that vanish with the caller's transaction.
import type pg from 'pg';
import { AppError } from '../errors';

// (Re)creates pg_temp.<name> ON COMMIT DROP. Outside a transaction the table would be dropped the
// moment it is made, so that is refused with a message that says what to do.
export async function createTempTable(client: pg.PoolClient | pg.Client, name: string, body: string): Promise<string> {
  const qualified = `pg_temp.${name}`;
  await client.query(`DROP TABLE IF EXISTS ${qualified}`);
  await client.query(`CREATE TEMP TABLE ${name} (${body}) ON COMMIT DROP`);
  const { rows } = await client.query<{ ok: string | null }>('SELECT to_regclass($1)::text AS ok', [qualified]);
  if (!rows[0]?.ok) {
    throw new AppError('INTERNAL', `Ingestion must run inside a transaction (use withTransaction): ${name} vanished`);
  }
  return qualified;
}
