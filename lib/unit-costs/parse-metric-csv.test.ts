import { describe, expect, it } from 'vitest';
import { parseMetricCsv } from './parse-metric-csv';

describe('parseMetricCsv', () => {
  it('reads day,value lines with or without a header, and decimal values', () => {
    expect(parseMetricCsv('day,value\n2026-01-01,20000\n2026-01-02,20512.5\n')).toEqual({
      points: [
        { day: '2026-01-01', value: '20000' },
        { day: '2026-01-02', value: '20512.5' },
      ],
      issues: [],
    });
    expect(parseMetricCsv('\uFEFF2026-01-01,1\r\n\r\n2026-01-03,3').points.map((p) => p.day)).toEqual(['2026-01-01', '2026-01-03']);
  });

  it('names every bad line by its number and field', () => {
    const { issues } = parseMetricCsv(['day,value', '2026-01-01,1', '2026-02-30,2', '2026-01-03,-4', '2026-01-04', '2026-01-01,5', '2026-01-06,1e3x'].join('\n'));
    expect(issues.map((i) => [i.row, i.field ?? null])).toEqual([
      [3, 'day'],
      [4, 'value'],
      [5, null],
      [6, 'day'],
      [7, 'value'],
    ]);
    expect(issues[3].message).toContain('line 2');
  });

  it('says so when there is nothing to import', () => {
    expect(parseMetricCsv('day,value\n').issues).toEqual([{ message: 'no rows: expected lines of day,value' }]);
  });
});
