// Streams rows into PostgreSQL with COPY … FROM STDIN (CSV, or binary bytes made beforehand), with
// backpressure, and turns a rejected row into an error that names the row and the field.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError, FieldError } from '../errors';

export type TRows<T> = Iterable<T> | AsyncIterable<T>;

// CSV field: NULL is the unquoted empty field, every value is quoted (so '' stays '', and commas,
// quotes, newlines and a lone "\." survive).
export function csvField(v: string | null): string {
  if (v === null) return '';
  return `"${v.replaceAll('"', '""')}"`;
}

export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

const CHUNK_BYTES = 64 * 1024;

async function* chunks<T>(rows: TRows<T>, encode: (row: T, index: number) => string): AsyncGenerator<string> {
  let buffer = '';
  let index = 0;
  for await (const row of rows as AsyncIterable<T>) {
    index += 1;
    buffer += encode(row, index);
    if (buffer.length >= CHUNK_BYTES) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

// "COPY cost_staging, line 3, column billed_cost: "abc"" → { line: 3, column: 'billed_cost' }
function copyLocation(e: unknown): { line?: number; column?: string } {
  const where = (e as { where?: string }).where ?? '';
  const m = /line (\d+)(?:, column (\w+))?/.exec(where);
  return m ? { line: Number(m[1]), column: m[2] ?? (e as { column?: string }).column } : {};
}

// A data exception or integrity violation raised during COPY means the input is wrong: say which
// row (`rowOfLine` turns COPY's line number into the caller's row) and which field. Anything else
// is returned as it was.
export function copyError(
  e: unknown,
  rowOfLine: (line: number) => number = (line) => line,
  fieldName: (column: string) => string = (c) => c,
): unknown {
  if (e instanceof AppError) return e;
  const pgError = e as { code?: string; message?: string };
  if (!pgError.code || !/^(22|23)/.test(pgError.code)) return e;
  const { line, column } = copyLocation(e);
  const row = line ? rowOfLine(line) : undefined;
  const field = column ? fieldName(column) : undefined;
  const at = [row ? `row ${row}` : null, field].filter(Boolean).join(', ');
  return new AppError('UNPROCESSABLE', `Invalid record${at ? ` (${at})` : ''}: ${pgError.message}`, [
    { row, field, message: pgError.message ?? 'invalid value' },
  ], { cause: e });
}

export async function copyCsv<T>(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: TRows<T>,
  encode: (row: T, index: number) => (string | null)[],
  fieldName: (column: string) => string = (c) => c,
): Promise<number> {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  const stream = client.query(copyFrom(sql));
  try {
    await pipeline(
      Readable.from(chunks(rows, (row, index) => csvLine(encode(row, index)))),
      stream,
    );
  } catch (e) {
    throw copyError(e, undefined, fieldName);
  }
  return stream.rowCount;
}

// Sends binary COPY bytes (header first, trailer last, as BinaryCopyWriter makes them) into
// table's columns, pulling each piece as the connection takes the last: a generator that encodes
// its pieces on demand runs while the database writes. Errors come back as the database raised
// them, for the caller to name.
export async function copyBinary(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  pieces: Iterable<Buffer>,
): Promise<void> {
  await pipeline(Readable.from(pieces, { objectMode: false }), openBinaryCopy(client, table, columns));
}

// A COPY … FROM STDIN (FORMAT binary) stream for whoever feeds it bytes as they come.
export function openBinaryCopy(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[]) {
  return client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`));
}

// Wraps an encoder's error so that a value it cannot encode (bad Date, non-finite number) is
// reported with its row, like the errors PostgreSQL raises during COPY, and with its field when the
// encoder named it (FieldError).
export function rowError(index: number, e: unknown): AppError {
  const message = e instanceof Error ? e.message : String(e);
  const field = e instanceof FieldError ? e.field : undefined;
  const at = field ? `row ${index}, ${field}` : `row ${index}`;
  return new AppError('UNPROCESSABLE', `Invalid record (${at}): ${e instanceof FieldError ? e.reason : message}`, [{ row: index, field, message }], {
    cause: e,
  });
}
