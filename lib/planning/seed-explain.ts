// Words the seed-plan comparison's explanations in a language: the comparison (seed-reference.ts)
// returns codes and raw numbers; the page words them with its messages and formatter, the API
// with the English ones. Pure.
import type { TFormatter } from '../format/formatter';
import type { TResourceClass } from './types';

export type TSeedValue =
  | { money: number }
  | { signedMoney: number }
  | { number: number }
  | { integer: number }
  | { text: string }
  | { unitPrice: string; currency: string }
  | { className: TResourceClass }
  | { reason: TSeedReason | null }
  | { list: TSeedReason[] };

/** A message of the "scenarios.seed.why" messages and its values. */
export type TSeedReason = { code: string; values: Record<string, TSeedValue> };

/** "lead.higher" and the reason, or "totalLead.above" for the total row. */
export type TSeedExplanation = { lead: string; why: TSeedReason };

export type TSeedWording = {
  /** Translates keys of the "scenarios.seed" messages. */
  t: (key: string, values?: Record<string, string | number>) => string;
  className: (cls: TResourceClass) => string;
  fmt: Pick<TFormatter, 'money' | 'number' | 'integer' | 'unitPrice' | 'locale'>;
  currency: string;
};

function word(v: TSeedValue, w: TSeedWording): string {
  if ('money' in v) return w.fmt.money(v.money, { currency: w.currency });
  if ('signedMoney' in v) return (v.signedMoney >= 0 ? '+' : '−') + w.fmt.money(Math.abs(v.signedMoney), { currency: w.currency });
  if ('number' in v) return w.fmt.number(v.number);
  if ('integer' in v) return w.fmt.integer(v.integer);
  if ('text' in v) return v.text;
  if ('unitPrice' in v) return w.fmt.unitPrice(v.unitPrice, { currency: v.currency });
  if ('className' in v) return w.className(v.className);
  if ('reason' in v) return v.reason ? wordReason(v.reason, w) : '';
  return v.list.map((r) => wordReason(r, w)).join(', ');
}

export function wordReason(r: TSeedReason, w: TSeedWording): string {
  const values = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, word(v, w)]));
  return w.t(`why.${r.code}`, values);
}

export function wordSeedExplanation(e: TSeedExplanation, w: TSeedWording): string {
  return w.t('explain', { lead: w.t(e.lead), why: wordReason(e.why, w) });
}
