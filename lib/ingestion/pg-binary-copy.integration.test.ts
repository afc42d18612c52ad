import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { disconnect, pool } from '../db';
import { BinaryCopyWriter } from './pg-binary-copy';

type TRow = {
  id: number;
  n: string | null;
  n12: string | null;
  t: number | null;
  u: string | null;
  j: string | null;
  s: string | null;
  v: string | null;
  b: boolean | null;
};

const COPY_SQL = 'COPY bin_copy (id, n, n12, t, u, j, s, v, b) FROM STDIN WITH (FORMAT binary)';

let client: pg.PoolClient;

beforeAll(async () => {
  client = await pool().connect();
  await client.query(`CREATE TEMP TABLE bin_copy (
    id int, n numeric, n12 numeric(30,12), t timestamptz, u uuid, j jsonb, s text, v varchar(3), b bool)`);
});
beforeEach(() => client.query('TRUNCATE bin_copy'));
afterAll(async () => {
  client.release();
  await disconnect();
});

function encode(w: BinaryCopyWriter, r: TRow): void {
  w.row(9).int4(r.id);
  if (r.n === null) w.null();
  else w.numeric(r.n);
  if (r.n12 === null) w.null();
  else w.numeric(r.n12);
  if (r.t === null) w.null();
  else w.timestamptz(r.t);
  if (r.u === null) w.null();
  else w.uuid(r.u);
  if (r.j === null) w.null();
  else w.jsonb(r.j);
  if (r.s === null) w.null();
  else w.text(r.s);
  if (r.v === null) w.null();
  else w.text(r.v);
  if (r.b === null) w.null();
  else w.bool(r.b);
}

// The way ingestion drives the writer: a chunk every `chunkRows` rows, then the trailer.
async function copyRows(rows: TRow[], chunkRows = 37): Promise<number> {
  const stream = client.query(copyFrom(COPY_SQL));
  const done = new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  const w = new BinaryCopyWriter(256);
  rows.forEach((r, i) => {
    encode(w, r);
    if (i % chunkRows === chunkRows - 1) stream.write(w.take());
  });
  stream.write(w.take());
  stream.end(BinaryCopyWriter.trailer());
  await done;
  return stream.rowCount;
}

