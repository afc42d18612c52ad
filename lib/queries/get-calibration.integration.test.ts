// Calibration and prices paid from the demo dataset, checked against figures computed here from the
// generated demo data; price edits with their history; adoption into a scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { disconnect, pool, prisma } from '@/lib/db';
import { DEFAULT_DEMO_SEED, generateDemo } from '@/lib/demo/generate-demo';
import { loadDemo } from '@/lib/demo/load-demo';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { adoptCalibration } from '@/lib/scenarios/adopt-calibration';
import { ensurePlanningSeed } from '@/lib/scenarios/ensure-planning-seed';
import { evaluateStoredScenario } from '@/lib/scenarios/evaluate-stored-scenario';
import { updatePrice } from '@/lib/scenarios/update-price';
import { getCalibration } from './get-calibration';
import { getPaidPrices } from './get-paid-prices';
import { getPriceCatalogueView } from './get-price-catalogue-view';
import { getPriceHistory } from './get-price-history';
import { listScenarios } from './list-scenarios';

const NOW = new Date('2026-11-25T10:30:00Z');
const EDITOR = { type: 'user' as const, id: 'u-editor', label: 'editor@test', role: 'editor' as const };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  await truncate();
  await ensurePlanningSeed();
  await loadDemo({ now: NOW });
});
afterAll(() => disconnect());

describe('getCalibration on the demo data', () => {
  const demo = generateDemo({ now: NOW, seed: DEFAULT_DEMO_SEED });
  const to = new Date(Math.floor(NOW.getTime() / HOUR) * HOUR);

  it('fits requests per second per pod from request rate and CPU (least squares, HPA target 70%)', async () => {
    const from = new Date(to.getTime() - 30 * DAY);
    const inWindow = demo.samples.filter((s) => s.provider === 'prometheus' && s.ts >= from && s.ts < to);
    const rps = new Map(inWindow.filter((s) => s.metric === 'http_requests_per_second').map((s) => [s.ts.getTime(), s.value]));
    let rc = 0;
    let cc = 0;
    let n = 0;
    for (const s of inWindow.filter((x) => x.metric === 'cpu_cores')) {
      const r = rps.get(s.ts.getTime());
      if (r === undefined || s.value <= 0) continue;
      rc += r * s.value;
      cc += s.value * s.value;
      n++;
    }
    const expected = (rc / cc) * 0.5 * 0.7; // pod CPU request of the model (0.5 vCPU) × the demo HPA target

    const c = await getCalibration({ now: NOW });
    const item = c.coefficients.find((x) => x.coefficient === 'rpsPerPod')!;
    expect(item.fitted).not.toBeNull();
    expect(item.fitted!.n).toBe(n);
    expect(n).toBeGreaterThan(600);
    expect(item.fitted!.value).toBeCloseTo(expected, 6);
    expect(item.default).toEqual({ low: 20, likely: 40, high: 80 });
    expect(item.fitted!.basis).toContain('0.7 target utilisation');
  });

  it('fits bytes per user from the Atlas disk used of the last 7 days and the scenario’s users', async () => {
    const since = new Date(to.getTime() - 7 * DAY);
    const disk = demo.samples.filter((s) => s.provider === 'atlas' && s.metric === 'disk_used_bytes' && s.ts >= since && s.ts < to).map((s) => s.value);
    // Grand Est (today): 500 cols × 50 KB, 2,000 routes × 100 KB, 0.1 weather country × 0.5 GB; 20,000 users; 15% indexes
    const other = 500 * 50e3 + 2000 * 100e3 + 0.1 * 0.5e9;
    const expected = disk.map((b) => Math.max(0, b / 1.15 - other) / 20_000).reduce((a, b) => a + b, 0) / disk.length;

    const c = await getCalibration({ now: NOW });
    const item = c.coefficients.find((x) => x.coefficient === 'bytesPerUser')!;
    expect(item.fitted!.n).toBe(disk.length);
    expect(disk.length).toBeGreaterThan(100);
    expect(item.fitted!.value).toBeCloseTo(expected, 0);
    expect(c.scenario?.name).toBe('Grand Est (today)');
  });

  it('reads the Atlas price paid per node-hour and the EC2 price after the Savings Plan', async () => {
    const paid = await getPaidPrices({ now: NOW });
    const atlas = paid.find((p) => p.id === 'atlas:M30@eu-west-3')!;
    expect(atlas).toMatchObject({ unitPrice: '0.21', currency: 'USD' });
    // one instance line a day over the 90 days up to tomorrow; today is not billed yet
    const from = new Date(Date.UTC(2026, 10, 26) - 90 * DAY);
    expect(atlas.n).toBe(demo.costs.filter((r) => r.skuId === 'ATLAS_AWS_INSTANCE_M30' && r.chargePeriodStart >= from).length);
    expect(atlas.n).toBe(89);
    const ec2 = paid.find((p) => p.id === 'aws:ec2:m6i.xlarge@eu-west-3')!;
    // between the Savings Plan rate and the on-demand rate of the demo bill
    expect(Number(ec2.unitPrice)).toBeGreaterThan(0.16128);
    expect(Number(ec2.unitPrice)).toBeLessThan(0.224);

    const c = await getCalibration({ now: NOW });
    const m30 = c.prices.find((p) => p.priceItemId === 'atlas:M30@eu-west-3')!;
    expect(m30.listUnitPrice).toBe(DEFAULT_PRICE_CATALOGUE.find((p) => p.id === 'atlas:M30@eu-west-3')!.unitPrice);
    const view = await getPriceCatalogueView({ now: NOW });
    expect(view.prices.find((p) => p.id === 'atlas:M30@eu-west-3')!.paid?.unitPrice).toBe('0.21');
  });

  it('adopts a fitted coefficient into a scenario as a new version, audited', async () => {
    const [grandEst] = await listScenarios();
    const fitted = (await getCalibration({ now: NOW, scenarioId: grandEst.id })).coefficients[0].fitted!;
    const s = await adoptCalibration(grandEst.id, { coefficient: 'rpsPerPod' }, EDITOR, NOW);
    expect(s.version).toBe(2);
    const range = s.coefficients.rpsPerPod as { low: number; likely: number; high: number };
    expect(range.likely).toBe(Number(fitted.value.toPrecision(4)));
    expect(range.low).toBeLessThanOrEqual(range.likely);
    expect(range.high).toBeGreaterThanOrEqual(range.likely);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: grandEst.id, action: 'scenario.calibration.adopt' } });
    expect(audit.details).toMatchObject({ coefficient: 'rpsPerPod', n: fitted.n });
    // the evaluation now uses it
    const e = await evaluateStoredScenario(grandEst.id, { samples: 1, now: NOW });
    const podsStep = e.deterministic.lines.flatMap((l) => l.reasoning).flatMap((r) => r.uses).find((u) => u.id === 'rpsPerPod');
    expect(podsStep?.value).toBe(range.likely);
  });
});

