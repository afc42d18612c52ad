// The source of a commitment discount as a message the pages translate, for the built-in catalogue's items.
// (Apart from instruments.ts so that the API schemas, which clients import, do not pull in the catalogue.)
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import type { TMessage } from '../types';
import { messageKeyOf } from './instruments';

const DEFAULT_SOURCES = new Map(DEFAULT_PRICE_CATALOGUE.filter((i) => i.kind === 'commitment').map((i) => [i.id, i.source]));

/**
 * The discount's source as a message the pages translate (`commitmentText.discountSources.<key>`) when the
 * term comes from the built-in catalogue unchanged; null for an item someone entered or edited (its own
 * text is shown as written).
 */
export function discountSourceMessage(term: { priceItemId: string; source: string }): TMessage | null {
  return DEFAULT_SOURCES.get(term.priceItemId) === term.source ? { key: messageKeyOf(term.priceItemId), params: {} } : null;
}
