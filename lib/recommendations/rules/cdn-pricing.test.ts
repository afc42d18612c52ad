import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json';
import fr from '../../../messages/fr.json';
import { messageValues } from '../message-values';
import { DEFAULT_PRICE_CATALOGUE, type TPriceCatalogue } from '../../planning/price-catalogue';
import { DAY_MS } from '../../dates';
import { NOW, hourly, ref } from '../testing/series';
import type { TCdnBillLine, TCdnFacts, TRecommendation, TRuleOutcome } from '../types';
import { cdnOptions, cdnPricingRule, type TCdnOption } from './cdn-pricing';

const HOURS_PER_MONTH = (365 / 12) * 24;
const DAYS_PER_MONTH = 365 / 12;

/** Traffic at a steady monthly rate over the 30 days before now. */
const traffic = (gbPerMonth: number, requestsPerMonth: number | null) => ({
  servedGB: hourly(30, () => gbPerMonth / HOURS_PER_MONTH),
  servedRequests: requestsPerMonth === null ? undefined : hourly(30, () => requestsPerMonth / HOURS_PER_MONTH),
});

const line = (over: Partial<TCdnBillLine>): TCdnBillLine => ({ t: NOW.getTime() - 5 * DAY_MS, service: 'CDN & Security', sku: null, description: null, chargeCategory: 'Usage', unit: null, quantity: 1, cost: 0, ...over });
/** A usage line per day over the 30 days before now that adds up to `monthly` a month. */
const daily = (monthly: number, over: Partial<TCdnBillLine>): TCdnBillLine[] =>
  Array.from({ length: 30 }, (_, i) => line({ t: NOW.getTime() - (30 - i) * DAY_MS, cost: monthly / DAYS_PER_MONTH, ...over }));

/** A Cloudflare zone on Business billed monthly, with Argo ($5 a month and $0.10 a GB) as the demo has it. */
function zone(gb: number, requests: number | null, over: Partial<TCdnFacts> = {}, planSku = 'CF-PLAN-BIZ-MONTHLY', planCost = 250): TCdnFacts {
  return {
    resource: ref('cdn-distribution', 'europe-cyclisme.eu', 'cloudflare', null),
    ...traffic(gb, requests),
    plan: 'Business',
    bill: [
      line({ sku: planSku, description: 'Cloudflare Business plan', chargeCategory: 'Purchase', cost: planCost, unit: null }),
      line({ service: 'Argo Smart Routing', sku: 'CF-ARGO-SUB', description: 'Argo Smart Routing subscription', chargeCategory: 'Purchase', cost: 5 }),
      line({ service: 'Load Balancing', sku: 'CF-LB-4-ORIGINS-GEO', chargeCategory: 'Purchase', cost: 25 }),
      ...daily(gb * 0.1, { service: 'Argo Smart Routing', sku: 'CF-ARGO-GB', unit: 'GB' }),
    ],
    currency: 'USD',
    ...over,
  };
}

/** A CloudFront distribution on pay-as-you-go, its bill what the catalogue charges for the traffic. */
function distribution(gb: number, requests: number, billMonthly: number): TCdnFacts {
  return {
    resource: ref('cdn-distribution', 'E2TILES', 'aws', null),
    ...traffic(gb, requests),
    bill: daily(billMonthly, { service: 'Amazon CloudFront', sku: 'EU-DataTransfer-Out-Bytes', unit: 'GB' }),
    currency: 'USD',
  };
}

const recs = (o: TRuleOutcome[]): TRecommendation[] => o.flatMap((x) => ('recommendations' in x ? x.recommendations : []));
const run = (c: TCdnFacts, thresholds = {}, prices: TPriceCatalogue = DEFAULT_PRICE_CATALOGUE) => cdnPricingRule.evaluate({ cdn: [c], prices, thresholds }, NOW);
const options = (r: TRecommendation) => r.details!.options as TCdnOption[];
const byId = (r: TRecommendation, id: string) => options(r).find((o) => o.id === id)!;

