// Commitment instruments: what each covers, how it is measured, and its terms read from the price catalogue.
import type { TPriceCatalogue, TPriceItem } from '../../planning/price-catalogue';
import type { TResourceClass } from '../../planning/types';
import type { TCommitmentTerm, TMessage, TPaymentOption } from '../types';

export const INSTRUMENT_IDS = [
  'aws-compute-savings-plan',
  'aws-ec2-reserved-instance',
  'aws-elasticache-reserved-node',
  'aws-rds-reserved-instance',
  'aws-cloudfront-security-bundle',
  'atlas-commitment',
  'redis-cloud-annual',
] as const;
export type TInstrumentId = (typeof INSTRUMENT_IDS)[number];

export type TInstrument = {
  id: TInstrumentId;
  /** The provider whose bill it discounts (the inventory's provider name). */
  provider: string;
  /** Catalogue sku prefix: items are `${sku}:${term}:${payment}` (and `${sku}:${term}` for no upfront, the planner's). */
  sku: string;
  /** 'spend': on-demand money per hour (Savings Plans, bundles, annual commitments); 'count': instances or nodes per hour. */
  measure: 'spend' | 'count';
  amountUnit: 'per-hour' | 'count' | 'per-month';
  /** English, for the CLI and the API: what usage it covers. */
  scope: string;
  /** The planner's resource class whose plan drives its projection. */
  planClass: TResourceClass;
};

export const INSTRUMENTS: Record<TInstrumentId, TInstrument> = {
  'aws-compute-savings-plan': { id: 'aws-compute-savings-plan', provider: 'aws', sku: 'aws:commitment:compute-sp', measure: 'spend', amountUnit: 'per-hour', scope: 'EC2 and Fargate on-demand compute (EKS nodes, ECS tasks), any region and family', planClass: 'application' },
  'aws-ec2-reserved-instance': { id: 'aws-ec2-reserved-instance', provider: 'aws', sku: 'aws:commitment:ec2-ri', measure: 'count', amountUnit: 'count', scope: 'EC2 instances of one type in one region', planClass: 'application' },
  'aws-elasticache-reserved-node': { id: 'aws-elasticache-reserved-node', provider: 'aws', sku: 'aws:commitment:elasticache-ri', measure: 'count', amountUnit: 'count', scope: 'ElastiCache nodes of one family in one region (size-flexible within the family)', planClass: 'redis' },
  'aws-rds-reserved-instance': { id: 'aws-rds-reserved-instance', provider: 'aws', sku: 'aws:commitment:rds-ri', measure: 'count', amountUnit: 'count', scope: 'RDS instances of one family in one region', planClass: 'atlas' },
  'aws-cloudfront-security-bundle': { id: 'aws-cloudfront-security-bundle', provider: 'aws', sku: 'aws:commitment:cloudfront-bundle', measure: 'spend', amountUnit: 'per-month', scope: 'CloudFront usage (and AWS WAF), monthly commitment for one year', planClass: 'cdn' },
  'atlas-commitment': { id: 'atlas-commitment', provider: 'atlas', sku: 'atlas:commitment', measure: 'spend', amountUnit: 'per-month', scope: 'MongoDB Atlas usage of the organisation', planClass: 'atlas' },
  'redis-cloud-annual': { id: 'redis-cloud-annual', provider: 'redis-cloud', sku: 'redis-cloud:commitment', measure: 'spend', amountUnit: 'per-month', scope: 'Redis Cloud subscriptions of the account', planClass: 'redis' },
};

/** Share of the term's fees paid upfront for each payment option (AWS: partial upfront is about half). */
export const UPFRONT_SHARE: Record<TPaymentOption, number> = { 'no-upfront': 0, 'partial-upfront': 0.5, 'all-upfront': 1 };

export type TInstrumentTerm = TCommitmentTerm & { term: '1y' | '3y'; estimate: boolean; source: string; effectiveDate: string; priceItemId: string };

const TERM_RE = /:(1y|3y)(?::(no-upfront|partial-upfront|all-upfront))?$/;

/** The instrument's terms in the catalogue, each with its discount (1 − multiplier); `${sku}:${term}` alone is no upfront. */
export function instrumentTerms(catalogue: readonly TPriceItem[] | TPriceCatalogue, instrument: TInstrument): TInstrumentTerm[] {
  const byKey = new Map<string, TInstrumentTerm>();
  for (const item of catalogue) {
    if (item.kind !== 'commitment' || !item.sku.startsWith(`${instrument.sku}:`)) continue;
    const m = TERM_RE.exec(item.sku.slice(instrument.sku.length));
    if (!m || item.sku.slice(instrument.sku.length).split(':').length > 3) continue;
    const term = m[1] as '1y' | '3y';
    const payment = (m[2] ?? 'no-upfront') as TPaymentOption;
    const discount = 1 - Number(item.unitPrice);
    if (!(discount > 0 && discount < 1)) continue;
    const key = `${term}:${payment}`;
    // The explicit `:term:payment` item wins over the planner's bare `:term` one.
    if (byKey.has(key) && !m[2]) continue;
    byKey.set(key, {
      term, termMonths: term === '1y' ? 12 : 36, payment, discount: Math.round(discount * 1e6) / 1e6, upfrontShare: UPFRONT_SHARE[payment],
      estimate: item.estimate, source: item.source, effectiveDate: item.effectiveDate, priceItemId: item.id,
    });
  }
  const order = (t: TInstrumentTerm) => `${t.term}:${['no-upfront', 'partial-upfront', 'all-upfront'].indexOf(t.payment)}`;
  return [...byKey.values()].sort((a, b) => order(a).localeCompare(order(b)));
}

/**
 * What a pool covers, in English (CLI, API `scope`) and as data the pages translate
 * (`commitmentText.scopes.<key>`): the instrument's whole scope, or for a reservation pool keyed
 * `${instrument}:${type}@${region}` one instance type in one region.
 */
export function scopeOf(instrumentId: TInstrumentId, poolKey?: string | null): { scope: string; scopeMessage: TMessage } {
  const instrument = INSTRUMENTS[instrumentId];
  const rest = poolKey?.startsWith(`${instrumentId}:`) ? poolKey.slice(instrumentId.length + 1) : null;
  const at = rest ? rest.lastIndexOf('@') : -1;
  if (rest && at > 0) {
    const type = rest.slice(0, at);
    const region = rest.slice(at + 1);
    return { scope: `${type} in ${region}`, scopeMessage: { key: 'typeInRegion', params: { type, region } } };
  }
  return { scope: instrument.scope, scopeMessage: { key: messageKeyOf(instrumentId), params: {} } };
}

/** 'aws:commitment:compute-sp:1y:partial-upfront' → 'awsCommitmentComputeSp1yPartialUpfront' (message keys are camelCase). */
export function messageKeyOf(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
    .join('');
}
