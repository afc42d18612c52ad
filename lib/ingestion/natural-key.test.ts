import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TFocusRecord } from '../focus/types';
import { canonicalTags, IDENTITY_FIELDS, naturalKey, naturalKeyHex } from './natural-key';
import { focusRecord } from './test-records';

describe('naturalKey', () => {
  it('is a stable uuid made of the sha256 of the identity', () => {
    const key = naturalKey(focusRecord());
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(naturalKey(focusRecord())).toBe(key);
    // pinned: a change to the key recipe would silently duplicate every stored row on re-import
    // (the migration to uuid kept the first 128 bits of the earlier 24703184b89f4ddc00538d80a330c56e…)
    expect(key).toBe('24703184-b89f-4ddc-0053-8d80a330c56e');
    expect(naturalKey({ ...focusRecord(), tags: { team: 'platform', env: 'prod' } })).toBe(key);
  });

  it('ignores amounts, quantities and descriptive columns, so a correction replaces the value', () => {
    const base = naturalKey(focusRecord());
    const changes: Partial<TFocusRecord>[] = [
      { billedCost: '99' },
      { effectiveCost: '1' },
      { listCost: '2' },
      { contractedCost: '3' },
      { pricingQuantity: '48' },
      { consumedQuantity: '48' },
      { listUnitPrice: '0.3' },
      { isEstimated: true },
      { subAccountName: 'renamed' },
      { serviceCategory: 'Other' },
      { regionName: 'Paris' },
      { resourceName: 'node' },
      { billingCurrency: 'EUR' },
    ];
    for (const change of changes) expect(naturalKey(focusRecord(change)), JSON.stringify(change)).toBe(base);
  });

  it('changes with each identity column', () => {
    const base = naturalKey(focusRecord());
    const changes: Partial<TFocusRecord>[] = [
      { providerName: 'Microsoft' },
      { billingAccountId: 'other' },
      { subAccountId: null },
      { chargePeriodStart: new Date('2026-03-14T01:00:00Z') },
      { chargePeriodEnd: new Date('2026-03-14T01:00:00Z') },
      { chargeCategory: 'Credit' },
      { chargeClass: 'Correction' },
      { serviceName: 'Amazon Simple Storage Service' },
      { regionId: 'eu-central-1' },
      { resourceId: 'i-0abd' },
      { skuId: 'SKU2' },
      { skuPriceId: 'SKU1.X' },
      { pricingUnit: 'GB-Mo' },
      { chargeDescription: 'other' },
      { commitmentDiscountId: 'arn:aws:savingsplans::1:savingsplan/x' },
      { tags: { env: 'staging', team: 'platform' } },
      { tags: null },
    ];
    const keys = changes.map((c) => naturalKey(focusRecord(c)));
    for (const [i, k] of keys.entries()) expect(k, JSON.stringify(changes[i])).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not confuse null with the empty string or shifted separators', () => {
    expect(naturalKey(focusRecord({ resourceId: '' }))).not.toBe(naturalKey(focusRecord({ resourceId: null })));
    expect(naturalKey(focusRecord({ skuId: 'a|b', skuPriceId: 'c' }))).not.toBe(
      naturalKey(focusRecord({ skuId: 'a', skuPriceId: 'b|c' })),
    );
  });

  it('treats missing tags and empty tags alike', () => {
    expect(canonicalTags(null)).toBe('{}');
    expect(canonicalTags({ b: '2', a: '1' })).toBe('{"a":"1","b":"2"}');
    expect(naturalKey(focusRecord({ tags: {} }))).toBe(naturalKey(focusRecord({ tags: undefined })));
  });

  it('hashes the JSON array of "v1" and IDENTITY_FIELDS in their order, as the FOCUS compiler builds it', () => {
    for (const r of [focusRecord(), focusRecord({ subAccountId: null, chargeClass: 'Correction', tags: null, chargeDescription: 'a "quoted" \\ text' })]) {
      const values = IDENTITY_FIELDS.map((field) => {
        if (field === 'tags') return canonicalTags(r.tags);
        if (field === 'chargePeriodStart' || field === 'chargePeriodEnd') return r[field].toISOString();
        return r[field] ?? null;
      });
      const identity = JSON.stringify(['v1', ...values]);
      expect(naturalKeyHex(r)).toBe(crypto.createHash('sha256').update(identity).digest('hex').slice(0, 32));
    }
  });

  it('refuses an invalid date', () => {
    expect(() => naturalKey(focusRecord({ chargePeriodStart: new Date('nope') }))).toThrow(/chargePeriodStart/);
  });
});
