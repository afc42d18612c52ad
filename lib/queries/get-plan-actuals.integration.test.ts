import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load-demo';
import { AppError } from '../errors';
import { decimalToUnits, sumDecimals } from '../money/decimal';
import { ZCostClassMappingUpdate, updateCostClassMapping } from '../scenarios/update-cost-class-mapping';
import { truncate } from '../../test/db';
import { prisma } from '../db';
import { getCostClassMapping } from './get-cost-class-mapping';
import { getCosts } from './get-costs';
import { getPlanActuals } from './get-plan-actuals';

// 25 November in Paris: the last full month is October, the month to date 1–25 November,
// of which the demo's bill covers 1–24 (a day's lag, as providers' bills have).
const NOW = new Date('2026-11-25T09:00:00Z');
const OPTS = { now: NOW, currency: 'EUR', timeZone: 'Europe/Paris' };
const EDITOR = { type: 'cli' as const, label: 'test' };
const cents = (v: string) => decimalToUnits(v, 2);

async function costTotal(from: string, to: string, currency = 'EUR') {
  const r = await getCosts({ from, to, granularity: 'month', groupBy: 'none', currency });
  return sumDecimals(r.rows.map((x) => x.effectiveCost));
}

const classOf = (a: Awaited<ReturnType<typeof getPlanActuals>>, c: string) => a.classes.find((x) => x.resourceClass === c)!;

