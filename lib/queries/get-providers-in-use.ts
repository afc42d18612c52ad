// Which providers the organisation uses: a connection to it, or costs from it. The prices page
// shows the catalogue of these first and folds the others away.
import { pool } from '../db';
import { providerKey } from '../prices/provider-key';

export async function getProvidersInUse(): Promise<Set<string>> {
  const db = pool();
  const [connections, costs] = await Promise.all([
    db.query<{ provider: string }>('SELECT DISTINCT provider FROM connection'),
    // a loose index scan would need an index led by provider_name; the rollup is small enough
    db.query<{ provider: string }>('SELECT DISTINCT provider_name AS provider FROM cost_daily'),
  ]);
  return new Set([...connections.rows, ...costs.rows].map((r) => providerKey(r.provider)));
}
