// The cost_daily rows of records that are new to the database, summed in memory while they are
// written, then added to cost_daily in one statement: a million fresh records cost a few thousand
// additions instead of a re-aggregation of every one of them. Only for records that cannot replace
// anything (a replaced record's old amount would stay counted): updates go through
// refreshCostDaily, which rebuilds the days it touches from cost_record.
import type pg from 'pg';
import { DAY_MS, isoDay } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { decimalToUnits, formatFixed } from '../money/decimal';
import { copyBinary } from './copy-csv';
import { BinaryCopyWriter } from './pg-binary-copy';
import { lockRollupProviders, ROLLUP_COLUMNS, ROLLUP_KEY } from './refresh-cost-daily';
import { createTempTable } from './temp-table';

// cost_record's amounts are numeric(30,12): PostgreSQL rounds what it stores to 12 places, half
// away from zero, and sums the stored values. Units of 1e-12 as BigInt (decimalToUnits) reproduce
// that exactly.
const PLACES = 12;

const UNIT = 1e12;
// An amount's digits, written from the point outwards: the integer digits end at AMOUNT_POINT.
const AMOUNT_POINT = 32;
const AMOUNT_DIGITS = Buffer.alloc(AMOUNT_POINT + PLACES);
// 2000-01-01, where PostgreSQL counts dates from, in days since 1970-01-01
const PG_EPOCH_DAY = 10_957;
const PIECE_BYTES = 1 << 20;
const UNIT_BIG = 1_000_000_000_000n;
// Whole units past this move into the group's BigInt: below it, adding an amount of up to 15
// integer digits stays an exact integer in a double.
const SAFE_WHOLE = 4e15;

// The parts of an amount as units of 1e-12 = whole * 1e12 + frac, with 0 <= frac < 1e12, from
// its magnitude as whole and rounded fraction (fracAbs may be 1e12 after rounding up).
function setUnits(out: Float64Array, k: number, negative: boolean, wholeAbs: number, fracAbs: number): void {
  if (fracAbs >= UNIT) {
    wholeAbs += 1;
    fracAbs -= UNIT;
  }
  if (!negative || (wholeAbs === 0 && fracAbs === 0)) {
    out[2 * k] = wholeAbs;
    out[2 * k + 1] = fracAbs;
  } else {
    out[2 * k] = -wholeAbs - (fracAbs > 0 ? 1 : 0);
    out[2 * k + 1] = fracAbs > 0 ? UNIT - fracAbs : 0;
  }
}

// A plain decimal's units into out[2k], out[2k+1], rounded as decimalToUnits; false when it has
// more than 15 integer digits (decimalToUnits takes those). Read through digitUnits, as bytes.
let decimalBytes = Buffer.alloc(64);

export function decimalUnits(decimal: string, out: Float64Array, k: number): boolean {
  const negative = decimal.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  let dot = decimal.indexOf('.');
  if (dot < 0) dot = decimal.length;
  if (dot - start > 15) return false;
  if (decimal.length > decimalBytes.length) decimalBytes = Buffer.alloc(decimal.length * 2);
  decimalBytes.write(decimal, 0, 'latin1');
  digitUnits(decimalBytes, negative, start, dot, Math.min(dot + 1, decimal.length), decimal.length, out, k);
  return true;
}

// A decimal's units from ASCII digits in bytes: the integer digits src[intStart, intEnd) (at most 15), the
// decimals src[fracStart, fracEnd).
export function digitUnits(
  src: Uint8Array,
  negative: boolean,
  intStart: number,
  intEnd: number,
  fracStart: number,
  fracEnd: number,
  out: Float64Array,
  k: number,
): void {
  let whole = 0;
  for (let i = intStart; i < intEnd; i++) whole = whole * 10 + src[i] - 48;
  let frac = 0;
  for (let i = 0; i < PLACES; i++) frac = frac * 10 + (fracStart + i < fracEnd ? src[fracStart + i] - 48 : 0);
  if (fracEnd - fracStart > PLACES && src[fracStart + PLACES] >= 53) frac += 1;
  setUnits(out, k, negative, whole, frac);
}

