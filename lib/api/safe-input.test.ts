import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertJsonText, checkParams, databaseInputError, MAX_JSON_BODY_BYTES, readJsonBody, readQuery, textProblem } from './safe-input';

function refusal(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BAD_REQUEST');
    return (e as AppError).issues[0];
  }
  throw new Error('not refused');
}

async function bodyRefusal(bytes: Uint8Array<ArrayBuffer> | string) {
  try {
    await readJsonBody(new Request('http://x/', { method: 'POST', body: bytes }));
  } catch (e) {
    return (e as AppError).issues[0];
  }
  throw new Error('not refused');
}

describe('safe input', () => {
  it('finds NUL and lone surrogates, and accepts paired ones', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\ud800')).toMatch(/surrogate/);
    expect(textProblem('x\udc00')).toMatch(/surrogate/);
    expect(textProblem('🚴 Col du Tourmalet é')).toBeNull();
  });

  it('names the JSON field, however deep, and refuses absurd nesting', () => {
    expect(refusal(() => assertJsonText({ drivers: { regions: ['paris', 'ro\u0000me'] } })).field).toBe('drivers.regions.1');
    expect(refusal(() => assertJsonText({ name: 'ok', note: '\ud83d' })).field).toBe('note');
    expect(refusal(() => assertJsonText({ settings: { 'a\u0000': 1 } })).message).toMatch(/key/);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(refusal(() => assertJsonText({ drivers: deep })).message).toMatch(/nested deeper/);
    expect(() => assertJsonText({ a: [[[{ b: 'fine' }]]] })).not.toThrow();
  });

  it('refuses a body that is not UTF-8 rather than replacing the bytes', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"a'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    expect(await bodyRefusal(bytes)).toEqual({ field: '(body)', message: 'is not valid UTF-8' });
    expect(await bodyRefusal('{"name":"\\u0000"}')).toMatchObject({ field: 'name' });
    expect(await bodyRefusal('{"name":')).toMatchObject({ field: '(body)', message: 'not valid JSON' });
    expect(await readJsonBody(new Request('http://x/', { method: 'POST', body: '{"name":"Col d\'Izoard"}' }))).toEqual({ name: "Col d'Izoard" });
  });

  it('decodes query strings strictly and names the parameter', () => {
    expect(readQuery(new URL('http://x/?from=2026-01-01&provider=MongoDB+Atlas&service=%C3%A9t%C3%A9'))).toEqual({
      from: '2026-01-01',
      provider: 'MongoDB Atlas',
      service: 'été',
    });
    expect(refusal(() => readQuery(new URL('http://x/?from=%C3%28')))).toEqual({ field: 'from', message: 'is not valid UTF-8' });
    expect(refusal(() => readQuery(new URL('http://x/?provider=aws%00')))).toMatchObject({ field: 'provider' });
    expect(refusal(() => readQuery(new URL('http://x/?service=%ED%A0%80')))).toMatchObject({ field: 'service' });
    expect(refusal(() => readQuery(new URL('http://x/?%FF=1'))).field).toBe('%FF');
    // as Next.js hands %C3%28 over: re-encoded with the replacement character
    expect(refusal(() => readQuery(new URL('http://x/?provider=%EF%BF%BD%28')))).toEqual({ field: 'provider', message: 'is not valid UTF-8' });
  });

  it('checks path parameters as decoded, and the raw path for bytes that are not UTF-8', () => {
    expect(refusal(() => checkParams({ id: 'a\u0000' }, 'http://x/api/v1/users/a%00'))).toMatchObject({ field: 'id' });
    expect(refusal(() => checkParams({ id: '\ufffd(' }, 'http://x/api/v1/scenarios/%C3%28'))).toEqual({ field: 'id', message: 'is not valid UTF-8' });
    // Next.js resolves the params of a route without dynamic segments to undefined
    expect(checkParams(undefined, 'http://x/api/v1/costs')).toEqual({});
    // a real U+FFFD, sent encoded as UTF-8, is text like any other
    expect(checkParams({ id: '\ufffd' }, 'http://x/api/v1/prices/%EF%BF%BD')).toEqual({ id: '\ufffd' });
  });

  it('maps PostgreSQL refusing a value to a 400, in the shapes pg and Prisma\'s adapter give it', () => {
    // pg's DatabaseError
    expect(databaseInputError(Object.assign(new Error('invalid byte sequence'), { code: '22021' }))?.status).toBe(400);
    // Prisma's driver adapter error, as seen for a NUL in a where clause
    const adapter = Object.assign(new Error('adapter'), { cause: { originalCode: '22P02', kind: 'postgres' } });
    expect(databaseInputError(adapter)?.issues).toEqual([{ field: '(input)', message: 'is not in the form the database expects' }]);
    // PrismaClientKnownRequestError P2020 with the adapter error in meta
    const known = Object.assign(new Error('out of range'), { code: 'P9999', meta: { driverAdapterError: { cause: { originalCode: '22003' } } } });
    expect(databaseInputError(known)?.message).toBe('a value is out of range');
    // anything else stays a 500
    expect(databaseInputError(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBeNull();
    expect(databaseInputError(new Error('boom'))).toBeNull();
  });
});

describe('the JSON body bound', () => {
  it('refuses a body past the bound with 413, whether declared or streamed', async () => {
    const big = new Uint8Array(MAX_JSON_BODY_BYTES + 1).fill(0x20);
    await expect(readJsonBody(new Request('http://x/', { method: 'POST', body: big }))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const declared = new Request('http://x/', { method: 'POST', body: '{}', headers: { 'content-length': String(MAX_JSON_BODY_BYTES * 8) } });
    await expect(readJsonBody(declared)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(await readJsonBody(new Request('http://x/', { method: 'POST', body: `{"note":"${'x'.repeat(MAX_JSON_BODY_BYTES - 20)}"}` }))).toHaveProperty('note');
  });
});
