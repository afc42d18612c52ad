// Writes cost records in the caller's transaction, as fast as the database takes them. Records go
// in chunks of binary COPY straight into cost_record while they cannot collide with anything: every
// day they fall on held no record when first seen, and no key has come twice. Their cost_daily sums
// are added from memory at the end. From the first chunk that could collide (a re-import, a day
// already synced, a key repeated in the file) every later record goes through the staging table and
// the upsert by natural key instead, and the days it touches are rebuilt from cost_record.
import { setImmediate } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { DAY_MS, isoDay } from '../dates';
import { AppError } from '../errors';
import type { TFocusRecord } from '../focus/types';
import { logger } from '../logger';
import { fieldOfColumn, STAGED_COLUMNS } from './cost-columns';
import { encodeCostRow } from './cost-row-encoder';
import { COST_STAGING, createCostStaging } from './cost-staging';
import { copyError, openBinaryCopy, rowError, type TRows } from './copy-csv';
import { DailyRollup, RollupLabels } from './daily-rollup';
import { KeyPrefixSet } from './key-set';
import { mergeStaging, type TMergeResult } from './merge-staging';
import { canonicalTags, naturalKeyHex } from './natural-key';
import { BinaryCopyWriter } from './pg-binary-copy';

export type TCostWriteResult = TMergeResult & { written: number; direct: number };

const CHUNK_BYTES = 4 << 20;
const YIELD_EVERY = 256;
// Room past a full chunk: a caller may add a piece of input's worth of rows before it flushes.
const SLACK_BYTES = 1 << 20;
// Chunks that may wait for the database while the caller fills another.
const QUEUE_CHUNKS = 4;
// Past this many keys the repeat check stops (its memory grows with the keys) and the rest goes
// through staging, where the database itself tells repeats apart.
const MAX_TRACKED_KEYS = 2_000_000;

// A COPY statement open on the connection: its target, its stream, its end, and the rows of the
// chunks sent into it (for naming the row of an error).
type TOpenCopy = { table: string; stream: Writable; done: Promise<void>; rows: number[][] };

const monthOf = (day: number) => isoDay(new Date(day * DAY_MS)).slice(0, 7);

export class CostWriter {
  private readonly chunkBytes: number;
  private chunk: BinaryCopyWriter;
  private chunkRows: number[] = [];
  private chunkDays = new Set<number>();
  private lastDay = Number.NaN;
  private readonly labels = new RollupLabels();
  private chunkRollup = new DailyRollup(this.labels);
  private chunkRepeats = false;
  private direct = true;
  // per month ('2026-03'), the days that held records when this writer first met the month
  private readonly takenDays = new Map<string, Set<number>>();
  private readonly keys = new KeyPrefixSet();
  private readonly sums = new DailyRollup(this.labels);
  // the COPY statement open on the connection, fed chunk after chunk
  private copy: TOpenCopy | null = null;
  // chunks waiting for or in store(), oldest first, each with the end of its store: they are stored
  // one after the other, while the caller fills the next; a chunk's memory is used again once stored
  private readonly queue: { bytes: Buffer; stored: Promise<void> }[] = [];
  private storing: Promise<void> = Promise.resolve();
  private spare: Buffer | undefined;
  private directRows = 0;
  private stagedRows = 0;

  constructor(
    private readonly client: pg.PoolClient | pg.Client,
    private readonly source: string,
    options: { chunkBytes?: number } = {},
  ) {
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    this.chunk = this.writer();
  }

  // Encodes one record; `row` is what an error about it calls it (a file's row number, say).
  // Returns true when the caller is to await flush() before adding more: when a chunk is full, and
  // every few hundred records so that the event loop gets to feed the COPY under way to the socket
  // (the database would otherwise sit idle while records are parsed, and the reverse).
  add(r: TFocusRecord, row: number): boolean {
    let keyHex: string;
    try {
      const tagsJson = canonicalTags(r.tags);
      keyHex = naturalKeyHex(r, tagsJson);
      encodeCostRow(this.chunk, r, keyHex, tagsJson, this.source);
    } catch (e) {
      throw rowError(row, e);
    }
    const day = Math.floor(r.chargePeriodStart.getTime() / DAY_MS);
    this.rollup?.add(r, day);
    return this.added(row, day, Number.parseInt(keyHex.slice(0, 8), 16), Number.parseInt(keyHex.slice(8, 16), 16));
  }

  // For encoders that write rows themselves (the FOCUS import, straight from the file's bytes): the
  // chunk to write a row into, in STAGED_COLUMNS order with this writer's source last.
  get out(): BinaryCopyWriter {
    return this.chunk;
  }

