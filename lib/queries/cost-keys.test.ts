import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costFilterPairs, focusExportFilters, parseScopedKey, scopedKey } from './cost-keys';
import { ZCostQuery } from './get-costs';

describe('cost group keys', () => {
  it('give back the provider and the id they were made of, whatever the characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (provider, id) => {
        expect(parseScopedKey(scopedKey(provider, id))).toEqual({ provider, id });
      }),
      { numRuns: 500 },
    );
    expect(scopedKey('MongoDB Atlas', 'ec-prod')).toBe('MongoDB Atlas:ec-prod');
    expect(scopedKey('Odd:Cloud 100%', 'a:b')).toBe('Odd%3ACloud 100%25:a:b');
  });

  it('are refused as filters when they are not PROVIDER:ID, naming the field', () => {
    const parsed = ZCostQuery.safeParse({ from: '2026-01-01', to: '2026-02-01', service: 'Amazon EC2' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['service']);
    expect(ZCostQuery.safeParse({ from: '2026-01-01', to: '2026-02-01', account: 'a%zz:1' }).success).toBe(false);
    expect(ZCostQuery.safeParse({ from: '2026-01-01', to: '2026-02-01', account: 'AWS:', category: 'Compute' }).success).toBe(true);
  });

  it('filter by provider and id, and a filter that cannot hold matches nothing in the export', () => {
    expect(costFilterPairs({ account: 'AWS:123', category: '(none)' })).toEqual([
      ['provider_name', 'AWS'],
      ['sub_account_id', '123'],
      ['service_category', ''],
    ]);
    expect(focusExportFilters({ provider: 'AWS', account: 'AWS:123' })).toEqual({ providers: ['AWS'], accounts: ['123'] });
    expect(focusExportFilters({ provider: 'AWS', account: 'MongoDB Atlas:123' })).toEqual({ providers: [], accounts: ['123'] });
  });
});
