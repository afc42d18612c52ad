import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { naturalKey } from '../ingestion/natural-key';
import { addDecimals, compareDecimal, multiplyDecimal } from '../money/decimal';
import { rateFor } from '../money/fx';
import { DEFAULT_DEMO_SEED, generateDemo, type TDemoDataset } from './generate-demo';

const NOW = new Date('2026-11-25T10:30:00Z');
const SLOW = 60_000; // generating 150k samples takes about a second; more on a busy machine
const hash = (d: TDemoDataset) => crypto.createHash('sha256').update(JSON.stringify(d)).digest('hex');
const data = generateDemo({ now: NOW, seed: DEFAULT_DEMO_SEED });

// EUR per calendar month, each row converted at the rate of its charge day.
function monthlyEur(d: TDemoDataset): Map<string, string> {
  const byDay = new Map(d.fxRates.map((r) => [r.date, r.rate]));
  const amounts = new Map<string, string[]>();
  for (const r of d.costs) {
    const day = r.chargePeriodStart.toISOString().slice(0, 10);
    const rate = byDay.get(day) ?? rateFor(d.fxRates, day)?.rate;
    if (!rate) throw new Error(`no rate for ${day}`);
    const month = day.slice(0, 7);
    amounts.set(month, [...(amounts.get(month) ?? []), multiplyDecimal(r.billedCost, rate)]);
  }
  return new Map([...amounts].map(([m, list]) => [m, addDecimals(...list)]));
}