// Deterministic, so that a failure reproduces.
function random(seed: number) {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}
const rnd = random(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
// Zeros are over-represented so that whole zero groups of four show up inside and at both ends.
const digits = (n: number) => Array.from({ length: n }, () => (rnd() < 0.4 ? '0' : String(Math.floor(rnd() * 10)))).join('');

function randomDecimal(maxInt: number, maxFrac: number): string {
  const int = digits(1 + Math.floor(rnd() * maxInt)).replace(/^0+(?=\d)/, '');
  const frac = digits(Math.floor(rnd() * (maxFrac + 1)));
  return `${rnd() < 0.3 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

// From PostgreSQL's earliest timestamp (4714 BC) to the last a Date can hold, dense near 1970.
function randomTime(): number {
  return Math.round(rnd() < 0.5 ? -(10 ** (rnd() * 14.3)) : 10 ** (rnd() * 15.93));
}

const EDGE_NUMERICS = [
  '0', '0.000', '-0', '-0.00', '1', '-1', '10000', '12345.678', '0.0001', '0.00001', '-0.000000000001',
  '99999999999999999.999999999999', '-99999999999999999.999999999999', '7.459952440100', '1.50', '007.5',
  '100000000.0001', '0.0000000000005', '-0.0000000000005', '0.0000000000004999',
];
// Beyond numeric(30,12): too many integer digits for n12, so they go into n only.
const HUGE_NUMERICS = [
  '123456789012345678901234567890.123456789012345678901234567890',
  `-${'9'.repeat(200)}.${'0'.repeat(30)}1`,
  `0.${'0'.repeat(500)}1`,
  `1${'0'.repeat(1000)}`,
];
const EDGE_TIMES = [
  '1970-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2026-11-25T12:00:00.123Z',
  '1900-03-01T00:00:00.001Z', '0001-01-01T00:00:00.000Z', '-004713-11-24T00:00:00.000Z', '2285-06-05T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z',
].map((iso) => Date.parse(iso));
const TEXTS = [
  '', 'plain', 'é', '😀', 'Zürich – 東京 🚀', 'a,b', '"quoted" and \'single\'', 'line\nbreak', 'cr\r\nlf', 'back\\slash',
  'tab\there', '\\.', '\\N', 'NULL', ' padded ', 'e\u0301 combining', `${'long é😀, '.repeat(300)}end`,
];
const SHORT = ['', 'a', 'abc', 'é😀x', '\t\n\\', '"', ','];
const JSONS = [
  '{"bench": "true"}', '{}', '[]', 'null', '"just a string"', '12.500', '{"n": 1.000000000000000000001}',
  '{"a": {"b": {"c": [1, 2, {"d": "é😀"}]}}, "z": null}', '{"quote": "say \\"hi\\"", "nl": "a\\nb", "tab": "\\t"}',
  '{"unicode": "\\u00e9 東京", "emoji": "🚀", "key with, comma": true}', '  {"spaced" :  [ 1 , 2 ] }  ',
];

function row(id: number, nullRate: number): TRow {
  const maybe = <T>(v: T): T | null => (rnd() < nullRate ? null : v);
  const u = crypto.randomUUID();
  return {
    id,
    n: maybe(rnd() < 0.3 ? pick([...EDGE_NUMERICS, ...HUGE_NUMERICS]) : randomDecimal(24, 20)),
    n12: maybe(rnd() < 0.3 ? pick(EDGE_NUMERICS) : randomDecimal(17, 16)),
    t: maybe(rnd() < 0.3 ? pick(EDGE_TIMES) : randomTime()),
    u: maybe(pick([u, u.replaceAll('-', ''), u.toUpperCase()])),
    j: maybe(pick(JSONS)),
    s: maybe(pick(TEXTS)),
    v: maybe(pick(SHORT)),
    b: maybe(rnd() < 0.5),
  };
}

function makeRows(): TRow[] {
  const rows = Array.from({ length: 400 }, (_, i) => row(i + 1, 0.15));
  rows.push({ id: 401, n: null, n12: null, t: null, u: null, j: null, s: null, v: null, b: null });
  // every edge value at least once, whatever the random draw
  EDGE_NUMERICS.forEach((n, i) => rows.push({ ...row(500 + i, 0), n, n12: n }));
  HUGE_NUMERICS.forEach((n, i) => rows.push({ ...row(600 + i, 0), n }));
  EDGE_TIMES.forEach((t, i) => rows.push({ ...row(700 + i, 0), t }));
  TEXTS.forEach((s, i) => rows.push({ ...row(800 + i, 0), s }));
  JSONS.forEach((j, i) => rows.push({ ...row(900 + i, 0), j }));
  return rows;
}

// PostgreSQL's own reading of the text forms, for what it normalises (numeric scale, jsonb).
async function pgText(values: (string | null)[], cast: string): Promise<(string | null)[]> {
  const { rows } = await client.query(
    `SELECT x::${cast}::text AS v FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY i`,
    [values],
  );
  return rows.map((r) => r.v);
}

// The bytes of the one field of each value, as the writer encodes it.
function fieldHex(values: string[], write: (w: BinaryCopyWriter, v: string) => unknown): string[] {
  return values.map((v) => {
    const w = new BinaryCopyWriter(64);
    write(w.row(1), v);
    return w.take().subarray(19 + 2 + 4).toString('hex');
  });
}

describe('BinaryCopyWriter into PostgreSQL', () => {
  it('round-trips edge values, nulls and unicode in every column type', async () => {
    const rows = makeRows();
    expect(await copyRows(rows)).toBe(rows.length);

    const n = await pgText(rows.map((r) => r.n), 'numeric');
    const n12 = await pgText(rows.map((r) => r.n12), 'numeric(30,12)');
    const j = await pgText(rows.map((r) => r.j), 'jsonb');
    const expected = rows.map((r, i) => ({
      id: r.id,
      n: n[i],
      n12: n12[i],
      t: r.t === null ? null : String(r.t),
      u: r.u === null ? null : r.u.replaceAll('-', '').toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
      j: j[i],
      s: r.s,
      v: r.v,
      b: r.b,
    }));
    const { rows: actual } = await client.query(`
      SELECT id, n::text AS n, n12::text AS n12, (extract(epoch from t) * 1000)::bigint::text AS t, u::text AS u,
             j::text AS j, s, v, b
        FROM bin_copy ORDER BY id`);
    expect(actual).toEqual(expected.sort((a, b) => a.id - b.id));

    // spot checks that PostgreSQL's normalisation above is what we think it is
    const byId = new Map(actual.map((r) => [r.id, r]));
    expect(byId.get(500 + EDGE_NUMERICS.indexOf('-0.00'))).toMatchObject({ n: '0.00', n12: '0.000000000000' });
    expect(byId.get(500 + EDGE_NUMERICS.indexOf('-0.0000000000005'))).toMatchObject({ n12: '-0.000000000001' });
    expect(byId.get(500 + EDGE_NUMERICS.indexOf('1.50'))).toMatchObject({ n: '1.50', n12: '1.500000000000' });
    expect(byId.get(401)).toEqual({ id: 401, n: null, n12: null, t: null, u: null, j: null, s: null, v: null, b: null });
  });

  it('encodes numerics and timestamps byte for byte as PostgreSQL sends them', async () => {
    const numerics = [...EDGE_NUMERICS, ...HUGE_NUMERICS, ...Array.from({ length: 500 }, () => randomDecimal(30, 30))];
    const { rows: n } = await client.query(
      `SELECT encode(numeric_send(x::numeric), 'hex') AS h FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY i`,
      [numerics],
    );
    expect(fieldHex(numerics, (w, v) => w.numeric(v))).toEqual(n.map((r) => r.h));

    const times = [...EDGE_TIMES, ...Array.from({ length: 500 }, randomTime)];
    // interval input keeps whole milliseconds exact, where to_timestamp() would go through a float
    const { rows: t } = await client.query(
      `SELECT encode(timestamptz_send('epoch'::timestamptz + (x || ' ms')::interval), 'hex') AS h
         FROM unnest($1::bigint[]) WITH ORDINALITY AS u(x, i) ORDER BY i`,
      [times],
    );
    expect(fieldHex(times.map(String), (w, v) => w.timestamptz(Number(v)))).toEqual(t.map((r) => r.h));
  });

  it('copies no rows when finished without any', async () => {
    const stream = client.query(copyFrom(COPY_SQL));
    const done = new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject));
    stream.end(new BinaryCopyWriter().finish());
    await done;
    expect(stream.rowCount).toBe(0);
  });

  it('lets PostgreSQL reject a value that breaks a column type, naming the column', async () => {
    const rows = [{ id: 1, n: '1', n12: '1', t: 0, u: null, j: null, s: null, v: 'abcd', b: null }];
    await expect(copyRows(rows)).rejects.toMatchObject({
      message: 'value too long for type character varying(3)',
      where: expect.stringContaining('column v'),
    });
  });
});
