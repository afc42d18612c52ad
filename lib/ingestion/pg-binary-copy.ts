// Encodes tuples for COPY … FROM STDIN WITH (FORMAT binary): PostgreSQL takes numerics, uuids and
// timestamps as ready-made bytes instead of parsing text, which matters at a million rows.
// Field methods validate before they move the write position, so a throw leaves no half field.

const HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, // "PGCOPY\n\377\r\n\0"
  0, 0, 0, 0, // flags
  0, 0, 0, 0, // header extension length
]);

// 2000-01-01T00:00:00Z, where PostgreSQL counts timestamps from.
const PG_EPOCH_MS = 946_684_800_000;
// The range of a JS Date; PostgreSQL itself rejects what lies beyond its own range.
const MAX_EPOCH_MS = 8.64e15;
const TWO_32 = 2 ** 32;
const NUMERIC_NEG = 0x4000;
const MAX_DSCALE = 0x3fff;
const POW10 = [1, 10, 100, 1000];

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[65 + i] = HEX[97 + i] = 10 + i;
// Where each byte's two hex digits start, with and without the dashes of 8-4-4-4-12.
const DASHED = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const PLAIN = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30];

// Uint8Array stores keep the low byte, so negative values need no masking.
function put16(b: Buffer, p: number, v: number): void {
  b[p] = v >> 8;
  b[p + 1] = v;
}

function put32(b: Buffer, p: number, v: number): void {
  b[p] = v >>> 24;
  b[p + 1] = v >>> 16;
  b[p + 2] = v >>> 8;
  b[p + 3] = v;
}

// Returns the byte count. Short ASCII (most cost fields) is copied here: a call into native code
// costs more than the loop.
function putUtf8(b: Buffer, at: number, value: string): number {
  const n = value.length;
  if (n <= 32) {
    let i = 0;
    for (; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) break;
      b[at + i] = c;
    }
    if (i === n) return n;
  }
  return b.write(value, at);
}

// Long junk would swamp the message; its start is enough to find the row.
function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

function badNumeric(value: string): RangeError {
  return new RangeError(`numeric: ${quoted(value)} is not a plain decimal (like -12.50)`);
}

function badUuid(value: string): RangeError {
  return new RangeError(`uuid: ${quoted(value)} is not a uuid`);
}

function badDigits(src: Uint8Array, negative: boolean, start: number, end: number, text: string | undefined): RangeError {
  return badNumeric(text ?? `${negative ? '-' : ''}${Buffer.from(src.subarray(start, end)).toString('latin1')}`);
}

// Copies in a loop: a call into native code (and the view it needs) costs more than the bytes of a
// cost field.
function copyBytes(src: Uint8Array, start: number, end: number, dst: Uint8Array, at: number): void {
  for (let i = start; i < end; i++) dst[at++] = src[i];
}

// numeric(string) copies its digits here to share the byte-level encoder.
const NUMERIC_SCRATCH = new Uint8Array(1 << 15);

const EMPTY = Buffer.alloc(0);

export class BinaryCopyWriter {
  private buf: Buffer;
  private pos = 0;
  private started = false;
  // where rows start in the current buffer (just past the header, if it is in there)
  private floor = 0;
  // The size a buffer handed over by take() is replaced with, once something is written.
  private capacity: number;

  // `reuse`: memory of an earlier take() the caller is done with (the COPY that sent it finished),
  // taken as this writer's buffer when it is large enough, so that chunk after chunk does not
  // leave megabytes of dead buffers for the garbage collector.
  // `header: false` for the bytes of a COPY whose header went out already (see header()).
  constructor(initialBytes = 1 << 20, reuse?: Buffer, options: { header?: boolean } = {}) {
    this.capacity = Math.max(initialBytes, 64);
    const whole = reuse && Buffer.from(reuse.buffer, reuse.byteOffset, reuse.buffer.byteLength - reuse.byteOffset);
    this.buf = whole && whole.length >= this.capacity ? whole : Buffer.allocUnsafe(this.capacity);
    if (options.header === false) this.started = true;
  }

  /** Bytes written so far (including the header if written). */
  get length(): number {
    return this.pos;
  }

  /** Starts a tuple of `fields` fields; the first call also writes the COPY header. */
  row(fields: number): this {
    if ((fields & 0x7fff) !== fields) throw new RangeError(`row: ${fields} is not a field count (0..32767)`);
    if (!this.started) this.header();
    put16(this.reserve(2), this.pos, fields);
    this.pos += 2;
    return this;
  }

  null(): this {
    put32(this.reserve(4), this.pos, -1);
    this.pos += 4;
    return this;
  }

  /** UTF-8 text, for text and varchar columns. */
  text(value: string): this {
    const b = this.reserve(4 + value.length * 3);
    const p = this.pos;
    const bytes = putUtf8(b, p + 4, value);
    put32(b, p, bytes);
    this.pos = p + 4 + bytes;
    return this;
  }

