// Writes one window's fetch result in the caller's transaction: resources first (samples refer to
// them), then cost records, samples and provider insights.
import type pg from 'pg';
import type { TFetchResult } from '../connectors/types';
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
};

const zero = (): TCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export function emptyWriteCounts(): TWriteCounts {
  return { costs: zero(), resources: zero(), samples: zero(), insights: { upserted: 0, deleted: 0 } };
}

export async function writeFetchResult(
  client: pg.PoolClient,
  options: { connectionId: string; source: string; result: TFetchResult },
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
  }
  if (result.samples.length) counts.samples = await upsertSamples(client, result.samples);
  if (result.insights.length) {
    // the kinds fetched this time were fetched whole: what they no longer hold has gone away
    const kinds = [...new Set(result.insights.map((i) => i.kind))];
    counts.insights = await upsertInsights(client, { connectionId, insights: result.insights, replaceKinds: kinds });
  }
  return counts;
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
  };
}
