// One cost_record row in PostgreSQL's binary COPY format, in STAGED_COLUMNS order: no text to
// parse on the database side for times and amounts, which is most of what COPY costs there.
import { FieldError } from '../errors';
import type { TFocusRecord } from '../focus/types';
import { RECORD_COLUMNS, STAGED_COLUMNS, type TColumnKind } from './cost-columns';
import type { BinaryCopyWriter } from './pg-binary-copy';

const FIELDS = STAGED_COLUMNS.length;

type TEncode = (w: BinaryCopyWriter, v: unknown, tagsJson: string) => void;

const ENCODERS: Record<TColumnKind, TEncode> = {
  time: (w, v) => {
    const t = v instanceof Date ? v.getTime() : Number.NaN;
    if (Number.isNaN(t)) throw new RangeError('is not a valid date');
    w.timestamptz(t);
  },
  tags: (w, _v, tagsJson) => w.jsonb(tagsJson),
  bool: (w, v) => w.bool(v === true),
  decimal: (w, v) => (v === null || v === undefined ? w.null() : w.numeric(v as string)),
  text: (w, v) => (v === null || v === undefined ? w.null() : w.text(v as string)),
};

const PLAN = RECORD_COLUMNS.map((c) => ({ field: c.field, encode: ENCODERS[c.kind] }));

// Throws a FieldError naming the field it could not write.
// The writer then holds part of a row: the caller's transaction is to be abandoned.
export function encodeCostRow(w: BinaryCopyWriter, r: TFocusRecord, keyHex: string, tagsJson: string, source: string): void {
  w.row(FIELDS).uuid(keyHex);
  let i = 0;
  try {
    for (; i < PLAN.length; i++) PLAN[i].encode(w, r[PLAN[i].field], tagsJson);
  } catch (e) {
    throw new FieldError(PLAN[i].field, (e as Error).message, { cause: e });
  }
  w.text(source);
}
