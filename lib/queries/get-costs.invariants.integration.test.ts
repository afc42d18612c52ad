// Invariants of the costs API on the real database, for random record sets written through the
// real write path (CostWriter, then a second write that meets the first's days and goes through
// the merge): for every groupBy (tag keys too, read from cost_record) and every filter, each row equals the sum straight from
// cost_record, the rows of a period add up to the ungrouped total of that period, and no two
// groups of an answer share a label. And the migration's rebuild of cost_daily gives what the
// writers wrote. fast-check prints the seed and the shrunk record set of a failure; run again
// with it: fc.assert(…, { seed, path }).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import type { TFocusRecord } from '../focus/types';
import { writeCostRecords } from '../ingestion/cost-writer';
import { focusRecord } from '../ingestion/test-records';
import { upsertFxRates } from '../ingestion/upsert-fx-rates';
import { decimalToUnits } from '../money/decimal';
import { parseScopedKey, type TCostFilterValues } from './cost-keys';
import { getCostDimensions } from './get-cost-dimensions';
import { getCosts, GROUP_BYS, isTagGroupBy, tagKeyOf, type TCostQuery } from './get-costs';

const RUNS = 30;
const PLACES = 10;

// Names that meet across providers: one account name (and id) under two providers, a service
// and a region of the same name under two, a provider whose name holds the key's separator.
const PROVIDERS = ['AWS', 'MongoDB Atlas', 'Odd:Cloud 100%'];
const SERVICES = ['Amazon EC2', 'Support', 'MongoDB Atlas'];
const CATEGORIES = ['Compute', 'Storage', 'Databases', 'Networking', null];
const REGIONS = ['global', 'eu-west-3', null];
const ACCOUNTS: [string | null, string | null][] = [
  ['123456789012', 'ec-prod'],
  ['5f1a2b3c', 'ec-prod'],
  ['5f1a2b3c', 'ec-staging'],
  ['ec-prod', null],
  [null, null],
];
const CURRENCIES = ['EUR', 'USD', 'GBP'];
// Tags: absent, present on some records, an empty value, a key that holds the key separator.
const TAGS: Record<string, string>[] = [{}, { env: 'prod' }, { env: 'staging', team: 'data' }, { team: 'web' }, { env: '' }, { 'cost:centre': 'A1', env: 'prod' }];
const TAG_GROUP_BYS = ['tag:env', 'tag:team', 'tag:cost:centre', 'tag:absent'] as const;
// days on two month edges, few of them so that records meet in the same rollup rows
const DAYS = ['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'].map((d) => Date.parse(`${d}T00:00:00Z`));
const FROM = '2026-01-01';
const TO = '2026-04-01';

// An amount of up to 13 decimals (cost_record keeps 12: it rounds), sub-cent often, negative at times.
const amount = fc
  .tuple(fc.boolean(), fc.oneof(fc.bigInt({ min: 0n, max: 100_000_000_000n }), fc.bigInt({ min: 0n, max: 10n ** 17n })))
  .map(([negative, units]) => {
    const digits = units.toString().padStart(14, '0');
    return `${negative && units > 0n ? '-' : ''}${digits.slice(0, -13)}.${digits.slice(-13)}`;
  });

const record = fc
  .record({
    provider: fc.constantFrom(...PROVIDERS),
    service: fc.constantFrom(...SERVICES),
    category: fc.constantFrom(...CATEGORIES),
    region: fc.constantFrom(...REGIONS),
    account: fc.constantFrom(...ACCOUNTS),
    currency: fc.constantFrom(...CURRENCIES),
    tags: fc.constantFrom(...TAGS),
    day: fc.constantFrom(...DAYS),
    hour: fc.integer({ min: 0, max: 23 }),
    // few resources: a key comes again at times (the last written wins)
    resource: fc.integer({ min: 0, max: 5 }),
    billed: amount,
    effective: amount,
  })
  .map((r): TFocusRecord => {
    const start = new Date(r.day + r.hour * 3_600_000);
    return focusRecord({
      providerName: r.provider,
      serviceName: r.service,
      serviceCategory: r.category,
      regionId: r.region,
      subAccountId: r.account[0],
      subAccountName: r.account[1],
      billingCurrency: r.currency,
      chargePeriodStart: start,
      chargePeriodEnd: new Date(start.getTime() + 3_600_000),
      resourceId: `r-${r.resource}`,
      tags: r.tags,
      billedCost: r.billed,
      effectiveCost: r.effective,
      listCost: r.billed,
    });
  });

