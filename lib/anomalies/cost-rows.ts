// The daily cost rows anomaly detection reads: cost_daily's dimensions converted to one currency, each
// split by FOCUS charge frequency (calendar charges are judged against the calendar, one-time charges not at
// all) and flagged when the provider still estimates the day. One read of cost_daily, plus the few
// cost_record rows that are not plain daily usage or are still estimated.
import type pg from 'pg';
import { pool } from '../db';
import { AppError } from '../errors';
import type { TAnomalyPoint } from './baseline';

export type TFrequency = NonNullable<TAnomalyPoint['frequency']>;

export type TCostRow = {
  day: string;
  provider: string;
  service: string;
  region: string;
  account: string;
  accountName: string;
  category: string;
  frequency: TFrequency;
  estimated: boolean;
  amount: number;
};

// The rate of each (day, currency) into $3: the latest on or before the day, or the inverse pair's
// (the same rule as the costs API, so the amounts agree with the costs page).
const RATES_SQL = `
    rates AS MATERIALIZED (
      SELECT p.day, p.cur,
             CASE WHEN p.cur = $3 THEN 1::numeric ELSE COALESCE(
               (SELECT r.rate FROM fx_rate r
                 WHERE r.base = p.cur AND r.quote = $3 AND r.date <= p.day
                 ORDER BY r.date DESC LIMIT 1),
               (SELECT 1 / r.rate FROM fx_rate r
                 WHERE r.base = $3 AND r.quote = p.cur AND r.date <= p.day AND r.rate > 0
                 ORDER BY r.date DESC LIMIT 1)) END AS rate
        FROM (SELECT DISTINCT day, cur FROM agg) p
    )`;

// A charge over more than a day (a month's tax, support fee or credit, booked on the month's first day) arrives
// when the provider closes the period, late and in one piece: the current month never has it yet, so judging it
// would raise a drop on every first of the month. It is left out like one-time charges; daily recurring fees
// (a commitment's daily fee) are judged against the calendar.
const FREQUENCY_SQL = `CASE WHEN charge_frequency = 'One-Time' OR charge_period_end - charge_period_start > interval '1 day' THEN 'one-time'
            WHEN charge_frequency = 'Recurring' THEN 'recurring'
            ELSE 'usage' END`;

type TRawRow = {
  day: string;
  p: string;
  s: string;
  r: string;
  a: string;
  an: string;
  c: string;
  freq: TFrequency;
  est: boolean;
  amount: string | null;
  missing: string | null;
};

function missingRate(rows: TRawRow[], currency: string) {
  const missing = rows.find((r) => r.missing);
  if (missing) {
    throw new AppError('UNPROCESSABLE', `no FX rate to ${currency} for ${missing.missing}: add one with npm run cli -- fx:set`, [
      { field: 'currency', message: 'no FX rate for some amounts' },
    ]);
  }
}

