import { describe, expect, it } from 'vitest';
import { BinaryCopyWriter } from './pg-binary-copy';

const HEADER_HEX = '5047434f50590aff0d0a00' + '00000000' + '00000000';

// The bytes of one field written by `write` on a fresh writer, after header and field count.
function field(write: (w: BinaryCopyWriter) => unknown): string {
  const w = new BinaryCopyWriter(64);
  write(w.row(1));
  return w.take().subarray(HEADER_HEX.length / 2 + 2).toString('hex');
}

const hex = (...parts: string[]) => parts.join('').replaceAll(' ', '');

describe('BinaryCopyWriter header and framing', () => {
  it('writes the header once, before the first tuple, and the trailer on its own', () => {
    const w = new BinaryCopyWriter();
    expect(w.length).toBe(0);
    w.row(2).null().bool(true);
    expect(w.take().toString('hex')).toBe(hex(HEADER_HEX, '0002', 'ffffffff', '00000001 01'));
    expect(w.length).toBe(0);
    w.row(1).bool(false);
    expect(w.length).toBe(7);
    expect(w.take().toString('hex')).toBe(hex('0001', '00000001 00'));
    expect(BinaryCopyWriter.trailer().toString('hex')).toBe('ffff');
  });

  it('finishes with the trailer, and with the header too when no row came', () => {
    const w = new BinaryCopyWriter();
    w.row(1).null();
    expect(w.finish().toString('hex')).toBe(hex(HEADER_HEX, '0001 ffffffff', 'ffff'));
    expect(new BinaryCopyWriter().finish().toString('hex')).toBe(hex(HEADER_HEX, 'ffff'));
  });

  it('rejects a field count that is not an int16', () => {
    expect(() => new BinaryCopyWriter().row(40000)).toThrow(RangeError);
    expect(() => new BinaryCopyWriter().row(1.5)).toThrow(RangeError);
  });
});

describe('numeric', () => {
  it.each([
    ['0', '00000008 0000 0000 0000 0000'],
    ['0.000', '00000008 0000 0000 0000 0003'],
    ['-0.00', '00000008 0000 0000 0000 0002'],
    ['1', '0000000a 0001 0000 0000 0000 0001'],
    ['-1', '0000000a 0001 0000 4000 0000 0001'],
    ['10000', '0000000a 0001 0001 0000 0000 0001'],
    ['12345.678', '0000000e 0003 0001 0000 0003 0001 0929 1a7c'],
    ['1.50', '0000000c 0002 0000 0000 0002 0001 1388'],
    ['007.5', '0000000c 0002 0000 0000 0001 0007 1388'],
    ['100000000.0001', '00000010 0004 0002 0000 0004 0001 0000 0000 0001'],
    ['0.0001', '0000000a 0001 ffff 0000 0004 0001'],
    ['0.00001', '0000000a 0001 fffe 0000 0005 03e8'],
    ['-0.000000000001', '0000000a 0001 fffd 4000 000c 0001'],
    ['7.459952440100', '00000010 0004 0000 0000 000c 0007 11f7 147c 0064'],
    ['99999999999999999.999999999999', `00000018 0008 0004 0000 000c 0009 ${'270f'.repeat(7)}`],
  ])('encodes %s', (value, expected) => {
    expect(field((w) => w.numeric(value))).toBe(hex(expected));
  });

  it.each(['', '-', '.5', '5.', '-.5', '+1', '1e5', '1.2.3', ' 1', '1 ', '--1', '1,5', 'NaN', '١'])(
    'rejects %j naming it',
    (value) => {
      const w = new BinaryCopyWriter();
      w.row(1);
      expect(() => w.numeric(value)).toThrow(new RangeError(`numeric: ${JSON.stringify(value)} is not a plain decimal (like -12.50)`));
      expect(w.length).toBe(21); // nothing of the field was written
    },
  );

  it('rejects what does not fit the int16s of the numeric header', () => {
    expect(() => new BinaryCopyWriter().numeric(`1${'0'.repeat(140_000)}`)).toThrow(/^numeric: "10{79}…" is not a plain decimal/);
    expect(() => new BinaryCopyWriter().numeric(`0.${'1'.repeat(16_384)}`)).toThrow(RangeError);
  });
});

