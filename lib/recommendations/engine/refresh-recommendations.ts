// One refresh of the recommendations: gather the facts, run every rule, store the results by fingerprint
// (updating, never twinning), keep people's decisions, and log a recommendation_run row with each rule's
// outcome. One refresh at a time, across processes (a PostgreSQL advisory lock): a second waits or gets 409.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { holdClient } from '../../db';
import { AppError } from '../../errors';
import { logger } from '../../logger';
import { RULES } from '../rules';
import type { TRecommendation, TRule } from '../types';
import { gatherFacts } from './gather-facts';
import { convertRecommendation, enrichCommitmentMessage, judgedKey, noteRightsizingFirst, preferFlexible, runRules, type TRuleResult } from './run-rules';

/** pg_advisory_lock key of the refresh (an arbitrary constant of ours). */
export const REFRESH_LOCK_KEY = 7_341_902_214;
/** A dismissed recommendation reopens when its P50 monthly savings reach this multiple of those it was dismissed with. */
export const REOPEN_SAVINGS_GROWTH = 1.5;

export type TRefreshActor = { type: 'user' | 'token' | 'system' | 'cli'; id?: string | null; label?: string | null };

export type TRefreshOptions = {
  now?: Date;
  currency: string;
  trigger: 'api' | 'cli' | 'job' | 'demo' | 'test';
  actor: TRefreshActor;
  /** true: wait for a running refresh to finish; false: 409 while one runs. */
  wait: boolean;
  /** The rules to run (tests pass a throwing one); every registered rule by default. */
  rules?: readonly TRule[];
};

export type TRefreshResult = {
  runId: string;
  created: number;
  updated: number;
  reopened: number;
  retired: number;
  rules: TRuleResult[];
  durationMs: number;
  timings: { gatherMs: number; rulesMs: number; storeMs: number };
  counts: { hourlyPoints: number; dailyCostRows: number; usageRows: number; resources: number };
};

export async function refreshRecommendations(options: TRefreshOptions): Promise<TRefreshResult> {
  const held = await holdClient();
  try {
    const client = held.client;
    if (options.wait) await client.query('SELECT pg_advisory_lock($1::bigint)', [REFRESH_LOCK_KEY]);
    else {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [REFRESH_LOCK_KEY]);
      if (!rows[0].ok) throw new AppError('CONFLICT', 'a refresh of the recommendations is already running: try again when it has finished', [{ field: 'refresh', message: 'already running' }]);
    }
    try {
      return await refreshLocked(client, options);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [REFRESH_LOCK_KEY]).catch((e: Error) => held.fail(e));
    }
  } finally {
    held.release();
  }
}

