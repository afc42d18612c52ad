import { describe, expect, it } from 'vitest';
import { createFormatter } from '../format/formatter';
import { formatTick, niceStep, niceTicks } from './nice-ticks';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

describe('nice ticks', () => {
  it('rounds a step up to 1, 2, 2.5 or 5 × 10^n', () => {
    expect([0.13, 0.2, 0.21, 0.3, 0.7, 1, 1.68, 2.4, 3, 7, 12, 4_200].map(niceStep)).toEqual([0.2, 0.2, 0.25, 0.5, 1, 1, 2, 2.5, 5, 10, 20, 5_000]);
  });

  it('gives whole GB for memory, not 2,3 / 4,7 / 8,4 GB', () => {
    const t = niceTicks(8.4 * GiB, 'bytes');
    expect(t.bytePower).toBe(3);
    expect(t.ticks.map((v) => v / GiB)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(t.top).toBe(10 * GiB);
  });

  it('keeps a capacity of 8 GB on a tick and reaches above a value just over it', () => {
    expect(niceTicks(8 * GiB, 'bytes').ticks.map((v) => v / GiB)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(25.2 * GiB, 'bytes').ticks.map((v) => v / GiB)).toEqual([0, 10, 20, 30]);
  });

  it('drops to MB below one GB, and counts in binary units', () => {
    const t = niceTicks(700 * MiB, 'bytes');
    expect(t.bytePower).toBe(2);
    expect(t.ticks.map((v) => v / MiB)).toEqual([0, 200, 400, 600, 800]);
  });

  it('gives tenths for values under one, and round thousands for counts', () => {
    expect(niceTicks(0.93, 'ratio').ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(105, 'percent').ticks).toEqual([0, 25, 50, 75, 100, 125]);
    expect(niceTicks(12_345, 'count').ticks).toEqual([0, 2_500, 5_000, 7_500, 10_000, 12_500]);
    expect(niceTicks(3.3, 'req/s').ticks).toEqual([0, 1, 2, 3, 4]);
  });

  it('has every tick a whole multiple of its step, and at least one interval for empty data', () => {
    for (const max of [0.0042, 0.9, 1, 3.14, 47, 999, 1_000, 1.5e9]) {
      const { ticks, top } = niceTicks(max, 'count');
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(11);
      const step = ticks[1];
      for (const [i, v] of ticks.entries()) expect(v).toBeCloseTo(i * step, 9);
    }
    expect(niceTicks(0, 'count').ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('tick labels', () => {
  const fmt = (locale: string) => createFormatter({ locale, timeZone: 'Europe/Paris', currency: 'EUR' });

  it('writes every byte tick in the axis unit, in both languages', () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      const f = fmt(locale);
      const { ticks, bytePower } = niceTicks(1.4 * GiB, 'bytes');
      const labels = ticks.map((v) => formatTick(f, v, 'bytes', bytePower));
      const n = (x: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(x);
      expect(labels).toEqual([0, 0.5, 1, 1.5].map((x) => `${n(x)} ${locale === 'fr-FR' ? 'Go' : 'GB'}`));
    }
  });

  it('writes percentages and counts as the formatter’s axis does', () => {
    const f = fmt('fr-FR');
    expect(formatTick(f, 50, 'percent', null)).toBe(f.axisQuantity(50, 'percent'));
    expect(formatTick(f, 12_500, 'count', null)).toBe(new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 1 }).format(12_500));
  });
});
