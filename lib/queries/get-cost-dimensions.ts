// The values each cost dimension takes, for filter choices: from the daily rollup, never raw records.
import { pool } from '../db';

export type TCostDimensions = { providers: string[]; services: string[]; regions: string[]; accounts: { id: string; name: string }[] };

export async function getCostDimensions(): Promise<TCostDimensions> {
  const distinct = async (column: string) =>
    (await pool().query<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM cost_daily WHERE ${column} <> '' ORDER BY 1`)).rows.map((r) => r.v);
  const [providers, services, regions, accounts] = await Promise.all([
    distinct('provider_name'),
    distinct('service_name'),
    distinct('region_id'),
    pool().query<{ id: string; name: string }>(
      "SELECT sub_account_id AS id, max(NULLIF(sub_account_name, '')) AS name FROM cost_daily WHERE sub_account_id <> '' GROUP BY 1 ORDER BY 1",
    ),
  ]);
  return { providers, services, regions, accounts: accounts.rows.map((r) => ({ id: r.id, name: r.name ?? r.id })) };
}