describe('generateDemo', () => {
  it('is deterministic for a seed and a now, and depends on both', () => {
    const again = generateDemo({ now: new Date(NOW), seed: DEFAULT_DEMO_SEED });
    expect(hash(again)).toBe(hash(data));
    expect(hash(generateDemo({ now: NOW, seed: DEFAULT_DEMO_SEED + 1 }))).not.toBe(hash(data));
    expect(hash(generateDemo({ now: new Date('2026-11-26T10:30:00Z'), seed: DEFAULT_DEMO_SEED }))).not.toBe(hash(data));
  }, SLOW);

  it('covers the 13 months ending now, billed up to yesterday', () => {
    expect(data.window).toEqual({ start: new Date('2025-11-01T00:00:00Z'), end: new Date('2026-11-25T00:00:00Z') });
    const starts = data.costs.map((r) => r.chargePeriodStart.getTime());
    expect(Math.min(...starts)).toBe(data.window.start.getTime());
    // daily usage stops at yesterday; only monthly charges billed in advance reach into today
    for (const r of data.costs.filter((x) => x.chargeCategory === 'Usage')) {
      expect(r.chargePeriodEnd.getTime()).toBeLessThanOrEqual(data.window.end.getTime());
    }
    const months = new Set(data.costs.map((r) => r.chargePeriodStart.toISOString().slice(0, 7)));
    expect(months.size).toBe(13);
  });

  it('uses none of the services the plan chose against', () => {
    const text = JSON.stringify(data.costs) + JSON.stringify(data.resources);
    expect(text).not.toMatch(/ElastiCache|CloudFront/i);
    const providers = new Set(data.costs.map((r) => r.providerName));
    expect([...providers].sort()).toEqual(['AWS', 'Cloudflare', 'Grafana Labs', 'MongoDB Atlas', 'Redis Cloud']);
  });

  it('produces FOCUS-valid rows, tagged as demo, with one natural key each', () => {
    const categories = new Set(['Compute', 'Storage', 'Networking', 'Databases', 'Management and Governance', 'Developer Tools', 'Other']);
    for (const r of data.costs) {
      expect(compareDecimal(r.listCost, r.effectiveCost), `${r.chargeDescription}`).toBeGreaterThanOrEqual(0);
      expect(categories.has(r.serviceCategory ?? '')).toBe(true);
      expect(r.chargePeriodStart < r.chargePeriodEnd).toBe(true);
      expect(r.billingPeriodStart <= r.chargePeriodStart && r.chargePeriodStart < r.billingPeriodEnd).toBe(true);
      expect(r.tags?.['tourmalet:demo']).toBe('true');
      expect(['prod', 'staging']).toContain(r.tags?.env);
      expect(r.tags?.team).toMatch(/^[a-z]+$/);
      expect(r.billingCurrency).toBe('USD');
      if (r.pricingQuantity) {
        // the bill is quantity × unit price, exactly
        expect(r.listCost).toBe(multiplyDecimal(r.pricingQuantity, r.listUnitPrice!, 10));
      }
    }
    expect(new Set(data.costs.map(naturalKey)).size).toBe(data.costs.length);
    const has = (c: string) => data.costs.filter((r) => r.chargeCategory === c).length;
    expect(has('Credit')).toBe(4);
    expect(has('Tax')).toBeGreaterThan(12 * 8); // per service and account, every complete month
    expect(data.costs.some((r) => r.commitmentDiscountStatus === 'Used' && r.billedCost === '0')).toBe(true);
    expect(data.costs.some((r) => r.subAccountName === 'ec-staging')).toBe(true);
    // Paris mostly
    const paris = data.costs.filter((r) => r.regionId === 'eu-west-3').length;
    expect(paris / data.costs.length).toBeGreaterThan(0.7);
  }, SLOW);

  it('shows plausible monthly totals: Grand Est scale first, the Europe ramp at the end', () => {
    const months = monthlyEur(data);
    const values = [...months.values()].map(Number);
    for (const v of values.slice(0, 9)) {
      expect(v).toBeGreaterThan(1500);
      expect(v).toBeLessThan(2500);
    }
    const lastComplete = values.at(-2)!;
    expect(lastComplete).toBeGreaterThan(2 * values[0]);
    // run-rate of the last 14 billed days, as a month
    const since = new Date(data.window.end.getTime() - 14 * 86_400_000);
    const rate = new Map(data.fxRates.map((r) => [r.date, r.rate]));
    const recent = data.costs.filter((r) => r.chargePeriodStart >= since && r.chargeCategory === 'Usage');
    const eur = addDecimals(...recent.map((r) => multiplyDecimal(r.billedCost, rate.get(r.chargePeriodStart.toISOString().slice(0, 10))!)));
    const monthlyRunRate = (Number(eur) / 14) * 30.44;
    expect(monthlyRunRate).toBeGreaterThan(4500);
    expect(monthlyRunRate).toBeLessThan(8000);
  });

  it('keeps USD→EUR rates near 0.92 for every day', () => {
    const rates = data.fxRates.map((r) => Number(r.rate));
    expect(data.fxRates.length).toBe(390); // 2025-11-01 … 2026-11-25
    expect(Math.min(...rates)).toBeGreaterThan(0.87);
    expect(Math.max(...rates)).toBeLessThan(0.97);
    expect(Math.abs(rates.reduce((a, b) => a + b, 0) / rates.length - 0.92)).toBeLessThan(0.02);
  });

  it('samples every resource hourly, within its capacity, growing with the roll-out', () => {
    const hours = (NOW.getTime() - data.window.start.getTime()) / 3_600_000;
    const byKey = new Map<string, number[]>();
    for (const s of data.samples) {
      expect(Number.isFinite(s.value)).toBe(true);
      const key = `${s.provider}|${s.metric}`;
      const list = byKey.get(key) ?? [];
      list.push(s.value);
      byKey.set(key, list);
    }
    const hourly = [...byKey].filter(([k]) => !k.startsWith('aws|'));
    expect(hourly.length).toBe(21);
    for (const [, values] of hourly) expect(values.length).toBe(Math.floor(hours));
    expect(data.samples.length).toBeGreaterThan(140_000);

    const ids = new Set(data.resources.map((r) => `${r.provider}|${r.externalId}`));
    for (const s of data.samples) expect(ids.has(`${s.provider}|${s.resourceExternalId}`)).toBe(true);

    const atlas = data.resources.find((r) => r.provider === 'atlas')!;
    expect(atlas.size).toBe('M30');
    expect(atlas.capacity).toMatchObject({ memory_used_bytes: 8 * 2 ** 30, disk_used_bytes: 200 * 2 ** 30 });
    expect(Math.max(...byKey.get('atlas|disk_used_bytes')!)).toBeLessThan(200 * 2 ** 30);
    expect(Math.max(...byKey.get('atlas|cpu_percent')!)).toBeLessThanOrEqual(98);

    const replicas = byKey.get('prometheus|replicas')!;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(replicas.slice(-24 * 14))).toBeGreaterThan(2.5 * mean(replicas.slice(0, 24 * 30)));
    const disk = byKey.get('atlas|disk_used_bytes')!;
    expect(disk.at(-1)! / disk[0]).toBeGreaterThan(2.5);
    // Redis evicted keys before its upgrade, not after
    const evicted = byKey.get('redis-cloud|evicted_keys')!;
    expect(evicted.some((v) => v > 0)).toBe(true);
    expect(evicted.slice(-24 * 30).every((v) => v === 0)).toBe(true);
  }, SLOW);

  it('runs the routes API on a node group whose hourly nodes are the node-hours billed, and whose pods fill them', () => {
    const pool = data.resources.find((r) => r.kind === 'node-pool')!;
    expect(pool).toMatchObject({ provider: 'prometheus', externalId: 'ec-prod/app-nodes', name: 'ec-prod/app-nodes', region: 'eu-west-3', size: 'm6i.xlarge' });
    expect(pool.attributes).toEqual({ cluster: 'ec-prod', nodegroup: 'app-nodes', instanceType: 'm6i.xlarge', minNodes: 3 });
    const app = data.resources.find((r) => r.kind === 'app')!;
    expect(app.attributes).toMatchObject({ cluster: 'ec-prod', nodeInstanceType: 'm6i.xlarge', nodeGroups: { 'app-nodes': expect.any(Number) } });
    const series = (metric: string, id = pool.externalId) => new Map(data.samples.filter((s) => s.resourceExternalId === id && s.metric === metric).map((s) => [s.ts.getTime(), s.value]));
    const nodes = series('nodes');
    // per billed day, the hourly nodes sum to the prod node-hours on the bill (covered by the Savings Plan or not)
    const billed = new Map<string, number>();
    for (const r of data.costs) {
      if (r.resourceName !== 'ec-prod/app-nodes' || r.chargeCategory !== 'Usage' || r.pricingUnit !== 'Hours') continue;
      const day = r.chargePeriodStart.toISOString().slice(0, 10);
      billed.set(day, (billed.get(day) ?? 0) + Number(r.pricingQuantity));
    }
    expect(billed.size).toBeGreaterThan(350);
    const sampled = new Map<string, number>();
    for (const [t, v] of nodes) sampled.set(new Date(t).toISOString().slice(0, 10), (sampled.get(new Date(t).toISOString().slice(0, 10)) ?? 0) + v);
    for (const [day, hours] of billed) expect({ day, hours: sampled.get(day) }).toEqual({ day, hours: expect.closeTo(hours, 6) });
    // every hour: the pods' requests fit in what the nodes can schedule; the routes API is only part of them
    const cpu = series('cpu_request_cores');
    const alloc = series('cpu_allocatable_cores');
    const memory = series('memory_request_bytes');
    const memoryAlloc = series('memory_allocatable_bytes');
    const replicas = series('replicas', app.externalId);
    expect(cpu.size).toBe(nodes.size);
    for (const [t, n] of nodes) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(cpu.get(t)!).toBeLessThanOrEqual(alloc.get(t)! + 1e-9);
      expect(alloc.get(t)!).toBeLessThan(cpu.get(t)! + 3.6 + 1e-9); // the autoscaler keeps no spare node
      expect(memory.get(t)!).toBeLessThanOrEqual(memoryAlloc.get(t)!);
      expect(cpu.get(t)! - replicas.get(t)! * 2).toBeGreaterThanOrEqual(2.6 - 1e-9);
    }
  }, SLOW);

  it('refuses an invalid now or seed', () => {
    expect(() => generateDemo({ now: new Date('nope'), seed: 1 })).toThrow(/now/);
    expect(() => generateDemo({ now: NOW, seed: 1.5 })).toThrow(/seed/);
  });
});