async function refreshLocked(client: pg.PoolClient, options: TRefreshOptions): Promise<TRefreshResult> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const runId = randomUUID();
  const actorLabel = options.actor.label ?? options.actor.id ?? options.actor.type;
  await client.query(`INSERT INTO recommendation_run (id, trigger, actor, status, started_at, currency) VALUES ($1, $2, $3, 'running', $4, $5)`, [
    runId, options.trigger, actorLabel, new Date(), options.currency,
  ]);
  try {
    const gathered = await gatherFacts({ now, currency: options.currency });
    const gatherMs = performance.now() - started;
    const run = runRules(options.rules ?? RULES, gathered.facts, now, (ruleId, error) =>
      logger.error({ ruleId, err: error.message, stack: error.stack }, `recommendation rule ${ruleId} failed`),
    );
    const rulesMs = performance.now() - started - gatherMs;
    const converted: TRecommendation[] = [];
    const missingFx = new Set<string>();
    for (const rec of noteRightsizingFirst(preferFlexible(run.recommendations))) {
      const c = convertRecommendation(enrichCommitmentMessage(rec), options.currency, gathered.fx);
      if (c) converted.push(c);
      else missingFx.add(`${rec.currency}→${options.currency}`);
    }
    if (missingFx.size > 0) logger.warn({ missing: [...missingFx] }, 'recommendations left out: no exchange rate to the display currency');
    if (gathered.planError) logger.warn({ reason: gathered.planError }, 'recommendations refreshed without the plan of record');
    const problems = [
      ...(missingFx.size > 0 ? [`no exchange rate for ${[...missingFx].join(', ')}`] : []),
      ...(gathered.planError ? [`the plan of record was not used: ${gathered.planError}`] : []),
    ];
    await client.query('BEGIN');
    let stored: Awaited<ReturnType<typeof store>>;
    try {
      stored = await store(client, { runId, now, recs: converted, judged: run.judged, actor: options.actor });
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    const durationMs = Math.round(performance.now() - started);
    const storeMs = durationMs - gatherMs - rulesMs;
    await client.query(
      `UPDATE recommendation_run SET status = 'succeeded', finished_at = now(), created = $2, updated = $3, reopened = $4, retired = $5, rules = $6::jsonb,
              error = $7 WHERE id = $1`,
      [runId, stored.created, stored.updated, stored.reopened, stored.retired, JSON.stringify(run.rules), problems.length ? problems.join('; ') : null],
    );
    logger.info({ runId, ...stored, durationMs, failed: run.rules.filter((r) => r.outcome === 'failed').map((r) => r.ruleId) }, 'recommendations refreshed');
    return {
      runId, ...stored, rules: run.rules, durationMs,
      timings: { gatherMs: Math.round(gatherMs), rulesMs: Math.round(rulesMs), storeMs: Math.round(storeMs) },
      counts: gathered.counts,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await client.query(`UPDATE recommendation_run SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [runId, message]).catch(() => undefined);
    throw e;
  }
}

type TStoreInput = { runId: string; now: Date; recs: TRecommendation[]; judged: Set<string>; actor: TRefreshActor };

async function audit(tx: pg.PoolClient, action: string, id: string, details: Record<string, unknown>) {
  await tx.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, details) VALUES ('system', NULL, 'recommendations refresh', $1, 'recommendation', $2, $3::jsonb)`,
    [action, id, JSON.stringify(details)],
  );
}

async function store(tx: pg.PoolClient, input: TStoreInput) {
  const { rows: existing } = await tx.query<{ id: string; fingerprint: string; rule_id: string; resource_id: string; status: string; dismissed_savings: string | null; snoozed_until: Date | null; current: boolean }>(
    `SELECT id, fingerprint, rule_id, resource_id, status, dismissed_savings::text, snoozed_until, current FROM recommendation FOR UPDATE`,
  );
  const byFingerprint = new Map(existing.map((r) => [r.fingerprint, r]));
  let created = 0;
  let updated = 0;
  let reopened = 0;
  const seen = new Set<string>();
  for (const rec of input.recs) {
    if (seen.has(rec.fingerprint)) continue;
    seen.add(rec.fingerprint);
    const savings = rec.monthlySavings;
    const values = [
      rec.kind, rec.ruleId, rec.ruleVersion, rec.resource.provider, rec.resource.type, rec.resource.id, rec.resource.name, rec.action.type,
      JSON.stringify(rec), rec.currency, savings?.p10 ?? null, savings?.p50 ?? null, savings?.p90 ?? null, input.now, input.runId,
    ];
    const old = byFingerprint.get(rec.fingerprint);
    if (!old) {
      await tx.query(
        `INSERT INTO recommendation (id, fingerprint, kind, rule_id, rule_version, provider, resource_type, resource_id, resource_name, action_type, payload, currency,
                monthly_savings_p10, monthly_savings_p50, monthly_savings_p90, first_seen_at, last_seen_at, last_run_id)
         VALUES ($16, $17, $1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $14, $15)`,
        [...values, randomUUID(), rec.fingerprint],
      );
      created++;
      continue;
    }
    let status = old.status;
    let reopenReason: string | null = null;
    if (old.status === 'dismissed' && old.dismissed_savings !== null && savings) {
      const before = Number(old.dismissed_savings);
      if (before > 0 && Number(savings.p50) >= REOPEN_SAVINGS_GROWTH * before) {
        status = 'open';
        reopenReason = 'savings-grew';
      }
    }
    if (old.status === 'snoozed' && old.snoozed_until && old.snoozed_until <= input.now) {
      status = 'open';
      reopenReason = 'snooze-ended';
    }
    await tx.query(
      `UPDATE recommendation SET kind = $1, rule_id = $2, rule_version = $3, provider = $4, resource_type = $5, resource_id = $6, resource_name = $7, action_type = $8,
              payload = $9::jsonb, currency = $10, monthly_savings_p10 = $11, monthly_savings_p50 = $12, monthly_savings_p90 = $13, last_seen_at = $14, last_run_id = $15,
              current = true
              ${reopenReason ? `, status = 'open', status_reason = NULL, snoozed_until = NULL, dismissed_savings = NULL, status_changed_at = $14, status_changed_by = 'recommendations refresh'` : ''}
        WHERE id = $16`,
      [...values, old.id],
    );
    if (reopenReason) {
      reopened++;
      await audit(tx, 'recommendation.reopen', old.id, { from: old.status, to: status, reason: reopenReason, dismissedSavings: old.dismissed_savings, monthlySavingsP50: savings?.p50 ?? null, runId: input.runId });
    }
    updated++;
  }
  // Gone from this run although its rule judged the resource on complete facts: the condition went away.
  const retire = existing.filter((r) => r.current && !seen.has(r.fingerprint) && input.judged.has(judgedKey(r.rule_id, r.resource_id))).map((r) => r.id);
  if (retire.length > 0) await tx.query(`UPDATE recommendation SET current = false WHERE id = ANY($1::uuid[])`, [retire]);
  return { created, updated, reopened, retired: retire.length };
}
