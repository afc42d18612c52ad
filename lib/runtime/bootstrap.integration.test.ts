import { describe, expect, it } from 'vitest';
import { pool } from '../db';

describe('test database', () => {
  it('is migrated and partitions cost records by month', async () => {
    const made = await pool().query<{ n: number }>(
      "SELECT ensure_cost_partitions('2026-01-15T00:00:00Z', '2026-03-02T00:00:00Z') AS n",
    );
    expect(made.rows[0].n).toBeGreaterThanOrEqual(0);
    const parts = await pool().query<{ name: string }>(
      "SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'cost_record'::regclass ORDER BY 1",
    );
    expect(parts.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['cost_record_2026_01', 'cost_record_2026_02', 'cost_record_2026_03']),
    );
  });
});