// Two writes: the second meets the first's days (the merge and the rebuild of those days).
const recordSets = fc.tuple(fc.array(record, { minLength: 1, maxLength: 40 }), fc.array(record, { maxLength: 20 }));

async function write(first: TFocusRecord[], second: TFocusRecord[]) {
  await truncate('cost_record', 'cost_daily');
  await withTransaction((c) => writeCostRecords(c, first, 'first', { chunkBytes: 1_000 }));
  if (second.length) await withTransaction((c) => writeCostRecords(c, second, 'second', { chunkBytes: 1_000 }));
}

// Per (period, group) straight from cost_record, each record converted with the latest rate on or
// before its UTC day (or the inverse of the inverse pair's), independently of the rollup.
const RAW_GROUP: Record<(typeof GROUP_BYS)[number], [string, string]> = {
  provider: ['provider_name', "''"],
  service: ['provider_name', "coalesce(service_name, '')"],
  region: ['provider_name', "coalesce(region_id, '')"],
  account: ['provider_name', "coalesce(sub_account_id, '')"],
  category: ["coalesce(service_category, '')", "''"],
  none: ["''", "''"],
};

// A tag's group as the raw query names it: the value, '' where the record has none.
const rawGroup = (groupBy: TCostQuery['groupBy']): [string, string] =>
  isTagGroupBy(groupBy) ? [`coalesce(c.tags ->> '${tagKeyOf(groupBy).replace(/'/g, "''")}', '')`, "''"] : RAW_GROUP[groupBy];

async function rawSums(q: TCostQuery, where: string[], params: string[]) {
  const [a, b] = rawGroup(q.groupBy);
  const { rows } = await pool().query<{ period: string; a: string; b: string; billed: string; effective: string }>(
    `SELECT to_char(date_trunc('${q.granularity}', d.day), 'YYYY-MM-DD') AS period, d.a, d.b,
            round(sum(d.billed_cost * d.rate), ${PLACES})::text AS billed, round(sum(d.effective_cost * d.rate), ${PLACES})::text AS effective
       FROM (SELECT (c.charge_period_start AT TIME ZONE 'UTC')::date AS day, ${a} AS a, ${b} AS b, c.billed_cost, c.effective_cost,
                    CASE WHEN c.billing_currency = $3 THEN 1::numeric ELSE coalesce(
                      (SELECT r.rate FROM fx_rate r WHERE r.base = c.billing_currency AND r.quote = $3
                          AND r.date <= (c.charge_period_start AT TIME ZONE 'UTC')::date ORDER BY r.date DESC LIMIT 1),
                      (SELECT 1 / r.rate FROM fx_rate r WHERE r.base = $3 AND r.quote = c.billing_currency
                          AND r.date <= (c.charge_period_start AT TIME ZONE 'UTC')::date ORDER BY r.date DESC LIMIT 1)) END AS rate
               FROM cost_record c
              WHERE c.charge_period_start >= $1::date AND c.charge_period_start < $2::date ${where.map((w) => `AND ${w}`).join(' ')}) d
      GROUP BY 1, 2, 3`,
    [q.from, q.to, q.currency, ...params],
  );
  return rows;
}

// The filters as conditions on cost_record, from the keys taken apart here (not by the product).
function rawFilter(filters: TCostFilterValues): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const eq = (column: string, value: string) => {
    params.push(value);
    where.push(`coalesce(${column}, '') = $${params.length + 3}`);
  };
  if (filters.provider) eq('provider_name', filters.provider);
  for (const [name, column] of [['service', 'service_name'], ['region', 'region_id'], ['account', 'sub_account_id']] as const) {
    const value = filters[name];
    if (!value) continue;
    const colon = value.indexOf(':');
    eq('provider_name', decodeURIComponent(value.slice(0, colon)));
    eq(column, value.slice(colon + 1));
  }
  if (filters.category) eq('service_category', filters.category === '(none)' ? '' : filters.category);
  return { where, params };
}

