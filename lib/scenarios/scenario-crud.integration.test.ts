// The planning seed and scenario CRUD with versions, on the real database.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { disconnect, prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { getScenario } from '@/lib/queries/get-scenario';
import { listPriceCatalogue } from '@/lib/queries/list-prices';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { listScenarioVersions } from '@/lib/queries/list-scenario-versions';
import { archiveScenario } from './archive-scenario';
import { cloneScenario } from './clone-scenario';
import { createScenario } from './create-scenario';
import { ensurePlanningSeed } from './ensure-planning-seed';
import { restoreScenarioVersion } from './restore-scenario-version';
import { updateScenario } from './update-scenario';

const EDITOR = { type: 'user' as const, id: 'u-editor', label: 'editor@test', role: 'editor' as const };

async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
}

beforeEach(async () => {
  await truncate();
});
afterAll(() => disconnect());

describe('ensurePlanningSeed', () => {
  it('inserts the catalogue and both presets once, Europe rolling out from Grand Est', async () => {
    const first = await ensurePlanningSeed();
    expect(first.pricesInserted).toBe(DEFAULT_PRICE_CATALOGUE.length);
    expect(first.scenariosInserted).toEqual(['Grand Est (today)', 'Europe (plan)']);
    const second = await ensurePlanningSeed();
    expect(second).toEqual({ pricesInserted: 0, scenariosInserted: [] });
    expect(await prisma.scenario.count()).toBe(2);
    expect(await prisma.priceItem.count()).toBe(DEFAULT_PRICE_CATALOGUE.length);

    const [grandEst, europe] = await listScenarios();
    expect(grandEst.name).toBe('Grand Est (today)');
    expect(grandEst.drivers).toEqual(GRAND_EST_TODAY.drivers);
    expect(europe.name).toBe('Europe (plan)');
    expect(europe.drivers).toEqual(EUROPE_PLAN.drivers);
    expect(europe.timeline).toMatchObject({ fromScenarioId: grandEst.id, curve: 's-curve', months: 24, start: null });
    expect(europe.reference).toBe('seed-plan');
    expect((await listScenarioVersions(europe.id)).map((v) => v.version)).toEqual([1]);
  });

  it('round-trips the default catalogue exactly through numeric(30,12)', async () => {
    await ensurePlanningSeed();
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await listPriceCatalogue()).sort(byId)).toEqual([...DEFAULT_PRICE_CATALOGUE].sort(byId));
  });

  it('leaves an edited, renamed or archived preset alone', async () => {
    await ensurePlanningSeed();
    const europe = (await listScenarios())[1];
    await updateScenario(europe.id, { name: 'Europe (my plan)' }, EDITOR);
    const grandEst = (await listScenarios())[0];
    await archiveScenario(grandEst.id, EDITOR);
    await ensurePlanningSeed();
    expect((await listScenarios()).map((s) => s.name)).toEqual(['Europe (my plan)']);
  });
});

