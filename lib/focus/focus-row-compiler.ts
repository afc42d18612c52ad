// Turns a FOCUS CSV record straight from the file's bytes into a cost_record row in binary COPY
// format, its natural key and its rollup sums: what parseFocusRow, encodeCostRow, naturalKeyHex and
// DailyRollup.add do together, without a string, a Date or a record object per cell. It takes the
// rows a bill is made of (plain decimals, repeated period bounds, currencies and tags, text with
// nothing to escape in JSON) and declines any other, every row with an error among them; the
// caller then reads that row the general way, which says what is wrong with it. Both ways give the
// same bytes, keys and sums (focus-row-compiler.test.ts holds them to it).
import crypto from 'node:crypto';
import { DAY_MS } from '../dates';
import { RECORD_COLUMNS, STAGED_COLUMNS } from '../ingestion/cost-columns';
import { digitUnits, ROLLUP_LABELS, type DailyRollup } from '../ingestion/daily-rollup';
import { canonicalTags, IDENTITY_FIELDS } from '../ingestion/natural-key';
import { BinaryCopyWriter } from '../ingestion/pg-binary-copy';
import type { TFocusRecord } from './types';
import { cellText, type TCsvRecord } from './csv-scanner';
import {
  CellError,
  MAX_INTEGER_DIGITS,
  parseChargeCategoryCell,
  parseChargeClassCell,
  parseChargeFrequencyCell,
  parseCurrencyCell,
  parseDateTimeCell,
  parseTagsCell,
} from './focus-values';
import type { TFocusLayout } from './parse-focus-csv';

const OP_TEXT = 0;
const OP_ENUM = 1;
const OP_TIME = 2;
const OP_DECIMAL = 3;
const OP_TAGS = 4;
const OP_FALSE = 5;

const COLUMNS = RECORD_COLUMNS.length;
const FIELDS = STAGED_COLUMNS.length;
// the rollup sums amounts of up to this many integer digits in doubles (digitUnits)
const MAX_UNIT_DIGITS = 15;
// tryNormalizeDecimal reads longer cells another way; they go the general way too
const MAX_DECIMAL_BYTES = 60;

const indexOf = (field: keyof TFocusRecord) => RECORD_COLUMNS.findIndex((c) => c.field === field);
const START = indexOf('chargePeriodStart');
const END = indexOf('chargePeriodEnd');
const BILLING_START = indexOf('billingPeriodStart');
const BILLING_END = indexOf('billingPeriodEnd');
const BILLED = indexOf('billedCost');
const EFFECTIVE = indexOf('effectiveCost');
const LIST = indexOf('listCost');
const TAGS = indexOf('tags');
// the natural key's identity (TAGS last)
const IDENTITY = IDENTITY_FIELDS.map(indexOf);
const LABELS = ROLLUP_LABELS.map(indexOf);

type TTime = { ms: number; iso: Buffer };
type TTags = { field: Buffer; identity: Buffer };

// One field's bytes in binary COPY (length word and value), encoded once by the writer's own
// encoder and copied into every row that has it.
function encodedField(write: (w: BinaryCopyWriter) => void): Buffer {
  const w = new BinaryCopyWriter(64, undefined, { header: false });
  write(w);
  return w.take();
}

function tagsEntry(tags: Readonly<Record<string, string>> | null): TTags {
  const json = canonicalTags(tags);
  return { field: encodedField((w) => w.jsonb(json)), identity: Buffer.from(JSON.stringify(json)) };
}

const NO_TAGS = tagsEntry(null);
const FALSE_FIELD = encodedField((w) => w.bool(false));

// Answers for the values a file repeats on every row (period bounds, currencies, categories, tags),
// found by the cell's bytes: the same bytes as the previous row's are answered without a lookup,
// other bytes through a bounded map. `compute` gets the cell's text; null means "declined".
class BytesMemo<V> {
  private last = new Uint8Array(64);
  private lastLength = -1;
  private lastValue: V | null = null;
  private readonly map = new Map<string, V | null>();

  constructor(private readonly compute: (text: string) => V | null) {}