describe('cdn-pricing on a Cloudflare zone', () => {
  it('finds the same plan billed yearly, with every option and the evidence side by side', () => {
    // 3.5 TB and 750 M requests a month: the demo's traffic after the roll-out
    const [r] = recs(run(zone(3500, 750e6)));
    expect(r.ruleId).toBe('cdn-pricing');
    expect(r.action).toMatchObject({ type: 'annual-billing', params: { option: 'cloudflare-business-annual' } });
    // today: plan 250 + Argo 5 + 350 (load balancing is billed to the zone but no option replaces it)
    expect(r.details!.todayMonthlyCost).toBeCloseTo(605, 1);
    expect(r.details!.otherMonthlyCost).toBeCloseTo(25, 2);
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(50, 2);
    expect(r.currency).toBe('USD');
    expect(byId(r, 'cloudflare-business')).toMatchObject({ current: true, monthlyCost: 605 });
    expect(byId(r, 'cloudflare-business-annual')).toMatchObject({ monthlyCost: 555, commitment: true, keepsInUse: true, estimate: false });
    // a lower plan is never a candidate, however cheap
    expect(byId(r, 'cloudflare-pro-annual')).toMatchObject({ keepsInUse: false, reason: 'lower-plan' });
    // the flat-rate plans cannot hold 750 M requests; pay-as-you-go drops the WAF the plan includes
    expect(byId(r, 'cloudfront-flat-rate-premium')).toMatchObject({ keepsInUse: false, reason: 'allowance-exceeded', allowance: { dataTransferGB: 50000, requests: 500e6 } });
    expect(byId(r, 'cloudfront-pay-as-you-go')).toMatchObject({ keepsInUse: false, reason: 'lower-plan', migration: true });
    expect(byId(r, 'cloudflare-enterprise-annual')).toMatchObject({ estimate: true, keepsInUse: true });
    expect(r.evidence.map((e) => e.metric)).toEqual(['monthlyGBServed', 'monthlyRequests', 'todayMonthlyCost', 'bestOptionMonthlyCost', 'savingsShare', 'monthlySavingsAmount']);
    expect(r.evidence[0].value).toBeCloseTo(3500, 0);
    expect(r.evidence[1].value).toBeCloseTo(750e6, -3);
    expect(r.evidence[4]).toMatchObject({ threshold: 0.05, comparison: 'at-least' });
    expect(r.message).toMatchObject({ key: 'cdnPricingAnnual', params: { plan: 'business', option: 'cloudflareBusinessAnnual', minShare: 0.05, minSavings: 20, estimate: 'no' } });
    expect(r.text).toContain('5%');
    expect(r.risks).toEqual([expect.objectContaining({ level: 'medium', message: { key: 'riskCdnAnnualBilling', params: {} } })]);
    expect(r.lookback).toMatchObject({ days: 30, completeness: 1 });
  });

  it('cites its thresholds: saves just enough, or not enough (share of the bill)', () => {
    // 50 saved on 990 a month is 5.05%; on 1,010 it is 4.95%
    expect(recs(run(zone((990 - 255) / 0.1, 750e6)))).toHaveLength(1);
    expect(recs(run(zone((1010 - 255) / 0.1, 750e6)))).toHaveLength(0);
    const [r] = recs(run(zone((1010 - 255) / 0.1, 750e6), { cdnPricingMinSavingsShare: 0.04 }));
    expect(r.message.params.minShare).toBe(0.04);
    expect(r.text).toContain('4%');
  });

  it('scales the metered bill to a month over the days it covers (a bill that lags, a zone that is new)', () => {
    const z = zone(3500, 750e6);
    // the last two days not billed yet: the 28 billed days still say 350 of Argo a month
    const lagging = { ...z, bill: z.bill!.filter((l) => l.t < NOW.getTime() - 2 * DAY_MS) };
    expect(recs(run(lagging))[0].details!.todayMonthlyCost).toBeCloseTo(605, 1);
    // a zone billed for ten days only: ten days of Argo are a third of a month's
    const recent = { ...z, bill: z.bill!.filter((l) => l.chargeCategory !== 'Usage' || l.t >= NOW.getTime() - 10 * DAY_MS).map((l) => (l.chargeCategory === 'Usage' ? l : { ...l, t: NOW.getTime() - 10 * DAY_MS })) };
    expect(recs(run(recent))[0].details!.todayMonthlyCost).toBeCloseTo(605, 1);
  });

  it('cites its thresholds: saves just enough, or not enough (amount a month)', () => {
    expect(recs(run(zone(3500, 750e6), { cdnPricingMinSavings: 49.9 }))).toHaveLength(1);
    expect(recs(run(zone(3500, 750e6), { cdnPricingMinSavings: 50.1 }))).toHaveLength(0);
  });

  it('is quiet when the plan is already billed yearly', () => {
    // a yearly charge 40 days ago is this year's plan: 2,400 / 12 a month
    const yearly = zone(3500, 750e6, {}, 'CF-PLAN-BIZ-ANNUAL', 2400);
    yearly.bill = yearly.bill!.map((l) => (l.sku === 'CF-PLAN-BIZ-ANNUAL' ? { ...l, t: NOW.getTime() - 40 * DAY_MS } : l));
    expect(recs(run(yearly))).toEqual([]);
    // and in its eleventh month (the engine reads 13 months of the CDN's bill): still this year's plan, not a missing one
    const eleventh = { ...yearly, bill: yearly.bill!.map((l) => (l.sku === 'CF-PLAN-BIZ-ANNUAL' ? { ...l, t: NOW.getTime() - 330 * DAY_MS } : l)) };
    expect(run(eleventh)).toEqual([{ resource: eleventh.resource, recommendations: [] }]);
    // a year and more ago: it has lapsed, so the plan in use is not known from the bill
    const lapsed = { ...yearly, bill: yearly.bill!.map((l) => (l.sku === 'CF-PLAN-BIZ-ANNUAL' ? { ...l, t: NOW.getTime() - 370 * DAY_MS } : l)) };
    expect(run(lapsed)).toEqual([{ resource: lapsed.resource, missing: ['planCharge'] }]);
    // the connector's yearly frequency in the pricing unit says the same
    const connector = zone(3500, 750e6, {}, 'business', 2400);
    connector.bill = connector.bill!.map((l) => (l.sku === 'business' ? { ...l, unit: 'yearly', description: 'Business Plan for europe-cyclisme.eu' } : l));
    expect(recs(run(connector))).toEqual([]);
    // without billing access the connector bills the zone's own plan under its opaque id and name ("Business Website")
    const zonePlan = zone(3500, 750e6, {}, 'e592fd9519420ba7405e1307bff33214', 250);
    zonePlan.bill = zonePlan.bill!.map((l) => (l.sku === 'e592fd9519420ba7405e1307bff33214' ? { ...l, unit: 'monthly', description: 'Business Website for europe-cyclisme.eu', service: 'Business Website' } : l));
    expect(recs(run(zonePlan))[0].action).toMatchObject({ type: 'annual-billing', params: { option: 'cloudflare-business-annual' } });
  });

  it('recommends a CloudFront flat-rate plan only when its allowances hold the traffic, as a migration', () => {
    const [fits] = recs(run(zone(3500, 100e6)));
    expect(fits.action).toMatchObject({ type: 'switch-cdn', params: { option: 'cloudfront-flat-rate-business' } });
    expect(Number(fits.monthlySavings!.p50)).toBeCloseTo(605 - 200, 1);
    expect(fits.risks.map((x) => [x.level, x.message.key])).toEqual([['high', 'riskCdnMigration'], ['medium', 'riskCdnFlatRate']]);
    expect(fits.message.key).toBe('cdnPricingSwitch');
    // 130 M requests exceed Business's 125 M: back to yearly billing on Cloudflare
    const [exceeded] = recs(run(zone(3500, 130e6)));
    expect(exceeded.action.type).toBe('annual-billing');
    expect(byId(exceeded, 'cloudfront-flat-rate-business')).toMatchObject({ keepsInUse: false, reason: 'allowance-exceeded' });
    // the same traffic as Cloudflare's daily analytics give it (one total a day): the same month, the plan still fits
    const days = (perMonth: number) => Array.from({ length: 30 }, (_, i) => ({ t: NOW.getTime() - (30 - i) * DAY_MS, v: perMonth / DAYS_PER_MONTH }));
    const [fromDays] = recs(run(zone(3500, 100e6, { servedGB: days(3500), servedRequests: days(100e6) })));
    expect(fromDays.action).toEqual(fits.action);
    expect(fromDays.monthlySavings).toEqual(fits.monthlySavings);
    expect(fromDays.lookback.completeness).toBe(1);
    // and 51 TB exceed every plan's 50 TB
    const business = { family: 'cloudflare' as const, level: 2, billing: 'monthly' as const, plan: 'business' };
    const big = cdnOptions(DEFAULT_PRICE_CATALOGUE, { gb: 51_000, requests: 100e6, addons: 0, currency: 'USD', current: business });
    expect(big.filter((o) => o.id.startsWith('cloudfront-flat-rate')).map((o) => o.reason)).toEqual(Array(4).fill('allowance-exceeded'));
  });

  it('without request counts, no flat-rate plan is assumed to fit', () => {
    const [r] = recs(run(zone(3500, null)));
    expect(r.action.type).toBe('annual-billing');
    expect(byId(r, 'cloudfront-flat-rate-business')).toMatchObject({ keepsInUse: false, reason: 'requests-unknown' });
    expect(options(r).find((o) => o.id === 'cloudfront-pay-as-you-go')).toBeUndefined();
    expect(r.evidence.map((e) => e.metric)).not.toContain('monthlyRequests');
  });

  it('marks an estimate as such (Enterprise is quote-only)', () => {
    const cheapEnterprise = DEFAULT_PRICE_CATALOGUE.map((p) => (p.sku === 'cloudflare:enterprise:annual' ? { ...p, unitPrice: '150' } : p));
    const [r] = recs(run(zone(3500, 750e6), {}, cheapEnterprise));
    expect(r.action).toMatchObject({ type: 'change-plan', params: { option: 'cloudflare-enterprise-annual' } });
    expect(r.message.params.estimate).toBe('quote');
    expect(r.text).toContain('an estimate: Enterprise is quote-only');
    expect(r.risks.map((x) => x.message.key)).toEqual(['riskCdnAnnualBilling', 'riskCdnEstimate']);
  });
});

