// Helpers for integration tests on the real database.
import { pool } from '../lib/db';

// Empties the given tables (or every application table) between tests.
export async function truncate(...tables: string[]) {
  const names = tables.length
    ? tables
    : (
        await pool().query<{ tablename: string }>(
          `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
             AND tablename NOT LIKE '\\_prisma%' AND tablename NOT LIKE 'cost\\_record\\_%'`,
        )
      ).rows.map((r) => r.tablename);
  if (names.length) await pool().query(`TRUNCATE ${names.map((n) => `"${n}"`).join(', ')} CASCADE`);
}
