// Strict RFC 4180 CSV scanner over bytes, built for the FOCUS import's hot path: a record comes
// out as the byte ranges of its cells in the input buffer, so that a million rows of fifty mostly
// empty fields need not become fifty million strings. Cells become text only when asked
// (cellText); the import copies most of them straight into PostgreSQL's binary COPY format.
import { isUtf8 } from 'node:buffer';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(`row ${row}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

// One record, valid only while the callback that receives it runs (the scanner reuses it).
export type TCsvRecord = {
  // the bytes the cells are ranges of
  buf: Buffer;
  count: number;
  // cell i is buf[starts[i], ends[i]), without its enclosing quotes
  starts: Int32Array;
  ends: Int32Array;
  // 1 when cell i was quoted and holds escaped quotes ("" for "), which cellText undoes
  escaped: Uint8Array;
  // whether buf holds valid UTF-8 wherever this record lies (else its cells are read as text, where
  // invalid bytes become U+FFFD, as a text decoder of the whole file would make them)
  utf8: boolean;
};

export function cellText(r: TCsvRecord, i: number): string {
  const text = r.buf.toString('utf8', r.starts[i], r.ends[i]);
  return r.escaped[i] ? text.replaceAll('""', '"') : text;
}

export function recordTexts(r: TCsvRecord): string[] {
  const cells = new Array<string>(r.count);
  for (let i = 0; i < r.count; i++) cells[i] = cellText(r, i);
  return cells;
}

export class CsvScanner {
  private readonly maxRecordBytes: number;
  private tail: Buffer | null = null;
  private started = false;
  private count = 0;
  private readonly record: TCsvRecord = {
    buf: Buffer.alloc(0),
    count: 0,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    escaped: new Uint8Array(64),
    utf8: true,
  };

  private readonly maxEmptyLines: number;
  // empty lines since the last record: a file of nothing but newlines is refused early
  private emptyLines = 0;

  constructor(
    private readonly onRecord: (record: TCsvRecord) => void,
    options?: { maxRecordBytes?: number; maxEmptyLinesInARow?: number },
  ) {
    this.maxRecordBytes = options?.maxRecordBytes ?? 1_000_000;
    this.maxEmptyLines = options?.maxEmptyLinesInARow ?? Infinity;
  }

  /** How many records have been handed over so far (header included). */
  get records(): number {
    return this.count;
  }

  /**
   * Feeds the next bytes (cut anywhere, even inside a quoted field, a UTF-8 sequence or between
   * \r and \n) and hands over every record they complete, in order.
   */
  push(chunk: Buffer): void {
    if (!chunk.length) return;
    let data = chunk;
    if (this.tail) data = Buffer.concat([this.tail, chunk]);
    this.tail = null;
    if (!this.started) {
      // a BOM may come in pieces: wait for three bytes before deciding
      if (data.length < 3 && data[0] === 0xef && (data.length < 2 || data[1] === 0xbb)) {
        this.tail = Buffer.from(data);
        return;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    this.scan(data);
  }

  /** End of input: the last record if it had no newline; CsvSyntaxError for an open quote. */
  end(): void {
    if (!this.tail) return;
    const data = this.tail;
    this.tail = null;
    this.started = true;
    // A newline closes any record not inside quotes; a lone \r before it becomes a CRLF.
    const open = this.scan(Buffer.concat([data, Buffer.from([LF])]));
    if (open) this.fail(`a quoted field is not closed, column ${open}`);
  }

  // Hands over every complete record of data and keeps the unfinished rest as the tail, read again
  // from its start with the next bytes (simpler than saving the state inside a record, and cheap
  // since a record is short next to a chunk). Returns the column of the quoted field the tail stops
  // in, 0 when it does not stop inside quotes.
  private scan(data: Buffer): number {
    const len = data.length;
    const max = this.maxRecordBytes;
    const r = this.record;
    r.buf = data;
    // Records end at a newline: the bytes up to the last one hold whole UTF-8 sequences only.
    const last = data.lastIndexOf(LF);
    r.utf8 = last < 0 || isUtf8(data.subarray(0, last + 1));
    let pos = 0; // start of the current record
    let openColumn = 0;
    // the record's arrays, in locals: a property load per cell adds up over fifty million cells
    let starts = r.starts;
    let ends = r.ends;
    let escapes = r.escaped;
    records: while (pos < len) {
      let p = pos; // start of the current cell
      let n = 0;
      for (;;) {
        if (n === starts.length) {
          this.grow();
          starts = r.starts;
          ends = r.ends;
          escapes = r.escaped;
        }
        if (data[p] === QUOTE) {
          let q = p + 1;
          let escaped = 0;
          for (;;) {
            q = data.indexOf(QUOTE, q);
            // a quote as the last byte may still be the first half of an escaped pair
            if (q === -1 || q + 1 >= len) {
              openColumn = n + 1;
              break records;
            }
            if (data[q + 1] !== QUOTE) break;
            escaped = 1;
            q += 2;
          }
          starts[n] = p + 1;
          ends[n] = q;
          escapes[n] = escaped;
          n++;
          const after = q + 1;
          const c = data[after];
          if (c === COMMA) {
            p = after + 1;
            continue;
          }
          let next: number;
          if (c === LF) next = after + 1;
          else if (c === CR && after + 1 === len) break records; // its \n may come with the next bytes
          else if (c === CR && data[after + 1] === LF) next = after + 2;
          else this.fail(`unexpected character after a closing quote, column ${n}`);
          if (after - pos > max) this.tooLong();
          this.emit(n);
          pos = next;
          continue records;
        }
        // An unquoted cell runs to the next comma or newline; a quote inside it is an error.
        let i = p;
        let c = 0;
        for (; i < len; i++) {
          c = data[i];
          // most bytes are above the comma, and all three bytes that end a cell are not
          if (c > COMMA) continue;
          if (c === COMMA || c === LF || c === QUOTE) break;
        }
        if (i === len) break records;
        if (c === QUOTE) this.fail(`unexpected quote in an unquoted field, column ${n + 1}`);
        if (c === COMMA) {
          starts[n] = p;
          ends[n] = i;
          escapes[n] = 0;
          n++;
          p = i + 1;
          continue;
        }
        let end = i;
        if (end > p && data[end - 1] === CR) end--;
        if (n === 0 && end === p) {
          pos = i + 1; // empty line
          if (++this.emptyLines > this.maxEmptyLines)
            this.fail(`more than ${this.maxEmptyLines} empty lines in a row (the most a file may have): refused, nothing was imported`);
          continue records;
        }
        starts[n] = p;
        ends[n] = end;
        escapes[n] = 0;
        n++;
        if (end - pos > max) this.tooLong();
        this.emit(n);
        pos = i + 1;
        continue records;
      }
    }
    if (pos < len) {
      // a copy: a view would keep the whole chunk alive
      this.tail = Buffer.from(data.subarray(pos));
      const tail = this.tail;
      if (tail.length - (tail[tail.length - 1] === CR ? 1 : 0) > max) this.tooLong();
    }
    return openColumn;
  }

  private emit(n: number): void {
    this.emptyLines = 0;
    this.record.count = n;
    this.count++;
    this.onRecord(this.record);
  }

  private grow(): void {
    const r = this.record;
    const size = r.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const escaped = new Uint8Array(size);
    starts.set(r.starts);
    ends.set(r.ends);
    escaped.set(r.escaped);
    r.starts = starts;
    r.ends = ends;
    r.escaped = escaped;
  }

  private tooLong(): never {
    this.fail(`record longer than ${this.maxRecordBytes} bytes`);
  }

  private fail(reason: string): never {
    throw new CsvSyntaxError(this.count + 1, reason);
  }
}
