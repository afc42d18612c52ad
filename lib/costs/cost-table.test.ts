import { describe, expect, it } from 'vitest';
import type { TCostResult } from '../queries/get-costs';
import { buildCostTable, changeRatio, previousRange } from './cost-table';
import { costTableCsv } from './cost-table-csv';
import { periodCoverage } from './period-coverage';

const result = (rows: [period: string, key: string, effective: string][]): TCostResult => ({
  currency: 'EUR',
  granularity: 'month',
  groupBy: 'service',
  rows: rows.map(([period, key, effectiveCost]) => ({ period, key, label: key.split(':')[1] ?? key, billedCost: effectiveCost, effectiveCost })),
});

const current = result([
  ['2026-01-01', 'AWS:EC2', '100.10'],
  ['2026-02-01', 'AWS:EC2', '50.20'],
  ['2026-01-01', 'AWS:S3', '10'],
  ['2026-02-01', 'AWS:S3', '300.005'],
  ['2026-02-01', 'AWS:Lambda', '1'],
]);
const previous = result([
  ['2025-11-01', 'AWS:EC2', '200'],
  ['2025-12-01', 'AWS:S3', '155'],
  ['2025-12-01', 'AWS:Gone', '45'],
]);

describe('costs table', () => {
  it('pivots rows into groups and periods, with exact totals and a footer that adds up', () => {
    const table = buildCostTable(current, previous);
    expect(table.periods).toEqual(['2026-01-01', '2026-02-01']);
    expect(table.rows.map((r) => [r.label, r.cells, r.total])).toEqual([
      ['S3', ['10', '300.005'], '310.005'],
      ['EC2', ['100.1', '50.2'], '150.3'],
      ['Lambda', [null, '1'], '1'],
    ]);
    expect(table.totals.cells).toEqual(['110.1', '351.205']);
    expect(table.totals.total).toBe('461.305');
    // the previous range's total counts the groups that are gone too
    expect(table.totals.previous).toBe('400');
  });

  it('compares each group with the previous range, and says nothing where there is nothing to compare', () => {
    const table = buildCostTable(current, previous);
    const change = Object.fromEntries(table.rows.map((r) => [r.label, r.change]));
    expect(change.EC2).toBeCloseTo(150.3 / 200 - 1, 12);
    expect(change.S3).toBeCloseTo(310.005 / 155 - 1, 12);
    expect(change.Lambda).toBeNull();
    expect(table.totals.change).toBeCloseTo(461.305 / 400 - 1, 12);
    expect(buildCostTable(current, null).rows.every((r) => r.change === null && r.previous === null)).toBe(true);
  });

  it('reads a fall from a credit (a negative previous total) as a fall', () => {
    expect(changeRatio('-50', '-100')).toBeCloseTo(0.5);
    expect(changeRatio('-150', '-100')).toBeCloseTo(-0.5);
    expect(changeRatio('10', '0')).toBeNull();
  });

  it('sorts by name, by a period, by total and by change, either way, with rows that cannot compare last', () => {
    const labels = (sort: Parameters<typeof buildCostTable>[2]) => buildCostTable(current, previous, sort).rows.map((r) => r.label);
    expect(labels({ sort: 'name' })).toEqual(['EC2', 'Lambda', 'S3']);
    expect(labels({ sort: 'name', dir: 'desc' })).toEqual(['S3', 'Lambda', 'EC2']);
    expect(labels({ sort: '2026-01-01' })).toEqual(['EC2', 'S3', 'Lambda']);
    expect(labels({ sort: '2026-01-01', dir: 'asc' })).toEqual(['Lambda', 'S3', 'EC2']);
    expect(labels({ sort: 'total', dir: 'asc' })).toEqual(['Lambda', 'EC2', 'S3']);
    expect(labels({ sort: 'change' })).toEqual(['S3', 'EC2', 'Lambda']);
    expect(labels({ sort: 'change', dir: 'asc' })).toEqual(['EC2', 'S3', 'Lambda']);
    expect(buildCostTable(current, previous, {}).sort).toEqual({ by: 'total', dir: 'desc' });
  });

  it('compares with the range of the same length just before', () => {
    expect(previousRange('2026-01-01', '2026-03-01')).toEqual({ from: '2025-11-03', to: '2026-01-01' });
    expect(previousRange('2026-03-01', '2026-03-02')).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });
});

describe('costs table CSV', () => {
  it('writes what the table shows: a header, plain decimals to the cent, the currency, a total row', () => {
    const csv = costTableCsv(buildCostTable(current, previous, { sort: 'name' }), { groupHeader: 'Service', currency: 'EUR' });
    expect(csv.split('\r\n')).toEqual([
      'Service,2026-01-01,2026-02-01,total,previous_total,change,currency',
      'EC2,100.10,50.20,150.30,200.00,-0.2485,EUR',
      'Lambda,,1.00,1.00,0.00,,EUR',
      'S3,10.00,300.01,310.01,155.00,1.0000,EUR',
      'Total,110.10,351.21,461.31,400.00,0.1533,EUR',
      '',
    ]);
  });

  it('quotes separators and keeps labels from running as spreadsheet formulas', () => {
    const table = buildCostTable(result([['2026-01-01', 'X:=HYPERLINK("x"),y', '1']]), null);
    expect(costTableCsv(table, { groupHeader: 'Tag "a,b"', currency: 'EUR' }).split('\r\n').slice(0, 2)).toEqual([
      '"Tag ""a,b""",2026-01-01,total,previous_total,change,currency',
      `"'=HYPERLINK(""x""),y",1.00,1.00,,,EUR`,
    ]);
  });
});

describe('costs period coverage', () => {
  const range = { from: '2026-07-01', to: '2026-12-07' };
  it('marks the month that holds today as month to date, and months the range cuts as partial', () => {
    expect(periodCoverage('2026-12-01', 'month', range, '2026-12-06')).toEqual({ kind: 'toDate' });
    expect(periodCoverage('2026-11-01', 'month', range, '2026-12-06')).toEqual({ kind: 'whole' });
    expect(periodCoverage('2026-07-01', 'month', { from: '2026-07-15', to: '2026-09-01' }, '2026-12-06')).toEqual({ kind: 'partial', first: '2026-07-15', last: '2026-07-31' });
    expect(periodCoverage('2026-08-01', 'month', { from: '2026-07-15', to: '2026-08-11' }, '2026-12-06')).toEqual({ kind: 'partial', first: '2026-08-01', last: '2026-08-10' });
    // a range that ends before today leaves the month cut, not "to date"
    expect(periodCoverage('2026-12-01', 'month', { from: '2026-11-01', to: '2026-12-03' }, '2026-12-06')).toEqual({ kind: 'partial', first: '2026-12-01', last: '2026-12-02' });
  });

  it('marks today as so far in a day view, and other days as whole', () => {
    expect(periodCoverage('2026-12-06', 'day', range, '2026-12-06')).toEqual({ kind: 'toDate' });
    expect(periodCoverage('2026-12-05', 'day', range, '2026-12-06')).toEqual({ kind: 'whole' });
  });
});