// A cost_daily row as the rollup sums it.
export type TRollupRow = {
  day: number;
  provider: string;
  service: string;
  region: string;
  account: string;
  currency: string;
  serviceCategory: string;
  accountName: string;
  billed: string;
  effective: string;
  list: string;
  count: number;
};

// Labels of a rollup group, in this order, as UTF-8 ranges for addEncoded.
export const ROLLUP_LABELS = ['providerName', 'serviceName', 'regionId', 'subAccountId', 'billingCurrency', 'serviceCategory', 'subAccountName'] as const;
const LABEL_COUNT = ROLLUP_LABELS.length;
// a group's key: its day, then the ids of its first six labels (cost_daily's primary key: every
// dimension the costs API groups or filters by); it keeps the greatest of the last (the account
// name, a label only), as refresh-cost-daily.ts does
const KEY_INTS = 7;
const ACCOUNT_NAME = 6;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function grow<T extends Int32Array | Uint32Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

// Slots of an open-addressing table of `count` entries with these hashes, twice as many as entries.
function slotsFor(hashes: Uint32Array, count: number, size: number): Int32Array {
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let id = 0; id < count; id++) {
    let i = hashes[id] & mask;
    while (slots[i] >= 0) i = (i + 1) & mask;
    slots[i] = id;
  }
  return slots;
}

// Every distinct label once, as a small number, found by its UTF-8 bytes without making a string:
// a million records share a few hundred labels. Shared by the rollups of one writer, whose group
// keys hold these numbers.
export class RollupLabels {
  private slots: Int32Array = new Int32Array(1024).fill(-1);
  private hashes = new Uint32Array(256);
  private offsets = new Int32Array(256);
  private lengths = new Int32Array(256);
  private bytes = Buffer.alloc(1 << 14);
  private used = 0;
  private readonly texts: string[] = [];
  private scratch = Buffer.alloc(256);

  // The id of the label src[start, end).
  idOf(src: Uint8Array, start: number, end: number): number {
    const n = end - start;
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ src[i], FNV_PRIME);
    h >>>= 0;
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i];
      if (id < 0) return this.insert(i, h, src, start, end);
      if (this.hashes[id] !== h || this.lengths[id] !== n) continue;
      const at = this.offsets[id];
      let k = 0;
      while (k < n && this.bytes[at + k] === src[start + k]) k++;
      if (k === n) return id;
    }
  }

  // The id of a label given as text.
  id(label: string): number {
    if (label.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(label.length * 3);
    return this.idOf(this.scratch, 0, this.scratch.write(label));
  }

  text(id: number): string {
    return this.texts[id];
  }

  private insert(slot: number, h: number, src: Uint8Array, start: number, end: number): number {
    const id = this.texts.length;
    const n = end - start;
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes, id * 2);
      this.offsets = grow(this.offsets, id * 2);
      this.lengths = grow(this.lengths, id * 2);
    }
    if (this.used + n > this.bytes.length) {
      const bytes = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + n));
      this.bytes.copy(bytes, 0, 0, this.used);
      this.bytes = bytes;
    }
    this.bytes.set(src.subarray(start, end), this.used);
    this.hashes[id] = h;
    this.offsets[id] = this.used;
    this.lengths[id] = n;
    this.texts.push(this.bytes.toString('utf8', this.used, this.used + n));
    this.used += n;
    this.slots[slot] = id;
    if (this.texts.length * 2 > this.slots.length) this.slots = slotsFor(this.hashes, this.texts.length, this.slots.length * 2);
    return id;
  }
}

// Sums cost_daily rows in memory, in flat tables: a group is a cost_daily row, found by its key (the
// day and the ids of its labels), with its three amounts as whole and fractional units (see
// setUnits), its count and the greatest account name met.
export class DailyRollup {
  private slots: Int32Array = new Int32Array(1024).fill(-1);
  private keys = new Int32Array(256 * KEY_INTS);
  private hashes = new Uint32Array(256);
  private sums = new Float64Array(256 * 6);
  private counts = new Int32Array(256);
  private accountNames = new Int32Array(256);
  // whole units moved out of sums before they could lose precision, by group
  private readonly big = new Map<number, bigint[]>();
  private groups = 0;
  private readonly key = new Int32Array(LABEL_COUNT + 1);
  private readonly units = new Float64Array(6);
  // the sign of the amount amountDigits wrote last
  private amountNegative = false;