describe('cdn-pricing on a CloudFront distribution', () => {
  it('prices pay-as-you-go through the tiers, after the always-free 1 TB and 10 M requests', () => {
    const current = { family: 'cloudfront' as const, level: 0, billing: 'usage' as const, plan: 'pay-as-you-go' };
    const payg = (gb: number, requests: number) => cdnOptions(DEFAULT_PRICE_CATALOGUE, { gb, requests, addons: 0, currency: 'USD', current }).find((o) => o.id === 'cloudfront-pay-as-you-go')!;
    // inside the free tier
    expect(payg(800, 5e6).monthlyCost).toBe(0);
    // 15 TB: 14 TB billed, 10 TB at 0.085 and 4 TB at 0.08 (crossing the 10 TB tier)
    expect(payg(15_000, 5e6).monthlyCost).toBeCloseTo(10_000 * 0.085 + 4_000 * 0.08, 2);
    // just under and just over 11 TB: the 10 TB boundary after the free tier
    expect(payg(11_000, 5e6).monthlyCost).toBeCloseTo(850, 2);
    expect(payg(11_100, 5e6).monthlyCost).toBeCloseTo(850 + 100 * 0.08, 2);
    // requests beyond the free 10 M at 0.012 per 10,000
    expect(payg(800, 50e6).monthlyCost).toBeCloseTo(4_000 * 0.012, 2);
    expect(payg(800, 5e6)).toMatchObject({ current: true, estimate: true });
  });

  it('recommends a flat-rate plan whose allowances hold the traffic', () => {
    // 2 TB and 8 M requests: 85 a month pay-as-you-go; the Pro flat-rate plan (50 TB, 10 M requests) costs 15
    const [r] = recs(run(distribution(2000, 8e6, 85)));
    expect(r.action).toMatchObject({ type: 'change-plan', params: { option: 'cloudfront-flat-rate-pro' } });
    expect(Number(r.monthlySavings!.p50)).toBeCloseTo(70, 2);
    expect(r.risks.map((x) => x.message.key)).toEqual(['riskCdnFlatRate']);
    // 12 M requests exceed Pro's 10 M: Cloudflare Pro billed yearly is the cheapest that keeps the usage, a migration
    const [over] = recs(run(distribution(2000, 12e6, 85 + 200 * 0.012)));
    expect(byId(over, 'cloudfront-flat-rate-pro').reason).toBe('allowance-exceeded');
    expect(over.action).toMatchObject({ type: 'switch-cdn', params: { option: 'cloudflare-pro-annual' } });
    expect(over.risks[0]).toMatchObject({ level: 'high', message: { key: 'riskCdnMigration' } });
  });

  it('leaves the Security Savings Bundle on CloudFront usage to the commitment rule (no twin), and lists it', () => {
    // only pay-as-you-go and the bundle in the catalogue: 30% off for a year's commitment, sized by commitment-ladder
    const prices = DEFAULT_PRICE_CATALOGUE.filter((p) => !p.sku.startsWith('cloudflare:') && !p.sku.startsWith('aws:cloudfront:flat-rate'));
    const outcome = run(distribution(2000, 50e6, 133), {}, prices);
    expect(recs(outcome)).toEqual([]);
    const options = cdnOptions(prices, { gb: 2000, requests: 50e6, addons: 0, currency: 'USD', current: { family: 'cloudfront', level: 0, billing: 'usage', plan: 'pay-as-you-go' } });
    expect(options.find((o) => o.id === 'cloudfront-bundle')!.monthlyCost).toBeLessThan(options.find((o) => o.id === 'cloudfront-pay-as-you-go')!.monthlyCost);
  });
});

