// Streaming parse of a FOCUS 1.0–1.2 CSV file (gzipped or not, told by its magic bytes) into
// TFocusRecord, in batches as the input arrives: a bad row comes out with its reasons instead of a record.
// Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors';
import { CsvSyntaxError, CsvTokenizer } from './csv-tokenizer';
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
// adding forty properties one by one to {} would not.
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

// Parsed rows in the batches the input arrives in (one per chunk read), so that a million rows do
// not cost a million trips through an async iterator.
export async function* parseFocusBatches(input: TFocusInput): AsyncGenerator<TParsedFocusRow[]> {
  let source: Readable;
  try {
    source = await openFocusInput(input);
  } catch (e) {
    throw new FocusFileError(`Cannot read the file: ${(e as Error).message}`, [], { cause: e });
  }
  const decoder = new StringDecoder('utf8');
  const tokenizer = new CsvTokenizer();
  let bindings: TBinding[] | null = null;
  let width = 0;
  let row = 0;
  const parseRecords = (records: string[][]): TParsedFocusRow[] => {
    const parsed: TParsedFocusRow[] = [];
    for (const cells of records) {
      row += 1;
      if (bindings) {
        parsed.push(parseFocusRow(row, cells, bindings, width));
        continue;
      }
      const bound = bindColumns(cells);
      if (bound.errors.length)
        throw new FocusFileError(
          `Not a FOCUS file: missing column${bound.errors.length > 1 ? 's' : ''} ${bound.errors.map((e) => e.column).join(', ')}`,
          bound.errors,
        );
      bindings = bound.bindings;
      width = cells.length;
    }
    return parsed;
  };
  try {
    for await (const chunk of source) {
      const batch = parseRecords(tokenizer.push(decoder.write(chunk as Buffer)));
      if (batch.length) yield batch;
    }
    const last = parseRecords([...tokenizer.push(decoder.end()), ...tokenizer.end()]);
    if (last.length) yield last;
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw new FocusFileError(`Cannot read the file at row ${e.row}: ${e.reason}`, [{ row: e.row, column: '*', reason: e.reason }], { cause: e });
    if (e instanceof FocusFileError) throw e;
    // a broken gzip stream, a dropped upload
    throw new FocusFileError(`Cannot read the file at row ${row + 1}: ${(e as Error).message}`, [{ row: row + 1, column: '*', reason: (e as Error).message }], { cause: e });
  } finally {
    source.destroy();
  }
  if (!bindings) throw new FocusFileError('The file is empty: no header row', [{ row: 1, column: '*', reason: 'no header row' }]);
}