  constructor(private readonly labels = new RollupLabels()) {}

  get size() {
    return this.groups;
  }

  // `day`: the record's UTC day as days since 1970-01-01 (the caller has worked it out already).
  add(r: TFocusRecord, day: number): void {
    const key = this.key;
    const labels = this.labels;
    key[0] = day;
    key[1] = labels.id(r.providerName);
    key[2] = labels.id(r.serviceName ?? '');
    key[3] = labels.id(r.regionId ?? '');
    key[4] = labels.id(r.subAccountId ?? '');
    key[5] = labels.id(r.billingCurrency);
    key[6] = labels.id(r.serviceCategory ?? '');
    key[7] = labels.id(r.subAccountName ?? '');
    const g = this.group();
    const amounts: string[] = [r.billedCost, r.effectiveCost, r.listCost];
    let exact = true;
    for (let k = 0; k < 3; k++) if (!decimalUnits(amounts[k], this.units, k)) exact = false;
    if (exact) this.addUnits(g, this.units, 0);
    else {
      const big = this.bigOf(g);
      for (let k = 0; k < 3; k++) big[k] += decimalToUnits(amounts[k], PLACES);
    }
    this.counts[g] += 1;
  }

  // A row given as bytes: label i (in ROLLUP_LABELS order) is src[at[i], at[i] + len[i]) (length 0
  // for none), `units` its three amounts as setUnits makes them (digitUnits).
  addEncoded(day: number, src: Uint8Array, at: Int32Array, len: Int32Array, units: Float64Array): void {
    const key = this.key;
    key[0] = day;
    for (let i = 0; i < LABEL_COUNT; i++) key[1 + i] = this.labels.idOf(src, at[i], at[i] + len[i]);
    const g = this.group();
    this.addUnits(g, units, 0);
    this.counts[g] += 1;
  }

  // Takes in another rollup's groups (one made with the same labels).
  merge(other: DailyRollup): void {
    for (let o = 0; o < other.groups; o++) {
      this.key.set(other.keys.subarray(o * KEY_INTS, (o + 1) * KEY_INTS));
      this.key[1 + ACCOUNT_NAME] = other.accountNames[o];
      const g = this.group();
      this.addUnits(g, other.sums, o * 6);
      this.counts[g] += other.counts[o];
      const big = other.big.get(o);
      if (big) {
        const mine = this.bigOf(g);
        for (let k = 0; k < 3; k++) mine[k] += big[k];
      }
    }
  }

  // The group of this.key (its first KEY_INTS numbers), made if new; it takes the greater of its
  // account name and the key's, as max(… COLLATE "C") in refresh-cost-daily.ts.
  private group(): number {
    const g = this.find();
    const accountName = this.key[1 + ACCOUNT_NAME];
    if (accountName !== this.accountNames[g] && this.labels.text(accountName) > this.labels.text(this.accountNames[g]))
      this.accountNames[g] = accountName;
    return g;
  }