/** Rows of [from, to] (inclusive days), in `currency`. */
export async function readCostRows(
  options: { from: string; to: string; currency: string },
  db: Pick<pg.Pool, 'query'> = pool(),
): Promise<TCostRow[]> {
  const params = [options.from, options.to, options.currency];
  const daily = await db.query<TRawRow>(
    `WITH agg AS (
       SELECT day, provider_name AS p, service_name AS s, region_id AS r, sub_account_id AS a, sub_account_name AS an,
              service_category AS c, billing_currency AS cur, effective_cost AS amount
         FROM cost_daily WHERE day >= $1::date AND day <= $2::date
     ), ${RATES_SQL}
     SELECT to_char(agg.day, 'YYYY-MM-DD') AS day, agg.p, agg.s, agg.r, agg.a, max(agg.an) AS an, agg.c,
            'usage' AS freq, false AS est, sum(agg.amount * rates.rate)::text AS amount,
            string_agg(DISTINCT CASE WHEN rates.rate IS NULL THEN agg.cur || ' on ' || agg.day::text END, ', ') AS missing
       FROM agg JOIN rates USING (day, cur)
      GROUP BY 1, 2, 3, 4, 5, 7`,
    params,
  );
  missingRate(daily.rows, options.currency);
  // the part of each rollup row that is not daily usage, or is estimated: taken out of the usage and added
  // back with its frequency and flag
  const special = await db.query<TRawRow>(
    `WITH agg AS (
       SELECT (charge_period_start AT TIME ZONE 'UTC')::date AS day, provider_name AS p, coalesce(service_name, '') AS s,
              coalesce(region_id, '') AS r, coalesce(sub_account_id, '') AS a, coalesce(service_category, '') AS c,
              billing_currency AS cur, ${FREQUENCY_SQL} AS freq, bool_or(is_estimated) AS est, sum(effective_cost) AS amount
         FROM cost_record
        WHERE charge_period_start >= ($1::date)::timestamp AT TIME ZONE 'UTC'
          AND charge_period_start < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
          AND (is_estimated OR charge_frequency IN ('Recurring', 'One-Time') OR charge_period_end - charge_period_start > interval '1 day')
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
     ), ${RATES_SQL}
     SELECT to_char(agg.day, 'YYYY-MM-DD') AS day, agg.p, agg.s, agg.r, agg.a, '' AS an, agg.c, agg.freq,
            bool_or(agg.est) AS est, sum(agg.amount * rates.rate)::text AS amount,
            string_agg(DISTINCT CASE WHEN rates.rate IS NULL THEN agg.cur || ' on ' || agg.day::text END, ', ') AS missing
       FROM agg JOIN rates USING (day, cur)
      GROUP BY 1, 2, 3, 4, 5, 7, 8`,
    params,
  );
  missingRate(special.rows, options.currency);

  const keyOf = (r: TRawRow) => `${r.day}\u0000${r.p}\u0000${r.s}\u0000${r.r}\u0000${r.a}\u0000${r.c}`;
  const usage = new Map<string, TCostRow>();
  for (const r of daily.rows) {
    usage.set(keyOf(r), {
      day: r.day,
      provider: r.p,
      service: r.s,
      region: r.r,
      account: r.a,
      accountName: r.an ?? '',
      category: r.c,
      frequency: 'usage',
      estimated: false,
      amount: Number(r.amount ?? 0),
    });
  }
  const out: TCostRow[] = [];
  for (const r of special.rows) {
    const base = usage.get(keyOf(r));
    const amount = Number(r.amount ?? 0);
    if (r.freq === 'usage') {
      // estimated usage: the whole rollup row's usage is flagged
      if (base) base.estimated = base.estimated || r.est;
      continue;
    }
    if (base) base.amount -= amount;
    out.push({
      day: r.day,
      provider: r.p,
      service: r.s,
      region: r.r,
      account: r.a,
      accountName: base?.accountName ?? '',
      category: r.c,
      frequency: r.freq,
      estimated: r.est,
      amount,
    });
  }
  for (const row of usage.values()) {
    // floating sums of whole charges leave dust where a row was all calendar charges
    if (Math.abs(row.amount) < 1e-9) row.amount = 0;
    out.push(row);
  }
  return out;
}

/** Daily usage by usage type (the charge's description, else its SKU) of one service, for contributions. */
export async function readUsageTypeRows(
  options: { from: string; to: string; currency: string; provider: string; service: string },
  db: Pick<pg.Pool, 'query'> = pool(),
): Promise<{ day: string; key: string; frequency: TFrequency; amount: number }[]> {
  const { rows } = await db.query<{ day: string; k: string; freq: TFrequency; amount: string | null }>(
    `WITH agg AS (
       SELECT (charge_period_start AT TIME ZONE 'UTC')::date AS day,
              coalesce(nullif(charge_description, ''), nullif(sku_id, ''), '(none)') AS k,
              billing_currency AS cur, ${FREQUENCY_SQL} AS freq, sum(effective_cost) AS amount
         FROM cost_record
        WHERE charge_period_start >= ($1::date)::timestamp AT TIME ZONE 'UTC'
          AND charge_period_start < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
          AND provider_name = $4 AND coalesce(service_name, '') = $5
        GROUP BY 1, 2, 3, 4
     ), ${RATES_SQL}
     SELECT to_char(agg.day, 'YYYY-MM-DD') AS day, agg.k, agg.freq, sum(agg.amount * coalesce(rates.rate, 0))::text AS amount
       FROM agg JOIN rates USING (day, cur)
      GROUP BY 1, 2, 3`,
    [options.from, options.to, options.currency, options.provider, options.service],
  );
  return rows.map((r) => ({ day: r.day, key: r.k, frequency: r.freq, amount: Number(r.amount ?? 0) }));
}