  get(r: TCsvRecord, cell: number): V | null {
    const src = r.buf;
    const start = r.starts[cell];
    const n = r.ends[cell] - start;
    if (n === this.lastLength) {
      const last = this.last;
      let i = 0;
      while (i < n && src[start + i] === last[i]) i++;
      if (i === n) return this.lastValue;
    }
    // the cell's bytes, read as Latin-1: one character a byte, so distinct bytes are distinct keys
    const key = src.toString('latin1', start, start + n);
    let value = this.map.get(key);
    if (value === undefined) {
      value = this.compute(cellText(r, cell));
      if (this.map.size >= 10_000) this.map.clear();
      this.map.set(key, value);
    }
    if (n <= this.last.length) {
      this.last.set(src.subarray(start, start + n));
      this.lastLength = n;
      this.lastValue = value;
    }
    return value;
  }
}

const orNull = <T>(value: T | CellError): T | null => (value instanceof CellError ? null : value);

const ENUMS = {
  chargeCategory: parseChargeCategoryCell,
  chargeClass: parseChargeClassCell,
  chargeFrequency: parseChargeFrequencyCell,
  currency: parseCurrencyCell,
} as const;

function sameBytes(src: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let i = 0; i < end - start; i++) if (src[start + i] !== src[otherStart + i]) return false;
  return true;
}

// Empty, NULL or null: no value (isNullCell on the cell's text).
function isNullCell(src: Uint8Array, start: number, end: number): boolean {
  if (end === start) return true;
  if (end - start !== 4) return false;
  const c = src[start];
  return (c === 78 && src[start + 1] === 85 && src[start + 2] === 76 && src[start + 3] === 76) || // NULL
    (c === 110 && src[start + 1] === 117 && src[start + 2] === 108 && src[start + 3] === 108); // null
}

export class FocusRowCompiler {
  // Of the last row compiled: its charge period in epoch ms, its UTC day (days since 1970-01-01)
  // and the first 64 bits of its key as two unsigned 32-bit halves (what CostWriter.added takes).
  startMs = 0;
  endMs = 0;
  day = 0;
  keyHigh = 0;
  keyLow = 0;

  private readonly width: number;
  private readonly ops = new Int8Array(COLUMNS);
  private readonly cells = new Int32Array(COLUMNS).fill(-1);
  private readonly required = new Uint8Array(COLUMNS);
  // where a column's value went in the output: text bytes at[j] .. at[j] + len[j] (-1: null)
  private readonly at = new Int32Array(COLUMNS);
  private readonly len = new Int32Array(COLUMNS);
  private readonly memos: (BytesMemo<unknown> | null)[] = [];
  private readonly times: TTime[] = [];
  private tags: TTags = NO_TAGS;
  // a decimal as sign, integer digits [1, 2), decimals [3, 4) of the record's bytes
  private readonly decimal = new Int32Array(5);
  // the row's billed cost: its cell, and where its field went in the output
  private billedStart = 0;
  private billedEnd = 0;
  private billedAt = 0;
  private billedLength = 0;
  private readonly units = new Float64Array(6);
  private readonly labelAt = new Int32Array(LABELS.length);
  private readonly labelLength = new Int32Array(LABELS.length);
  private identity = Buffer.alloc(1024);
  // views of the identity buffer by length, so that hashing a row makes no new Buffer
  private readonly views: Buffer[] = [];
  private readonly sourceField: Buffer;

  constructor(layout: TFocusLayout, source: string) {
    this.width = layout.width;
    this.sourceField = encodedField((w) => w.text(source));
    RECORD_COLUMNS.forEach((column, j) => {
      const binding = layout.bindings.find((b) => b.spec.field === column.field);
      if (binding) {
        this.cells[j] = binding.index;
        this.required[j] = binding.spec.required ? 1 : 0;
      }
      const kind = binding?.spec.kind;
      this.memos[j] = null;
      if (column.kind === 'bool') this.ops[j] = OP_FALSE; // no FOCUS column feeds isEstimated
      else if (column.kind === 'tags') {
        this.ops[j] = OP_TAGS;
        this.memos[j] = new BytesMemo((text) => {
          const tags = parseTagsCell(text);
          return tags instanceof CellError ? null : tagsEntry(tags);
        });
      } else if (column.kind === 'time') {
        this.ops[j] = OP_TIME;
        this.memos[j] = new BytesMemo((text): TTime | null => {
          const date = orNull(parseDateTimeCell(text));
          return date && { ms: date.getTime(), iso: Buffer.from(date.toISOString()) };
        });
      } else if (column.kind === 'decimal') this.ops[j] = OP_DECIMAL;
      else if (kind && kind in ENUMS) {
        const parse = ENUMS[kind as keyof typeof ENUMS];
        this.ops[j] = OP_ENUM;
        this.memos[j] = new BytesMemo((text) => {
          const value = orNull<string>(parse(text));
          return value === null ? null : encodedField((w) => w.text(value));
        });
      } else this.ops[j] = OP_TEXT;
    });
  }

