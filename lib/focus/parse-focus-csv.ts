// Streaming parse of a FOCUS 1.0–1.2 CSV file (gzipped or not, told by its magic bytes) into
// TFocusRecord, one row at a time: a bad row comes out with its reasons instead of a record.
// Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../errors';
import { FOCUS_FIELDS, PROVIDER_FALLBACK_COLUMNS, columnKey, type TFocusField } from './focus-columns';
import {
  isNullCell,
  parseChargeCategoryCell,
  parseChargeClassCell,
  parseChargeFrequencyCell,
  parseCurrencyCell,
  parseDateTimeCell,
  parseDecimalCell,
  parseTagsCell,
  type TCell,
} from './focus-values';
import type { TFocusRecord } from './types';

export type TFocusRowError = { row: number; column: string; reason: string };

export type TParsedFocusRow =
  | { row: number; record: TFocusRecord; errors: null }
  | { row: number; record: null; errors: TFocusRowError[] };

// The file as a whole cannot be read (missing required column, broken CSV, bad gzip).
export class FocusFileError extends AppError {
  constructor(
    message: string,
    readonly errors: TFocusRowError[],
    options?: { cause?: unknown },
  ) {
    super('UNPROCESSABLE', message, errors.map((e) => ({ row: e.row, field: e.column, message: e.reason })), options);
    this.name = 'FocusFileError';
  }
}

export type TFocusInput = AsyncIterable<Uint8Array | string>;

const GZIP_MAGIC = [0x1f, 0x8b];

// Peeks at the first bytes and gunzips when they are gzip's magic number.
export async function openFocusInput(input: TFocusInput): Promise<Readable> {
  const iterator = input[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  while (head.length < 2 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, Buffer.from(next.value)]);
  }
  async function* bytes() {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  const body = Readable.from(bytes(), { objectMode: false });
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return body;
  const gunzip = createGunzip();
  body.on('error', (e) => gunzip.destroy(e));
  return body.pipe(gunzip);
}

type TBinding = { spec: TFocusField; index: number; header: string };

// Which file column feeds which field; the error lists every required column that is missing.
export function bindColumns(header: string[]): { bindings: TBinding[]; errors: TFocusRowError[] } {
  const byKey = new Map<string, number>();
  header.forEach((name, index) => {
    const key = columnKey(name);
    if (!byKey.has(key)) byKey.set(key, index);
  });
  const bindings: TBinding[] = [];
  const errors: TFocusRowError[] = [];
  for (const spec of FOCUS_FIELDS) {
    let names = spec.columns;
    if (spec.field === 'providerName') names = [...names, ...PROVIDER_FALLBACK_COLUMNS];
    const found = names.map((n) => byKey.get(columnKey(n))).find((i) => i !== undefined);
    if (found !== undefined) bindings.push({ spec, index: found, header: header[found] });
    else if (spec.required) errors.push({ row: 1, column: spec.columns[0], reason: 'required column is missing' });
  }
  return { bindings, errors };
}

function parseCell(spec: TFocusField, raw: string): TCell<unknown> {
  switch (spec.kind) {
    case 'decimal':
      return parseDecimalCell(raw);
    case 'datetime':
      return parseDateTimeCell(raw);
    case 'chargeCategory':
      return parseChargeCategoryCell(raw);
    case 'chargeClass':
      return parseChargeClassCell(raw);
    case 'chargeFrequency':
      return parseChargeFrequencyCell(raw);
    case 'currency':
      return parseCurrencyCell(raw);
    case 'tags':
      return parseTagsCell(raw);
    case 'text':
      return { ok: true, value: raw };
  }
}

export function parseFocusRow(row: number, cells: string[], bindings: TBinding[], width: number): TParsedFocusRow {
  if (cells.length !== width)
    return { row, record: null, errors: [{ row, column: '*', reason: `expected ${width} fields, found ${cells.length}` }] };
  const errors: TFocusRowError[] = [];
  const record: Record<string, unknown> = {};
  for (const { spec, index, header } of bindings) {
    const raw = cells[index];
    if (isNullCell(raw)) {
      if (spec.required) errors.push({ row, column: header, reason: 'a value is required' });
      else record[spec.field] = null;
      continue;
    }
    const cell = parseCell(spec, raw);
    if (cell.ok) record[spec.field] = cell.value;
    else errors.push({ row, column: header, reason: cell.reason });
  }
  if (!errors.length) {
    const r = record as TFocusRecord;
    record.listCost ??= r.billedCost;
    if (r.chargePeriodEnd.getTime() <= r.chargePeriodStart.getTime())
      errors.push({ row, column: columnOf(bindings, 'chargePeriodEnd'), reason: 'must be after ChargePeriodStart' });
    if (r.billingPeriodEnd.getTime() <= r.billingPeriodStart.getTime())
      errors.push({ row, column: columnOf(bindings, 'billingPeriodEnd'), reason: 'must be after BillingPeriodStart' });
  }
  return errors.length ? { row, record: null, errors } : { row, record: record as TFocusRecord, errors: null };
}

function columnOf(bindings: TBinding[], field: keyof TFocusRecord) {
  return bindings.find((b) => b.spec.field === field)?.header ?? field;
}

export async function* parseFocusCsv(input: TFocusInput): AsyncGenerator<TParsedFocusRow> {
  let source: Readable;
  try {
    source = await openFocusInput(input);
  } catch (e) {
    throw new FocusFileError(`Cannot read the file: ${(e as Error).message}`, [], { cause: e });
  }
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let bindings: TBinding[] | null = null;
  let width = 0;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!bindings) {
        const bound = bindColumns(cells);
        if (bound.errors.length)
          throw new FocusFileError(
            `Not a FOCUS file: missing column${bound.errors.length > 1 ? 's' : ''} ${bound.errors.map((e) => e.column).join(', ')}`,
            bound.errors,
          );
        bindings = bound.bindings;
        width = cells.length;
        continue;
      }
      yield parseFocusRow(row, cells, bindings, width);
    }
  } catch (e) {
    if (e instanceof FocusFileError) throw e;
    // the parser reads ahead of us, so its own count says where it stopped
    const at = e instanceof CsvError && typeof e.records === 'number' ? e.records + 1 : row + 1;
    const reason = (e as Error).message;
    throw new FocusFileError(`Cannot read the file at row ${at}: ${reason}`, [{ row: at, column: '*', reason }], { cause: e });
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (!bindings) throw new FocusFileError('The file is empty: no header row', [{ row: 1, column: '*', reason: 'no header row' }]);
}
