// Gzip bombs are refused early: after reading a small part of the compressed upload, with a 413 or
// a 422 that says the bound, and nothing written. "Early" is measured in bytes taken from the
// source, never in time.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import * as importRoute from '../../app/api/v1/imports/focus/route';
import { createApiToken } from '../auth/tokens';
import { prisma, pool } from '../db';
import { isAppError } from '../errors';
import { importFocusStream } from './import-focus-file';
import { READ_BOUNDS } from './read-bounds';

const SAMPLE = path.resolve(import.meta.dirname, '../../test/fixtures/focus-1.0/focus_sample.csv');
const header = fs.readFileSync(SAMPLE, 'utf8').split('\n')[0];
const MiB = 1024 * 1024;

// Streams `pieces` (each repeated `times`) through gzip: a few hundred MB in, a few hundred KB out.
async function gzipOf(first: string, piece: Buffer, times: number): Promise<Buffer> {
  async function* plain() {
    yield Buffer.from(first);
    for (let i = 0; i < times; i++) yield piece;
  }
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(plain()).pipe(createGzip())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

// The compressed bytes in 16 KiB pieces, counting how many the reader took.
function metered(gz: Buffer) {
  const meter = { taken: 0 };
  async function* pieces() {
    for (let at = 0; at < gz.length; at += 16 * 1024) {
      const piece = gz.subarray(at, at + 16 * 1024);
      meter.taken += piece.length;
      yield piece;
    }
  }
  return { input: pieces(), meter };
}

let newlines: Buffer; // 512 MiB of '\n'
let longCells: Buffer; // a FOCUS header, then 512 rows of one quoted cell of 900 000 'a' (under the longest record)
let admin: string;

beforeAll(async () => {
  newlines = await gzipOf('', Buffer.alloc(MiB, '\n'), 512);
  longCells = await gzipOf(`${header}\n`, Buffer.from(`"${'a'.repeat(900_000)}"\n`), 512);
  // the point of a bomb: small in, huge out
  expect(newlines.length).toBeLessThan(MiB);
  expect(longCells.length).toBeLessThan(2 * MiB);
});
beforeEach(async () => {
  await truncate('cost_record', 'cost_daily', 'sync_run', 'api_token');
  admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
});
afterAll(async () => {
  await truncate('api_token');
});

async function written(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM cost_record');
  return rows[0].n;
}

function upload(input: AsyncIterable<Buffer>) {
  return new Request('http://localhost/api/v1/imports/focus?name=bomb.csv.gz', {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/gzip' },
    body: Readable.toWeb(Readable.from(input)) as unknown as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
}

describe('reading bounds', () => {
  it('refuses 512 MiB of empty lines with a 422 naming the bound, having read a sliver of the gzip', async () => {
    const { input, meter } = metered(newlines);
    const res = await importRoute.POST(upload(input));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string }; syncRunId: string };
    expect(body.error.message).toContain(`more than ${READ_BOUNDS.maxEmptyLinesInARow} empty lines in a row`);
    // it stopped at the bound: what the streams read ahead, a small part of the compressed bytes
    expect(meter.taken).toBeLessThan(newlines.length / 4);
    expect(await written()).toBe(0);
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: body.syncRunId } });
    expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('empty lines in a row') });
  });

  it('refuses a gzip that expands past the ratio bound with a 413 naming it, having read a sliver of it', async () => {
    const { input, meter } = metered(longCells);
    const res = await importRoute.POST(upload(input));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TOO_LARGE');
    expect(body.error.message).toContain(`The gzip expands more than ${READ_BOUNDS.maxGzipRatio} times`);
    expect(meter.taken).toBeLessThan(longCells.length / 4);
    expect(await written()).toBe(0);
    // the run log says why, and it ended
    const [run] = await prisma.syncRun.findMany({ where: { kind: 'import' } });
    expect(run.status).toBe('failed');
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.error).toContain(`expands more than ${READ_BOUNDS.maxGzipRatio} times`);
  });

  it('refuses past the absolute bound on the expanded size, whatever the ratio', async () => {
    const { input, meter } = metered(longCells);
    let refused: unknown;
    try {
      // the bound made small enough to meet first: the ratio bound is out of the way
      await importFocusStream(input, { source: 'big.csv.gz', readBounds: { ...READ_BOUNDS, maxGzipRatio: Infinity, maxExpandedBytes: 8 * MiB } });
    } catch (e) {
      refused = e;
    }
    expect(isAppError(refused) && refused.status).toBe(413);
    expect((refused as Error).message).toBe('The file expands to more than 8 MiB once gunzipped: refused, nothing was imported');
    expect(meter.taken).toBeLessThan(longCells.length / 4);
    expect(await written()).toBe(0);
  });

  it('still reads a real gzipped FOCUS file well within the bounds', async () => {
    const gz = await gzipOf(fs.readFileSync(SAMPLE, 'utf8'), Buffer.alloc(0), 0);
    const result = await importFocusStream(Readable.from([gz]), { source: 'sample.csv.gz' });
    expect(result).toMatchObject({ status: 'succeeded', rowsRead: 1000 });
  });
});
