import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../cli/budget-commands';
import { ZBudgetInput } from './budgets';

const fields = (body: unknown) => {
  const r = ZBudgetInput.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('ZBudgetInput', () => {
  it('takes exactly one amount and normalises it', () => {
    const r = ZBudgetInput.parse({ name: ' Cloud ', amount: '1200.50', thresholds: [{ on: 'forecast', percent: 100 }] });
    expect(r).toMatchObject({ name: 'Cloud', amount: '1200.5', period: 'month', scope: {}, subscriptions: [] });
    expect(fields({ name: 'x' })).toEqual(['amount']);
    expect(fields({ name: 'x', amount: 1, fromScenarioId: '7d1f0a4e-8f7e-4a43-9a55-0d3c1c6a7d11' })).toEqual(['amount']);
    expect(fields({ name: 'x', amount: 0 })).toContain('amount');
  });

  it('names the field of a bad threshold, plan or scope', () => {
    expect(fields({ name: 'x', amount: 1, thresholds: [{ on: 'actual' }] })).toEqual(['thresholds.0.percent']);
    expect(fields({ name: 'x', amount: 1, thresholds: [{ on: 'actual', percent: 1001 }] })).toEqual(['thresholds.0.percent']);
    expect(fields({ name: 'x', amount: 1, thresholds: [{ on: 'later', percent: 10 }] })).toEqual(['thresholds.0.on']);
    expect(fields({ name: 'x', period: 'year', amounts: [{ period: '2026-Q1', amount: 5 }] })).toEqual(['amounts.0.period']);
    expect(fields({ name: 'x', amount: 1, scope: { region: 'eu-west-3' } })).toEqual(['scope.region']);
    expect(fields({ name: 'x', amount: 1, scope: { colour: 'red' } })).toEqual(['scope']);
  });
});

describe('parseThreshold', () => {
  it('reads percents and amounts', () => {
    expect(parseThreshold('actual:80%')).toEqual({ on: 'actual', percent: 80 });
    expect(parseThreshold('forecast:12,5%')).toEqual({ on: 'forecast', percent: 12.5 });
    expect(parseThreshold('actual:5000')).toEqual({ on: 'actual', amount: '5000' });
    expect(() => parseThreshold('80%')).toThrow(/--threshold/);
  });
});
