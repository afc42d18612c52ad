// Strict RFC 4180 CSV tokenizer fed with decoded text in pieces, built for the FOCUS import's hot
// path, where a large export holds tens of millions of short, mostly empty fields.
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

export class CsvTokenizer {
  private readonly maxRecordChars: number;
  private tail = '';
  private started = false;
  private count = 0;
  // Column of the quoted field the tail stops in, 0 when it does not stop inside quotes.
  private openQuoteColumn = 0;
  // The first comma at or after the field being read, -1 when the text has none left.
  private comma = -1;
  // Cells of the record being read, copied out once its length is known.
  private readonly scratch: string[] = [];

  constructor(options?: { maxRecordChars?: number }) {
    this.maxRecordChars = options?.maxRecordChars ?? 1_000_000;
  }

  /** How many records have been returned so far (header included). */
  get records(): number {
    return this.count;
  }

  /**
   * Feeds the next piece of decoded text (any split point, even inside a quoted field or between
   * \r and \n). Returns the records completed by it, in order, each an array of cells.
   */
  push(text: string): string[][] {
    if (!this.started) {
      if (!text.length) return [];
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: string[][] = [];
    if (!this.tail.length) this.scan(text, 0, out);
    else {
      const nl = text.indexOf('\n');
      if (nl === -1) {
        // no record can end in this piece: just collect it
        this.tail += text;
        this.checkTail(out);
      } else {
        // Finish the open record on its own and read the rest of the piece where it lies:
        // gluing the whole piece to the tail made every later step 1.3x slower.
        this.scan(this.tail + text.slice(0, nl + 1), 0, out);
        if (!this.tail.length) this.scan(text, nl + 1, out);
        else this.scan(this.tail + text.slice(nl + 1), 0, out); // that newline was inside quotes
      }
    }
    this.count += out.length;
    return out;
  }

  /**
   * End of input: returns the final record if the text did not end with a newline; throws
   * CsvSyntaxError for an unclosed quoted field.
   */
  end(): string[][] {
    if (!this.tail.length) return [];
    // A newline closes any record that is not inside quotes; a lone \r before it becomes a CRLF,
    // which is also what csv-parse does with a trailing \r.
    const out: string[][] = [];
    this.scan(this.tail + '\n', 0, out);
    if (this.tail.length) this.fail(out, `a quoted field is not closed, column ${this.openQuoteColumn}`);
    this.count += out.length;
    return out;
  }

  // Appends every complete record of buf from start on to out and keeps the unfinished rest in
  // this.tail, to be read again from its start with the next piece: simpler than saving the state
  // inside a record, and cheap since a record is short next to a piece.
  // Fields are cut with indexOf and substring: split(',') per line measured 1.4x slower, and
  // slice 1.1x slower than substring.
  private scan(buf: string, start: number, out: string[][]): void {
    const len = buf.length;
    const max = this.maxRecordChars;
    let pos = start; // start of the current record
    let q = buf.indexOf('"', start); // first quote at or after the current field, -1 when none left
    this.comma = buf.indexOf(',', start);
    this.openQuoteColumn = 0;
    records: while (pos < len) {
      let nl = buf.indexOf('\n', pos);
      if (q !== -1 && q < pos) q = buf.indexOf('"', pos);
      let cells: string[] | null = null;
      let f = pos; // start of the current field
      for (;;) {
        if (q === -1 || (nl !== -1 && q > nl)) {
          // no quote before the end of the line: the rest of it is plain fields
          if (nl === -1) break records;
          let end = nl;
          if (end > f && buf.charCodeAt(end - 1) === CR) end--;
          if (cells === null && end === f) {
            pos = nl + 1; // empty line
            continue records;
          }
          cells = this.plainFields(buf, f, end, cells);
          if (end - pos > max) this.tooLong(out);
          out.push(cells);
          pos = nl + 1;
          continue records;
        }
        // Plain fields up to the quote, which must open the next field. Their last one is the
        // empty field before the quote, a slot the quoted cell takes, so the array need not grow.
        if (q > f) {
          if (buf.charCodeAt(q - 1) !== COMMA) {
            const column = (cells === null ? 0 : cells.length) + buf.slice(f, q).split(',').length;
            this.fail(out, `unexpected quote in an unquoted field, column ${column}`);
          }
          cells = this.plainFields(buf, f, q, cells);
        } else if (cells === null) cells = [''];
        else cells.push('');
        // The quoted field. A quote followed by another is an escaped one: the cell is joined
        // from the pieces between them, which measured twice as fast as replaceAll('""', '"').
        let close = q + 1;
        let from = close;
        let cell = '';
        for (;;) {
          close = buf.indexOf('"', close);
          // a quote as the last character may still be the first half of an escaped pair
          if (close === -1 || close + 1 === len) {
            this.openQuoteColumn = cells.length;
            break records;
          }
          if (buf.charCodeAt(close + 1) !== QUOTE) break;
          cell += buf.substring(from, close + 1);
          close += 2;
          from = close;
        }
        cells[cells.length - 1] = from === q + 1 ? buf.substring(from, close) : cell + buf.substring(from, close);
        const after = close + 1;
        const c = buf.charCodeAt(after);
        if (c === COMMA) {
          f = after + 1;
          q = buf.indexOf('"', f);
          if (nl !== -1 && nl < f) nl = buf.indexOf('\n', f); // that newline was inside the quotes
          continue;
        }
        let next: number;
        if (c === LF) next = after + 1;
        else if (c === CR && after + 1 === len) break records; // its \n may come with the next piece
        else if (c === CR && buf.charCodeAt(after + 1) === LF) next = after + 2;
        else this.fail(out, `unexpected character after a closing quote, column ${cells.length}`);
        if (after - pos > max) this.tooLong(out);
        out.push(cells);
        pos = next;
        continue records;
      }
    }
    // A slice keeps its whole parent string alive; the copy holds only the tail.
    this.tail = pos < len ? (' ' + buf.slice(pos)).slice(1) : '';
    this.scratch.length = 0;
    this.checkTail(out);
  }

  // The quote-free fields of buf from f to end, appended to cells or as a new array.
  private plainFields(buf: string, f: number, end: number, cells: string[] | null): string[] {
    const scratch = this.scratch;
    let comma = this.comma;
    let n = 0;
    for (;;) {
      // most fields are empty: a look at one character saves a search
      if (buf.charCodeAt(f) === COMMA) {
        scratch[n++] = '';
        f++;
        continue;
      }
      if (f === end) {
        scratch[n++] = '';
        break;
      }
      if (comma !== -1 && comma < f) comma = buf.indexOf(',', f);
      if (comma === -1 || comma > end) {
        scratch[n++] = buf.substring(f, end);
        break;
      }
      scratch[n++] = buf.substring(f, comma);
      f = comma + 1;
    }
    this.comma = comma;
    if (cells === null) return scratch.slice(0, n);
    for (let i = 0; i < n; i++) cells.push(scratch[i]);
    return cells;
  }

  // The open record may not grow past the limit even before its end arrives.
  private checkTail(out: string[][]): void {
    const tail = this.tail;
    if (tail.length - (tail.charCodeAt(tail.length - 1) === CR ? 1 : 0) > this.maxRecordChars) this.tooLong(out);
  }

  private tooLong(out: string[][]): never {
    this.fail(out, `record longer than ${this.maxRecordChars} characters`);
  }

  private fail(out: string[][], reason: string): never {
    throw new CsvSyntaxError(this.count + out.length + 1, reason);
  }
}