  /** jsonb: version byte 1, then the JSON text (PostgreSQL parses and validates it). */
  jsonb(jsonText: string): this {
    const b = this.reserve(5 + jsonText.length * 3);
    const p = this.pos;
    b[p + 4] = 1;
    const bytes = putUtf8(b, p + 5, jsonText);
    put32(b, p, 1 + bytes);
    this.pos = p + 5 + bytes;
    return this;
  }

  /** 32 hex digits, with or without the dashes of 8-4-4-4-12, in either case. */
  uuid(hex: string): this {
    const n = hex.length;
    const dashed = n === 36;
    if (!dashed && n !== 32) throw badUuid(hex);
    if (dashed && (hex[8] !== '-' || hex[13] !== '-' || hex[18] !== '-' || hex[23] !== '-')) throw badUuid(hex);
    const offsets = dashed ? DASHED : PLAIN;
    const b = this.reserve(20);
    const p = this.pos;
    // Checked once at the end: any code above ASCII, or any digit the table maps to -1.
    let codes = 0;
    let digits = 0;
    for (let k = 0; k < 16; k++) {
      const c1 = hex.charCodeAt(offsets[k]);
      const c2 = hex.charCodeAt(offsets[k] + 1);
      const hi = HEX[c1 & 0x7f];
      const lo = HEX[c2 & 0x7f];
      codes |= c1 | c2;
      digits |= hi | lo;
      b[p + 4 + k] = (hi << 4) | lo;
    }
    if (codes > 0x7f || digits < 0) throw badUuid(hex);
    put32(b, p, 16);
    this.pos = p + 20;
    return this;
  }

  /** int64 microseconds since 2000-01-01, written as two int32 so that no BigInt is needed. */
  timestamptz(epochMs: number): this {
    if (!(Math.abs(epochMs) <= MAX_EPOCH_MS)) {
      throw new RangeError(`timestamptz: ${epochMs} is not a finite epoch in milliseconds within a Date's range`);
    }
    const ms = epochMs - PG_EPOCH_MS;
    // ms * 1000 passes 2**53 after the year 2285; scaling each 32-bit half keeps it exact.
    const msHi = Math.floor(ms / TWO_32);
    const lowUs = Math.round((ms - msHi * TWO_32) * 1000);
    const carry = Math.floor(lowUs / TWO_32);
    const b = this.reserve(12);
    const p = this.pos;
    put32(b, p, 8);
    put32(b, p + 4, msHi * 1000 + carry);
    put32(b, p + 8, lowUs - carry * TWO_32);
    this.pos = p + 12;
    return this;
  }

  /**
   * A plain decimal ('-12.50': optional '-', digits, optional '.digits') in numeric's binary form.
   * dscale is the number of decimals as written, as the text input keeps it.
   */
  numeric(decimal: string): this {
    const len = decimal.length;
    const start = decimal.charCodeAt(0) === 45 ? 1 : 0;
    if (len > NUMERIC_SCRATCH.length) throw badNumeric(decimal);
    const digits = NUMERIC_SCRATCH;
    let point = -1;
    for (let i = start; i < len; i++) {
      const c = decimal.charCodeAt(i);
      if (c === 46 && point < 0) point = i;
      else if (c < 48 || c > 57) throw badNumeric(decimal);
      digits[i] = c;
    }
    const intEnd = point < 0 ? len : point;
    if (intEnd === start || point === len - 1) throw badNumeric(decimal);
    return this.numericDigits(digits, start === 1, start, intEnd, point < 0 ? len : point + 1, len, decimal);
  }

  /**
   * numeric from ASCII digits in `src`: the integer digits in [intStart, intEnd) (at least one),
   * the decimals in [fracStart, fracEnd) (dscale is their count). Written as ndigits, weight, sign,
   * dscale, then base-10000 digits aligned on the point, zero groups at either end stripped.
   * `text` names the value in an error; the caller has checked that the ranges hold digits only.
   */
  numericDigits(src: Uint8Array, negative: boolean, intStart: number, intEnd: number, fracStart: number, fracEnd: number, text?: string): this {
    const intDigits = intEnd - intStart;
    const dscale = fracEnd - fracStart;
    if (intDigits < 1 || dscale > MAX_DSCALE) throw badDigits(src, negative, intStart, fracEnd, text);
    // Groups of four digits go out as they complete, the first one left-padded so that the groups
    // line up on the point. Leading zero groups lower the weight instead; trailing ones are
    // written but left out of the count.
    const b = this.reserve(16 + intDigits + dscale);
    const p = this.pos;
    const digitsAt = p + 12;
    let out = digitsAt;
    let end = digitsAt; // just past the last non-zero group
    let weight = ((intDigits + 3) >> 2) - 1;
    let acc = 0;
    let k = (4 - (intDigits & 3)) & 3;
    for (let i = intStart, stop = intEnd; ; i++) {
      if (i === stop) {
        if (stop === fracEnd || fracStart === fracEnd) break;
        i = fracStart;
        stop = fracEnd;
      }
      acc = acc * 10 + src[i] - 48;
      if (++k === 4) {
        if (acc === 0 && out === digitsAt) weight--;
        else {
          put16(b, out, acc);
          out += 2;
          if (acc !== 0) end = out;
        }
        acc = 0;
        k = 0;
      }
    }
    if (k > 0 && acc !== 0) {
      put16(b, out, acc * POW10[4 - k]);
      end = out + 2;
    }
    const ndigits = (end - digitsAt) >> 1;
    // zero has no digits, weight 0 and no sign, as PostgreSQL stores it
    if (ndigits === 0) weight = 0;
    if (ndigits > 0x7fff || weight > 0x7fff) throw badDigits(src, negative, intStart, fracEnd, text);
    put32(b, p, 8 + 2 * ndigits);
    put16(b, p + 4, ndigits);
    put16(b, p + 6, weight);
    put16(b, p + 8, negative && ndigits > 0 ? NUMERIC_NEG : 0);
    put16(b, p + 10, dscale);
    this.pos = end;
    return this;
  }