  private find(): number {
    const key = this.key;
    let h = FNV_OFFSET;
    for (let i = 0; i < KEY_INTS; i++) h = Math.imul(h ^ key[i], FNV_PRIME);
    h >>>= 0;
    const mask = this.slots.length - 1;
    const keys = this.keys;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const g = this.slots[i];
      if (g < 0) return this.insert(i, h);
      if (this.hashes[g] !== h) continue;
      const at = g * KEY_INTS;
      let k = 0;
      while (k < KEY_INTS && keys[at + k] === key[k]) k++;
      if (k === KEY_INTS) return g;
    }
  }

  private insert(slot: number, h: number): number {
    const g = this.groups++;
    if (g === this.counts.length) {
      this.keys = grow(this.keys, g * 2 * KEY_INTS);
      this.hashes = grow(this.hashes, g * 2);
      this.sums = grow(this.sums, g * 2 * 6);
      this.counts = grow(this.counts, g * 2);
      this.accountNames = grow(this.accountNames, g * 2);
    }
    this.keys.set(this.key.subarray(0, KEY_INTS), g * KEY_INTS);
    // a group number may be in use again after clear()
    this.sums.fill(0, g * 6, g * 6 + 6);
    this.counts[g] = 0;
    this.accountNames[g] = this.key[1 + ACCOUNT_NAME];
    this.hashes[g] = h;
    this.slots[slot] = g;
    if (this.groups * 2 > this.slots.length) this.slots = slotsFor(this.hashes, this.groups, this.slots.length * 2);
    return g;
  }

  private bigOf(g: number): bigint[] {
    let big = this.big.get(g);
    if (!big) this.big.set(g, (big = [0n, 0n, 0n]));
    return big;
  }

  // Adds three amounts (units[from, from + 6), as setUnits makes them) to group g.
  private addUnits(g: number, units: Float64Array, from: number): void {
    const s = this.sums;
    const at = g * 6;
    for (let k = 0; k < 6; k += 2) {
      let whole = s[at + k] + units[from + k];
      let frac = s[at + k + 1] + units[from + k + 1];
      if (frac >= UNIT) {
        frac -= UNIT;
        whole += 1;
      }
      if (whole > SAFE_WHOLE || whole < -SAFE_WHOLE) {
        this.bigOf(g)[k >> 1] += BigInt(whole) * UNIT_BIG;
        whole = 0;
      }
      s[at + k] = whole;
      s[at + k + 1] = frac;
    }
  }

  // The cost_daily rows summed so far, amounts as decimals of 12 places.
  *rows(): Generator<TRollupRow> {
    const { keys, labels } = this;
    for (let g = 0; g < this.groups; g++) {
      const at = g * KEY_INTS;
      yield {
        day: keys[at],
        provider: labels.text(keys[at + 1]),
        service: labels.text(keys[at + 2]),
        region: labels.text(keys[at + 3]),
        account: labels.text(keys[at + 4]),
        currency: labels.text(keys[at + 5]),
        serviceCategory: labels.text(keys[at + 6]),
        accountName: labels.text(this.accountNames[g]),
        billed: this.amount(g, 0),
        effective: this.amount(g, 1),
        list: this.amount(g, 2),
        count: this.counts[g],
      };
    }
  }

  // The rows in binary COPY format, a piece at a time (encoded while the database writes the last);
  // only the groups whose day `pick` takes.
  private *encoded(pick: (day: number) => boolean): Generator<Buffer> {
    const w = new BinaryCopyWriter(PIECE_BYTES + (1 << 16));
    const { keys, labels } = this;
    for (let g = 0; g < this.groups; g++) {
      const at = g * KEY_INTS;
      if (!pick(keys[at])) continue;
      // in ROLLUP_COLUMNS order; a date is days since 2000-01-01
      w.row(ROLLUP_COLUMNS.length).int4(keys[at] - PG_EPOCH_DAY).text(labels.text(keys[at + 1])).text(labels.text(keys[at + 2]));
      w.text(labels.text(keys[at + 6])).text(labels.text(keys[at + 3])).text(labels.text(keys[at + 4]));
      w.text(labels.text(this.accountNames[g])).text(labels.text(keys[at + 5]));
      for (let k = 0; k < 3; k++) this.writeAmount(w, g, k);
      w.int4(this.counts[g]);
      if (w.length >= PIECE_BYTES) yield w.take();
    }
    yield w.finish();
  }

  // Amount k of group g as numeric, from its digits without a string in between (but for the rare
  // group that outgrew doubles).
  private writeAmount(w: BinaryCopyWriter, g: number, k: number): void {
    if (this.big.has(g)) {
      w.numeric(this.amount(g, k));
      return;
    }
    const start = this.amountDigits(g, k);
    w.numericDigits(AMOUNT_DIGITS, this.amountNegative, start, AMOUNT_POINT, AMOUNT_POINT, AMOUNT_POINT + PLACES);
  }

  // Amount k (billed, effective, list) of group g as a plain decimal of 12 places.
  private amount(g: number, k: number): string {
    const big = this.big.get(g);
    if (big) return formatFixed(BigInt(this.sums[g * 6 + 2 * k]) * UNIT_BIG + BigInt(this.sums[g * 6 + 2 * k + 1]) + big[k], PLACES);
    const start = this.amountDigits(g, k);
    const digits = AMOUNT_DIGITS;
    return `${this.amountNegative ? '-' : ''}${digits.toString('latin1', start, AMOUNT_POINT)}.${digits.toString('latin1', AMOUNT_POINT, AMOUNT_POINT + PLACES)}`;
  }

  // The digits of amount k of group g (one within doubles) into AMOUNT_DIGITS: the integer digits
  // from the returned index to AMOUNT_POINT, then the decimals; its sign into amountNegative.
  private amountDigits(g: number, k: number): number {
    const whole = this.sums[g * 6 + 2 * k];
    const frac = this.sums[g * 6 + 2 * k + 1];
    // whole + frac / 1e12, with 0 <= frac < 1e12: below zero, the magnitude borrows from whole
    const negative = whole < 0;
    let int = whole;
    let fraction = frac;
    if (negative && frac > 0) {
      int = -whole - 1;
      fraction = UNIT - frac;
    } else if (negative) int = -whole;
    const digits = AMOUNT_DIGITS;
    let i = AMOUNT_POINT;
    do {
      digits[--i] = 48 + (int % 10);
      int = Math.floor(int / 10);
    } while (int > 0);
    for (let d = AMOUNT_POINT + PLACES - 1; d >= AMOUNT_POINT; d--) {
      digits[d] = 48 + (fraction % 10);
      fraction = Math.floor(fraction / 10);
    }
    this.amountNegative = negative;
    return i;
  }

  // Adds the sums to cost_daily, in the caller's transaction. Writers that rebuild days from
  // cost_record take the same per-provider locks, so an addition and a rebuild never interleave.
  async addTo(client: pg.PoolClient | pg.Client): Promise<void> {
    if (this.groups === 0) return;
    const { keys, labels } = this;
    const providerIds = new Set<number>();
    let lo = Infinity;
    let hi = -Infinity;
    for (let g = 0; g < this.groups; g++) {
      const day = keys[g * KEY_INTS];
      if (day < lo) lo = day;
      if (day > hi) hi = day;
      providerIds.add(keys[g * KEY_INTS + 1]);
    }
    const providers = [...providerIds].map((id) => labels.text(id));
    await lockRollupProviders(client, providers);
    // The days that already hold rows of these providers: the sums of those days are added to
    // what is there. Every other day's sums are its rows, as they are (the usual first import of a
    // period, and most of a long write that adds its sums a month at a time: only the day the
    // months met on was added to before).
    const held = await client.query<{ i: number }>(
      `SELECT i FROM generate_series(0, $2::int) AS i
        WHERE EXISTS (SELECT 1 FROM cost_daily WHERE day = $1::date + i AND provider_name = ANY($3))`,
      [isoDay(new Date(lo * DAY_MS)), hi - lo, providers],
    );
    const taken = new Set(held.rows.map((r) => lo + r.i));
    let fresh = 0;
    for (let g = 0; g < this.groups; g++) if (!taken.has(keys[g * KEY_INTS])) fresh++;
    if (fresh > 0) await copyBinary(client, 'cost_daily', ROLLUP_COLUMNS, this.encoded((day) => !taken.has(day)));
    if (fresh < this.groups) {
      const additions = await createTempTable(client, 'cost_daily_additions', 'LIKE cost_daily');
      await copyBinary(client, additions, ROLLUP_COLUMNS, this.encoded((day) => taken.has(day)));
      await client.query(`
        INSERT INTO cost_daily AS d (${ROLLUP_COLUMNS.join(', ')})
        SELECT ${ROLLUP_COLUMNS.join(', ')} FROM ${additions}
        ON CONFLICT (${ROLLUP_KEY.join(', ')}) DO UPDATE SET
          billed_cost = d.billed_cost + EXCLUDED.billed_cost,
          effective_cost = d.effective_cost + EXCLUDED.effective_cost,
          list_cost = d.list_cost + EXCLUDED.list_cost,
          record_count = d.record_count + EXCLUDED.record_count,
          sub_account_name = greatest(d.sub_account_name COLLATE "C", EXCLUDED.sub_account_name COLLATE "C")`);
    }
    this.clear();
  }

  private clear(): void {
    this.slots.fill(-1);
    this.big.clear();
    this.groups = 0;
  }
}
