// The sync_run log row of a FOCUS import: opened before the import's transaction and closed after
// it, so a refused or failed import still says why. The run is claimed (run-claim.ts) by this
// process for as long as it runs, so a process killed mid-way leaves a run that any instance's
// sweep marks interrupted, while a live import is never mistaken for a dead one.
import { prisma } from '../db';
import { claimRun, type TRunClaim } from '../runtime/run-claim';
import type { TFocusRowError } from './parse-focus-csv';

export async function startImportRun(source: string): Promise<TRunClaim> {
  const claim = await claimRun();
  try {
    await prisma.syncRun.create({ data: { id: claim.id, kind: 'import', source, status: 'running', details: { owner: claim.owner } } });
  } catch (e) {
    await claim.release();
    throw e;
  }
  return claim;
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

// Says how the run ended, then gives up its claim (in this order: a sweep between the two would
// otherwise find the lock free and the run still running).
export async function finishImportRun(claim: TRunClaim, o: TImportRunOutcome): Promise<void> {
  try {
    await writeOutcome(claim, o);
  } finally {
    await claim.release();
  }
}

async function writeOutcome(claim: TRunClaim, o: TImportRunOutcome): Promise<void> {
  await prisma.syncRun.update({
    where: { id: claim.id },
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
        owner: claim.owner,
        rowsRead: o.rowsRead,
        imported: o.imported ?? 0,
        partial: o.partial ?? false,
        errorCount: o.errorCount ?? 0,
        errors: (o.errors ?? []).slice(0, 20),
      },
    },
  });
}
