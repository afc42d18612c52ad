// Database reachable, and the applied migrations equal the checked-in ones.
import fs from 'node:fs';
import path from 'node:path';
import { pool } from '../db';

export async function checkHealth() {
  try {
    const expected = fs
      .readdirSync(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied = await pool().query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const names = new Set(applied.rows.map((r) => r.migration_name));
    const pending = expected.filter((m) => !names.has(m));
    return {
      status: pending.length ? ('degraded' as const) : ('ok' as const),
      database: 'reachable' as const,
      migrations: { expected: expected.length, applied: names.size, pending },
    };
  } catch {
    // public endpoint: say what is wrong, not the server's address or user
    return { status: 'down' as const, database: 'unreachable' as const, error: 'the database cannot be reached or is not migrated' };
  }
}