  /** Text from UTF-8 bytes src[start, end) as they are; returns where the text's bytes start. */
  textBytes(src: Uint8Array, start: number, end: number): number {
    const n = end - start;
    const b = this.reserve(4 + n);
    const p = this.pos;
    put32(b, p, n);
    copyBytes(src, start, end, b, p + 4);
    this.pos = p + 4 + n;
    return p + 4;
  }

  /**
   * Text from the inside of a quoted CSV field, each "" written as one ": returns where the text's
   * bytes start (they end where the writer stands).
   */
  textUnquoted(src: Uint8Array, start: number, end: number): number {
    const b = this.reserve(4 + end - start);
    const p = this.pos;
    let o = p + 4;
    for (let i = start; i < end; i++) {
      const c = src[i];
      b[o++] = c;
      if (c === 34) i++;
    }
    put32(b, p, o - p - 4);
    this.pos = o;
    return p + 4;
  }

  /** A field encoded beforehand (its length word and bytes), as a memo of repeated values holds. */
  field(encoded: Uint8Array): this {
    const b = this.reserve(encoded.length);
    copyBytes(encoded, 0, encoded.length, b, this.pos);
    this.pos += encoded.length;
    return this;
  }

  /** A copy of `length` bytes this writer wrote at `from` (a field written again as it was). */
  again(from: number, length: number): this {
    const b = this.reserve(length);
    b.copyWithin(this.pos, from, from + length);
    this.pos += length;
    return this;
  }

  /** A uuid field whose 16 bytes are filled in later, at the returned position (see `buffer`). */
  uuidSlot(): number {
    const b = this.reserve(20);
    put32(b, this.pos, 16);
    this.pos += 20;
    return this.pos - 16;
  }

  /** The memory written to, for filling a slot; valid until the next write (which may grow it). */
  get buffer(): Buffer {
    return this.buf;
  }

  /** Drops what was written after `length` (a row found bad halfway); never the header. */
  rewind(length: number): void {
    if (length > this.pos || length < this.floor)
      throw new RangeError(`rewind: ${length} is not a length this writer can go back to`);
    this.pos = length;
  }

  bool(value: boolean): this {
    const b = this.reserve(5);
    put32(b, this.pos, 1);
    b[this.pos + 4] = value ? 1 : 0;
    this.pos += 5;
    return this;
  }

  /** int4, for integer columns. */
  int4(value: number): this {
    if ((value | 0) !== value) throw new RangeError(`int4: ${value} is not a 32-bit integer`);
    const b = this.reserve(8);
    put32(b, this.pos, 4);
    put32(b, this.pos + 4, value);
    this.pos += 8;
    return this;
  }

  /**
   * The bytes written so far, which the writer never touches again; it starts empty (no second
   * header). A buffer at least half full is handed over whole rather than copied (so a chunk holds
   * at most twice its length in memory), and the next write allocates a fresh one of its size.
   */
  take(): Buffer {
    const size = this.pos;
    this.pos = 0;
    this.floor = 0;
    if (size === 0 || size * 2 < this.buf.length) return Buffer.from(this.buf.subarray(0, size));
    const out = this.buf.subarray(0, size);
    this.capacity = this.buf.length;
    this.buf = EMPTY;
    return out;
  }

  /**
   * take() and the trailer in one Buffer, with the header first if no row was written: PostgreSQL
   * rejects a binary COPY without it, so a COPY of no rows must end this way.
   */
  finish(): Buffer {
    if (!this.started) this.header();
    put16(this.reserve(2), this.pos, -1);
    this.pos += 2;
    return this.take();
  }

  /** The signature, flags and extension length every binary COPY starts with. */
  static header(): Buffer {
    return Buffer.from(HEADER);
  }

  /** The end-of-data marker: int16 -1. */
  static trailer(): Buffer {
    return Buffer.from([0xff, 0xff]);
  }

  private header(): void {
    this.started = true;
    HEADER.copy(this.reserve(HEADER.length), this.pos);
    this.pos += HEADER.length;
    this.floor = this.pos;
  }

  // Returns the buffer to write into, grown (doubling) if `bytes` more would not fit.
  private reserve(bytes: number): Buffer {
    if (this.pos + bytes <= this.buf.length) return this.buf;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes, this.capacity));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    return next;
  }
}
