// Writes one window's fetch result in the caller's transaction: resources first (samples refer to
// them), then cost records, samples and provider insights.
import type pg from 'pg';
import type { TFetchResult, TFetchWindow } from '../connectors/types';
import { naturalKey } from './natural-key';
import { refreshCostDaily } from './refresh-cost-daily';
import { upsertCostRecords } from './upsert-cost-records';
import { upsertInsights } from './upsert-insights';
import { upsertResources } from './upsert-resources';
import { upsertSamples } from './upsert-samples';

export type TCounts = { inserted: number; updated: number; unchanged: number };
export type TWriteCounts = {
  costs: TCounts;
  resources: TCounts;
  samples: TCounts;
  insights: { upserted: number; deleted: number };
  // this source's records of a re-fetched day that the provider no longer returns
  costsRemoved: number;
};

const zero = (): TCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export function emptyWriteCounts(): TWriteCounts {
  return { costs: zero(), resources: zero(), samples: zero(), insights: { upserted: 0, deleted: 0 }, costsRemoved: 0 };
}

export async function writeFetchResult(
  client: pg.PoolClient,
  options: { connectionId: string; source: string; result: TFetchResult; window?: TFetchWindow },
): Promise<TWriteCounts> {
  const { result, source, connectionId } = options;
  const counts = emptyWriteCounts();
  if (result.resources.length) {
    const r = await upsertResources(client, result.resources, { source, connectionId });
    counts.resources = { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged };
  }
  if (result.costs.length) {
    const c = await upsertCostRecords(client, result.costs, source);
    counts.costs = { inserted: c.inserted, updated: c.updated, unchanged: c.unchanged };
    if (options.window) counts.costsRemoved = await removeVanishedCosts(client, source, result.costs, options.window);
  }
  if (result.samples.length) counts.samples = await upsertSamples(client, result.samples);
  if (result.insights.length) {
    // the kinds fetched this time were fetched whole: what they no longer hold has gone away
    const kinds = [...new Set(result.insights.map((i) => i.kind))];
    counts.insights = await upsertInsights(client, { connectionId, insights: result.insights, replaceKinds: kinds });
  }
  return counts;
}

// A day the provider answered for is its whole truth for that day: a record this source holds for
// it that the answer no longer has (an estimate re-attributed to another usage type, say) would
// otherwise be counted twice. Days the answer does not cover are left alone (the connector may
// have skipped them as already final), and so are days outside the window fetched (a monthly
// charge dated the 1st can come with a window that does not hold the 1st's other records).
async function removeVanishedCosts(client: pg.PoolClient, source: string, costs: TFetchResult['costs'], window: TFetchWindow): Promise<number> {
  const inWindow = costs.filter((r) => r.chargePeriodStart >= window.from && r.chargePeriodStart < window.to);
  const days = [...new Set(inWindow.map((r) => r.chargePeriodStart.toISOString().slice(0, 10)))];
  if (days.length === 0) return 0;
  const keys = [...new Set(costs.map(naturalKey))];
  await client.query('DROP TABLE IF EXISTS pg_temp.fetched_cost_keys, pg_temp.vanished_cost_days');
  await client.query('CREATE TEMP TABLE fetched_cost_keys (natural_key uuid PRIMARY KEY) ON COMMIT DROP');
  await client.query('INSERT INTO fetched_cost_keys SELECT DISTINCT unnest($1::uuid[])', [keys]);
  await client.query('CREATE TEMP TABLE vanished_cost_days (day date, provider_name text) ON COMMIT DROP');
  const lo = days.reduce((a, b) => (a < b ? a : b));
  const hi = days.reduce((a, b) => (a > b ? a : b));
  const removed = await client.query<{ removed: string }>(
    `WITH gone AS (
       DELETE FROM cost_record c
        WHERE c.source = $1
          AND c.charge_period_start >= ($2::date)::timestamp AT TIME ZONE 'UTC'
          AND c.charge_period_start < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
          AND (c.charge_period_start AT TIME ZONE 'UTC')::date = ANY($4::date[])
          AND NOT EXISTS (SELECT 1 FROM fetched_cost_keys k WHERE k.natural_key = c.natural_key)
       RETURNING (c.charge_period_start AT TIME ZONE 'UTC')::date AS day, c.provider_name),
     days AS (INSERT INTO vanished_cost_days SELECT DISTINCT day, provider_name FROM gone RETURNING 1)
     SELECT (SELECT count(*) FROM gone) AS removed`,
    [source, lo, hi, days],
  );
  const count = Number(removed.rows[0].removed);
  if (count > 0) await refreshCostDaily(client, 'SELECT day, provider_name FROM pg_temp.vanished_cost_days');
  return count;
}

export function addCounts(a: TWriteCounts, b: TWriteCounts): TWriteCounts {
  const add = (x: TCounts, y: TCounts): TCounts => ({
    inserted: x.inserted + y.inserted,
    updated: x.updated + y.updated,
    unchanged: x.unchanged + y.unchanged,
  });
  return {
    costs: add(a.costs, b.costs),
    resources: add(a.resources, b.resources),
    samples: add(a.samples, b.samples),
    insights: { upserted: a.insights.upserted + b.insights.upserted, deleted: a.insights.deleted + b.insights.deleted },
    costsRemoved: a.costsRemoved + b.costsRemoved,
  };
}
