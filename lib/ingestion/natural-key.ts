// The identity of a charge: a hash of the columns that say *what* was charged, never *how much*,
// so that a provider's corrected amount replaces the earlier value instead of adding to it.
import crypto from 'node:crypto';
import type { TFocusRecord } from '../focus/types';

// Tags as JSON with sorted keys, so {"a":"1","b":"2"} and {"b":"2","a":"1"} are the same charge;
// null and {} mean the same (no tags).
export function canonicalTags(tags: Record<string, string> | null | undefined): string {
  if (!tags) return '{}';
  const keys = Object.keys(tags).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, tags[k]])));
}

function iso(d: Date, field: string): string {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${field} is not a valid date`);
  return new Date(t).toISOString();
}

export function naturalKey(r: TFocusRecord): string {
  // A JSON array keeps fields apart (no ambiguity between "a|b" + "c" and "a" + "b|c") and tells
  // null from the empty string.
  const identity = [
    'v1',
    r.providerName,
    r.billingAccountId,
    r.subAccountId ?? null,
    iso(r.chargePeriodStart, 'chargePeriodStart'),
    iso(r.chargePeriodEnd, 'chargePeriodEnd'),
    r.chargeCategory,
    r.chargeClass ?? null,
    r.serviceName ?? null,
    r.regionId ?? null,
    r.resourceId ?? null,
    r.skuId ?? null,
    r.skuPriceId ?? null,
    r.pricingUnit ?? null,
    r.chargeDescription ?? null,
    r.commitmentDiscountId ?? null,
    canonicalTags(r.tags),
  ];
  return crypto.createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
