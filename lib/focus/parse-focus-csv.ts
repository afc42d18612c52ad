// Streaming read of a FOCUS 1.0–1.2 CSV file (gzipped or not, told by its magic bytes): the header
// binds the columns (scanFocusInput), and parseFocusRow turns a row into a TFocusRecord, or into
// its reasons when it is refused.
// Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError, isAppError } from '../errors';
import { CsvScanner, CsvSyntaxError, recordTexts, type TCsvRecord } from './csv-scanner';
import { inflationGuard, READ_BOUNDS, type TReadBounds } from './read-bounds';
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
  CellError,
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

// The bytes of a piece of input, without copying them when they are bytes already.
function asBuffer(value: Uint8Array | string): Buffer {
  if (typeof value === 'string') return Buffer.from(value);
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

// Peeks at the first bytes and gunzips when they are gzip's magic number.
// A gzip is read within the bounds of read-bounds.ts: it stops (TOO_LARGE) as soon as it expands
// past them, having read only that much of the source.
export async function openFocusInput(input: TFocusInput, bounds: TReadBounds = READ_BOUNDS): Promise<Readable> {
  const iterator = input[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  while (head.length < 2 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, asBuffer(next.value)]);
  }
  let read = head.length;
  async function* bytes() {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const piece = asBuffer(next.value);
      read += piece.length;
      yield piece;
    }
  }
  const body = Readable.from(bytes(), { objectMode: false });
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return body;
  // pipeline: a refusal by the guard stops the gunzip and the reading of the source with it
  return pipeline(body, createGunzip(), inflationGuard(() => read, bounds), () => undefined);
}

export type TBinding = { spec: TFocusField; index: number; header: string };

// The file's columns as the header binds them.
export type TFocusLayout = { bindings: TBinding[]; width: number };

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

function parseCell(spec: TFocusField, raw: string): unknown {
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
      return raw;
  }
}

// Every field present from the start, in one order: V8 keeps such objects compact and fast, where
// adding forty properties one by one to {} would not. The same fields as RECORD_COLUMNS (a test
// holds them to it).
function blankRecord(): Record<keyof TFocusRecord, unknown> {
  return {
    availabilityZone: null, billedCost: null, billingAccountId: null, billingAccountName: null, billingCurrency: null,
    billingPeriodEnd: null, billingPeriodStart: null, chargeCategory: null, chargeClass: null, chargeDescription: null,
    chargeFrequency: null, chargePeriodEnd: null, chargePeriodStart: null, commitmentDiscountCategory: null,
    commitmentDiscountId: null, commitmentDiscountStatus: null, commitmentDiscountType: null, consumedQuantity: null,
    consumedUnit: null, contractedCost: null, contractedUnitPrice: null, effectiveCost: null, invoiceIssuerName: null,
    listCost: null, listUnitPrice: null, pricingCategory: null, pricingQuantity: null, pricingUnit: null, providerName: null,
    publisherName: null, regionId: null, regionName: null, resourceId: null, resourceName: null, resourceType: null,
    serviceCategory: null, serviceName: null, skuId: null, skuPriceId: null, subAccountId: null, subAccountName: null,
    tags: null, isEstimated: false,
  };
}

export function parseFocusRow(row: number, cells: string[], bindings: TBinding[], width: number): TParsedFocusRow {
  if (cells.length !== width)
    return { row, record: null, errors: [{ row, column: '*', reason: `expected ${width} fields, found ${cells.length}` }] };
  let errors: TFocusRowError[] | null = null;
  const record = blankRecord();
  for (let i = 0; i < bindings.length; i++) {
    const { spec, index, header } = bindings[i];
    const raw = cells[index];
    if (isNullCell(raw)) {
      if (spec.required) (errors ??= []).push({ row, column: header, reason: 'a value is required' });
      continue;
    }
    const value = parseCell(spec, raw);
    if (value instanceof CellError) (errors ??= []).push({ row, column: header, reason: value.reason });
    else record[spec.field] = value;
  }
  if (!errors) {
    const r = record as TFocusRecord;
    record.listCost ??= r.billedCost;
    if (r.chargePeriodEnd.getTime() <= r.chargePeriodStart.getTime())
      (errors ??= []).push({ row, column: columnOf(bindings, 'chargePeriodEnd'), reason: 'must be after ChargePeriodStart' });
    if (r.billingPeriodEnd.getTime() <= r.billingPeriodStart.getTime())
      (errors ??= []).push({ row, column: columnOf(bindings, 'billingPeriodEnd'), reason: 'must be after BillingPeriodStart' });
  }
  return errors ? { row, record: null, errors } : { row, record: record as TFocusRecord, errors: null };
}

function columnOf(bindings: TBinding[], field: keyof TFocusRecord) {
  return bindings.find((b) => b.spec.field === field)?.header ?? field;
}

// Bytes are handed to the scanner at most this many at a time, so that a caller that awaits between
// pieces (to send what it encoded) never has more than this much input's worth of rows in hand.
const PIECE_BYTES = 256 << 10;

// What a file is best read in (fs.createReadStream's highWaterMark): a piece at a time, where the
// default 64 KiB would have the scanner copy the unfinished record of every small chunk.
export const FOCUS_READ_BYTES = PIECE_BYTES;

// Reads the input through the CSV scanner: the header binds the columns, every later record goes
// to onRecord with its row number (valid only during the call). Yields after each piece of input,
// so that the caller can await its own work between pieces.
export async function* scanFocusInput(
  input: TFocusInput,
  onRecord: (record: TCsvRecord, row: number, layout: TFocusLayout) => void,
  bounds: TReadBounds = READ_BOUNDS,
): AsyncGenerator<void> {
  let source: Readable;
  try {
    source = await openFocusInput(input, bounds);
  } catch (e) {
    throw new FocusFileError(`Cannot read the file: ${(e as Error).message}`, [], { cause: e });
  }
  let layout: TFocusLayout | null = null;
  const scanner = new CsvScanner(
    (record) => {
    const row = scanner.records;
    if (layout) return onRecord(record, row, layout);
    const cells = recordTexts(record);
    const bound = bindColumns(cells);
    if (bound.errors.length)
      throw new FocusFileError(
        `Not a FOCUS file: missing column${bound.errors.length > 1 ? 's' : ''} ${bound.errors.map((e) => e.column).join(', ')}`,
        bound.errors,
      );
    layout = { bindings: bound.bindings, width: cells.length };
    },
    { maxEmptyLinesInARow: bounds.maxEmptyLinesInARow },
  );
  const feed = (piece: Buffer | null) => {
    try {
      if (piece) scanner.push(piece);
      else scanner.end();
    } catch (e) {
      if (e instanceof CsvSyntaxError)
        throw new FocusFileError(`Cannot read the file at row ${e.row}: ${e.reason}`, [{ row: e.row, column: '*', reason: e.reason }], { cause: e });
      throw e;
    }
  };
  const chunks = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (e) {
        // refused by a read bound: its own status (413) and message
        if (isAppError(e)) throw e;
        // a broken gzip stream, a dropped upload
        const row = scanner.records + 1;
        throw new FocusFileError(`Cannot read the file at row ${row}: ${(e as Error).message}`, [{ row, column: '*', reason: (e as Error).message }], { cause: e });
      }
      if (next.done) break;
      const chunk = next.value;
      for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
        feed(chunk.subarray(at, at + PIECE_BYTES));
        yield;
      }
    }
    feed(null);
    yield;
  } finally {
    source.destroy();
  }
  if (!layout) throw new FocusFileError('The file is empty: no header row', [{ row: 1, column: '*', reason: 'no header row' }]);
}
