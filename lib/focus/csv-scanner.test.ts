import fs from 'node:fs';
import path from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanner, CsvSyntaxError, recordTexts } from './csv-scanner';

const SAMPLE = path.resolve(import.meta.dirname, '../../test/fixtures/focus-1.0/focus_sample.csv');

type TOptions = { maxRecordBytes?: number; maxEmptyLinesInARow?: number };

// A scanner whose records are collected as text, with `push` returning the records a piece completed.
function scanner(options?: TOptions) {
  const got: string[][] = [];
  const s = new CsvScanner((r) => got.push(recordTexts(r)), options);
  const drain = () => got.splice(0, got.length);
  return {
    push: (piece: string | Buffer) => {
      s.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
      return drain();
    },
    end: () => {
      s.end();
      return drain();
    },
    get records() {
      return s.records;
    },
  };
}

function tokenize(pieces: (string | Buffer)[], options?: TOptions): string[][] {
  const t = scanner(options);
  const records = pieces.flatMap((p) => t.push(p));
  records.push(...t.end());
  expect(t.records).toBe(records.length);
  return records;
}

// The text's bytes in pieces of `size`, cut anywhere (inside a UTF-8 sequence too).
function bytePieces(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text);
  const pieces = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

const one = (text: string, options?: TOptions) => tokenize([text], options);

function syntaxError(pieces: (string | Buffer)[], options?: TOptions): CsvSyntaxError {
  try {
    tokenize(pieces, options);
  } catch (e) {
    expect(e).toBeInstanceOf(CsvSyntaxError);
    return e as CsvSyntaxError;
  }
  throw new Error('expected a CsvSyntaxError');
}

// Quoted commas, escaped quotes, line breaks in quotes, empty fields and lines, CRLF and LF,
// a trailing empty field and a last line without a newline.
const TRICKY =
  '\uFEFFid,name,note,tags\r\n' +
  '1,"Smith, John","said ""hi""",\r\n' +
  '\r\n' +
  '2,,"line one\r\nline two\nline three",""\n' +
  '\n' +
  '""\n' +
  '3, spaced ,"""quoted""","{""a"": ""1"", ""b"": """"}"\r\n' +
  ',,,\n' +
  '"",x,"a\rb",""""\n' +
  '4,last,"no newline",end';

const TRICKY_RECORDS = [
  ['id', 'name', 'note', 'tags'],
  ['1', 'Smith, John', 'said "hi"', ''],
  ['2', '', 'line one\r\nline two\nline three', ''],
  [''],
  ['3', ' spaced ', '"quoted"', '{"a": "1", "b": ""}'],
  ['', '', '', ''],
  ['', 'x', 'a\rb', '"'],
  ['4', 'last', 'no newline', 'end'],
];

