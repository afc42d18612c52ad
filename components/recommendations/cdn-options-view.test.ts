import { describe, expect, it } from 'vitest';
import { cdnOptionRows } from './cdn-options-view';

const option = (id: string, monthlyCost: number, over: Record<string, unknown> = {}) => ({
  id, sku: id, family: 'cloudflare', name: id.toUpperCase(), level: 2, billing: 'monthly', monthlyCost, allowance: { dataTransferGB: null, requests: null },
  includes: '', estimate: false, commitment: false, migration: false, current: false, keepsInUse: true, reason: null, ...over,
});

describe('cdnOptionRows', () => {
  it('lists the options cheapest first, in the page currency, with the best and today marked', () => {
    const rows = cdnOptionRows({
      best: 'cloudflare-business-annual',
      fxRate: 0.9,
      options: [
        option('cloudflare-business', 605, { current: true }),
        option('cloudflare-business-annual', 555, { billing: 'annual', commitment: true }),
        option('cloudfront-flat-rate-premium', 1000, { allowance: { dataTransferGB: 50000, requests: 500e6 }, reason: 'allowance-exceeded', migration: true }),
      ],
    });
    expect(rows.map((r) => [r.id, r.monthlyCost, r.best, r.current])).toEqual([
      ['cloudflare-business-annual', 499.5, true, false],
      ['cloudflare-business', 544.5, false, true],
      ['cloudfront-flat-rate-premium', 900, false, false],
    ]);
    expect(rows[2]).toMatchObject({ allowance: { dataTransferGB: 50000, requests: 500e6 }, reason: 'allowance-exceeded', migration: true });
  });

  it('keeps the rule currency without a rate, and skips what is not an option', () => {
    expect(cdnOptionRows({ options: [option('a', 10), { id: 'b' }, null, 'c'] }).map((r) => [r.id, r.monthlyCost])).toEqual([['a', 10]]);
    expect(cdnOptionRows({})).toEqual([]);
    expect(cdnOptionRows(undefined)).toEqual([]);
  });
});
