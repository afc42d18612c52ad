// The sync_run log row of a FOCUS import: opened before the import's transaction and closed after
// it, so a refused or failed import still says why.
import { prisma } from '../db';
import type { TFocusRowError } from './parse-focus-csv';

export async function startImportRun(source: string): Promise<string> {
  const run = await prisma.syncRun.create({ data: { kind: 'import', source, status: 'running' } });
  return run.id;
}

export type TImportRunOutcome = {
  status: 'succeeded' | 'failed';
  error: string | null;
  rowsRead: number;
  refused: number;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  imported?: number;
  errors?: TFocusRowError[];
  errorCount?: number;
  partial?: boolean;
  earliest: Date | null;
  latest: Date | null;
};

export async function finishImportRun(id: string, o: TImportRunOutcome): Promise<void> {
  await prisma.syncRun.update({
    where: { id },
    data: {
      status: o.status,
      finishedAt: new Date(),
      error: o.error,
      rowsInserted: o.inserted ?? 0,
      rowsUpdated: o.updated ?? 0,
      rowsUnchanged: o.unchanged ?? 0,
      rowsRefused: o.refused,
      windowStart: o.earliest,
      windowEnd: o.latest,
      details: {
        rowsRead: o.rowsRead,
        imported: o.imported ?? 0,
        partial: o.partial ?? false,
        errorCount: o.errorCount ?? 0,
        errors: (o.errors ?? []).slice(0, 20),
      },
    },
  });
}
