// Bounds on what reading one FOCUS file may cost, checked as it streams, so that a small hostile
// upload is refused after a few megabytes of work instead of minutes of CPU: a 2 MB gzip can expand
// to 2 GiB (gzip reaches about 1000:1 on repeated bytes, while a real FOCUS export compresses 10 to
// 50 times), and a file of empty lines costs a full scan for no row at all.
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../errors';

export type TReadBounds = {
  // gzip: refused once the expanded bytes exceed this many times the compressed bytes read so far…
  maxGzipRatio: number;
  // …and more than this many bytes have come out (a tiny file may expand a lot and cost nothing)
  ratioAfterBytes: number;
  // gzip: refused beyond this many expanded bytes, whatever the ratio
  maxExpandedBytes: number;
  // refused after this many empty lines in a row (a few trailing ones are common, thousands are not CSV)
  maxEmptyLinesInARow: number;
};

export const READ_BOUNDS: TReadBounds = {
  maxGzipRatio: 200,
  ratioAfterBytes: 16 * 1024 * 1024,
  maxExpandedBytes: 32 * 1024 ** 3,
  maxEmptyLinesInARow: 1000,
};

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

// Passes the gunzipped bytes through while they stay within the bounds; compressedSoFar() is the
// count of gzip bytes read from the source so far.
export function inflationGuard(compressedSoFar: () => number, bounds: TReadBounds = READ_BOUNDS): Transform {
  let expanded = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      expanded += chunk.length;
      if (expanded > bounds.maxExpandedBytes)
        return done(
          new AppError('TOO_LARGE', `The file expands to more than ${MiB(bounds.maxExpandedBytes)} once gunzipped: refused, nothing was imported`, [
            { field: '(body)', message: `gunzipped size above ${bounds.maxExpandedBytes} bytes` },
          ]),
        );
      const compressed = compressedSoFar();
      if (expanded > bounds.ratioAfterBytes && expanded > compressed * bounds.maxGzipRatio)
        return done(
          new AppError(
            'TOO_LARGE',
            `The gzip expands more than ${bounds.maxGzipRatio} times (${MiB(expanded)} from ${Math.round(compressed / 1024)} KiB): not a FOCUS export, refused, nothing was imported`,
            [{ field: '(body)', message: `gzip expansion above ${bounds.maxGzipRatio}:1 beyond ${MiB(bounds.ratioAfterBytes)}` }],
          ),
        );
      done(null, chunk);
    },
  });
}