describe('CsvScanner', () => {
  it('ends records at LF and at CRLF', () => {
    expect(one('a,b\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(one('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(one('a\r\nb\nc')).toEqual([['a'], ['b'], ['c']]);
  });

  it('keeps a lone \\r inside a field and treats one at the very end as a line ending', () => {
    expect(one('a\rb,c\n')).toEqual([['a\rb', 'c']]);
    expect(one('a,b\r')).toEqual([['a', 'b']]);
  });

  it('drops a BOM at the start of the input only', () => {
    expect(one('\uFEFFa,b\n')).toEqual([['a', 'b']]);
    expect(tokenize(['', '\uFEFF', 'a\n'])).toEqual([['a']]);
    expect(one('a\n\uFEFFb\n')).toEqual([['a'], ['\uFEFFb']]);
  });

  it('refuses more empty lines in a row than its bound, however they are cut, and counts afresh after each record', () => {
    const bound = { maxEmptyLinesInARow: 3 };
    expect(one('\n\r\n\na\n\n\n\r\nb\n\n\n', bound)).toEqual([['a'], ['b']]);
    for (const size of [1, 2, 5]) {
      const e = syntaxError(bytePieces('a\n\n\r\n\n\r\nb\n', size), bound);
      expect(e.reason).toBe('more than 3 empty lines in a row (the most a file may have): refused, nothing was imported');
      expect(e.row).toBe(2);
    }
    // unbounded unless asked
    expect(one(`a\n${'\n'.repeat(10_000)}b`)).toEqual([['a'], ['b']]);
  });

  it('skips empty lines without counting them, but reads a line of "" as one empty cell', () => {
    const t = scanner();
    expect(t.push('\n\r\na\n\n\r\n""\n\nb')).toEqual([['a'], ['']]);
    expect(t.records).toBe(2);
    expect(t.end()).toEqual([['b']]);
    expect(t.records).toBe(3);
    expect(one('\n\n')).toEqual([]);
    expect(one('')).toEqual([]);
  });

  it('takes unquoted fields verbatim and keeps empty and trailing empty fields', () => {
    expect(one(' a , b\t,\n,,\nx,\n')).toEqual([[' a ', ' b\t', ''], ['', '', ''], ['x', '']]);
  });

  it('reads quoted fields with commas, escaped quotes, line breaks and nothing in them', () => {
    expect(one('"a,b","say ""hi""","1\r\n2\n3",""\n')).toEqual([['a,b', 'say "hi"', '1\r\n2\n3', '']]);
    expect(one('"""",""""""\n')).toEqual([['"', '""']]);
    expect(one('"a","b"\r\n"c"')).toEqual([['a', 'b'], ['c']]);
  });

  it('gives the same records however the text is cut into pieces', () => {
    expect(one(TRICKY)).toEqual(TRICKY_RECORDS);
    for (let i = 0; i <= TRICKY.length; i++)
      expect(tokenize([TRICKY.slice(0, i), TRICKY.slice(i)]), `cut at ${i}`).toEqual(TRICKY_RECORDS);
    expect(tokenize([...TRICKY])).toEqual(TRICKY_RECORDS);
    const bytes = Buffer.from(TRICKY);
    for (let i = 0; i <= bytes.length; i++)
      expect(tokenize([bytes.subarray(0, i), bytes.subarray(i)]), `bytes cut at ${i}`).toEqual(TRICKY_RECORDS);
    for (let size = 1; size < 8; size++) expect(tokenize(bytePieces(TRICKY, size)), `pieces of ${size}`).toEqual(TRICKY_RECORDS);
  });

  it('reads back random records written with any quoting, cut at random places', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'b', ' ', ',', '"', '\r', '\n', '\r\n', 'é', '{', ':'];
    const records: string[][] = [];
    let text = '';
    for (let r = 0; r < 300; r++) {
      const cells = Array.from({ length: 1 + random(6) }, () =>
        Array.from({ length: random(5) }, () => alphabet[random(alphabet.length)]).join(''),
      );
      records.push(cells);
      const quoted = cells.map((c) =>
        /[",\r\n]/.test(c) || random(3) === 0 || cells.length === 1 ? `"${c.replaceAll('"', '""')}"` : c,
      );
      text += quoted.join(',') + (random(2) ? '\r\n' : '\n') + (random(10) === 0 ? '\n' : '');
    }
    const bytes = Buffer.from(text);
    for (let trial = 0; trial < 20; trial++) {
      const pieces = [];
      for (let i = 0; i < bytes.length; ) {
        const size = 1 + random(trial < 10 ? 8 : 400);
        pieces.push(bytes.subarray(i, i + size));
        i += size;
      }
      expect(tokenize(pieces)).toEqual(records);
    }
  });

  it('returns records as soon as their line ends, and counts them', () => {
    const t = scanner();
    expect(t.push('h1,h2\na,"b')).toEqual([['h1', 'h2']]);
    expect(t.records).toBe(1);
    expect(t.push('\n"\r')).toEqual([]);
    expect(t.push('\nc,d\n')).toEqual([
      ['a', 'b\n'],
      ['c', 'd'],
    ]);
    expect(t.records).toBe(3);
    expect(t.end()).toEqual([]);
  });

  it('rejects a quote inside an unquoted field, naming the row and column', () => {
    const e = syntaxError(['h1,h2,h3\n\na,b"c,d\n']);
    expect(e.row).toBe(2);
    expect(e.reason).toBe('unexpected quote in an unquoted field, column 2');
    expect(e.message).toBe('row 2: unexpected quote in an unquoted field, column 2');
    expect(syntaxError(['a"\n']).reason).toBe('unexpected quote in an unquoted field, column 1');
    expect(syntaxError(['"x",y,z"\n']).reason).toBe('unexpected quote in an unquoted field, column 3');
  });

  it('rejects anything but a comma or a line end after a closing quote', () => {
    const e = syntaxError(['h\nx\n"a"b,c\n']);
    expect(e.row).toBe(3);
    expect(e.reason).toBe('unexpected character after a closing quote, column 1');
    expect(syntaxError(['a,"b" ,c\n']).reason).toBe('unexpected character after a closing quote, column 2');
    expect(syntaxError(['a,"b"\rc\n']).reason).toBe('unexpected character after a closing quote, column 2');
    expect(syntaxError(['a,"b"\r', 'c\n']).reason).toBe('unexpected character after a closing quote, column 2');
  });

  it('rejects a quoted field left open at the end of the input', () => {
    const e = syntaxError(['h1,h2\r\n\r\nv,"open\nstill open']);
    expect(e.row).toBe(2);
    expect(e.reason).toBe('a quoted field is not closed, column 2');
    // the second quote of "" at the very end escapes, so the field stays open
    expect(syntaxError(['a\n"x""']).reason).toBe('a quoted field is not closed, column 1');
    expect(syntaxError(['a\n"x"', '"']).row).toBe(2);
  });

  it('gives the same error row however the text is cut', () => {
    const text = 'h1,h2\n1,2\n\n"3",4\n5,6"\n7,8\n';
    for (let i = 0; i <= text.length; i++) {
      const e = syntaxError([text.slice(0, i), text.slice(i)]);
      expect([e.row, e.reason]).toEqual([4, 'unexpected quote in an unquoted field, column 2']);
    }
  });

  it('rejects a record longer than maxRecordBytes, complete or not', () => {
    const options = { maxRecordBytes: 10 };
    expect(one('0123456789\r\n"12345678"\n', options)).toEqual([['0123456789'], ['12345678']]);
    const e = syntaxError(['h\n01234,67890\n'], options);
    expect(e.row).toBe(2);
    expect(e.reason).toBe('record longer than 10 bytes');
    expect(syntaxError(['h\n"0123,\n56789"\n'], options).row).toBe(2);
    // refused before its end arrives, so the tail cannot grow without bound
    expect(() => scanner(options).push('0123456789a')).toThrow('row 1: record longer than 10 bytes');
    expect(() => scanner(options).push('h\n"0123\n56789')).toThrow('row 2: record longer than 10 bytes');
    const t = scanner(options);
    for (const c of '012345678') t.push(c);
    expect(() => t.push('9a')).toThrow(CsvSyntaxError);
    expect(scanner().push('x'.repeat(1_000_000) + '\n')).toHaveLength(1);
    expect(() => scanner().push('x'.repeat(1_000_001))).toThrow('record longer than 1000000 bytes');
  });

  it('reads the FOCUS 1.0 sample exactly as csv-parse does, in any piece size', () => {
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const expected = parseSync(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(expected).toHaveLength(1001);
    expect(one(text)).toEqual(expected);
    for (const size of [1000, 4096, 65_536]) expect(tokenize(bytePieces(text, size)), `pieces of ${size}`).toEqual(expected);
  });

  it('reads invalid UTF-8 as a text decoder of the whole input would, and says where it is', () => {
    // 0xE2 0x82 starts a three-byte sequence that a comma cuts short; 0xFF is never valid
    const bytes = Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0x63, 0xe2, 0x82, 0x2c, 0xff, 0x0a]), Buffer.from('é,d\n')]);
    const expected = bytes
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(','));
    expect(tokenize([bytes])).toEqual(expected);
    for (let i = 0; i <= bytes.length; i++) expect(tokenize([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(expected);
    const flags: boolean[] = [];
    const s = new CsvScanner((r) => flags.push(r.utf8));
    s.push(Buffer.from('a,b\n'));
    s.push(bytes.subarray(4, 10));
    s.push(Buffer.from('é,d\n'));
    s.end();
    expect(flags).toEqual([true, false, true]);
  });
});
