// Raw request input checked before any schema or database sees it: every string of a query, a path
// parameter or a JSON body must be text PostgreSQL can store and compare. A NUL byte, a lone UTF-16
// surrogate or bytes that are not UTF-8 would otherwise reach the database and fail there (text
// cannot hold NUL: 22021) as a 500, or be silently replaced by U+FFFD (req.text(), URLSearchParams),
// which a cost tool must not do to a name or a filter. Each refusal names the field.
import { AppError, type TIssue } from '../errors';

// Deeper JSON than this is no request this API takes, and PostgreSQL's jsonb and a recursive walk
// both have limits of their own.
export const MAX_JSON_DEPTH = 32;
export const INT4_MAX = 2_147_483_647;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextEncoder();
const REPLACEMENT = '\ufffd';

// `where` says which part of the request was refused ((body), (query), (path)), for the reader
function refuse(_where: string, issues: TIssue[]): never {
  throw new AppError('BAD_REQUEST', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

// Why a string cannot be stored as text, or null when it can.
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  // a high surrogate not followed by a low one, or a low one not preceded by a high one
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return 'must not contain a lone UTF-16 surrogate';
  return null;
}

// Throws a 400 naming the field when value is not storable text.
export function assertText(value: string, field: string): string {
  const problem = textProblem(value);
  if (problem) refuse(field, [{ field, message: problem }]);
  return value;
}

function joinPath(path: string, key: string | number) {
  return path ? `${path}.${key}` : String(key);
}

// Walks a parsed JSON value (iteratively: a deep one must not overflow the stack) and refuses the
// first string or key that is not storable text, and nesting deeper than MAX_JSON_DEPTH.
export function assertJsonText(value: unknown, where = '(body)') {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) refuse(where, [{ field: path || where, message: problem }]);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) refuse(where, [{ field: path || where, message: `is nested deeper than ${MAX_JSON_DEPTH} levels` }]);
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: joinPath(path, i), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      const keyProblem = textProblem(key);
      if (keyProblem) refuse(where, [{ field: path || where, message: `has a key that ${keyProblem}` }]);
      stack.push({ value: item, path: joinPath(path, key), depth: depth + 1 });
    }
  }
}

// Decodes a JSON request body strictly: bytes that are not UTF-8 are refused, not replaced.
// The largest JSON body the API reads: a scenario with every driver and note is a few KB.
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

// Reads the body up to the bound, and stops reading (413) the moment it is passed.
export async function readBodyBytes(req: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get('content-length'));
  const tooLarge = () =>
    new AppError('TOO_LARGE', `the request body is larger than ${max / 1024} KiB`, [{ field: '(body)', message: `more than ${max} bytes` }]);
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

export async function readJsonBody(req: Request, max = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const bytes = await readBodyBytes(req, max);
  let text: string;
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    refuse('(body)', [{ field: '(body)', message: 'is not valid UTF-8' }]);
  }
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('BAD_REQUEST', 'the request body is not valid JSON', [{ field: '(body)', message: 'not valid JSON' }]);
  }
  assertJsonText(raw);
  return raw;
}

// Percent-decodes one component of a URL strictly ('+' is a space in a query).
export function decodeComponent(raw: string, plusIsSpace: boolean): string | null {
  const s = plusIsSpace ? raw.replace(/\+/g, ' ') : raw;
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // a character the client sent unencoded: keep it as its UTF-8 bytes
      const cp = s.codePointAt(i)!;
      bytes.push(...utf8.encode(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  try {
    return fatalUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

// The query parameters of a URL, decoded strictly: each name and value must be UTF-8 text without
// NUL. The last of repeated parameters wins, as before. Next.js re-encodes the query before any
// handler (or the proxy) sees it, turning bytes that are not UTF-8 into U+FFFD: in a query, the
// replacement character is taken for what it almost always is, bytes that were lost.
export function readQuery(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  const search = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = decodeComponent(rawName, true);
    // a name that cannot be decoded is named as sent, so the client can find it
    if (name === null || name.includes(REPLACEMENT)) refuse('(query)', [{ field: rawName, message: 'is a parameter name that is not valid UTF-8' }]);
    assertText(name, `${name} (query parameter name)`);
    const value = decodeComponent(rawValue, true);
    if (value === null || value.includes(REPLACEMENT)) refuse('(query)', [{ field: name, message: 'is not valid UTF-8' }]);
    assertText(value, name);
    out[name] = value;
  }
  return out;
}

// Path parameters as Next.js hands them over (decoded; undefined for a route without any),
// checked like any other input. A segment of the raw path that is not UTF-8 is refused too.
export function checkParams(params: Record<string, string | string[]> | undefined, url: string): Record<string, string | string[]> {
  if (!params) return {};
  const pathname = new URL(url).pathname;
  const badSegment = pathname.split('/').find((segment) => decodeComponent(segment, false) === null);
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      assertText(v, name);
      if (badSegment !== undefined && (v.includes('\ufffd') || v === badSegment)) {
        refuse('(path)', [{ field: name, message: 'is not valid UTF-8' }]);
      }
    }
  }
  return params;
}

// A PostgreSQL refusal of a value (NUL in text, a malformed uuid, an integer out of range, a value
// too large for an index) is bad input that got past validation: a 400 rather than a 500. The
// field is unknown here; validation before the database is what names it.
const PG_INPUT_ERRORS: Record<string, string> = {
  '22021': 'contains a character the database cannot store',
  '22P02': 'is not in the form the database expects',
  '22003': 'is out of range',
  '22001': 'is too long',
  '54000': 'is too large',
  // Prisma's own name for 22003
  P2020: 'is out of range',
};

export function databaseInputError(error: unknown): AppError | null {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    // pg's DatabaseError has code; Prisma's driver adapter errors carry it as originalCode
    const { code, originalCode } = e as { code?: unknown; originalCode?: unknown };
    for (const c of [code, originalCode]) {
      if (typeof c !== 'string' || !PG_INPUT_ERRORS[c]) continue;
      return new AppError('BAD_REQUEST', `a value ${PG_INPUT_ERRORS[c]}`, [{ field: '(input)', message: PG_INPUT_ERRORS[c] }], { cause: error });
    }
    e = (e as { cause?: unknown }).cause ?? (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return null;
}