describe('scenario CRUD', () => {
  it('creates, updates with a version per save, renames, and refuses a stale save', async () => {
    const s = await createScenario({ name: 'Alps', drivers: GRAND_EST_TODAY.drivers }, EDITOR);
    expect(s).toMatchObject({ name: 'Alps', version: 1, createdBy: 'editor@test', options: { usePaidPrices: false, cdn: { provider: 'cloudfront' } } });

    const u = await updateScenario(s.id, { drivers: { peakRequestsPerSecond: { low: 30, likely: 40, high: 60 } }, options: { cdn: { provider: 'cloudflare' } } }, EDITOR);
    expect(u.version).toBe(2);
    expect(u.drivers.peakRequestsPerSecond).toEqual({ low: 30, likely: 40, high: 60 });
    expect(u.drivers.cols).toBe(500); // untouched drivers stay
    expect(u.options.cdn).toMatchObject({ provider: 'cloudflare', cloudflarePlan: 'business' });

    const r = await updateScenario(s.id, { name: 'Alps and Jura', expectedVersion: 2 }, EDITOR);
    expect(r.version).toBe(3);
    await expectAppError(updateScenario(s.id, { description: 'late', expectedVersion: 2 }, EDITOR), 'CONFLICT', /version 3/);
    // a save of everything, as the page does, names only what changed (jsonb reorders keys)
    const stored = await getScenario(s.id);
    const t = await updateScenario(s.id, { drivers: stored.drivers, options: stored.options, timeline: { ...stored.timeline, months: 12 } }, EDITOR);
    expect(t.version).toBe(4);
    expect(t.timeline.months).toBe(12);

    const versions = await listScenarioVersions(s.id);
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [4, 'changed timeline'],
      [3, 'changed name'],
      [2, 'changed drivers, options'],
      [1, 'created'],
    ]);
    expect(versions[3].snapshot.drivers.peakRequestsPerSecond).toBe(20);
    const audit = await prisma.auditLog.findMany({ where: { entityId: s.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['scenario.create', 'scenario.update', 'scenario.update', 'scenario.update']);
  });

  it('names a bad driver, refuses a taken name and an unknown from-scenario', async () => {
    await expectAppError(
      createScenario({ name: 'Bad', drivers: { ...GRAND_EST_TODAY.drivers, peakRequestsPerSecond: { low: 50, likely: 40, high: 60 } } }, EDITOR),
      'BAD_REQUEST',
      /^drivers\.peakRequestsPerSecond\.low must be ≤ likely/,
    );
    await createScenario({ name: 'Taken', drivers: GRAND_EST_TODAY.drivers }, EDITOR);
    await expectAppError(createScenario({ name: ' Taken ', drivers: GRAND_EST_TODAY.drivers }, EDITOR), 'CONFLICT', /"Taken" already exists/);
    await expectAppError(
      createScenario({ name: 'Orphan', drivers: GRAND_EST_TODAY.drivers, timeline: { fromScenarioId: '00000000-0000-4000-8000-000000000000' } }, EDITOR),
      'BAD_REQUEST',
      /timeline\.fromScenarioId/,
    );
    await expectAppError(updateScenario('not-a-uuid', { name: 'x' }, EDITOR), 'NOT_FOUND');
  });

  it('clones in one step, with an option changed, and numbers repeated copies', async () => {
    await ensurePlanningSeed();
    const europe = (await listScenarios())[1];
    const a = await cloneScenario(europe.id, {}, EDITOR);
    const b = await cloneScenario(europe.id, { options: { redis: { provider: 'elasticache' } } }, EDITOR);
    expect(a.name).toBe('Copy of Europe (plan)');
    expect(b.name).toBe('Copy of Europe (plan) (2)');
    expect(b.options.redis.provider).toBe('elasticache');
    expect(a.options.redis.provider).toBe('redis-enterprise');
    expect(b).toMatchObject({ drivers: europe.drivers, timeline: europe.timeline, reference: 'seed-plan', presetId: null, version: 1 });
    const named = await cloneScenario(europe.id, { name: 'Europe on Cloudflare', options: { cdn: { provider: 'cloudflare' } } }, EDITOR);
    expect(named.options.cdn.provider).toBe('cloudflare');
    expect((await listScenarioVersions(named.id))[0].note).toBe('cloned from "Europe (plan)" version 1');
  });

  it('archives on delete, frees the name, and restores a version as the next one', async () => {
    const s = await createScenario({ name: 'Temp', drivers: GRAND_EST_TODAY.drivers }, EDITOR);
    await updateScenario(s.id, { drivers: { registeredUsers: 99_000 } }, EDITOR);
    const restored = await restoreScenarioVersion(s.id, 1, EDITOR);
    expect(restored.version).toBe(3);
    expect(restored.drivers.registeredUsers).toBe(20_000);
    expect((await listScenarioVersions(s.id))[0].note).toBe('restored version 1');
    await expectAppError(restoreScenarioVersion(s.id, 9, EDITOR), 'NOT_FOUND');

    const archived = await archiveScenario(s.id, EDITOR, new Date('2026-11-25T10:00:00Z'));
    expect(archived.archived).toBe(true);
    expect(archived.name).toBe(`Temp (archived 2026-11-25 10:00 ${s.id.slice(0, 8)})`);
    await expectAppError(getScenario(s.id), 'NOT_FOUND');
    expect((await getScenario(s.id, { includeArchived: true })).version).toBe(4);
    expect(await listScenarios()).toEqual([]);
    const again = await createScenario({ name: 'Temp', drivers: GRAND_EST_TODAY.drivers }, EDITOR);
    expect(again.id).not.toBe(s.id);
  });
});
