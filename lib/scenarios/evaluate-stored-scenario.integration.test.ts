// Evaluating stored scenarios: the same result as the pure model fed the same inputs, overrides that
// leave the stored scenario alone, FX from the table, prices paid when the scenario asks for them.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { disconnect, pool, prisma, withTransaction } from '@/lib/db';
import { ATLAS_PROVIDER } from '@/lib/demo/costs-atlas';
import { charge } from '@/lib/demo/record';
import { upsertCostRecords } from '@/lib/ingestion/upsert-cost-records';
import { AppError } from '@/lib/errors';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { evaluateScenario } from '@/lib/planning/evaluate';
import { DEFAULT_PRICE_CATALOGUE } from '@/lib/planning/price-catalogue';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { ensurePlanningSeed } from './ensure-planning-seed';
import { evaluateStoredScenario } from './evaluate-stored-scenario';
import { scenarioCsv } from './export-scenario';
import { compareStoredScenarios } from './compare-stored-scenarios';
import { updateScenario } from './update-scenario';

const NOW = new Date('2026-11-25T10:30:00Z');
const EDITOR = { type: 'user' as const, id: 'u-editor', label: 'editor@test', role: 'editor' as const };

async function seed(rate = '0.9') {
  await ensurePlanningSeed();
  await pool().query(`INSERT INTO fx_rate (date, base, quote, rate, source) VALUES ('2026-10-01', 'USD', 'EUR', '0.8', 'test'), ('2026-11-20', 'USD', 'EUR', $1, 'test')`, [rate]);
  const [grandEst, europe] = await listScenarios();
  return { grandEst, europe };
}

beforeEach(async () => {
  await truncate();
});
afterAll(() => disconnect());

