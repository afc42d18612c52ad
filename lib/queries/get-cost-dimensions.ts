// The values each cost dimension takes, for filter choices: from the daily rollup, never raw
// records. Each choice's value is the group key the costs API gives (a filter takes it back) and
// its label the one the costs API gives that group.
import { pool } from '../db';
import { groupKey, groupLabels, type TGroupBy } from './get-costs';

export type TCostChoice = { value: string; label: string };
export type TCostDimensions = { providers: TCostChoice[]; services: TCostChoice[]; regions: TCostChoice[]; accounts: TCostChoice[]; categories: TCostChoice[] };

async function choices(groupBy: TGroupBy, a: string, b: string, name = 'NULL::text'): Promise<TCostChoice[]> {
  const { rows } = await pool().query<{ a: string; b: string; name: string | null }>(
    `SELECT ${a} AS a, ${b} AS b, ${name} AS name FROM cost_daily GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const labels = groupLabels(groupBy, rows);
  return rows
    .map((r) => {
      const value = groupKey(groupBy, r.a, r.b);
      return { value, label: labels.get(value)! };
    })
    .sort((x, y) => x.label.localeCompare(y.label));
}

export async function getCostDimensions(): Promise<TCostDimensions> {
  const [providers, services, regions, accounts, categories] = await Promise.all([
    choices('provider', 'provider_name', "''"),
    choices('service', 'provider_name', 'service_name'),
    choices('region', 'provider_name', 'region_id'),
    choices('account', 'provider_name', 'sub_account_id', "max(NULLIF(sub_account_name, ''))"),
    choices('category', 'service_category', "''"),
  ]);
  return { providers, services, regions, accounts, categories };
}
