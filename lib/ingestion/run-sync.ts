// A sync run: reads a connection's provider for a window and writes what it returns, one
// transaction per window of at most 31 days, under a per-connection lock. A failing window writes
// nothing of its own and ends the run with the provider's message; the windows before it stay
// written (each is whole and correct). The sync_run row says what happened, including the API
// requests made and what they cost, even when the run failed.
import type { TSyncRunView } from '../api/schemas/connections';
import { apiCostOf } from '../connectors/aws/connector';
import { getConnector, redactUrlCredentials } from '../connectors/registry';
import { scrubError, scrubText, secretForms } from '../connectors/scrub';
import { ConnectorError, type TConnectionStatusCode, type TFetchResult } from '../connectors/types';
import { loadConnectionConfig } from '../connections/connection-config';
import { findConnection } from '../connections/find-connection';
import { toSyncRunView } from '../connections/sync-run-view';
import { CredentialsDecryptError } from '../crypto/credentials';
import { pool, prisma } from '../db';
import { isAppError } from '../errors';
import { logger } from '../logger';
import { claimRun, type TRunClaim } from '../runtime/run-claim';
import { sweepInterruptedRuns } from '../runtime/sweep-interrupted-runs';
import { addDecimals } from '../money/decimal';
import { analyzeCostDailyAfterWrite } from './analyze-cost-daily';
import { finalDaysOf } from './final-days';
import { withSyncLock } from './sync-lock';
import { planSyncWindow, splitWindow, type TWindow } from './sync-window';
import { addCounts, emptyWriteCounts, writeFetchResult, type TWriteCounts } from './write-fetch-result';

export type TSyncTrigger = 'schedule' | 'manual' | 'cli';

export type TRunSyncOptions = {
  connectionId: string; // an id, or a name
  from?: Date | null;
  to?: Date | null; // exclusive, never later than now
  now: Date;
  trigger: TSyncTrigger;
  jobId?: string;
  maxWindowDays?: number;
  recheckDays?: number;
  signal?: AbortSignal;
  onWindow?: (progress: { index: number; count: number; window: TWindow; counts?: TWriteCounts; error?: string }) => void;
};

export type TSyncFailure = { status: Exclude<TConnectionStatusCode, 'ok'> | 'internal'; message: string };

type TWindowDetail = {
  from: string;
  to: string;
  status: 'succeeded' | 'failed';
  finalDays: number;
  apiRequests: number;
  counts?: TWriteCounts;
  error?: string;
};

export function connectionSource(connectionId: string): string {
  return `connection:${connectionId}`;
}

// What a failure tells the user: the connector's status when it has one. The run log is readable
// by viewers: whatever the provider echoed, no URL credentials, nothing Authorization-shaped and
// none of the connection's own secrets (`forms`, see secretForms) get into it. The registry's
// guard already scrubbed a connector's errors; this is the last line before the row is written.
export function describeFailure(error: unknown, forms: readonly string[] = []): TSyncFailure {
  const failure = classifyFailure(error);
  return { ...failure, message: scrubText(redactUrlCredentials(failure.message), forms) };
}

