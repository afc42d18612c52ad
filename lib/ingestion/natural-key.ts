// The identity of a charge: a hash of the columns that say *what* was charged, never *how much*,
// so that a provider's corrected amount replaces the earlier value instead of adding to it. Stored
// as a uuid: the first 128 bits of the SHA-256 of the identity (collisions stay out of reach at
// any bill's size, and the key indexes as 16 bytes).
import crypto from 'node:crypto';
import { FieldError } from '../errors';
import type { TFocusRecord } from '../focus/types';

// Tags as JSON with sorted keys, so {"a":"1","b":"2"} and {"b":"2","a":"1"} are the same charge;
// null and {} mean the same (no tags).
// A file's rows share frozen tag objects (parseTagsCell): their canonical text is worked out once.
const canonicalOfFrozen = new WeakMap<object, string>();

export function canonicalTags(tags: Readonly<Record<string, string>> | null | undefined): string {
  if (!tags) return '{}';
  const known = canonicalOfFrozen.get(tags);
  if (known !== undefined) return known;
  const keys = Object.keys(tags).sort();
  const canonical = JSON.stringify(Object.fromEntries(keys.map((k) => [k, tags[k]])));
  if (Object.isFrozen(tags)) canonicalOfFrozen.set(tags, canonical);
  return canonical;
}

// Rows repeat the same few period bounds: their ISO text is worked out once.
const isoOfTime = new Map<number, string>();

function iso(d: Date, field: string): string {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new FieldError(field, 'is not a valid date');
  let text = isoOfTime.get(t);
  if (text === undefined) {
    if (isoOfTime.size >= 10_000) isoOfTime.clear();
    isoOfTime.set(t, (text = new Date(t).toISOString()));
  }
  return text;
}

// The identity's fields, in the order the identity lists them after "v1" (the charge period's
// bounds as ISO text, tags last as their canonical JSON). naturalKeyHex writes this order out by
// hand; the FOCUS compiler builds the same identity from this list (natural-key.test.ts holds
// naturalKeyHex to it).
export const IDENTITY_FIELDS = [
  'providerName', 'billingAccountId', 'subAccountId', 'chargePeriodStart', 'chargePeriodEnd', 'chargeCategory',
  'chargeClass', 'serviceName', 'regionId', 'resourceId', 'skuId', 'skuPriceId', 'pricingUnit', 'chargeDescription',
  'commitmentDiscountId', 'tags',
] as const satisfies readonly (keyof TFocusRecord)[];

// 32 hex digits, as the binary COPY encoder takes them.
export function naturalKeyHex(r: TFocusRecord, tagsJson: string = canonicalTags(r.tags)): string {
  // A JSON array keeps fields apart (no ambiguity between "a|b" + "c" and "a" + "b|c") and tells
  // null from the empty string. Written out by hand: the same text as JSON.stringify([...]) of
  // these values, without building the array a million times.
  const identity =
    `["v1",${js(r.providerName)},${js(r.billingAccountId)},${js(r.subAccountId)},` +
    `"${iso(r.chargePeriodStart, 'chargePeriodStart')}","${iso(r.chargePeriodEnd, 'chargePeriodEnd')}",` +
    `${js(r.chargeCategory)},${js(r.chargeClass)},${js(r.serviceName)},${js(r.regionId)},${js(r.resourceId)},` +
    `${js(r.skuId)},${js(r.skuPriceId)},${js(r.pricingUnit)},${js(r.chargeDescription)},${js(r.commitmentDiscountId)},` +
    `${JSON.stringify(tagsJson)}]`;
  return crypto.hash('sha256', identity, 'hex').slice(0, 32);
}

// JSON.stringify's text for a string or null; the common string with nothing to escape is quoted
// directly (several times faster, and these run fourteen times a record).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function js(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

// 8-4-4-4-12, the form PostgreSQL prints, so keys compare equal on both sides.
export function naturalKey(r: TFocusRecord): string {
  const hex = naturalKeyHex(r);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
