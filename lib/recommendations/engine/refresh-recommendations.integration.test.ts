// The refresh on the real database with the demo dataset: every kind comes out, identities and people's
// decisions survive a refresh, a dismissal holds unless savings grow by half, a failing rule is reported
// while the others run, and two refreshes never run at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../../test/db';
import { disconnect, pool, prisma } from '../../db';
import { alignDemoPlan } from '../../demo/align-demo-plan';
import { loadDemo } from '../../demo/load-demo';
import { AppError } from '../../errors';
import { ensurePlanningSeed } from '../../scenarios/ensure-planning-seed';
import { RULES } from '../rules';
import { RECOMMENDATION_KINDS, type TRecommendation, type TRule } from '../types';
import type { TCdnOption } from '../rules/cdn-pricing';
import { updateRecommendationStatus } from '../update-recommendation-status';
import { getRecommendation } from '../../queries/get-recommendation';
import { REFRESH_LOCK_KEY, refreshRecommendations, type TRefreshOptions } from './refresh-recommendations';

const NOW = new Date('2026-11-25T10:30:00Z');
const base: TRefreshOptions = { now: NOW, currency: 'EUR', trigger: 'test', actor: { type: 'system', label: 'test' }, wait: true };
const editor = { type: 'cli' as const, label: 'editor@test' };

async function rows() {
  return (await pool().query<{ id: string; fingerprint: string; kind: string; status: string; monthly_savings_p50: string | null; current: boolean }>(
    `SELECT id, fingerprint, kind, status, monthly_savings_p50::text, current FROM recommendation ORDER BY fingerprint`,
  )).rows;
}

beforeAll(async () => {
  await truncate();
  await ensurePlanningSeed();
  await loadDemo({ now: NOW });
  await alignDemoPlan(NOW);
}, 120_000);
afterAll(() => disconnect());

