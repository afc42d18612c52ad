// FX rates by (base, quote, date), idempotent; a changed rate for a day replaces the old one.
import type pg from 'pg';
import { AppError } from '../errors';
import type { TFxRate } from '../money/fx';
import { isDecimalString } from '../money/decimal';

export type TFxRateInput = TFxRate & { source?: string };
export type TFxUpsertResult = { inserted: number; updated: number; unchanged: number };

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY_RE = /^[A-Z]{3}$/;

export async function upsertFxRates(
  client: pg.PoolClient | pg.Client,
  rates: readonly TFxRateInput[],
  defaultSource = 'manual',
): Promise<TFxUpsertResult> {
  const unique = new Map<string, TFxRateInput>();
  rates.forEach((r, i) => {
    const row = i + 1;
    if (!DAY_RE.test(r.date)) throw new AppError('UNPROCESSABLE', `FX rate row ${row}: date must be YYYY-MM-DD`, [{ row, field: 'date', message: 'must be YYYY-MM-DD' }]);
    for (const field of ['base', 'quote'] as const) {
      if (!CURRENCY_RE.test(r[field])) throw new AppError('UNPROCESSABLE', `FX rate row ${row}: ${field} must be an ISO 4217 code`, [{ row, field, message: 'must be an ISO 4217 code' }]);
    }
    if (!isDecimalString(r.rate) || Number(r.rate) <= 0) throw new AppError('UNPROCESSABLE', `FX rate row ${row}: rate must be a positive decimal`, [{ row, field: 'rate', message: 'must be a positive decimal' }]);
    unique.set(`${r.base}/${r.quote}/${r.date}`, r);
  });
  if (unique.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const list = [...unique.values()];
  const { rows } = await client.query<{ inserted: string; updated: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::numeric[], $5::text[]) AS x(date, base, quote, rate, source)
     ),
     existing AS (
       SELECT f.base, f.quote, f.date FROM fx_rate f JOIN input USING (base, quote, date)
     ),
     up AS (
       INSERT INTO fx_rate AS t (date, base, quote, rate, source) SELECT date, base, quote, rate, source FROM input
       ON CONFLICT (base, quote, date) DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source
        WHERE (t.rate, t.source) IS DISTINCT FROM (EXCLUDED.rate, EXCLUDED.source)
       RETURNING t.base, t.quote, t.date
     )
     SELECT count(*) FILTER (WHERE e.base IS NULL) AS inserted, count(*) FILTER (WHERE e.base IS NOT NULL) AS updated
       FROM up LEFT JOIN existing e USING (base, quote, date)`,
    [
      list.map((r) => r.date),
      list.map((r) => r.base),
      list.map((r) => r.quote),
      list.map((r) => r.rate),
      list.map((r) => r.source ?? defaultSource),
    ],
  );
  const inserted = Number(rows[0].inserted);
  const updated = Number(rows[0].updated);
  return { inserted, updated, unchanged: list.length - inserted - updated };
}
