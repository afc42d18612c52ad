import { describe, expect, it } from 'vitest';
import { daysToFetch } from './days';
import { chargeOf } from './mapper';
import { awsServiceCategory } from './service-categories';

const at = (iso: string) => new Date(iso);

describe('daysToFetch', () => {
  const now = at('2026-11-05T10:00:00Z');

  it('skips final days and groups the rest into contiguous ranges', () => {
    const final = new Set(['2026-11-02', '2026-11-03']);
    expect(daysToFetch({ from: at('2026-11-01T00:00:00Z'), to: at('2026-11-05T00:00:00Z') }, final, now)).toEqual([
      { start: '2026-11-01', end: '2026-11-02' },
      { start: '2026-11-04', end: '2026-11-05' },
    ]);
  });

  it('never asks past today nor before the 13 months Cost Explorer keeps', () => {
    expect(daysToFetch({ from: at('2026-11-04T00:00:00Z'), to: at('2026-12-01T00:00:00Z') }, new Set(), now)).toEqual([
      { start: '2026-11-04', end: '2026-11-06' },
    ]);
    const old = daysToFetch({ from: at('2024-01-01T00:00:00Z'), to: at('2025-10-03T00:00:00Z') }, new Set(), now);
    expect(old).toEqual([{ start: '2025-10-01', end: '2025-10-03' }]);
    expect(daysToFetch({ from: now, to: now }, new Set(), now)).toEqual([]);
  });
});

describe('chargeOf', () => {
  it('maps Cost Explorer record types to FOCUS charge categories', () => {
    expect(chargeOf(undefined)).toEqual({ chargeCategory: 'Usage', chargeFrequency: 'Usage-Based' });
    expect(chargeOf('Tax').chargeCategory).toBe('Tax');
    expect(chargeOf('Credit').chargeCategory).toBe('Credit');
    expect(chargeOf('Refund').chargeCategory).toBe('Credit');
    expect(chargeOf('RIFee')).toEqual({ chargeCategory: 'Purchase', chargeFrequency: 'Recurring' });
    expect(chargeOf('Recurring reservation fee')).toEqual({ chargeCategory: 'Purchase', chargeFrequency: 'Recurring' });
    expect(chargeOf('SavingsPlanUpfrontFee')).toEqual({ chargeCategory: 'Purchase', chargeFrequency: 'One-Time' });
    expect(chargeOf('Savings Plan Covered Usage').chargeCategory).toBe('Usage');
    expect(chargeOf('EdpDiscount').chargeCategory).toBe('Credit');
    expect(chargeOf('Something new').chargeCategory).toBe('Adjustment');
  });

  it('gives common services a FOCUS service category', () => {
    expect(awsServiceCategory('Amazon ElastiCache')).toBe('Databases');
    expect(awsServiceCategory('Amazon CloudFront')).toBe('Networking');
    expect(awsServiceCategory('Amazon Aurora DSQL Database')).toBe('Databases');
    expect(awsServiceCategory('Tax')).toBe('Other');
    expect(awsServiceCategory('Totally New Thing')).toBe('Other');
  });
});