describe('refreshRecommendations on the demo data', () => {
  let first: Awaited<ReturnType<typeof rows>>;

  it('yields at least one recommendation of every kind, in the display currency', async () => {
    const run = await refreshRecommendations(base);
    expect(run.created).toBeGreaterThan(7);
    first = await rows();
    expect(new Set(first.map((r) => r.kind))).toEqual(new Set(RECOMMENDATION_KINDS));
    const stored = await prisma.recommendation.findMany();
    for (const r of stored) if (r.currency !== null) expect(r.currency).toBe('EUR');
    const commitment = stored.find((r) => r.kind === 'commitment' && r.resourceId === 'aws-compute-savings-plan');
    expect(commitment).toBeDefined();
    expect(Number(commitment!.monthlySavingsP50)).toBeGreaterThan(0);
    // the node group's hourly node counts shape the Savings Plan's baseline hour by hour (the EC2 nodes are most
    // of its spend; Fargate and the staging t3s, which monitoring does not count, stay spread over their days)
    const evidence = (commitment!.payload as { evidence: { metric: string; value: number }[] }).evidence;
    expect(evidence.find((e) => e.metric === 'baselineHourlyShare')!.value).toBeGreaterThan(0.5);
    // and the node group can give back some of those hours: right-size first, the plan says
    const risks = (commitment!.payload as { risks: { message: { key: string; params: Record<string, unknown> } }[] }).risks;
    expect(risks.find((r) => r.message.key === 'riskRightsizeFirst')?.message.params.pools).toBe('ec-prod/app-nodes');
    const runRow = await prisma.recommendationRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(runRow.status).toBe('succeeded');
    expect((runRow.rules as { ruleId: string }[]).map((r) => r.ruleId)).toEqual(RULES.map((r) => r.id));
  });

  it('judges the demo node group from its collected hours: system and auxiliary pods at their requests', async () => {
    const run = await refreshRecommendations(base);
    const rule = run.rules.find((r) => r.ruleId === 'node-pool')!;
    expect(rule).toMatchObject({ outcome: 'ok', missing: [], resources: 1 });
    // The model's nodes follow the requests at 100% of allocatable with routes-api at 2 CPU a pod; packed at 85%
    // with routes-api at P90 usage + 15%, fewer are needed, in the busy hours and on average.
    const [r] = await prisma.recommendation.findMany({ where: { ruleId: 'node-pool' } });
    expect(r).toMatchObject({ resourceId: 'ec-prod/app-nodes', actionType: 'remove-nodes', currency: 'EUR', current: true });
    const payload = r.payload as { action: { params: Record<string, number> }; evidence: { metric: string; value: number }[] };
    expect(payload.action.params.to).toBeLessThan(payload.action.params.from);
    expect(payload.action.params.meanNeeded).toBeLessThan(payload.action.params.meanNodes);
    // the pods outside the inventory are the model's auxiliary and system pods after the roll-out: 2.6 + 7 vCPU, 2 GiB each
    expect(payload.evidence.find((e) => e.metric === 'otherPodsCpu')!.value).toBeCloseTo(9.6, 1);
    expect(payload.evidence.find((e) => e.metric === 'otherPodsMemory')!.value).toBeCloseTo(19.2, 1);
    expect(Number(r.monthlySavingsP50)).toBeGreaterThan(0);
    // both are billed by AWS; the pods' right-sizing carries no money of its own (its saving is these nodes)
    expect(r.provider).toBe('aws');
    const [requests] = await prisma.recommendation.findMany({ where: { ruleId: 'pod-requests', resourceId: 'routes/routes-api' } });
    expect(requests).toMatchObject({ provider: 'aws', monthlySavingsP50: null });
    // a node pool has no static capacity (the autoscaler moves it): no runway for it
    expect(await prisma.recommendation.count({ where: { kind: 'runway', resourceId: { startsWith: 'ec-prod/app-nodes' } } })).toBe(0);
  });

  it("prices the Cloudflare zone's served traffic under every CDN option and finds yearly billing of its plan, from its bill", async () => {
    const cdn = await prisma.recommendation.findMany({ where: { ruleId: 'cdn-pricing' } });
    expect(cdn).toHaveLength(1);
    const [r] = cdn;
    expect(r).toMatchObject({ kind: 'cdn', provider: 'cloudflare', actionType: 'annual-billing', currency: 'EUR', current: true });
    const rec = r.payload as unknown as TRecommendation;
    const d = rec.details as { options: TCdnOption[]; todayMonthlyCost: number; monthlyGB: number; monthlyRequests: number; otherMonthlyCost: number; fxRate: number };
    // the demo bills Business monthly ($250) and Argo ($5 and $0.10 a GB): the bill says so, in USD after conversion back
    const argo = 5 + d.monthlyGB * 0.1;
    expect(d.todayMonthlyCost).toBeGreaterThan(250 + argo - 25);
    expect(d.todayMonthlyCost).toBeLessThan(250 + argo + 25);
    // load balancing and workers are billed to the zone too, but no option replaces them
    expect(d.otherMonthlyCost).toBeGreaterThan(25);
    expect(d.options.find((o) => o.id === 'cloudflare-business')).toMatchObject({ current: true });
    expect(d.options.find((o) => o.id === 'cloudflare-business-annual')).toMatchObject({ keepsInUse: true, commitment: true, estimate: false });
    expect(d.options.find((o) => o.id === 'cloudflare-pro-annual')).toMatchObject({ keepsInUse: false, reason: 'lower-plan' });
    // hundreds of millions of requests a month: more than any CloudFront flat-rate plan allows
    expect(d.monthlyRequests).toBeGreaterThan(500e6);
    expect(d.options.find((o) => o.id === 'cloudfront-flat-rate-premium')).toMatchObject({ keepsInUse: false, reason: 'allowance-exceeded' });
    // the same plan billed yearly: about $50 a month, converted to euros by the engine
    expect(d.fxRate).toBeGreaterThan(0);
    expect(Number(r.monthlySavingsP50)).toBeCloseTo((250 - 200) * d.fxRate, 0);
    expect(rec.risks.map((x) => [x.level, x.message.key])).toEqual([['medium', 'riskCdnAnnualBilling']]);
    expect(rec.message.key).toBe('cdnPricingAnnual');
  });

  it('keeps identities and decisions on a second refresh', async () => {
    const accepted = first.find((r) => r.kind === 'pods')!;
    await updateRecommendationStatus(accepted.id, { status: 'accepted' }, editor, NOW);
    const run = await refreshRecommendations(base);
    expect(run.created).toBe(0);
    const second = await rows();
    expect(second.map((r) => [r.id, r.fingerprint])).toEqual(first.map((r) => [r.id, r.fingerprint]));
    expect(second.find((r) => r.id === accepted.id)!.status).toBe('accepted');
    const audits = await pool().query(`SELECT actor_label, action, details FROM audit_log WHERE entity_id = $1`, [accepted.id]);
    expect(audits.rows).toEqual([{ actor_label: 'editor@test', action: 'recommendation.status', details: { from: 'open', to: 'accepted', reason: null, snoozedUntil: null } }]);
  });

  it('leaves a dismissed recommendation dismissed when its evidence is unchanged, and reopens it when savings grow by half', async () => {
    const [kept, grown] = first.filter((r) => r.monthly_savings_p50 !== null && Number(r.monthly_savings_p50) > 0 && r.kind !== 'pods');
    await updateRecommendationStatus(kept.id, { status: 'dismissed', reason: 'we prefer flexibility' }, editor, NOW);
    await updateRecommendationStatus(grown.id, { status: 'dismissed', reason: 'not now' }, editor, NOW);
    // as if it had been dismissed when it saved 1/1.6 of today's figure (the data since brought more savings)
    await pool().query(`UPDATE recommendation SET dismissed_savings = monthly_savings_p50 / 1.6 WHERE id = $1`, [grown.id]);
    // and one whose savings grew by less than half: it stays dismissed
    await pool().query(`UPDATE recommendation SET dismissed_savings = monthly_savings_p50 / 1.4 WHERE id = $1`, [kept.id]);
    const run = await refreshRecommendations(base);
    expect(run.reopened).toBe(1);
    const after = await rows();
    expect(after.find((r) => r.id === kept.id)!.status).toBe('dismissed');
    expect(after.find((r) => r.id === grown.id)!.status).toBe('open');
    const audit = await pool().query(`SELECT actor_type, action, details->>'reason' AS reason FROM audit_log WHERE entity_id = $1 ORDER BY id`, [grown.id]);
    expect(audit.rows.at(-1)).toEqual({ actor_type: 'system', action: 'recommendation.reopen', reason: 'savings-grew' });
  });

  it('reopens a snoozed recommendation once its date has passed', async () => {
    const target = first.find((r) => r.kind === 'runway')!;
    await updateRecommendationStatus(target.id, { status: 'snoozed', snoozedUntil: new Date(NOW.getTime() + 3_600_000).toISOString() }, editor, NOW);
    await refreshRecommendations(base);
    expect((await rows()).find((r) => r.id === target.id)!.status).toBe('snoozed');
    await refreshRecommendations({ ...base, now: new Date(NOW.getTime() + 2 * 3_600_000) });
    expect((await rows()).find((r) => r.id === target.id)!.status).toBe('open');
  });

  it('shows the savings an implemented recommendation realised, from the bill', async () => {
    const bucket = first.find((r) => r.kind === 'object-storage')!;
    const implementedAt = new Date(NOW.getTime() - 10 * 86_400_000);
    await updateRecommendationStatus(bucket.id, { status: 'implemented' }, editor, implementedAt);
    const view = await getRecommendation(bucket.id, { now: NOW, currency: 'EUR' });
    expect(view.status).toBe('implemented');
    expect(view.implementedAt).toBe(implementedAt.toISOString());
    const r = view.realised!;
    expect(r.currency).toBe('EUR');
    expect(r.days).toBeGreaterThanOrEqual(8);
    expect(Number(r.beforeDaily)).toBeGreaterThan(0);
    expect(Number(r.monthly)).toBeCloseTo((Number(r.beforeDaily) - Number(r.afterDaily)) * 30.4, 0);
  });

  it('reports a rule that throws with its id and still runs the others', async () => {
    const broken: TRule = { id: 'broken-rule', version: 1, kind: 'runway', needs: [], evaluate: () => { throw new Error('boom'); } };
    const run = await refreshRecommendations({ ...base, rules: [broken, ...RULES] });
    expect(run.rules[0]).toMatchObject({ ruleId: 'broken-rule', outcome: 'failed', error: 'boom' });
    expect(run.rules.slice(1).every((r) => r.outcome !== 'failed')).toBe(true);
    expect(run.created + run.updated).toBe(first.length);
  });

  it('says which data a rule lacked and still produces the others when utilisation is missing', async () => {
    await pool().query(`DELETE FROM utilization_hourly WHERE resource_id IN (SELECT id FROM resource WHERE provider = 'redis-cloud')`);
    const run = await refreshRecommendations(base);
    const redis = run.rules.find((r) => r.ruleId === 'redis-memory')!;
    expect(redis.outcome).toBe('lacked-data');
    expect(redis.missing.join(' ')).toMatch(/ec-cache: usedMemoryBytes/);
    expect(redis.needs).toEqual(['needsRedis']);
    expect(run.rules.find((r) => r.ruleId === 'commitment-ladder')!.outcome).toBe('ok');
    // a recommendation the rule could not judge is kept as it was, not retired
    expect((await rows()).filter((r) => r.kind === 'redis').every((r) => r.current)).toBe(true);
  });

  it('runs one refresh at a time: a second refuses while one holds the lock, or waits for it', async () => {
    const holder = await pool().connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [REFRESH_LOCK_KEY]);
      await expect(refreshRecommendations({ ...base, wait: false })).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'CONFLICT');
      const waiting = refreshRecommendations({ ...base, wait: true });
      let done = false;
      void waiting.then(() => (done = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1::bigint)', [REFRESH_LOCK_KEY]);
      await waiting;
    } finally {
      holder.release();
    }
    const [a, b] = await Promise.all([refreshRecommendations(base), refreshRecommendations(base)]);
    const runs = await prisma.recommendationRun.findMany({ where: { id: { in: [a.runId, b.runId] } }, orderBy: { startedAt: 'asc' } });
    expect(runs[1].startedAt.getTime()).toBeGreaterThanOrEqual(runs[0].finishedAt!.getTime());
  });
});