  // The rollup such an encoder adds its rows to: none once the writer has turned to staging, which
  // rebuilds the days it touches from cost_record instead.
  get rollup(): DailyRollup | null {
    return this.direct ? this.chunkRollup : null;
  }

  // After an encoder wrote a row into `out` (and added it to `rollup`): its day (days since
  // 1970-01-01, UTC) and the first 64 bits of its key as two unsigned 32-bit halves. Returns what add does.
  added(row: number, day: number, keyHigh: number, keyLow: number): boolean {
    this.chunkRows.push(row);
    // rows come a day at a time in most files: the set is asked only when the day changes
    if (day !== this.lastDay) {
      this.chunkDays.add(day);
      this.lastDay = day;
    }
    if (this.direct && !this.keys.add(keyHigh, keyLow)) this.chunkRepeats = true;
    return this.chunk.length >= this.chunkBytes || this.chunkRows.length % YIELD_EVERY === 0;
  }

  // Sends the chunk when it is full (or when `force`), else lets the event loop run. Its COPY runs
  // while the caller reads on; the next send waits for it.
  async flush(force = false): Promise<void> {
    if (!force && this.chunk.length < this.chunkBytes) return setImmediate();
    if (this.chunkRows.length === 0) return;
    const bytes = this.chunk.take();
    const rows = this.chunkRows;
    const days = this.chunkDays;
    const rollup = this.chunkRollup;
    const repeats = this.chunkRepeats;
    this.chunkRows = [];
    this.chunkDays = new Set();
    this.lastDay = Number.NaN;
    this.chunkRollup = new DailyRollup(this.labels);
    this.chunkRepeats = false;

    // The database works through the queue while the caller fills the next chunk: a month's first
    // chunk waits for queries and the month before's sums, and the caller need not wait with it.
    this.storing = this.storing.then(() => this.store(bytes, rows, days, rollup, repeats));
    // awaited below, by abort or by finish; until then a failure must not count as unhandled
    this.storing.catch(() => undefined);
    this.queue.push({ bytes, stored: this.storing });
    while (this.queue.length > QUEUE_CHUNKS) {
      const oldest = this.queue.shift()!;
      await oldest.stored;
      this.spare = oldest.bytes;
    }
    this.chunk = this.writer(this.spare);
    this.spare = undefined;
  }

  private async store(bytes: Buffer, rows: number[], days: Set<number>, rollup: DailyRollup, repeats: boolean): Promise<void> {
    // A month met for the first time needs queries (its partition, the days it holds), which have
    // to wait for the COPY under way to end; the sums so far go to cost_daily then too, so that the
    // end of the write has one month's to add, not the whole file's.
    if (this.hasNewMonth(days)) {
      await this.endCopy();
      await this.sums.addTo(this.client);
      await this.meetMonths(days);
    }
    if (this.direct && (repeats || this.keys.size > MAX_TRACKED_KEYS || !this.daysAreClean(days))) {
      this.direct = false;
      logger.debug({ source: this.source, direct: this.directRows, repeats }, 'cost writer: the rest goes through staging');
    }
    let table = 'cost_record';
    if (this.direct) {
      this.sums.merge(rollup);
      this.directRows += rows.length;
    } else {
      // the first chunk staged makes the staging table
      if (this.stagedRows === 0) {
        await this.endCopy();
        await createCostStaging(this.client);
      }
      this.stagedRows += rows.length;
      table = COST_STAGING;
    }
    if (this.copy?.table !== table) {
      await this.endCopy();
      this.copy = this.openCopy(table);
    }
    await this.send(this.copy, bytes, rows);
  }

  async finish(): Promise<TCostWriteResult> {
    await this.flush(true);
    await this.storing;
    await this.endCopy();
    // additions first: the merge below rebuilds the days it touches from cost_record, which holds
    // the direct records too, so a day written both ways ends up rebuilt whole
    await this.sums.addTo(this.client);
    let merged: TMergeResult = { inserted: 0, updated: 0, unchanged: 0 };
    if (this.stagedRows > 0) merged = await mergeStaging(this.client, { source: this.source, afterDirect: this.directRows > 0 });
    return {
      inserted: this.directRows + merged.inserted,
      updated: merged.updated,
      unchanged: merged.unchanged,
      written: this.directRows + this.stagedRows,
      direct: this.directRows,
    };
  }