describe('cdn-pricing without its facts', () => {
  it('names what it lacked, never throws', () => {
    const z = zone(3500, 750e6);
    expect(run({ ...z, servedGB: undefined })).toEqual([{ resource: z.resource, missing: ['servedGB'] }]);
    expect(run({ ...z, servedGB: [] , bill: undefined })).toEqual([{ resource: z.resource, missing: ['servedGB', 'bill'] }]);
    expect(run({ ...z, bill: [] })).toEqual([{ resource: z.resource, missing: ['bill'] }]);
    expect(cdnPricingRule.evaluate({ cdn: [z] }, NOW)).toEqual([{ resource: z.resource, missing: ['prices'] }]);
    expect(cdnPricingRule.evaluate({ prices: DEFAULT_PRICE_CATALOGUE }, NOW)).toEqual([{ resource: null, missing: ['cdn'] }]);
    // samples older than the lookback are not today's traffic
    expect(run({ ...z, servedGB: hourly(10, () => 5, new Date(NOW.getTime() - 40 * DAY_MS)) })).toEqual([{ resource: z.resource, missing: ['servedGB'] }]);
  });

  it('says so when the bill has no plan charge to compare with', () => {
    const z = zone(3500, 750e6);
    const noPlan = { ...z, bill: z.bill!.filter((l) => !l.sku?.startsWith('CF-PLAN')) };
    expect(run(noPlan)).toEqual([{ resource: z.resource, missing: ['planCharge'] }]);
    // a plan charge older than two months is no longer billed
    const stale = { ...z, bill: z.bill!.map((l) => (l.sku?.startsWith('CF-PLAN') ? { ...l, t: NOW.getTime() - 70 * DAY_MS } : l)) };
    expect(run(stale)).toEqual([{ resource: z.resource, missing: ['planCharge'] }]);
    // a free zone bills no plan, and nothing is cheaper than free
    expect(recs(run({ ...noPlan, plan: 'Free' }))).toEqual([]);
  });
});