// A row's group as the raw query names it: (a, b) of RAW_GROUP.
function rawGroupOf(groupBy: TCostQuery['groupBy'], key: string): string {
  if (groupBy === 'service' || groupBy === 'region' || groupBy === 'account') {
    const parsed = parseScopedKey(key);
    expect(parsed, `key ${key}`).not.toBeNull();
    return `${parsed!.provider}\u0000${parsed!.id}`;
  }
  if (groupBy === 'provider') return `${key}\u0000`;
  if (groupBy === 'category' || isTagGroupBy(groupBy)) return `${key === '(none)' ? '' : key}\u0000`;
  return '\u0000';
}

const units = (decimal: string) => decimalToUnits(decimal, PLACES);

async function checkAnswer(q: TCostQuery) {
  const answer = await getCosts(q);
  const filters = rawFilter(q);

  // equal, row by row, to the sums straight from cost_record (the same rounding: exactly)
  const raw = await rawSums(q, filters.where, filters.params);
  const expected = new Map(raw.map((r) => [`${r.period}\u0001${r.a}\u0000${r.b}`, r]));
  const got = new Map(answer.rows.map((r) => [`${r.period}\u0001${rawGroupOf(q.groupBy, r.key)}`, r]));
  expect([...got.keys()].sort(), `groups of ${JSON.stringify(q)}`).toEqual([...expected.keys()].sort());
  for (const [k, r] of got) {
    expect(units(r.billedCost), `billed ${k}`).toBe(units(expected.get(k)!.billed));
    expect(units(r.effectiveCost), `effective ${k}`).toBe(units(expected.get(k)!.effective));
  }

  // the rows of each period add up to the ungrouped total of that period, to the cent (in fact
  // to the rounding of each row to 10 places)
  const total = await getCosts({ ...q, groupBy: 'none' });
  const totals = new Map(total.rows.map((r) => [r.period, r]));
  const byPeriod = new Map<string, { billed: bigint; effective: bigint; n: bigint }>();
  for (const r of answer.rows) {
    const s = byPeriod.get(r.period) ?? { billed: 0n, effective: 0n, n: 0n };
    s.billed += units(r.billedCost);
    s.effective += units(r.effectiveCost);
    s.n += 1n;
    byPeriod.set(r.period, s);
  }
  expect([...byPeriod.keys()].sort()).toEqual([...totals.keys()].sort());
  for (const [period, s] of byPeriod) {
    const t = totals.get(period)!;
    const off = (x: bigint, y: bigint) => (x > y ? x - y : y - x);
    expect(off(s.billed, units(t.billedCost)) <= s.n, `billed of ${period}`).toBe(true);
    expect(off(s.effective, units(t.effectiveCost)) <= s.n, `effective of ${period}`).toBe(true);
  }

  // one label per group, and no two groups with the same label
  const labelOf = new Map<string, string>();
  for (const r of answer.rows) {
    expect(labelOf.get(r.key) ?? r.label).toBe(r.label);
    labelOf.set(r.key, r.label);
  }
  expect(new Set(labelOf.values()).size, `labels of ${JSON.stringify([...labelOf])}`).toBe(labelOf.size);
  return answer;
}

beforeAll(async () => {
  await truncate('fx_rate');
  await withTransaction((c) =>
    upsertFxRates(
      c,
      [
        { date: '2026-01-01', base: 'USD', quote: 'EUR', rate: '0.912345678901' },
        { date: '2026-02-01', base: 'USD', quote: 'EUR', rate: '0.95' },
        // GBP to EUR through the inverse pair only, changing on a month edge
        { date: '2026-01-01', base: 'EUR', quote: 'GBP', rate: '0.83' },
        { date: '2026-03-01', base: 'EUR', quote: 'GBP', rate: '0.87' },
      ],
      'test',
    ),
  );
});
afterAll(() => disconnect());