  // The first time a month comes up: its partition, made inside this transaction (creating it from
  // another connection would wait for this transaction's lock on cost_record), and the days it
  // already holds records on, read once before this writer adds any (asking again later would find
  // this writer's own records).
  private async meetMonths(days: Set<number>) {
    for (const day of days) {
      const month = monthOf(day);
      if (this.takenDays.has(month)) continue;
      const start = new Date(`${month}-01T00:00:00Z`);
      await this.client.query('SELECT ensure_cost_partitions($1, $1)', [start]);
      // One probe of the primary key (charge_period_start first) per day of the month, where a
      // DISTINCT over the month's records would read every one of them: ORDER BY and LIMIT 1 make
      // each an index-only scan that stops at the day's first entry (an EXISTS would be planned as
      // a join over the month, a bare LIMIT as a bitmap scan of the whole day); the month's bounds
      // prune the other partitions when the query is planned.
      // (Bounds in hours and from here, not in days or months, which follow the session's time zone.)
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
      const { rows } = await this.client.query<{ i: number }>(
        `SELECT i FROM generate_series(0, 30) AS i,
                LATERAL (SELECT 1 FROM cost_record
                          WHERE charge_period_start >= $1 AND charge_period_start < $2
                            AND charge_period_start >= $1::timestamptz + make_interval(hours => 24 * i)
                            AND charge_period_start < $1::timestamptz + make_interval(hours => 24 * (i + 1))
                          ORDER BY charge_period_start LIMIT 1) AS held`,
        [start, end],
      );
      const first = Math.floor(start.getTime() / DAY_MS);
      this.takenDays.set(month, new Set(rows.map((r) => first + r.i)));
    }
  }

  // A chunk goes straight in when none of its days held a record: the natural key includes the
  // charge's start, so nothing on another day can collide. Records another writer commits on those
  // days meanwhile would make the COPY fail on the key (CONFLICT, to run again), never double.
  private daysAreClean(days: Set<number>): boolean {
    for (const day of days) if (this.takenDays.get(monthOf(day))?.has(day)) return false;
    return true;
  }

  // Ends a write given up halfway (a refused file, an error in the caller): a COPY left open would
  // hold the connection, and the caller's ROLLBACK would wait behind it for ever.
  async abort(): Promise<void> {
    await this.storing.catch(() => undefined);
    const copy = this.copy;
    if (!copy) return;
    this.copy = null;
    copy.stream.destroy(new Error('the write was abandoned'));
    await copy.done.catch(() => undefined);
  }

  private writer(reuse?: Buffer): BinaryCopyWriter {
    // the COPY's header goes out when it opens, so a chunk can join whichever COPY is open
    return new BinaryCopyWriter(this.chunkBytes + SLACK_BYTES, reuse, { header: false });
  }

  private hasNewMonth(days: Set<number>): boolean {
    for (const day of days) if (!this.takenDays.has(monthOf(day))) return true;
    return false;
  }

  private openCopy(table: string): TOpenCopy {
    const stream = openBinaryCopy(this.client, table, STAGED_COLUMNS);
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // awaited by endCopy; until then a failure must not count as unhandled
    done.catch(() => undefined);
    stream.write(BinaryCopyWriter.header());
    return { table, stream, done, rows: [] };
  }

  // Hands a chunk to the open COPY; resolves once the socket took it (or the COPY failed).
  private send(copy: TOpenCopy, bytes: Buffer, rows: number[]): Promise<void> {
    copy.rows.push(rows);
    const sent = new Promise<void>((resolve) => copy.stream.write(bytes, () => resolve()));
    return Promise.race([sent, copy.done]).catch((e) => {
      throw this.copyFailure(copy, e);
    });
  }

  private async endCopy(): Promise<void> {
    const copy = this.copy;
    if (!copy) return;
    this.copy = null;
    copy.stream.end(BinaryCopyWriter.trailer());
    try {
      await copy.done;
    } catch (e) {
      throw this.copyFailure(copy, e);
    }
  }

  // A failed COPY as an error naming the row (COPY numbers lines from 1 across its chunks).
  private copyFailure(copy: TOpenCopy, e: unknown): unknown {
    if ((e as { code?: string }).code === '23505' && copy.table === 'cost_record')
      return new AppError('CONFLICT', 'Another write stored the same charges while this one ran; run it again', undefined, { cause: e });
    const rowOfLine = (line: number) => {
      let first = 1;
      for (const rows of copy.rows) {
        if (line < first + rows.length) return rows[line - first];
        first += rows.length;
      }
      return line;
    };
    return copyError(e, rowOfLine, fieldOfColumn);
  }
}

// Writes any number of records; rows are numbered from 1 in the order they come.
export async function writeCostRecords(
  client: pg.PoolClient | pg.Client,
  records: TRows<TFocusRecord>,
  source: string,
  options: { chunkBytes?: number } = {},
): Promise<TCostWriteResult> {
  const writer = new CostWriter(client, source, options);
  try {
    let row = 0;
    for await (const r of records as AsyncIterable<TFocusRecord>) if (writer.add(r, ++row)) await writer.flush();
    return await writer.finish();
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
