// The exchange rates a scenario evaluation needs: the latest stored rate from each price currency to
// the output currency (or the inverse of the latest rate the other way).
import { pool } from '../db';
import { AppError } from '../errors';

export type TPlanningFx = { rates: Record<string, number>; asOf: Record<string, string> };

export async function getPlanningFx(currencies: string[], quote: string): Promise<TPlanningFx> {
  const needed = [...new Set(currencies.filter((c) => c !== quote))].sort();
  const rates: Record<string, number> = {};
  const asOf: Record<string, string> = {};
  if (needed.length === 0) return { rates, asOf };
  const { rows } = await pool().query<{ base: string; quote: string; rate: string; day: string }>(
    `SELECT DISTINCT ON (base, quote) base, quote, rate::text AS rate, date::text AS day
       FROM fx_rate
      WHERE (quote = $1 AND base = ANY($2)) OR (base = $1 AND quote = ANY($2))
      ORDER BY base, quote, date DESC`,
    [quote, needed],
  );
  for (const c of needed) {
    const direct = rows.find((r) => r.base === c && r.quote === quote);
    const inverse = rows.find((r) => r.base === quote && r.quote === c);
    const pick = direct && inverse ? (direct.day >= inverse.day ? direct : inverse) : (direct ?? inverse);
    if (!pick || !(Number(pick.rate) > 0)) {
      throw new AppError(
        'UNPROCESSABLE',
        `no ${c}→${quote} exchange rate is stored (table fx_rate): the price catalogue has ${c} prices and results are in ${quote}. ` +
          'Sync a provider connection that brings rates, load the demo, or insert a row into fx_rate.',
        [{ field: 'fx', message: `missing ${c}→${quote}` }],
      );
    }
    rates[c] = pick === direct ? Number(pick.rate) : 1 / Number(pick.rate);
    asOf[c] = pick.day;
  }
  return { rates, asOf };
}
