import { describe, expect, it } from 'vitest';
import { budgetState, evaluateThresholds, newlyCrossed, percentOf, type TThreshold } from './evaluate-thresholds';

const thresholds: TThreshold[] = [
  { id: 'a50', on: 'actual', percent: 50 },
  { id: 'a80', on: 'actual', percent: 80 },
  { id: 'f100', on: 'forecast', percent: 100 },
  { id: 'abs', on: 'actual', amount: '4500' },
];

const states = (actual: string, forecast: string | null, amount: string | null = '5000') =>
  Object.fromEntries(evaluateThresholds({ amount, actual, forecast, thresholds }).map((s) => [s.id, s.state]));

describe('evaluateThresholds', () => {
  it('puts each threshold in alarm when its spend reaches it', () => {
    expect(states('2499.99', '4000')).toEqual({ a50: 'ok', a80: 'ok', f100: 'ok', abs: 'ok' });
    expect(states('2500', '4999.99')).toEqual({ a50: 'alarm', a80: 'ok', f100: 'ok', abs: 'ok' });
    expect(states('3000', '5000')).toEqual({ a50: 'alarm', a80: 'ok', f100: 'alarm', abs: 'ok' });
    expect(states('4000', '6000')).toEqual({ a50: 'alarm', a80: 'alarm', f100: 'alarm', abs: 'ok' });
    expect(states('4500', '6000')).toEqual({ a50: 'alarm', a80: 'alarm', f100: 'alarm', abs: 'alarm' });
  });

  it('warns on the forecast before the money is spent', () => {
    const s = evaluateThresholds({ amount: '5000', actual: '1000', forecast: '5200', thresholds });
    expect(budgetState(s)).toBe('alarm');
    expect(s.find((t) => t.id === 'f100')).toMatchObject({ limit: '5000', value: '5200', state: 'alarm' });
  });

  it('stays ok without an amount (percent) or without a forecast', () => {
    expect(states('99999', null, null)).toEqual({ a50: 'ok', a80: 'ok', f100: 'ok', abs: 'alarm' });
    expect(states('0', null)).toEqual({ a50: 'ok', a80: 'ok', f100: 'ok', abs: 'ok' });
  });

  it('computes percent limits in decimals', () => {
    const [s] = evaluateThresholds({ amount: '333.33', actual: '0', forecast: null, thresholds: [{ id: 'x', on: 'actual', percent: 12.5 }] });
    expect(s.limit).toBe('41.67');
    expect(percentOf('2500', '5000')).toBe(50);
    expect(percentOf('1', '3')).toBeCloseTo(33.3333, 4);
    expect(percentOf(null, '5000')).toBeNull();
    expect(percentOf('1', '0')).toBeNull();
  });

  it('rejects impossible thresholds', () => {
    const bad: TThreshold[] = [
      { id: 'none', on: 'actual' },
      { id: 'both', on: 'actual', percent: 10, amount: '5' },
      { id: 'zero', on: 'actual', percent: 0 },
      { id: 'neg', on: 'forecast', amount: '-5' },
      { id: 'nan', on: 'forecast', amount: 'abc' },
    ];
    for (const t of bad) expect(() => evaluateThresholds({ amount: '100', actual: '0', forecast: null, thresholds: [t] })).toThrow(t.id);
  });
});

describe('newlyCrossed', () => {
  it('alerts once per threshold and period', () => {
    const s = evaluateThresholds({ amount: '5000', actual: '4000', forecast: '6000', thresholds });
    const first = newlyCrossed({ periodKey: '2026-03', states: s, alerted: [] });
    expect(first.map((t) => t.id)).toEqual(['a50', 'a80', 'f100']);
    const alerted = first.map((t) => ({ thresholdId: t.id, periodKey: '2026-03' }));
    expect(newlyCrossed({ periodKey: '2026-03', states: s, alerted })).toEqual([]);
    // the absolute threshold crosses later in the month: only it is new
    const later = evaluateThresholds({ amount: '5000', actual: '4600', forecast: '6000', thresholds });
    expect(newlyCrossed({ periodKey: '2026-03', states: later, alerted }).map((t) => t.id)).toEqual(['abs']);
    // a new period starts afresh
    expect(newlyCrossed({ periodKey: '2026-04', states: later, alerted }).map((t) => t.id)).toEqual(['a50', 'a80', 'f100', 'abs']);
  });
});