  /**
   * Writes the record as a row into `w` and adds it to `rollup` (if any); false, with nothing
   * written or added, when the record is not one this takes.
   */
  compile(r: TCsvRecord, w: BinaryCopyWriter, rollup: DailyRollup | null): boolean {
    if (r.count !== this.width || !r.utf8) return false;
    w.row(FIELDS);
    const mark = w.length - 2;
    // the key comes first in the row and is filled in once the fields it hashes are written
    const keyAt = w.uuidSlot();
    if (!this.fields(r, w) || !this.key(w.buffer, keyAt, w.length - mark)) {
      w.rewind(mark);
      return false;
    }
    if (rollup) {
      const out = w.buffer;
      for (let i = 0; i < LABELS.length; i++) {
        const j = LABELS[i];
        this.labelAt[i] = this.at[j] < 0 ? 0 : this.at[j];
        this.labelLength[i] = this.at[j] < 0 ? 0 : this.len[j];
      }
      rollup.addEncoded(this.day, out, this.labelAt, this.labelLength, this.units);
    }
    return true;
  }

  // The row's fields after the key, in RECORD_COLUMNS order, then the source.
  private fields(r: TCsvRecord, w: BinaryCopyWriter): boolean {
    const src = r.buf;
    const { ops, cells, at, len, decimal, units } = this;
    for (let j = 0; j < COLUMNS; j++) {
      const cell = cells[j];
      at[j] = -1;
      let start = 0;
      let end = 0;
      let none = true;
      if (cell >= 0) {
        start = r.starts[cell];
        end = r.ends[cell];
        none = isNullCell(src, start, end);
      }
      switch (ops[j]) {
        case OP_TEXT:
          if (none) {
            if (this.required[j]) return false;
            w.null();
            break;
          }
          at[j] = r.escaped[cell] ? w.textUnquoted(src, start, end) : w.textBytes(src, start, end);
          len[j] = w.length - at[j];
          break;
        case OP_ENUM: {
          if (none) {
            if (this.required[j]) return false;
            w.null();
            break;
          }
          const field = (this.memos[j] as BytesMemo<Buffer>).get(r, cell);
          if (field === null) return false;
          at[j] = w.length + 4;
          len[j] = field.length - 4;
          w.field(field);
          break;
        }
        case OP_TIME: {
          if (none) return false;
          const time = (this.memos[j] as BytesMemo<TTime>).get(r, cell);
          if (time === null) return false;
          this.times[j] = time;
          w.timestamptz(time.ms);
          break;
        }
        case OP_DECIMAL: {
          const k = j === BILLED ? 0 : j === EFFECTIVE ? 1 : j === LIST ? 2 : -1;
          if (none) {
            if (this.required[j]) return false;
            if (j !== LIST) {
              w.null();
              break;
            }
          }
          // Effective and list cost are often the billed cost itself (no discount, on-demand
          // prices), and a file without list costs takes the billed cost: its field again.
          if ((j === EFFECTIVE || j === LIST) && (none || sameBytes(src, start, end, this.billedStart, this.billedEnd))) {
            w.again(this.billedAt, this.billedLength);
            units[2 * k] = units[0];
            units[2 * k + 1] = units[1];
            break;
          }
          if (r.escaped[cell] || !plainDecimal(src, start, end, decimal)) return false;
          const digits = decimal[2] - decimal[1];
          // parseDecimalCell refuses more integer digits than numeric(30,12) holds
          if (digits > MAX_INTEGER_DIGITS || (k >= 0 && digits > MAX_UNIT_DIGITS)) return false;
          const at = w.length;
          w.numericDigits(src, decimal[0] === 1, decimal[1], decimal[2], decimal[3], decimal[4]);
          if (k >= 0) digitUnits(src, decimal[0] === 1, decimal[1], decimal[2], decimal[3], decimal[4], units, k);
          if (j === BILLED) {
            this.billedStart = start;
            this.billedEnd = end;
            this.billedAt = at;
            this.billedLength = w.length - at;
          }
          break;
        }
        case OP_TAGS: {
          const tags = none ? NO_TAGS : (this.memos[j] as BytesMemo<TTags>).get(r, cell);
          if (tags === null) return false;
          this.tags = tags;
          w.field(tags.field);
          break;
        }
        case OP_FALSE:
          w.field(FALSE_FIELD);
          break;
      }
    }
    w.field(this.sourceField);
    const t = this.times;
    if (!(t[END].ms > t[START].ms) || !(t[BILLING_END].ms > t[BILLING_START].ms)) return false;
    this.startMs = t[START].ms;
    this.endMs = t[END].ms;
    this.day = Math.floor(this.startMs / DAY_MS);
    return true;
  }

