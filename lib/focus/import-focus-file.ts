// Imports a FOCUS CSV stream in one transaction: scan → rows compiled from the file's bytes (or, for
// rows the compiler declines, parsed and checked as records) → CostWriter (binary COPY straight into
// cost_record where nothing can collide, else staging and a merge by natural key).
// By default one bad row refuses the whole file (nothing written); `partial` takes the valid rows.
// The file is never held in memory: rows flow from the parser into COPY as they are read, and the
// database writes one chunk while the next is parsed.
import type { Readable } from 'node:stream';
import { analyzeCostDailyAfterWrite } from '../ingestion/analyze-cost-daily';
import { CostWriter } from '../ingestion/cost-writer';
import { recordTexts, type TCsvRecord } from './csv-scanner';
import { FocusRowCompiler } from './focus-row-compiler';
import { FocusFileError, parseFocusRow, scanFocusInput, type TFocusInput, type TFocusLayout, type TFocusRowError } from './parse-focus-csv';
import type { TRunClaim } from '../runtime/run-claim';
import { finishImportRun, startImportRun } from './import-run';
import type { TReadBounds } from './read-bounds';

export type TImportFocusOptions = {
  // the file name (or any label); rows and the run log get source 'import:<source>'
  source: string;
  partial?: boolean;
  onProgress?: (rowsRead: number) => void;
  // how many row errors to keep in the result (all are counted)
  maxErrors?: number;
  // what reading the file may cost before it is refused (default READ_BOUNDS)
  readBounds?: TReadBounds;
};

export type TImportFocusResult = {
  status: 'succeeded' | 'failed';
  syncRunId: string;
  source: string;
  rowsRead: number;
  imported: number;
  refused: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: TFocusRowError[];
  errorCount: number;
  message: string;
};

const PROGRESS_EVERY = 5000;

// Thrown inside the transaction to roll it back when the file is refused.
class RefusedFile extends Error {}

export function importSource(source: string) {
  return source.startsWith('import:') ? source : `import:${source}`;
}

export async function importFocusStream(
  input: Readable | TFocusInput,
  options: TImportFocusOptions,
): Promise<TImportFocusResult> {
  const source = importSource(options.source);
  const maxErrors = options.maxErrors ?? 100;
  const run = await startImportRun(source);
  try {
    return await importUnderRun(input, options, source, maxErrors, run);
  } finally {
    // whatever happened (finishImportRun releases it too), the claim never outlives the import
    await run.release();
  }
}

async function importUnderRun(
  input: Readable | TFocusInput,
  options: TImportFocusOptions,
  source: string,
  maxErrors: number,
  run: TRunClaim,
): Promise<TImportFocusResult> {
  const errors: TFocusRowError[] = [];
  let errorCount = 0;
  let rowsRead = 0;
  let valid = 0;
  let refused = 0;
  let earliestMs = Infinity;
  let latestMs = -Infinity;
  const seen = (startMs: number, endMs: number) => {
    if (startMs < earliestMs) earliestMs = startMs;
    if (endMs > latestMs) latestMs = endMs;
  };
  const period = () => ({
    earliest: Number.isFinite(earliestMs) ? new Date(earliestMs) : null,
    latest: Number.isFinite(latestMs) ? new Date(latestMs) : null,
  });

  const note = (rowErrors: TFocusRowError[]) => {
    errorCount += rowErrors.length;
    for (const e of rowErrors) if (errors.length < maxErrors) errors.push(e);
  };

  let result: Omit<TImportFocusResult, 'syncRunId' | 'source' | 'errors' | 'errorCount' | 'rowsRead' | 'refused'>;
  let failure: string | null = null;
  try {
    const merged = await run.transaction(async (client) => {
      const writer = new CostWriter(client, source);
      let compiler: FocusRowCompiler | null = null;
      let flush = false;
      let nextProgress = PROGRESS_EVERY;
      const onRecord = (record: TCsvRecord, row: number, layout: TFocusLayout) => {
        rowsRead += 1;
        // once a row is refused in all-or-nothing mode there is no point writing more, but
        // reading on finds every other bad row for the report
        const writing = refused === 0 || options.partial;
        compiler ??= new FocusRowCompiler(layout, source);
        if (writing && compiler.compile(record, writer.out, writer.rollup)) {
          valid += 1;
          seen(compiler.startMs, compiler.endMs);
          if (writer.added(row, compiler.day, compiler.keyHigh, compiler.keyLow)) flush = true;
          return;
        }
        // the general way: every check, and the reasons for a refusal
        const parsed = parseFocusRow(row, recordTexts(record), layout.bindings, layout.width);
        if (parsed.errors) {
          refused += 1;
          note(parsed.errors);
          return;
        }
        valid += 1;
        const r = parsed.record;
        seen(r.chargePeriodStart.getTime(), r.chargePeriodEnd.getTime());
        if (writing && writer.add(r, row)) flush = true;
      };
      try {
        for await (const _ of scanFocusInput(input, onRecord, options.readBounds)) {
          if (flush) {
            flush = false;
            await writer.flush();
          }
          if (rowsRead >= nextProgress) {
            options.onProgress?.(rowsRead);
            nextProgress = rowsRead + PROGRESS_EVERY;
          }
        }
        if (refused > 0 && !options.partial) throw new RefusedFile();
        return await writer.finish();
      } catch (e) {
        await writer.abort();
        throw e;
      }
    });
    await analyzeCostDailyAfterWrite(merged.inserted + merged.updated);
    result = {
      status: 'succeeded',
      imported: valid,
      inserted: merged.inserted,
      updated: merged.updated,
      unchanged: merged.unchanged,
      message:
        `${rowsRead} rows read, ${valid} imported (${merged.inserted} new, ${merged.updated} updated, ${merged.unchanged} unchanged)` +
        (refused ? `, ${refused} refused` : ''),
    };
  } catch (e) {
    if (e instanceof FocusFileError) note(e.errors.length ? e.errors : [{ row: 0, column: '*', reason: e.message }]);
    else if (!(e instanceof RefusedFile)) {
      await finishImportRun(run, { status: 'failed', error: (e as Error).message, rowsRead, refused, ...period() });
      throw e;
    }
    failure =
      e instanceof FocusFileError
        ? e.message
        : `${refused} of ${rowsRead} rows refused: nothing was imported (the partial option imports the valid rows)`;
    result = { status: 'failed', imported: 0, inserted: 0, updated: 0, unchanged: 0, message: failure };
  }
  options.onProgress?.(rowsRead);

  const final: TImportFocusResult = { ...result, syncRunId: run.id, source, rowsRead, refused, errors, errorCount };
  await finishImportRun(run, {
    status: final.status,
    error: failure,
    rowsRead,
    refused,
    inserted: final.inserted,
    updated: final.updated,
    unchanged: final.unchanged,
    imported: final.imported,
    errors,
    errorCount,
    partial: Boolean(options.partial),
    ...period(),
  });
  return final;
}