describe('plan actuals over the demo dataset', () => {
  beforeAll(async () => {
    await truncate();
    await loadDemo({ now: NOW });
  });
  beforeEach(async () => {
    await truncate('cost_class_rule');
  });

  it('adds the classes and unmapped up to the costs API total of each period, to the cent', async () => {
    for (const currency of ['EUR', 'USD']) {
      const a = await getPlanActuals({ ...OPTS, currency });
      expect(a.lastMonth).toMatchObject({ from: '2026-10-01', to: '2026-11-01' });
      expect(a.monthToDate).toMatchObject({ from: '2026-11-01', lastDay: '2026-11-24', days: 24, daysInMonth: 30 });
      const lastTotal = await costTotal('2026-10-01', '2026-11-01', currency);
      const mtdTotal = await costTotal('2026-11-01', '2026-11-26', currency);
      expect(Number(lastTotal)).toBeGreaterThan(1000);
      expect(cents(sumDecimals(a.classes.map((c) => c.lastMonth)))).toBe(cents(lastTotal));
      expect(cents(sumDecimals(a.classes.map((c) => c.monthToDate)))).toBe(cents(mtdTotal));
      expect(cents(a.lastMonth.total)).toBe(cents(lastTotal));
      expect(cents(a.monthToDate.total)).toBe(cents(mtdTotal));
      expect(a.classes.map((c) => c.resourceClass)).toEqual(['application', 'atlas', 'redis', 'cdn', 'objectStorage', 'monitoring', 'unmapped']);
      expect(Number(a.monthToDate.runRate)).toBeCloseTo((Number(mtdTotal) / 24) * 30, 6);
    }
  });

  it('maps the demo providers by the default rules and keeps AWS Support apart as unmapped, with its amount', async () => {
    const a = await getPlanActuals(OPTS);
    for (const c of ['application', 'atlas', 'redis', 'cdn', 'objectStorage', 'monitoring']) expect(Number(classOf(a, c).lastMonth)).toBeGreaterThan(0);
    const support = a.services.find((s) => s.service === 'AWS Support (Business)')!;
    expect(support).toMatchObject({ resourceClass: 'unmapped', source: 'default' });
    expect(Number(support.lastMonth)).toBeGreaterThan(0);
    expect(cents(classOf(a, 'unmapped').lastMonth)).toBe(cents(sumDecimals(a.services.filter((s) => s.resourceClass === 'unmapped').map((s) => s.lastMonth))));
  });

  it('moves a service between classes when an editor overrides its class, and back when the override is removed', async () => {
    const before = await getPlanActuals(OPTS);
    const transfer = before.services.find((s) => s.service === 'AWS Data Transfer')!;
    expect(transfer.resourceClass).toBe('cdn');
    expect(Number(transfer.lastMonth)).toBeGreaterThan(0);

    await updateCostClassMapping(ZCostClassMappingUpdate.parse({ rules: [{ provider: 'AWS', service: 'AWS Data Transfer', resourceClass: 'application' }] }), EDITOR);
    const after = await getPlanActuals(OPTS);
    const moved = (c: string) => Number(classOf(after, c).lastMonth) - Number(classOf(before, c).lastMonth);
    expect(moved('application')).toBeCloseTo(Number(transfer.lastMonth), 6);
    expect(moved('cdn')).toBeCloseTo(-Number(transfer.lastMonth), 6);
    expect(after.services.find((s) => s.service === 'AWS Data Transfer')).toMatchObject({ resourceClass: 'application', source: 'override' });
    expect(cents(after.lastMonth.total)).toBe(cents(before.lastMonth.total));
    const audit = await prisma.auditLog.findFirst({ where: { action: 'cost-class-mapping.update' }, orderBy: { id: 'desc' } });
    expect(audit?.details).toMatchObject({ changes: [{ service: 'AWS Data Transfer', from: null, to: 'application' }] });

    await updateCostClassMapping(ZCostClassMappingUpdate.parse({ rules: [{ provider: 'AWS', service: 'AWS Data Transfer', resourceClass: null }] }), EDITOR);
    const back = await getPlanActuals(OPTS);
    expect(back.classes).toEqual(before.classes);
  });

  it('splits a service by category when a rule names one, the service total unchanged', async () => {
    const before = await getPlanActuals(OPTS);
    const ec2 = before.services.find((s) => s.service === 'Amazon Elastic Compute Cloud')!;
    await updateCostClassMapping(
      ZCostClassMappingUpdate.parse({ rules: [{ provider: 'AWS', service: 'Amazon Elastic Compute Cloud', category: 'Networking', resourceClass: 'unmapped' }] }),
      EDITOR,
    );
    const after = await getPlanActuals(OPTS);
    const parts = after.services.filter((s) => s.service === 'Amazon Elastic Compute Cloud');
    expect(parts.map((p) => [p.category, p.resourceClass]).sort()).toEqual([
      ['Compute', 'application'],
      ['Networking', 'unmapped'],
      ['Storage', 'application'],
    ]);
    expect(cents(sumDecimals(parts.map((p) => p.lastMonth)))).toBe(cents(ec2.lastMonth));
    expect(cents(after.lastMonth.total)).toBe(cents(before.lastMonth.total));
    expect(Number(classOf(after, 'unmapped').lastMonth)).toBeGreaterThan(Number(classOf(before, 'unmapped').lastMonth));
  });

  it('lists in the mapping the default rule beside the explicit choice, and rules for services not billed lately', async () => {
    await updateCostClassMapping(
      ZCostClassMappingUpdate.parse({
        rules: [
          { provider: 'AWS', service: 'AWS Support (Business)', resourceClass: 'application' },
          { provider: 'Scaleway', service: 'Object Storage', resourceClass: 'objectStorage' },
        ],
      }),
      EDITOR,
    );
    const m = await getCostClassMapping(OPTS);
    expect(m.services.find((s) => s.service === 'AWS Support (Business)')).toMatchObject({ resourceClass: 'application', source: 'override', defaultClass: 'unmapped', defaultRule: null });
    expect(m.services.find((s) => s.provider === 'Scaleway')).toMatchObject({ lastMonth: '0', monthToDate: '0', resourceClass: 'objectStorage' });
    expect(m.services.find((s) => s.service === 'AWS Data Transfer')).toMatchObject({ defaultClass: 'cdn', source: 'default' });
  });

  it('refuses an unknown class naming the field, and a duplicate rule', () => {
    const bad = ZCostClassMappingUpdate.safeParse({ rules: [{ provider: 'AWS', service: 'X', resourceClass: 'storage' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['rules', 0, 'resourceClass']);
    expect(bad.error!.issues[0].message).toMatch(/must be one of application, atlas/);
    const dup = ZCostClassMappingUpdate.safeParse({ rules: [{ provider: 'AWS', service: 'X', resourceClass: 'cdn' }, { provider: 'AWS', service: 'X', resourceClass: 'redis' }] });
    expect(dup.error!.issues[0].path).toEqual(['rules', 1]);
  });

  it('says which currency has no rate rather than leaving amounts out', async () => {
    await expect(getPlanActuals({ ...OPTS, currency: 'JPY' })).rejects.toBeInstanceOf(AppError);
  });
});
