// The cost_daily rows of records that are new to the database, summed in memory while they are
// written, then added to cost_daily in one statement: a million fresh records cost a few thousand
// additions instead of a re-aggregation of every one of them. Only for records that cannot replace
// anything (a replaced record's old amount would stay counted): updates go through
// refreshCostDaily, which rebuilds the days it touches from cost_record.
import type pg from 'pg';
import { DAY_MS, isoDay } from '../dates';
import { detached } from '../focus/focus-values';
import type { TFocusRecord } from '../focus/types';
import { copyCsv } from './copy-csv';
import { lockRollupProviders, ROLLUP_COLUMNS } from './refresh-cost-daily';
import { createTempTable } from './temp-table';

// cost_record's amounts are numeric(30,12): PostgreSQL rounds what it stores to 12 places, half
// away from zero, and sums the stored values. Units of 1e-12 as BigInt reproduce that exactly.
const PLACES = 12;

export function toUnits(decimal: string): bigint {
  const negative = decimal.charCodeAt(0) === 45; // '-'
  const digits = negative ? decimal.slice(1) : decimal;
  const dot = digits.indexOf('.');
  const int = dot < 0 ? digits : digits.slice(0, dot);
  let frac = dot < 0 ? '' : digits.slice(dot + 1);
  let roundUp = false;
  if (frac.length > PLACES) {
    roundUp = frac.charCodeAt(PLACES) >= 53; // '5'
    frac = frac.slice(0, PLACES);
  } else frac = frac.padEnd(PLACES, '0');
  let units = BigInt(int + frac);
  if (roundUp) units += 1n;
  return negative ? -units : units;
}

export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(PLACES + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -PLACES)}.${digits.slice(-PLACES)}`;
}

type TGroup = {
  day: number; // days since 1970-01-01 (UTC)
  provider: string;
  service: string;
  serviceCategory: string;
  region: string;
  account: string;
  accountName: string;
  currency: string;
  billed: bigint;
  effective: bigint;
  list: bigint;
  count: number;
};

// Every distinct label once, detached from the file text it was sliced from, with a small number
// for group keys: a million records fall into a few hundred thousand groups that share a few
// hundred labels, and each group holding its own copies cost more memory than the rest together.
export class RollupLabels {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];

  id(label: string): number {
    let id = this.ids.get(label);
    if (id === undefined) {
      id = this.texts.length;
      const text = detached(label);
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  text(id: number): string {
    return this.texts[id];
  }
}

// The greater in code-point order, as max(… COLLATE "C") in refresh-cost-daily.ts.
const greater = (a: string, b: string) => (b > a ? b : a);

export class DailyRollup {
  private groups = new Map<string, TGroup>();

  constructor(private readonly labels = new RollupLabels()) {}

  get size() {
    return this.groups.size;
  }

  // `day`: the record's UTC day as days since 1970-01-01 (the caller has worked it out already).
  add(r: TFocusRecord, day: number): void {
    const labels = this.labels;
    const provider = labels.id(r.providerName);
    const service = labels.id(r.serviceName ?? '');
    const region = labels.id(r.regionId ?? '');
    const account = labels.id(r.subAccountId ?? '');
    const currency = labels.id(r.billingCurrency);
    const key = `${day},${provider},${service},${region},${account},${currency}`;
    const group = this.groups.get(key);
    if (!group) {
      this.groups.set(key, {
        day,
        provider: labels.text(provider),
        service: labels.text(service),
        serviceCategory: labels.text(labels.id(r.serviceCategory ?? '')),
        region: labels.text(region),
        account: labels.text(account),
        accountName: labels.text(labels.id(r.subAccountName ?? '')),
        currency: labels.text(currency),
        billed: toUnits(r.billedCost),
        effective: toUnits(r.effectiveCost),
        list: toUnits(r.listCost),
        count: 1,
      });
      return;
    }
    group.billed += toUnits(r.billedCost);
    group.effective += toUnits(r.effectiveCost);
    group.list += toUnits(r.listCost);
    group.count += 1;
    const category = r.serviceCategory ?? '';
    if (category > group.serviceCategory) group.serviceCategory = labels.text(labels.id(category));
    const accountName = r.subAccountName ?? '';
    if (accountName > group.accountName) group.accountName = labels.text(labels.id(accountName));
  }

  // Takes in another rollup's groups (one made with the same labels).
  merge(other: DailyRollup): void {
    for (const [key, g] of other.groups) {
      const mine = this.groups.get(key);
      if (!mine) {
        this.groups.set(key, g);
        continue;
      }
      mine.billed += g.billed;
      mine.effective += g.effective;
      mine.list += g.list;
      mine.count += g.count;
      mine.serviceCategory = greater(mine.serviceCategory, g.serviceCategory);
      mine.accountName = greater(mine.accountName, g.accountName);
    }
  }

  // Adds the sums to cost_daily, in the caller's transaction. Writers that rebuild days from
  // cost_record take the same per-provider locks, so an addition and a rebuild never interleave.
  async addTo(client: pg.PoolClient | pg.Client): Promise<void> {
    if (this.groups.size === 0) return;
    const groups = [...this.groups.values()];
    const providers = [...new Set(groups.map((g) => g.provider))];
    await lockRollupProviders(client, providers);
    let lo = Infinity;
    let hi = -Infinity;
    for (const g of groups) {
      if (g.day < lo) lo = g.day;
      if (g.day > hi) hi = g.day;
    }
    const isoDays = new Map<number, string>();
    const dayText = (day: number) => {
      let iso = isoDays.get(day);
      if (!iso) isoDays.set(day, (iso = isoDay(new Date(day * DAY_MS))));
      return iso;
    };
    // Nothing of these providers on these days yet (the usual first import of a period): the
    // sums are the rows, as they are. Otherwise they are added to what is there.
    const { rows } = await client.query<{ taken: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM cost_daily WHERE day BETWEEN $1 AND $2 AND provider_name = ANY($3)) AS taken',
      [dayText(lo), dayText(hi), providers],
    );
    const target = rows[0].taken
      ? await createTempTable(
          client,
          'cost_daily_additions',
          `day date, provider_name text, service_name text, service_category text, region_id text, sub_account_id text,
           sub_account_name text, billing_currency text, billed_cost numeric, effective_cost numeric, list_cost numeric, record_count int`,
        )
      : 'cost_daily';
    await copyCsv(client, target, ROLLUP_COLUMNS, groups, (g) => [
      dayText(g.day), g.provider, g.service, g.serviceCategory, g.region, g.account, g.accountName, g.currency,
      fromUnits(g.billed), fromUnits(g.effective), fromUnits(g.list), String(g.count),
    ]);
    if (target !== 'cost_daily')
      await client.query(`
        INSERT INTO cost_daily AS d (${ROLLUP_COLUMNS.join(', ')})
        SELECT * FROM ${target}
        ON CONFLICT (day, provider_name, service_name, region_id, sub_account_id, billing_currency) DO UPDATE SET
          billed_cost = d.billed_cost + EXCLUDED.billed_cost,
          effective_cost = d.effective_cost + EXCLUDED.effective_cost,
          list_cost = d.list_cost + EXCLUDED.list_cost,
          record_count = d.record_count + EXCLUDED.record_count,
          service_category = greatest(d.service_category COLLATE "C", EXCLUDED.service_category COLLATE "C"),
          sub_account_name = greatest(d.sub_account_name COLLATE "C", EXCLUDED.sub_account_name COLLATE "C")`);
    this.groups.clear();
  }
}