describe('timestamptz', () => {
  // Independent oracle: BigInt arithmetic, which the writer avoids for speed.
  const oracle = (ms: number) => {
    const b = Buffer.alloc(12);
    b.writeInt32BE(8);
    b.writeBigInt64BE((BigInt(ms) - 946_684_800_000n) * 1000n, 4);
    return b.toString('hex');
  };

  it.each([
    ['1970-01-01T00:00:00.000Z', '00000008 fffc a2fe c4c8 2000'],
    ['2000-01-01T00:00:00.000Z', '00000008 0000 0000 0000 0000'],
    ['1999-12-31T23:59:59.999Z', '00000008 ffff ffff ffff fc18'],
    ['2026-11-25T12:00:00.123Z', null],
    ['9999-12-31T23:59:59.999Z', null],
    ['+275760-09-13T00:00:00.000Z', null],
    ['-004713-11-24T00:00:00.000Z', null],
  ])('encodes %s', (iso, literal) => {
    const ms = Date.parse(iso);
    const bytes = field((w) => w.timestamptz(ms));
    expect(bytes).toBe(oracle(ms));
    if (literal) expect(bytes).toBe(hex(literal));
  });

  it('is exact across the whole Date range, either side of 2000', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const ms = Math.round((next() * 2 - 1) * 10 ** (next() * 15.9));
      expect(field((w) => w.timestamptz(ms))).toBe(oracle(ms));
    }
  });

  it.each([Number.NaN, Infinity, -Infinity, 8.64e15 + 1])('rejects %s', (ms) => {
    expect(() => new BinaryCopyWriter().timestamptz(ms)).toThrow(RangeError);
  });
});

describe('uuid', () => {
  const bytes = '00000010 123e4567e89b12d3a456426614174000';

  it('takes 32 hex digits with or without dashes, in either case', () => {
    expect(field((w) => w.uuid('123e4567-e89b-12d3-a456-426614174000'))).toBe(hex(bytes));
    expect(field((w) => w.uuid('123e4567e89b12d3a456426614174000'))).toBe(hex(bytes));
    expect(field((w) => w.uuid('123E4567-E89B-12D3-A456-426614174000'))).toBe(hex(bytes));
  });

  it.each([
    '',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567-e89b-12d3-a456-4266141740000',
    '123e4567-e89b-12d3-a456_426614174000',
    '123e4567e-89b-12d3-a456-426614174000',
    '123e4567-e89b-12d3-a456-42661417400g',
    '123e4567-e89b-12d3-a456-42661417400é',
    '123e4567e89b12d3a45642661417400 ',
    '{23e4567-e89b-12d3-a456-426614174000',
  ])('rejects %j naming it', (value) => {
    expect(() => new BinaryCopyWriter().uuid(value)).toThrow(new RangeError(`uuid: ${JSON.stringify(value)} is not a uuid`));
  });
});

describe('text, jsonb, bool, int4', () => {
  it('writes UTF-8 with its byte length', () => {
    expect(field((w) => w.text(''))).toBe('00000000');
    expect(field((w) => w.text('abc'))).toBe('00000003616263');
    expect(field((w) => w.text('é'))).toBe('00000002c3a9');
    expect(field((w) => w.text('a😀'))).toBe('0000000561f09f9880');
    const long = `${'x'.repeat(40)}é😀"\\,\n\t`;
    expect(field((w) => w.text(long))).toBe(hex('00000033', Buffer.from(long).toString('hex')));
  });

  it('writes jsonb as version 1 and the JSON text', () => {
    expect(field((w) => w.jsonb('{"a":"é"}'))).toBe(hex('0000000b 01', Buffer.from('{"a":"é"}').toString('hex')));
  });

  it('writes bools and int4s', () => {
    expect(field((w) => w.bool(true))).toBe('0000000101');
    expect(field((w) => w.bool(false))).toBe('0000000100');
    expect(field((w) => w.int4(-2))).toBe('00000004fffffffe');
    expect(field((w) => w.int4(2 ** 31 - 1))).toBe('000000047fffffff');
    expect(() => new BinaryCopyWriter().int4(2 ** 31)).toThrow(RangeError);
    expect(() => new BinaryCopyWriter().int4(0.5)).toThrow(RangeError);
  });
});