describe('cdn-pricing messages', () => {
  it('renders each of its sentences and risks in French and English, money formatted, options named', () => {
    const cheapEnterprise = DEFAULT_PRICE_CATALOGUE.map((p) => (p.sku === 'cloudflare:enterprise:annual' ? { ...p, unitPrice: '150' } : p));
    const all = [
      ...recs(run(zone(3500, 750e6))),
      ...recs(run(zone(3500, 100e6))),
      ...recs(run(zone(3500, 750e6), {}, cheapEnterprise)),
      ...recs(run(distribution(2000, 8e6, 85))),
    ];
    expect(new Set(all.map((r) => r.message.key))).toEqual(new Set(['cdnPricingAnnual', 'cdnPricingSwitch', 'cdnPricingPlan']));
    const f = { money: (a: string | number) => `¤${a}`, instrumentName: (id: string) => id, paymentName: (p: string) => p, quantity: (v: number, u: string) => `${v} ${u}` };
    for (const [locale, messages] of [['fr-FR', fr], ['en-GB', en]] as const) {
      const texts = messages.recommendations.messages as unknown as Record<string, string>;
      for (const r of all) {
        const text = new IntlMessageFormat(texts[r.message.key], locale).format(messageValues(r.message, f)) as string;
        expect(text).toContain(r.resource.name);
        expect(text).toContain(`¤${r.message.params.savingsMonthly}`);
        expect(text).toContain('¤20');
        expect(text).not.toMatch(/\{|optionName|cloudflare[A-Z]|cloudfront[A-Z]/);
        if (r.message.params.estimate === 'quote') expect(text).toMatch(/Enterprise/);
        for (const risk of r.risks) expect(typeof texts[risk.message.key], risk.message.key).toBe('string');
      }
    }
    const fr0 = new IntlMessageFormat((fr.recommendations.messages as unknown as Record<string, string>).cdnPricingAnnual, 'fr-FR').format(messageValues(all[0].message, f));
    expect(fr0).toContain("Le même forfait Business facturé à l'année");
  });
});