  // The natural key from the row just written (naturalKeyHex's identity, built from the output's
  // bytes), into out[keyAt, keyAt + 16); false when a text needs escaping in JSON.
  // `rowBytes`: the size of the row written, which bounds its texts.
  private key(out: Buffer, keyAt: number, rowBytes: number): boolean {
    const { at, len } = this;
    let b = this.identity;
    // the texts are in the row; quotes, commas, nulls and times add less than this
    const room = 256 + this.tags.identity.length + rowBytes;
    if (room > b.length) b = this.identity = Buffer.alloc(room * 2);
    let n = 0;
    b[n++] = 0x5b; // ["v1"
    b[n++] = 0x22;
    b[n++] = 0x76;
    b[n++] = 0x31;
    b[n++] = 0x22;
    for (let f = 0; f < IDENTITY.length; f++) {
      const j = IDENTITY[f];
      b[n++] = 0x2c; // ,
      if (j === TAGS) {
        const tags = this.tags;
        b.set(tags.identity, n);
        n += tags.identity.length;
        continue;
      }
      if (j === START || j === END) {
        const iso = this.times[j].iso;
        b[n++] = 0x22;
        for (let i = 0; i < iso.length; i++) b[n++] = iso[i];
        b[n++] = 0x22;
        continue;
      }
      const from = at[j];
      if (from < 0) {
        b[n++] = 0x6e; // null
        b[n++] = 0x75;
        b[n++] = 0x6c;
        b[n++] = 0x6c;
        continue;
      }
      b[n++] = 0x22;
      for (let i = from, to = from + len[j]; i < to; i++) {
        const c = out[i];
        // JSON escapes control characters, quotes and backslashes: JSON.stringify's text it is not
        if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
        b[n++] = c;
      }
      b[n++] = 0x22;
    }
    b[n++] = 0x5d; // ]
    // hashed as the UTF-8 bytes they are, as naturalKeyHex hashes the identity's text
    let view = this.views[n];
    if (view === undefined || view.buffer !== b.buffer) view = this.views[n] = b.subarray(0, n);
    const hash = crypto.hash('sha256', view, 'binary');
    for (let i = 0; i < 16; i++) out[keyAt + i] = hash.charCodeAt(i);
    this.keyHigh = out.readUInt32BE(keyAt);
    this.keyLow = out.readUInt32BE(keyAt + 4);
    return true;
  }
}

// A plain decimal ('-0012.50') as tryNormalizeDecimal reads it: out gets the sign (1 for minus),
// the integer digits without leading zeros (at least one digit) and the decimals without trailing
// zeros, as byte ranges. False for any other form ('1e3', '.5', '+1', ' 1'), which the general
// way reads.
export function plainDecimal(src: Uint8Array, start: number, end: number, out: Int32Array): boolean {
  if (end === start || end - start >= MAX_DECIMAL_BYTES) return false;
  let i = start;
  let negative = 0;
  if (src[i] === 45) {
    negative = 1;
    i++;
  }
  const digits = i;
  while (i < end && src[i] >= 48 && src[i] <= 57) i++;
  const intEnd = i;
  if (intEnd === digits) return false;
  let fracStart = end;
  let fracEnd = end;
  if (i < end) {
    if (src[i] !== 46) return false;
    fracStart = ++i;
    while (i < end && src[i] >= 48 && src[i] <= 57) i++;
    if (i !== end || fracStart === end) return false;
    while (fracEnd > fracStart && src[fracEnd - 1] === 48) fracEnd--;
  }
  let intStart = digits;
  while (intStart < intEnd - 1 && src[intStart] === 48) intStart++;
  // minus zero is zero
  if (fracEnd === fracStart && intEnd - intStart === 1 && src[intStart] === 48) negative = 0;
  out[0] = negative;
  out[1] = intStart;
  out[2] = intEnd;
  out[3] = fracStart;
  out[4] = fracEnd;
  return true;
}