describe('buffer', () => {
  const writeRows = (w: BinaryCopyWriter, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      w.row(5).text(`row ${i} é😀`.repeat(i % 7)).numeric(`-${i}.${i}`).timestamptz(i * 1000).null().uuid('123e4567e89b12d3a456426614174000');
    }
  };

  it('grows from a tiny start and yields the same bytes as a roomy writer', () => {
    const small = new BinaryCopyWriter(1);
    const big = new BinaryCopyWriter(16 << 20);
    writeRows(small, 0, 5000);
    writeRows(big, 0, 5000);
    expect(small.length).toBe(big.length);
    expect(small.take().equals(big.take())).toBe(true);
  });

  it('keeps a handed-over buffer intact while it writes on', () => {
    const w = new BinaryCopyWriter(64);
    w.row(1).text('x'.repeat(40));
    const full = w.take(); // more than half of 64 bytes: handed over, not copied
    const before = Buffer.from(full);
    w.row(1).text('y'.repeat(40));
    expect(full.equals(before)).toBe(true);
    expect(w.take().toString('hex')).toBe(hex('0001 00000028', '79'.repeat(40)));
  });

  it('hands out buffers that later writes do not touch, chunked like one stream', () => {
    const chunked = new BinaryCopyWriter(256);
    const chunks: Buffer[] = [];
    for (let i = 0; i < 3000; i += 100) {
      writeRows(chunked, i, i + 100);
      chunks.push(chunked.take());
    }
    const whole = new BinaryCopyWriter();
    writeRows(whole, 0, 3000);
    expect(Buffer.concat(chunks).equals(whole.take())).toBe(true);
    expect(whole.take().length).toBe(0);
    expect(whole.take().length).toBe(0);
    expect(chunks[0].subarray(0, 19).toString('hex')).toBe(HEADER_HEX);
  });
});

describe('writing from bytes', () => {
  const bytesOf = (w: BinaryCopyWriter) => w.take().toString('hex');

  it('writes text from UTF-8 bytes, and from inside a quoted CSV field with its quotes undone', () => {
    const src = Buffer.from('xx"say ""hi"""é');
    const a = new BinaryCopyWriter(64, undefined, { header: false });
    const at = a.textBytes(src, 14, src.length);
    expect(at).toBe(4);
    expect(bytesOf(a)).toBe(bytesOf(new BinaryCopyWriter(64, undefined, { header: false }).text('é')));
    const b = new BinaryCopyWriter(64, undefined, { header: false });
    b.textUnquoted(src, 3, 13);
    expect(bytesOf(b)).toBe(bytesOf(new BinaryCopyWriter(64, undefined, { header: false }).text('say "hi"')));
  });

  it('encodes numeric from digit ranges as numeric() does from text', () => {
    const src = Buffer.from('0012.500');
    const a = new BinaryCopyWriter(64, undefined, { header: false }).numericDigits(src, true, 2, 4, 5, 6);
    expect(bytesOf(a)).toBe(bytesOf(new BinaryCopyWriter(64, undefined, { header: false }).numeric('-12.5')));
  });

  it('repeats a field it wrote, fills a uuid slot later, and rewinds a row but never its header', () => {
    const w = new BinaryCopyWriter(8);
    w.row(2);
    const slot = w.uuidSlot();
    const numericAt = w.length;
    w.numeric('1.5');
    w.again(numericAt, w.length - numericAt);
    Buffer.from('0123456789abcdef0123456789abcdef', 'hex').copy(w.buffer, slot);
    const expected = new BinaryCopyWriter(8).row(2).uuid('0123456789abcdef0123456789abcdef').numeric('1.5').numeric('1.5');
    const mark = w.length;
    w.row(1).text('dropped');
    w.rewind(mark);
    expect(w.take().equals(expected.take())).toBe(true);
    const fresh = new BinaryCopyWriter(64);
    fresh.row(1);
    expect(() => fresh.rewind(0)).toThrow(RangeError);
    fresh.rewind(19);
    expect(fresh.length).toBe(19);
    // no header at all when the COPY's went out already
    expect(new BinaryCopyWriter(64, undefined, { header: false }).row(1).null().take().toString('hex')).toBe('0001ffffffff');
    expect(BinaryCopyWriter.header().toString('hex')).toBe(HEADER_HEX);
  });
});