describe('price edits', () => {
  it('keep every change with who, when, old and new, and feed the model', async () => {
    await ensurePlanningSeed();
    const id = 'atlas:M30@eu-west-3';
    const list = DEFAULT_PRICE_CATALOGUE.find((p) => p.id === id)!;
    await updatePrice(id, { unitPrice: '0.2300', note: 'quote from MongoDB' }, EDITOR);
    await updatePrice(id, { unitPrice: '0.24', estimate: false, source: 'Quote 2026-11' }, EDITOR);
    const unchanged = await updatePrice(id, { unitPrice: '0.240' }, EDITOR);
    expect(unchanged.unitPrice).toBe('0.24');
    const history = await getPriceHistory(id);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ changedBy: 'editor@test', old: { unitPrice: list.unitPrice }, new: { unitPrice: '0.23' }, note: 'quote from MongoDB' });
    expect(history[0]).toMatchObject({ old: { unitPrice: '0.23', estimate: true, source: list.source }, new: { unitPrice: '0.24', estimate: false, source: 'Quote 2026-11' } });
    expect(await prisma.auditLog.count({ where: { action: 'price.update', entityId: id } })).toBe(2);
    const [grandEst] = await listScenarios();
    const e = await evaluateStoredScenario(grandEst.id, { samples: 1, now: NOW });
    expect(e.deterministic.lines.find((l) => l.priceItemId === id)?.unitPrice).toBe('0.24');
    const { rows } = await pool().query(`SELECT unit_price::text AS p FROM price_item WHERE id = $1`, [id]);
    expect(rows[0].p).toBe('0.240000000000');
  });
});
