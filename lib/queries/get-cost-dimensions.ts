// The values each cost dimension takes, for filter choices: from the daily rollup, never raw
// records. Each choice's value is the group key the costs API gives (a filter takes it back); its
// label is the costs API's for that group among all of them (an answer that holds fewer groups may
// need to say less: "global" rather than "AWS · global" when only AWS has one).
import { pool } from '../db';
import { cachedByDataVersion } from './data-version';
import { groupKey, groupLabels, type TGroupBy } from './get-costs';

export type TCostChoice = { value: string; label: string };
export type TCostDimensions = { providers: TCostChoice[]; services: TCostChoice[]; regions: TCostChoice[]; accounts: TCostChoice[]; categories: TCostChoice[] };
export type TCostChoices = TCostDimensions & { tagKeys: string[] };

// The most tag keys offered to group by: a bill tagged per request id would otherwise list thousands.
const MAX_TAG_KEYS = 200;

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

// The tag keys records carry, to group by: tags are in cost_record only (see get-costs.ts).
async function tagKeys(): Promise<string[]> {
  const { rows } = await pool().query<{ k: string }>(
    `SELECT DISTINCT k FROM cost_record, jsonb_object_keys(tags) AS k ORDER BY 1 LIMIT ${MAX_TAG_KEYS}`,
  );
  return rows.map((r) => r.k);
}

async function readCostDimensions(): Promise<TCostChoices> {
  const [providers, services, regions, accounts, categories, keys] = await Promise.all([
    choices('provider', 'provider_name', "''"),
    choices('service', 'provider_name', 'service_name'),
    choices('region', 'provider_name', 'region_id'),
    choices('account', 'provider_name', 'sub_account_id', "max(NULLIF(sub_account_name, ''))"),
    choices('category', 'service_category', "''"),
    tagKeys(),
  ]);
  return { providers, services, regions, accounts, categories, tagKeys: keys };
}

// five scans of cost_daily and one of cost_record on every view of the costs page: kept until the
// cost data changes
const cachedDimensions = cachedByDataVersion(readCostDimensions, { max: 1 });
export const getCostDimensions = (): Promise<TCostChoices> => cachedDimensions(undefined);
