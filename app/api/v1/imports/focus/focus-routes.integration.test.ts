// FOCUS upload and export through their route handlers: the real sample in, a CSV out, and the
// export imported again into an empty database giving the same totals.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parse as parseSync } from 'csv-parse/sync';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { createApiToken } from '@/lib/auth/tokens';
import { disconnect, pool, prisma } from '@/lib/db';
import { FOCUS_EXPORT_COLUMNS } from '@/lib/focus/export-focus';
import * as exportRoute from '../../costs/export/route';
import * as importRoute from './route';

const SAMPLE = '/work/shared/fixtures/focus-1.0/focus_sample.csv';
const sampleText = fs.readFileSync(SAMPLE, 'utf8');

let admin: string;
let editor: string;
let viewer: string;

beforeEach(async () => {
  await truncate();
  admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
});
afterAll(() => disconnect());

// The body as a stream, as a browser upload arrives: the handler must not need it whole.
function upload(body: Buffer | string, options: { token?: string; type?: string; query?: string } = {}) {
  const stream = Readable.toWeb(Readable.from([Buffer.from(body)])) as unknown as ReadableStream<Uint8Array>;
  return new Request(`http://localhost/api/v1/imports/focus${options.query ?? ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? admin}`, 'content-type': options.type ?? 'text/csv' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

async function totals() {
  const { rows } = await pool().query<{ provider_name: string; n: number; billed: string; effective: string }>(
    `SELECT provider_name, count(*)::int AS n, trim_scale(sum(billed_cost))::text AS billed, trim_scale(sum(effective_cost))::text AS effective
       FROM cost_record GROUP BY 1 ORDER BY 1`,
  );
  return rows;
}

describe('POST /api/v1/imports/focus', () => {
  it('imports the sample streamed as the body, and again changes nothing', async () => {
    const res = await importRoute.POST(upload(sampleText));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'succeeded', source: 'import:api', rowsRead: 1000, imported: 1000, refused: 0, inserted: 1000 });
    expect((await totals()).reduce((s, t) => s + t.n, 0)).toBe(1000);

    const again = await importRoute.POST(upload(gzipSync(sampleText), { type: 'application/gzip' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ rowsRead: 1000, inserted: 0, updated: 0, unchanged: 1000 });
    const audit = await prisma.auditLog.findMany({ where: { action: 'import.focus' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorType: 'token', actorLabel: 'token:admin' });
  });

  it('refuses a file with bad rows with 422 and the row errors, writing nothing; partial takes the good rows', async () => {
    const lines = sampleText.split('\n');
    lines[10] = lines[10].replace('"2024-10-01 00:00:00","2024-09-01 00:00:00"', '"2024-10-01 00:00:00","2024-09-31 00:00:00"');
    lines[20] = lines[20].replace(/^([^,]*),[^,]*,/, '$1,"about three dollars",');
    const bad = lines.join('\n');

    const res = await importRoute.POST(upload(bad, { query: '?name=bad.csv' }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'failed', source: 'import:bad.csv', rowsRead: 1000, imported: 0, refused: 2, errorCount: 2 });
    expect(body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [11, 'BillingPeriodStart'],
      [21, 'BilledCost'],
    ]);
    expect(body.error.issues[1]).toEqual({ row: 21, field: 'BilledCost', message: 'not a number: "about three dollars"' });
    expect(await totals()).toEqual([]);

    const partial = await importRoute.POST(upload(bad, { query: '?name=bad.csv&partial=1' }));
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ status: 'succeeded', imported: 998, refused: 2 });
  });

  it('needs the admin role (importing billing data is a data administrator\'s act), and the file itself as the body', async () => {
    expect((await importRoute.POST(upload(sampleText, { token: viewer }))).status).toBe(403);
    expect((await importRoute.POST(upload(sampleText, { token: editor }))).status).toBe(403);
    const multipart = await importRoute.POST(upload(sampleText, { type: 'multipart/form-data; boundary=x' }));
    expect(multipart.status).toBe(400);
    expect((await multipart.json()).error.message).toMatch(/send the file itself as the body/);
    expect(await totals()).toEqual([]);
  });
});

describe('GET /api/v1/costs/export', () => {
  const get = (query: string, token = viewer) =>
    exportRoute.GET(new Request(`http://localhost/api/v1/costs/export?${query}`, { headers: { authorization: `Bearer ${token}` } }));

  it('streams a FOCUS CSV download that, imported into an empty database, gives the same totals', async () => {
    await importRoute.POST(upload(sampleText));
    const { rows: range } = await pool().query<{ lo: string; hi: string }>(
      `SELECT to_char(min(charge_period_start) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS lo,
              to_char(max(charge_period_start) AT TIME ZONE 'UTC' + interval '1 day', 'YYYY-MM-DD') AS hi FROM cost_record`,
    );
    const before = await totals();

    const res = await get(`format=focus&from=${range[0].lo}&to=${range[0].hi}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="tourmalet-costs-${range[0].lo}-${range[0].hi}-focus.csv"`);
    const csv = await res.text();
    const records = parseSync(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual(FOCUS_EXPORT_COLUMNS);
    expect(records).toHaveLength(1000);

    await truncate('cost_record', 'cost_daily', 'sync_run');
    const back = await importRoute.POST(upload(csv, { query: '?name=export.csv' }));
    expect(back.status).toBe(200);
    expect(await totals()).toEqual(before);
  });

  it('filters by provider and checks its query', async () => {
    await importRoute.POST(upload(sampleText));
    const [first] = await totals();
    const res = await get(`from=2000-01-01&to=2100-01-01&provider=${encodeURIComponent(first.provider_name)}`);
    const records = parseSync(await res.text(), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(first.n);
    expect(new Set(records.map((r) => r.ProviderName))).toEqual(new Set([first.provider_name]));

    const bad = await get('from=2026-02-30&to=2026-03-01');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].field).toBe('from');
    expect((await get('from=2026-03-01&to=2026-02-01')).status).toBe(400);
    expect((await exportRoute.GET(new Request('http://localhost/api/v1/costs/export?from=2026-01-01&to=2026-02-01'))).status).toBe(401);
  });
});
