import { describe, expect, it } from 'vitest';
import { createFormatter } from '@/lib/format/formatter';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { fromTexts, problemOf, toTexts } from './driver-text';

const fr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
const en = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });

describe('scenarios: driver texts', () => {
  it('round-trip the drivers in both languages', () => {
    const t = toTexts(EUROPE_PLAN.drivers, fr);
    expect(t.peakRequestsPerSecond).toEqual({ range: true, low: '400', likely: '500', high: '700' });
    expect(t.monthlyActiveShare).toEqual({ range: true, low: '0,2', likely: '0,3', high: '0,45' });
    expect(t['serviceLevels.replicas']).toEqual({ range: false, low: '3', likely: '3', high: '3' });
    expect(fromTexts(t, EUROPE_PLAN.drivers.regions, EUROPE_PLAN.drivers, 'fr-FR')).toEqual({ drivers: EUROPE_PLAN.drivers, errors: {} });
    const e = toTexts(EUROPE_PLAN.drivers, en);
    expect(e.monthlyActiveShare.likely).toBe('0.3');
    expect(fromTexts(e, EUROPE_PLAN.drivers.regions, EUROPE_PLAN.drivers, 'en-GB')).toEqual({ drivers: EUROPE_PLAN.drivers, errors: {} });
  });

  it('accept "0,3" and "0.3" alike, and thousands separators', () => {
    for (const [locale, fmt] of [['fr-FR', fr], ['en-GB', en]] as const) {
      const t = toTexts(GRAND_EST_TODAY.drivers, fmt);
      t.monthlyActiveShare = { range: false, low: '', likely: '0,3', high: '' };
      t.registeredUsers = { range: false, low: '', likely: '25\u202f000', high: '' };
      let r = fromTexts(t, ['paris'], GRAND_EST_TODAY.drivers, locale);
      expect(r.errors).toEqual({});
      expect(r.drivers?.monthlyActiveShare).toBe(0.3);
      expect(r.drivers?.registeredUsers).toBe(25000);
      t.monthlyActiveShare = { range: false, low: '', likely: '0.3', high: '' };
      r = fromTexts(t, ['paris'], GRAND_EST_TODAY.drivers, locale);
      expect(r.drivers?.monthlyActiveShare).toBe(0.3);
    }
  });

  it('name each bad driver with a problem the page can word', () => {
    const t = toTexts(EUROPE_PLAN.drivers, en);
    t.peakRequestsPerSecond = { ...t.peakRequestsPerSecond, likely: '900' };
    t.cols = { ...t.cols, range: false, likely: '-1' };
    t.registeredUsers = { ...t.registeredUsers, range: false, likely: 'lots' };
    t.predefinedRoutes = { ...t.predefinedRoutes, range: false, likely: '' };
    t['serviceLevels.replicas'] = { ...t['serviceLevels.replicas'], likely: '2.5' };
    t.monthlyActiveShare = { ...t.monthlyActiveShare, range: false, likely: '1,5' };
    t['serviceLevels.rpoHours'] = { ...t['serviceLevels.rpoHours'], likely: '0' };
    const r = fromTexts(t, [], EUROPE_PLAN.drivers, 'en-GB');
    expect(r.drivers).toBeNull();
    expect(r.errors).toEqual({
      peakRequestsPerSecond: { code: 'likelyAboveHigh' },
      cols: { code: 'tooSmall', min: 0 },
      registeredUsers: { code: 'enterNumber' },
      predefinedRoutes: { code: 'enterNumber' },
      'serviceLevels.replicas': { code: 'enterWhole' },
      monthlyActiveShare: { code: 'tooLarge', max: 1 },
      'serviceLevels.rpoHours': { code: 'mustBePositive' },
      regions: { code: 'noRegion' },
    });
  });

  it('check a range in order', () => {
    expect(problemOf({ range: true, low: '5', likely: '4', high: '6' }, {}, 'fr-FR')).toEqual({ code: 'lowAboveLikely' });
    expect(problemOf({ range: true, low: '4', likely: '4', high: '4' }, {}, 'fr-FR')).toBeNull();
    expect(problemOf({ range: true, low: '1', likely: 'x', high: '4' }, {}, 'fr-FR')).toEqual({ code: 'enterNumber' });
  });
});