describe('costs API invariants', () => {
  it('gives, for every groupBy and every filter, rows equal to sums over cost_record that add up to the total of each period, with labels that never repeat', async () => {
    await fc.assert(
      fc.asyncProperty(recordSets, fc.constantFrom('day', 'month' as const), async ([first, second], granularity) => {
        await write(first, second);
        const base = { from: FROM, to: TO, granularity, currency: 'EUR' } as const;
        const dimensions = await getCostDimensions();
        // every filter: each choice the filter offers (a few of each), and one that matches nothing
        const filters: TCostFilterValues[] = [{}];
        const { tagKeys, ...choiceLists } = dimensions;
        for (const [name, choices] of Object.entries(choiceLists) as [keyof typeof choiceLists, { value: string }[]][])
          for (const c of choices.slice(0, 3)) filters.push({ [name]: c.value });
        filters.push({ account: 'Nobody:123456789012' }, { provider: 'AWS', account: 'MongoDB Atlas:5f1a2b3c' });
        // the tag keys offered are exactly those the records carry
        const carried = new Set([...first, ...second].flatMap((r) => Object.keys(r.tags ?? {})));
        expect(tagKeys).toEqual([...carried].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        for (const filter of filters) for (const groupBy of [...GROUP_BYS, ...TAG_GROUP_BYS]) await checkAnswer({ ...base, groupBy, ...filter });
      }),
      { numRuns: RUNS },
    );
  });

  it('offers as filter choices the keys and labels the costs API groups by', async () => {
    await write(
      [
        focusRecord({ providerName: 'AWS', subAccountId: '123456789012', subAccountName: 'ec-prod', regionId: 'global' }),
        focusRecord({ providerName: 'MongoDB Atlas', subAccountId: '5f1a2b3c', subAccountName: 'ec-prod', regionId: 'global', serviceName: 'MongoDB Atlas', serviceCategory: 'Databases' }),
      ],
      [],
    );
    const dimensions = await getCostDimensions();
    expect(dimensions.accounts).toEqual([
      { value: 'AWS:123456789012', label: 'AWS · ec-prod' },
      { value: 'MongoDB Atlas:5f1a2b3c', label: 'MongoDB Atlas · ec-prod' },
    ]);
    expect(dimensions.regions).toEqual([
      { value: 'AWS:global', label: 'AWS · global' },
      { value: 'MongoDB Atlas:global', label: 'MongoDB Atlas · global' },
    ]);
    expect(dimensions.services.map((s) => s.label)).toEqual(['Amazon Elastic Compute Cloud', 'MongoDB Atlas']);
    expect(dimensions.categories.map((s) => s.value)).toEqual(['Compute', 'Databases']);
    const byAccount = await getCosts({ from: FROM, to: TO, granularity: 'month', groupBy: 'account', currency: 'EUR' });
    expect(byAccount.rows.map((r) => [r.key, r.label])).toEqual([
      ['AWS:123456789012', 'AWS · ec-prod'],
      ['MongoDB Atlas:5f1a2b3c', 'MongoDB Atlas · ec-prod'],
    ]);
  });

  it('rebuilds in the migration, from the old key, the cost_daily the writers keep', async () => {
    const migration = fs.readFileSync(path.join(process.cwd(), 'prisma/migrations/20261204020000_cost_daily_category_identity/migration.sql'), 'utf8');
    const snapshot = () =>
      pool()
        .query('SELECT day::text, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost::text, effective_cost::text, list_cost::text, record_count FROM cost_daily ORDER BY 1, 2, 3, 4, 5, 6, 8')
        .then((r) => r.rows);
    await fc.assert(
      fc.asyncProperty(recordSets, async ([first, second]) => {
        await write(first, second);
        const written = await snapshot();
        expect(written.length).toBeGreaterThan(0);
        // cost_daily as the old key kept it: one row per (day, provider, service, region,
        // account, currency), with the greatest category
        await pool().query(`
          BEGIN;
          TRUNCATE cost_daily;
          ALTER TABLE cost_daily DROP CONSTRAINT cost_daily_pkey;
          ALTER TABLE cost_daily ADD CONSTRAINT cost_daily_pkey PRIMARY KEY (day, provider_name, service_name, region_id, sub_account_id, billing_currency);
          INSERT INTO cost_daily
          SELECT (charge_period_start AT TIME ZONE 'UTC')::date, provider_name, coalesce(service_name, ''),
                 max(coalesce(service_category, '') COLLATE "C"), coalesce(region_id, ''), coalesce(sub_account_id, ''),
                 max(coalesce(sub_account_name, '') COLLATE "C"), billing_currency, sum(billed_cost), sum(effective_cost), sum(list_cost), count(*)
            FROM cost_record GROUP BY 1, 2, 3, 5, 6, 8;
          COMMIT;`);
        await pool().query(migration);
        expect(await snapshot()).toEqual(written);
      }),
      { numRuns: 10 },
    );
  });
});
