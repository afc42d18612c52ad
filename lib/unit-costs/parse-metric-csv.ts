// A business metric's points from CSV: `day,value` per line (a header line is allowed). Every bad line is named
// by its number; the caller writes nothing unless all lines are good.
import { parse } from 'csv-parse/sync';
import type { TIssue } from '../errors';
import { ZMetricPoint, type TMetricPoint } from './schemas';

export const MAX_CSV_ROWS = 5000;

export function parseMetricCsv(text: string): { points: TMetricPoint[]; issues: TIssue[] } {
  const issues: TIssue[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { points: [], issues: [{ row: line, message: `not a CSV: ${(e as Error).message}` }] };
  }
  const points: TMetricPoint[] = [];
  const seen = new Map<string, number>();
  records.forEach((cells, index) => {
    const line = index + 1;
    if (cells.length === 1 && cells[0] === '') return; // an empty line
    if (index === 0 && cells[0]?.toLowerCase() === 'day') return; // the header
    if (cells.length !== 2) {
      issues.push({ row: line, message: `must have two columns, day and value; found ${cells.length}` });
      return;
    }
    const parsed = ZMetricPoint.safeParse({ day: cells[0], value: cells[1] });
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ row: line, field: String(i.path[0]), message: i.message });
      return;
    }
    const previous = seen.get(parsed.data.day);
    if (previous !== undefined) {
      issues.push({ row: line, field: 'day', message: `${parsed.data.day} is already on line ${previous}` });
      return;
    }
    seen.set(parsed.data.day, line);
    points.push(parsed.data);
  });
  if (!points.length && !issues.length) issues.push({ message: 'no rows: expected lines of day,value' });
  if (points.length > MAX_CSV_ROWS) issues.push({ message: `at most ${MAX_CSV_ROWS} rows per import` });
  return { points, issues };
}
