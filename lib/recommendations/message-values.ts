// The ICU values of a recommendation's message (recommendations.messages.<key>): the rule's parameters
// with money formatted, the instrument and payment named in the reader's language, nulls as empty text.
// The page and the e-mail call this with their formatter and translator; pure.
import type { TMessage } from './types';

/** Parameters that are amounts in the recommendation's currency (decimal strings or numbers). */
export const MONEY_PARAMS = ['p10', 'p50', 'p90', 'by20', 'by40', 'originCost', 'retrievalCost', 'currentMonthly', 'optionMonthly', 'savingsMonthly', 'minSavings'] as const;

export type TMessageFormatting = {
  /** An amount in the recommendation's currency, e.g. "1 234,56 €". */
  money: (amount: string | number) => string;
  /** recommendations.messages.instruments.<id> and .payments.<option>, translated. */
  instrumentName: (id: string) => string;
  paymentName: (option: string) => string;
  /** A quantity in its unit in the reader's language ("46,9 Go", "12 cœurs"). */
  quantity: (value: number, unit: string) => string;
};

/** Parameters that are quantities in the message's `unit` (bytes, GB, connections…). */
export const QUANTITY_PARAMS = ['current', 'capacity', 'needed'] as const;

export function messageValues(message: TMessage, f: TMessageFormatting): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(message.params)) out[k] = v === null ? '' : v;
  for (const k of MONEY_PARAMS) if (message.params[k] !== undefined && message.params[k] !== null) out[k] = f.money(message.params[k] as string | number);
  // "{neededAmount}": the number with its unit, so bytes read as "47 Go" rather than 50 317 028 007
  if (typeof message.params.unit === 'string') {
    for (const k of QUANTITY_PARAMS) {
      const v = message.params[k];
      if (v !== undefined && v !== null && Number.isFinite(Number(v))) out[`${k}Amount`] = f.quantity(Number(v), message.params.unit);
    }
  }
  if (typeof message.params.instrument === 'string') {
    out.instrumentName = f.instrumentName(message.params.instrument);
    out.paymentName = f.paymentName(String(message.params.payment ?? 'no-upfront'));
    // what is bought now: instances or nodes for a reservation, the hourly commitment for a plan
    out.nowAmount = message.params.measure === 'count' ? String(message.params.nowAmount ?? '') : `${f.money(String(message.params.nowCommitmentPerHour ?? '0'))}/h`;
    out.laterTranches = Math.max(0, Number(message.params.tranches ?? 1) - 1);
  }
  return out;
}