describe('evaluateStoredScenario', () => {
  it('gives what the pure model gives for the same drivers, prices, latest FX, timeline and start', async () => {
    const { europe } = await seed();
    const stored = await evaluateStoredScenario(europe.id, { samples: 2000, seed: 5, now: NOW });
    const pure = evaluateScenario({
      drivers: EUROPE_PLAN.drivers,
      prices: DEFAULT_PRICE_CATALOGUE,
      fx: { USD: 0.9 },
      currency: 'EUR',
      samples: 2000,
      seed: 5,
      start: new Date('2026-12-01T00:00:00Z'),
      timeline: { from: GRAND_EST_TODAY.drivers, curve: 's-curve', months: 24 },
    });
    expect(stored.steadyState.total).toEqual(pure.steadyState.total);
    expect(stored.months.map((m) => m.total.p50)).toEqual(pure.months.map((m) => m.total.p50));
    expect(stored.months).toHaveLength(24);
    expect(stored.months[0].month).toBe('2026-12');
    expect(stored.basis).toMatchObject({ start: '2026-12-01', fx: { USD: 0.9 }, fxAsOf: { USD: '2026-11-20' }, prices: 'list', from: { name: 'Grand Est (today)' } });
    // Europe carries the seed plan's table; Grand Est does not
    expect(stored.seedReference?.rows).toHaveLength(6);
    expect(stored.seedReference?.total).toMatchObject({ planLow: '4500.00', planHigh: '9100.00' });
    expect(stored.seedReference?.rows.every((r) => r.explanation.length > 20)).toBe(true);
  });

  it('applies driver overrides to this evaluation only', async () => {
    const { europe } = await seed();
    const before = await evaluateStoredScenario(europe.id, { samples: 500, seed: 2, now: NOW });
    const bigger = await evaluateStoredScenario(europe.id, { samples: 500, seed: 2, now: NOW, drivers: { peakRequestsPerSecond: 1400 } });
    expect(bigger.deterministic.capacity.pods).toBeGreaterThan(before.deterministic.capacity.pods);
    expect(Number(bigger.steadyState.total.p50)).toBeGreaterThan(Number(before.steadyState.total.p50));
    expect(bigger.basis.driverOverrides).toEqual(['peakRequestsPerSecond']);
    const row = await prisma.scenario.findUniqueOrThrow({ where: { id: europe.id } });
    expect(row.version).toBe(1);
    expect((row.drivers as { peakRequestsPerSecond: unknown }).peakRequestsPerSecond).toEqual(EUROPE_PLAN.drivers.peakRequestsPerSecond);
    const after = await evaluateStoredScenario(europe.id, { samples: 500, seed: 2, now: NOW });
    expect(after.steadyState.total).toEqual(before.steadyState.total);
  });

  it('names a bad driver: negative, low above likely, not a number, unknown', async () => {
    const { europe } = await seed();
    const message = async (drivers: unknown) => {
      const e = await evaluateStoredScenario(europe.id, { samples: 10, now: NOW, drivers }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(400);
      return (e as AppError).message;
    };
    expect(await message({ peakRequestsPerSecond: -5 })).toMatch(/^drivers\.peakRequestsPerSecond must be .*got -5/);
    expect(await message({ registeredUsers: { low: 9, likely: 5, high: 10 } })).toMatch(/^drivers\.registeredUsers\.low must be ≤ likely/);
    expect(await message({ requestsPerDay: 'lots' })).toMatch(/^drivers\.requestsPerDay must be a number/);
    expect(await message({ serviceLevels: { rpoHours: 0 } })).toMatch(/^drivers\.serviceLevels\.rpoHours must be/);
    expect(await message({ peakRps: 3 })).toBe('drivers.peakRps is not a driver');
  });

  it('fails clearly without a USD→EUR rate', async () => {
    await ensurePlanningSeed();
    const [, europe] = await listScenarios();
    const e = await evaluateStoredScenario(europe.id, { samples: 10, now: NOW }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('UNPROCESSABLE');
    expect((e as AppError).message).toMatch(/no USD→EUR exchange rate/);
  });

  it('uses prices paid when the scenario says so', async () => {
    const { grandEst } = await seed();
    // four days of an M30 replica set in Paris billed at 0.25 USD per node-hour
    const rows = [0, 1, 2, 3].map((d) =>
      charge({
        provider: ATLAS_PROVIDER, start: new Date(Date.UTC(2026, 10, 20 + d)), end: new Date(Date.UTC(2026, 10, 21 + d)),
        description: 'Atlas AWS Instance M30 (EU_WEST_3)', service: 'MongoDB Atlas', serviceCategory: 'Databases',
        region: { id: 'eu-west-3', name: 'Europe (Paris)' }, sku: { id: 'ATLAS_AWS_INSTANCE_M30' },
        quantity: 72, unit: 'Server Hours', listUnitPrice: '0.25', env: 'prod', team: 'data',
      }),
    );
    await withTransaction((c) => upsertCostRecords(c, rows, 'test'));
    const list = await evaluateStoredScenario(grandEst.id, { samples: 1, now: NOW });
    await updateScenario(grandEst.id, { options: { usePaidPrices: true } }, EDITOR);
    const paid = await evaluateStoredScenario(grandEst.id, { samples: 1, now: NOW });
    const node = (e: typeof list) => e.deterministic.lines.find((l) => l.priceItemId === 'atlas:M30@eu-west-3')!;
    expect(node(list).unitPrice).toBe(DEFAULT_PRICE_CATALOGUE.find((p) => p.id === 'atlas:M30@eu-west-3')!.unitPrice);
    expect(node(paid).unitPrice).toBe('0.25');
    expect(paid.basis).toMatchObject({ prices: 'paid', paidPriceIds: ['atlas:M30@eu-west-3'] });
  });

  it('exports CSV rows that add up and compares scenarios line by line', async () => {
    const { grandEst, europe } = await seed();
    const e = await evaluateStoredScenario(europe.id, { samples: 200, now: NOW });
    const csv = scenarioCsv(e).trim().split('\r\n');
    expect(csv[0]).toBe('section,month,resource_class,item,quantity,unit,unit_price,price_currency,likely,p10,p50,p90,currency');
    const lineRows = csv.filter((r) => r.startsWith('line,'));
    expect(lineRows).toHaveLength(e.steadyState.lines.length);
    expect(csv.filter((r) => r.startsWith('month-total,'))).toHaveLength(24);

    const cmp = await compareStoredScenarios([grandEst.id, europe.id], { now: NOW, samples: 200 });
    expect(cmp.names).toEqual(['Grand Est (today)', 'Europe (plan)']);
    expect(Number(cmp.total.deltaP50[1])).toBeCloseTo(Number(cmp.total.values[1]!.p50) - Number(cmp.total.values[0]!.p50), 2);
    expect(Number(cmp.total.deltaP50[1])).toBeGreaterThan(0);
    expect(cmp.months).toHaveLength(24);
  });
});