function classifyFailure(error: unknown): TSyncFailure {
  if (error instanceof ConnectorError) return { status: error.status, message: error.message };
  if (error instanceof CredentialsDecryptError) return { status: 'invalid_configuration', message: error.message };
  if (isAppError(error) && error.code === 'BAD_REQUEST') return { status: 'invalid_configuration', message: error.message };
  return { status: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function requestsOf(error: unknown): number {
  const n = (error as { apiRequests?: unknown } | null)?.apiRequests;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

export async function runSync(options: TRunSyncOptions): Promise<TSyncRunView> {
  const row = await findConnection(options.connectionId);
  const connector = getConnector(row.provider);
  const source = connectionSource(row.id);
  const log = logger.child({ connectionId: row.id, provider: row.provider });

  return withSyncLock(row.id, `"${row.name}"`, async (held) => {
    // holding the lock, any sync of this connection still marked running belongs to a process that
    // died (the sweep marks it too, and tells the same way: its run lock is free)
    await sweepInterruptedRuns();
    const last = await prisma.syncRun.aggregate({
      _max: { windowEnd: true },
      where: { connectionId: row.id, kind: 'sync', status: 'succeeded' },
    });
    const window = planSyncWindow({
      now: options.now,
      from: options.from,
      to: options.to,
      lastSyncedEnd: last._max.windowEnd,
      backfillDays: connector.defaultBackfillDays,
      recheckDays: options.recheckDays,
    });
    const base = { trigger: options.trigger, ...(options.jobId ? { jobId: options.jobId } : {}) };
    // claimed by this process until its row says how it ended (run-claim.ts), on the lock's connection
    const claim = await claimRun(held);
    try {
      return await runClaimed(claim, { row, connector, source, log, window, base, options });
    } finally {
      await claim.release();
    }
  });
}

type TClaimedSync = {
  row: Awaited<ReturnType<typeof findConnection>>;
  connector: ReturnType<typeof getConnector>;
  source: string;
  log: typeof logger;
  window: TWindow;
  base: Record<string, string>;
  options: TRunSyncOptions;
};

async function runClaimed(claim: TRunClaim, { row, connector, source, log, window, base, options }: TClaimedSync): Promise<TSyncRunView> {
  const run = await prisma.syncRun.create({
    data: {
      id: claim.id,
      connectionId: row.id,
      kind: 'sync',
      source,
      windowStart: window.from,
      windowEnd: window.to,
      status: 'running',
      details: { ...base, owner: claim.owner },
    },
  });
  log.info({ runId: run.id, from: window.from, to: window.to, trigger: options.trigger }, 'sync started');

  let apiRequests = 0;
  let apiCost = '0';
  let currency = 'USD';
  let totals = emptyWriteCounts();
  const windows: TWindowDetail[] = [];
  let failure: TSyncFailure | null = null;
  const parts = splitWindow(window, options.maxWindowDays);
  let forms: string[] = [];

  try {
    const config = loadConnectionConfig(row);
    forms = secretForms(config.credentials);
    for (const [index, part] of parts.entries()) {
      if (options.signal?.aborted) throw new Error('the sync was cancelled');
      const finalDays = await finalDaysOf(pool(), source, part);
      const detail: TWindowDetail = {
        from: part.from.toISOString(),
        to: part.to.toISOString(),
        status: 'failed',
        finalDays: finalDays.size,
        apiRequests: 0,
      };
      windows.push(detail);
      let result: TFetchResult;
      try {
        result = await connector.fetch(config, {
          window: part,
          now: options.now,
          finalDays,
          signal: options.signal,
          log: (message, fields) => log.debug({ runId: run.id, ...fields }, message),
        });
      } catch (e) {
        detail.apiRequests = requestsOf(e);
        apiRequests += detail.apiRequests;
        if (row.provider === 'aws') apiCost = addDecimals(apiCost, apiCostOf(detail.apiRequests).amount);
        throw e;
      }
      detail.apiRequests = result.apiRequests;
      apiRequests += result.apiRequests;
      apiCost = addDecimals(apiCost, result.apiCost.amount);
      currency = result.apiCost.currency;
      const counts = await claim.transaction((client) => writeFetchResult(client, { connectionId: row.id, source, result, window: part }));
      await analyzeCostDailyAfterWrite(counts.costs.inserted + counts.costs.updated + counts.costsRemoved);
      detail.status = 'succeeded';
      detail.counts = counts;
      totals = addCounts(totals, counts);
      options.onWindow?.({ index, count: parts.length, window: part, counts });
      log.info({ runId: run.id, from: part.from, to: part.to, ...counts.costs, apiRequests: result.apiRequests }, 'sync window written');
    }
  } catch (e) {
    failure = describeFailure(e, forms);
    const failed = windows.at(-1);
    if (failed && failed.status === 'failed') failed.error = failure.message;
    if (failed) {
      const window = { from: new Date(failed.from), to: new Date(failed.to) };
      options.onWindow?.({ index: windows.length - 1, count: parts.length, window, error: failure.message });
    }
    if (failure.status === 'internal') log.error({ runId: run.id, err: scrubError(e, forms) }, 'sync failed');
    else log.warn({ runId: run.id, status: failure.status, error: failure.message }, 'sync failed');
  }

  const finished = await prisma.syncRun.update({
    where: { id: run.id },
    data: {
      status: failure ? 'failed' : 'succeeded',
      finishedAt: new Date(),
      rowsInserted: totals.costs.inserted + totals.resources.inserted + totals.samples.inserted,
      rowsUpdated: totals.costs.updated + totals.resources.updated + totals.samples.updated,
      rowsUnchanged: totals.costs.unchanged + totals.resources.unchanged + totals.samples.unchanged,
      apiRequests,
      apiCost,
      apiCostCurrency: currency,
      error: failure?.message ?? null,
      details: {
        ...base,
        owner: claim.owner,
        ...(failure ? { errorStatus: failure.status } : {}),
        costs: totals.costs,
        resources: totals.resources,
        samples: totals.samples,
        insights: totals.insights,
        windows,
      },
    },
    include: { connection: { select: { name: true } } },
  });
  log.info({ runId: run.id, status: finished.status, apiRequests }, 'sync finished');
  return toSyncRunView(finished);
}
