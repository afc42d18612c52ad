import { describe, expect, it } from 'vitest';
import { addIsoDays } from '@/lib/dates';
import { createRng } from '@/lib/demo/prng';
import { rankContributions } from './rank-contributions';
import { detectAnomalies, type TAnomalyPoint } from './detect';

const START = '2026-01-05';
const WEEKLY = [1.0, 1.1, 1.15, 1.1, 1.05, 0.7, 0.6];
const day = (i: number) => addIsoDays(START, i);

function child(key: string, base: number, days: number, change?: (i: number, v: number) => number): { key: string; points: TAnomalyPoint[] } {
  const rng = createRng(base, key);
  const points: TAnomalyPoint[] = [];
  for (let i = 0; i < days; i++) {
    const v = base * WEEKLY[i % 7] * (1 + 0.02 * rng.normal());
    const amount = change ? change(i, v) : v;
    if (!Number.isNaN(amount)) points.push({ day: day(i), amount });
  }
  return { key, points };
}

function parentOf(children: { points: TAnomalyPoint[] }[]): TAnomalyPoint[] {
  const byDay = new Map<string, number>();
  for (const c of children) for (const p of c.points) byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.amount);
  return [...byDay].map(([d, amount]) => ({ day: d, amount }));
}

describe('rankContributions', () => {
  it('ranks the child that jumped first, with most of the impact', () => {
    const children = [
      child('ec2', 800, 90),
      child('s3', 300, 90, (i, v) => (i >= 70 && i <= 71 ? v + 900 : v)),
      child('rds', 500, 90),
    ];
    const [anomaly] = detectAnomalies({ points: parentOf(children) }).anomalies;
    expect(anomaly).toMatchObject({ startDay: day(70), endDay: day(71), direction: 'increase' });
    const ranked = rankContributions({ anomaly, children });
    expect(ranked[0].key).toBe('s3');
    expect(ranked[0].impact).toBeCloseTo(1800, -2);
    expect(ranked[0].share!).toBeGreaterThan(0.85);
    expect(ranked[0].share!).toBeLessThan(1.15);
    for (const other of ranked.slice(1)) expect(Math.abs(other.share!)).toBeLessThan(0.1);
  });

  it('ranks a child that went silent first in a drop, its absence counted as zero spend', () => {
    const children = [
      child('backup', 600, 90, (i, v) => (i >= 80 ? NaN : v)), // no rows from day 80 on
      child('compute', 1000, 84),
    ];
    const [anomaly] = detectAnomalies({ points: parentOf(children), to: day(83) }).anomalies;
    expect(anomaly).toMatchObject({ startDay: day(80), direction: 'decrease' });
    const ranked = rankContributions({ anomaly, children });
    expect(ranked.map((r) => r.key)).toEqual(['backup', 'compute']);
    expect(ranked[0].actual).toBe(0);
    expect(ranked[0].impact).toBeLessThan(-0.9 * 600 * anomaly.days * 0.6);
    expect(ranked[0].share!).toBeGreaterThan(0.8);
  });

  it('counts a child that is new during the anomaly at its whole spend', () => {
    const children = [child('base', 1000, 60), { key: 'new', points: [58, 59].map((i) => ({ day: day(i), amount: 700 })) }];
    const [anomaly] = detectAnomalies({ points: parentOf(children) }).anomalies;
    const ranked = rankContributions({ anomaly, children });
    expect(ranked[0]).toMatchObject({ key: 'new', expected: 0, actual: 1400, impact: 1400 });
  });
});
