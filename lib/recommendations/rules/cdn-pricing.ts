// CDN pricing: the traffic each CDN resource actually served over the lookback, priced under every option the
// catalogue knows (Cloudflare plans billed monthly or yearly, CloudFront pay-as-you-go with its per-GB tiers and
// free tier, with the Security Savings Bundle, CloudFront's flat-rate plans), against what the bill says the CDN
// costs today. The cheapest option that keeps what is in use (no lower plan, allowances that hold the traffic) is
// recommended when it saves enough.
import { fixedSavings, fmt, missing, missingCollection, pct, possessive, recommend } from '../build';
import { DAYS_PER_MONTH, inWindow, lookbackOf, monthlyFromTotals, round, samplePeriod } from '../stats';
import { DAY_MS } from '../../dates';
import { findPrice, findTiers, indexCatalogue, type TPriceCatalogue, type TPriceIndex, type TPriceItem } from '../../planning/price-catalogue';
import { tieredCost } from '../../planning/sizing/cdn';
import { thresholdsOf, type TThresholds } from '../thresholds';
import type { TCdnBillLine, TCdnFacts, TEvidence, TRisk, TRule, TRuleOutcome } from '../types';

const PRICING = { id: 'cdn-pricing', version: 1, kind: 'cdn' } as const;
/** A subscription row older than this is no longer billed (a monthly plan bills every month, a yearly one every year). */
const RECURRING_MAX_AGE_DAYS = { monthly: 62, annual: 366 };

export type TCdnFamily = 'cloudflare' | 'cloudfront';
export type TCdnBilling = 'monthly' | 'annual' | 'usage';

/** One way of paying for the traffic served, as the recommendation's details list it. */
export type TCdnOption = {
  id: string;
  sku: string;
  family: TCdnFamily;
  name: string;
  /** Plan level, comparable across providers (free 0, pro 1, business 2, enterprise or premium 3; pay-as-you-go 0, its
   *  security features bought apart): a lower one drops features in use. */
  level: number;
  billing: TCdnBilling;
  /** In the facts' currency, rounded to cents. */
  monthlyCost: number;
  /** What the price includes each month: null is unmetered (Cloudflare) or paid per use (pay-as-you-go). */
  allowance: { dataTransferGB: number | null; requests: number | null };
  includes: string;
  estimate: boolean;
  /** A year's commitment (yearly billing, the savings bundle). */
  commitment: boolean;
  /** Another provider than today's: a migration. */
  migration: boolean;
  current: boolean;
  keepsInUse: boolean;
  /** Why it cannot be recommended: 'lower-plan', 'allowance-exceeded', 'requests-unknown', or 'commitment-rule' (the
   *  bundle on today's CloudFront usage, which the commitment recommendation sizes). */
  reason: string | null;
};

type TCurrent = { family: TCdnFamily; level: number; billing: TCdnBilling; plan: string };

const CLOUDFLARE_PLANS: { sku: string; plan: string; level: number; billing: TCdnBilling; includes: string }[] = [
  { sku: 'cloudflare:pro', plan: 'pro', level: 1, billing: 'monthly', includes: 'Unmetered bandwidth and requests, WAF managed rules, DDoS protection; billed monthly' },
  { sku: 'cloudflare:pro:annual', plan: 'pro', level: 1, billing: 'annual', includes: 'Unmetered bandwidth and requests, WAF managed rules, DDoS protection; billed yearly' },
  { sku: 'cloudflare:business', plan: 'business', level: 2, billing: 'monthly', includes: 'Pro, plus custom WAF rules, 100% uptime SLA, custom certificates; billed monthly' },
  { sku: 'cloudflare:business:annual', plan: 'business', level: 2, billing: 'annual', includes: 'Pro, plus custom WAF rules, 100% uptime SLA, custom certificates; billed yearly' },
  { sku: 'cloudflare:enterprise:annual', plan: 'enterprise', level: 3, billing: 'annual', includes: 'Business, plus enterprise support and negotiated terms; annual contract, quote-only' },
];
const CLOUDFRONT_FLAT_RATE: { tier: string; level: number }[] = [
  { tier: 'free', level: 0 },
  { tier: 'pro', level: 1 },
  { tier: 'business', level: 2 },
  { tier: 'premium', level: 3 },
];
const PLAN_LEVEL: Record<string, number> = { free: 0, pro: 1, business: 2, enterprise: 3 };

// ── the bill ──

type TLineClass = 'plan' | 'delivery' | 'addon' | 'other';

function classify(family: TCdnFamily, l: TCdnBillLine): TLineClass {
  const text = `${l.sku ?? ''} ${l.description ?? ''}`;
  if (family === 'cloudfront') {
    if (!/cloudfront/i.test(l.service)) return 'other';
    return /flat.?rate/i.test(text) ? 'plan' : 'delivery';
  }
  if (/argo/i.test(`${text} ${l.service}`)) return 'addon';
  // a plan: the demo's SKUs ('CF-PLAN-BIZ-MONTHLY'), the billing API's rate plan ('business', "Business Plan"), or the
  // zone's own plan when the token has no billing access ("Business Website")
  if (/PLAN/.test(l.sku ?? '')) return 'plan';
  if (l.chargeCategory !== 'Usage' && (/\bplan\b/i.test(l.description ?? '') || /^(free|pro|business|enterprise)\b/i.test(l.sku ?? '') || /^(free|pro|business|enterprise) website\b/i.test(l.description ?? ''))) return 'plan';
  if (/cdn/i.test(l.service)) return 'delivery';
  return 'other';
}

// Cloudflare's connector writes the billing frequency as the pricing unit ('monthly', 'yearly'); the demo names it in the SKU
const isAnnual = (l: TCdnBillLine) => /annual|year/i.test(`${l.sku ?? ''} ${l.description ?? ''} ${l.unit ?? ''}`);

/** Monthly cost of each class of line: subscriptions at their latest billing period, usage scaled from the window. */
function monthlyBill(family: TCdnFamily, bill: readonly TCdnBillLine[], now: Date, lookbackDays: number) {
  const to = now.getTime();
  const from = to - lookbackDays * DAY_MS;
  const out: Record<TLineClass, number> = { plan: 0, delivery: 0, addon: 0, other: 0 };
  const latest = new Map<string, { t: number; cost: number; line: TCdnBillLine }>();
  const usage = bill.filter((l) => l.chargeCategory === 'Usage' && l.t >= from && l.t < to);
  for (const l of bill) {
    if (l.chargeCategory === 'Usage' || l.t >= to) continue;
    const key = l.sku ?? l.description ?? l.service;
    const seen = latest.get(key);
    if (!seen || l.t > seen.t) latest.set(key, { t: l.t, cost: l.cost, line: l });
    else if (l.t === seen.t) seen.cost += l.cost;
  }
  let planLine: TCdnBillLine | null = null;
  for (const { t, cost, line } of latest.values()) {
    if (t < to - RECURRING_MAX_AGE_DAYS[isAnnual(line) ? 'annual' : 'monthly'] * DAY_MS) continue;
    const cls = classify(family, line);
    out[cls] += isAnnual(line) ? cost / 12 : cost;
    if (cls === 'plan') planLine = line;
  }
  if (usage.length > 0) {
    // the days the bill covers in the window: from its first row (a new resource) to its last usage day (the bill lags)
    const first = Math.max(from, bill.reduce((m, l) => Math.min(m, l.t), Infinity));
    const last = usage.reduce((m, l) => Math.max(m, l.t), -Infinity) + DAY_MS;
    const days = Math.max(1, (last - first) / DAY_MS);
    for (const l of usage) out[classify(family, l)] += (l.cost * DAYS_PER_MONTH) / days;
  }
  return { monthly: out, planLine };
}

function currentOf(family: TCdnFamily, planLine: TCdnBillLine | null, inventoryPlan: string | undefined): TCurrent | null {
  if (family === 'cloudfront') {
    if (!planLine) return { family, level: 0, billing: 'usage', plan: 'pay-as-you-go' };
    const text = `${planLine.sku ?? ''} ${planLine.description ?? ''}`.toLowerCase();
    const tier = CLOUDFRONT_FLAT_RATE.find((p) => text.includes(p.tier));
    return tier ? { family, level: tier.level, billing: 'monthly', plan: `flat-rate-${tier.tier}` } : null;
  }
  if (planLine) {
    const text = `${planLine.sku ?? ''} ${planLine.description ?? ''}`;
    const plan = /-ENT-|enterprise/i.test(text) ? 'enterprise' : /-BIZ-|business/i.test(text) ? 'business' : /-PRO-|\bpro\b/i.test(text) ? 'pro' : null;
    return plan ? { family, level: PLAN_LEVEL[plan], billing: isAnnual(planLine) ? 'annual' : 'monthly', plan } : null;
  }
  // no plan charge in the 13 months of bill read: only a free plan bills nothing
  if (inventoryPlan && /free/i.test(inventoryPlan)) return { family, level: 0, billing: 'monthly', plan: 'free' };
  return null;
}

// ── the options ──

type TPricing = { gb: number; requests: number | null; addons: number; currency: string; current: TCurrent };

function item(index: TPriceIndex, sku: string, currency: string): TPriceItem | null {
  if (!index.bySku.has(sku)) return null;
  const { item: it } = findPrice(index, sku, null);
  return it.currency === currency ? it : null;
}

function option(p: TPricing, o: Omit<TCdnOption, 'current' | 'keepsInUse' | 'reason' | 'migration'> & { reason?: string | null }): TCdnOption {
  const migration = o.family !== p.current.family;
  const current = !migration && o.level === p.current.level && o.billing === p.current.billing;
  const reason = o.reason ?? (o.level < p.current.level ? 'lower-plan' : null);
  return { ...o, monthlyCost: round(o.monthlyCost, 2), migration, current, keepsInUse: reason === null, reason };
}

function cloudflareOptions(index: TPriceIndex, p: TPricing): TCdnOption[] {
  const out: TCdnOption[] = [];
  // add-ons in use (Argo) stay with any Cloudflare plan, at what the bill charges for them today
  const addons = p.current.family === 'cloudflare' ? p.addons : 0;
  for (const plan of CLOUDFLARE_PLANS) {
    const it = item(index, plan.sku, p.currency);
    if (!it) continue;
    out.push(option(p, {
      id: plan.sku.replace(/:/g, '-'), sku: plan.sku, family: 'cloudflare', name: it.name, level: plan.level, billing: plan.billing,
      monthlyCost: Number(it.unitPrice) + addons, allowance: { dataTransferGB: null, requests: null },
      includes: plan.includes + (addons > 0 ? '; the add-ons in use (Argo Smart Routing) at their billed cost' : ''),
      estimate: it.estimate, commitment: plan.billing === 'annual',
    }));
  }
  return out;
}

function cloudfrontOptions(index: TPriceIndex, p: TPricing): TCdnOption[] {
  const out: TCdnOption[] = [];
  let tiers: TPriceItem[] = [];
  try {
    tiers = findTiers(index, 'aws:cloudfront:egress-europe').filter((t) => t.currency === p.currency);
  } catch {
    tiers = [];
  }
  const free = item(index, 'aws:cloudfront:free-egress', p.currency);
  const requestPrice = item(index, 'aws:cloudfront:https-requests-europe', p.currency);
  if (tiers.length > 0 && requestPrice && p.requests !== null) {
    const freeGB = free?.includedQuantity ?? 0;
    const egress = tieredCost(
      Math.max(0, p.gb - freeGB),
      tiers.map((t) => t.tier!.from),
      tiers.map((t) => t.tier!.to ?? Number.POSITIVE_INFINITY),
      tiers.map((t) => Number(t.unitPrice)),
    );
    const requests = Math.max(0, p.requests / 1e4 - (requestPrice.includedQuantity ?? 0)) * Number(requestPrice.unitPrice);
    const payg = egress + requests;
    const estimate = tiers.some((t) => t.estimate) || requestPrice.estimate || (free?.estimate ?? false);
    const allowance = { dataTransferGB: null, requests: null };
    out.push(option(p, {
      id: 'cloudfront-pay-as-you-go', sku: 'aws:cloudfront:egress-europe', family: 'cloudfront', name: 'CloudFront pay-as-you-go (Europe)', level: 0, billing: 'usage',
      monthlyCost: payg, allowance, estimate, commitment: false,
      includes: `Per-GB tiers from ${tiers[0].unitPrice} ${p.currency}/GB and HTTPS requests at ${requestPrice.unitPrice} ${p.currency} per 10,000, after the always-free ${fmt(freeGB)} GB and ${fmt((requestPrice.includedQuantity ?? 0) * 1e4)} requests; WAF billed apart`,
    }));
    const bundle = [...index.bySku.keys()].filter((s) => s.startsWith('aws:commitment:cloudfront-bundle')).map((s) => item(index, s, p.currency)).find((i) => i !== null);
    if (bundle) {
      out.push(option(p, {
        id: 'cloudfront-bundle', sku: bundle.sku, family: 'cloudfront', name: 'CloudFront pay-as-you-go with the Security Savings Bundle', level: 0, billing: 'annual',
        monthlyCost: payg * Number(bundle.unitPrice), allowance, estimate: estimate || bundle.estimate, commitment: true,
        includes: `Pay-as-you-go at ${pct(1 - Number(bundle.unitPrice))} off for a monthly commitment of one year (the bundle also credits AWS WAF)`,
      }));
    }
  }
  for (const f of CLOUDFRONT_FLAT_RATE) {
    const sku = `aws:cloudfront:flat-rate:${f.tier}`;
    const it = item(index, sku, p.currency);
    if (!it) continue;
    const gbAllowance = it.includedQuantity ?? 0;
    const req = item(index, `${sku}:requests`, p.currency);
    const requestAllowance = req?.includedQuantity === undefined ? null : req.includedQuantity * 1e4;
    const reason =
      p.gb > gbAllowance || (requestAllowance !== null && p.requests !== null && p.requests > requestAllowance) ? 'allowance-exceeded'
      : requestAllowance === null || p.requests === null ? 'requests-unknown'
      : null;
    out.push(option(p, {
      id: `cloudfront-flat-rate-${f.tier}`, sku, family: 'cloudfront', name: it.name, level: f.level, billing: 'monthly',
      monthlyCost: Number(it.unitPrice), allowance: { dataTransferGB: gbAllowance, requests: requestAllowance },
      includes: `${fmt(gbAllowance)} GB and ${requestAllowance === null ? 'an unknown number of' : fmt(requestAllowance)} requests a month, WAF, DDoS protection, Route 53 DNS, log ingestion, CloudFront Functions; no overage charges (traffic above the allowance may be throttled); one distribution and one apex domain`,
      estimate: it.estimate || (req?.estimate ?? false), commitment: false, reason,
    }));
  }
  return out;
}

/** Every option the catalogue prices for this traffic, today's first among its family. */
export function cdnOptions(catalogue: TPriceCatalogue, p: TPricing): TCdnOption[] {
  const index = indexCatalogue(catalogue);
  return [...cloudflareOptions(index, p), ...cloudfrontOptions(index, p)];
}

// ── the rule ──

// No 'savings-bundle' action: on CloudFront the bundle is the commitment rule's (reason 'commitment-rule'), and
// from another CDN it comes with a switch.
function actionOf(best: TCdnOption, current: TCurrent): 'annual-billing' | 'change-plan' | 'switch-cdn' {
  if (best.migration) return 'switch-cdn';
  if (best.level === current.level && best.billing === 'annual' && current.billing !== 'annual') return 'annual-billing';
  return 'change-plan';
}

const MESSAGE_KEY = { 'annual-billing': 'cdnPricingAnnual', 'change-plan': 'cdnPricingPlan', 'switch-cdn': 'cdnPricingSwitch' } as const;

function risksOf(action: ReturnType<typeof actionOf>, best: TCdnOption, current: TCurrent): TRisk[] {
  const risks: TRisk[] = [];
  if (action === 'switch-cdn')
    risks.push({
      level: 'high',
      text: `Moving from ${current.family === 'cloudflare' ? 'Cloudflare' : 'CloudFront'} to ${best.family === 'cloudflare' ? 'Cloudflare' : 'CloudFront'} is a migration: DNS, TLS certificates, cache and security rules to rebuild and test, and the other services this zone uses (load balancing, edge workers, smart routing) to replace or keep apart.`,
      message: { key: 'riskCdnMigration', params: {} },
    });
  if (best.commitment)
    risks.push(
      best.id === 'cloudfront-bundle'
        ? { level: 'medium', text: 'The Security Savings Bundle is a monthly commitment for one year, owed even if the traffic falls or moves.', message: { key: 'riskCdnBundle', params: {} } }
        : { level: 'medium', text: 'Yearly billing is a commitment: the year is paid ahead and not refunded if the plan or the provider changes before it ends.', message: { key: 'riskCdnAnnualBilling', params: {} } },
    );
  if (best.allowance.dataTransferGB !== null)
    risks.push({ level: 'medium', text: 'A flat-rate plan charges no overage but may throttle traffic above its allowance; it covers one distribution and one apex domain, and lacks Lambda@Edge and real-time logs.', message: { key: 'riskCdnFlatRate', params: {} } });
  if (best.estimate)
    risks.push({ level: 'medium', text: `${best.name} is priced from an estimate in the catalogue${best.sku.includes('enterprise') ? ' (Enterprise is quote-only)' : ''}: ask for a quote before deciding.`, message: { key: 'riskCdnEstimate', params: {} } });
  return risks;
}

function evaluatePricing(c: TCdnFacts, now: Date, t: TThresholds, catalogue: TPriceCatalogue | undefined): TRuleOutcome {
  const to = now.getTime();
  const from = to - t.cdnLookbackDays * DAY_MS;
  const served = c.servedGB ? inWindow(c.servedGB, from, to) : [];
  const requested = c.servedRequests ? inWindow(c.servedRequests, from, to) : [];
  const family: TCdnFamily = c.resource.provider === 'cloudflare' ? 'cloudflare' : 'cloudfront';
  const bill = c.bill ?? [];
  const lacking = [...(served.length === 0 ? ['servedGB'] : []), ...(bill.length === 0 ? ['bill'] : []), ...(catalogue ? [] : ['prices'])];
  if (lacking.length > 0 || !catalogue) return missing(c.resource, lacking);
  const { monthly, planLine } = monthlyBill(family, bill, now, t.cdnLookbackDays);
  const current = currentOf(family, planLine, c.plan);
  if (!current) return missing(c.resource, ['planCharge']);
  // each sample is its period's total (an hour, or a day from Cloudflare's daily analytics): a month of them
  const gb = monthlyFromTotals(served);
  const requests = requested.length > 0 ? monthlyFromTotals(requested) : null;
  const today = monthly.plan + monthly.delivery + monthly.addon;
  // On CloudFront already, the bundle is a commitment on the usage: the commitment rule sizes it along the plan's
  // growth (aws-cloudfront-security-bundle); proposing it here too would make a twin and count its saving twice.
  const options = cdnOptions(catalogue, { gb, requests, addons: monthly.addon, currency: c.currency, current })
    .map((o) => (o.id === 'cloudfront-bundle' && !o.migration && o.reason === null ? { ...o, reason: 'commitment-rule' } : o));
  const candidates = options.filter((o) => o.keepsInUse && !o.current && o.reason === null);
  if (today <= 0 || candidates.length === 0) return { resource: c.resource, recommendations: [] };
  const best = candidates.reduce((a, b) => (b.monthlyCost < a.monthlyCost ? b : a));
  const saving = today - best.monthlyCost;
  const share = saving / today;
  if (saving < t.cdnPricingMinSavings || share < t.cdnPricingMinSavingsShare) return { resource: c.resource, recommendations: [] };

  const action = actionOf(best, current);
  const cur = c.currency;
  const planName = `${current.family === 'cloudflare' ? 'Cloudflare' : 'CloudFront'} ${current.plan.charAt(0).toUpperCase()}${current.plan.slice(1)}`;
  const estimateNote = best.estimate ? ` (an estimate${best.sku.includes('enterprise') ? ': Enterprise is quote-only' : ''})` : '';
  const head = `${c.resource.name} served ${fmt(gb)} GB${requests === null ? '' : ` and ${fmt(requests / 1e6, 1)} million requests`} a month over the last ${t.cdnLookbackDays} days and costs ${fmt(today, 2)} ${cur} a month on the bill (${planName}${monthly.addon > 0 ? `, with ${fmt(monthly.addon, 2)} ${cur} of add-ons` : ''}).`;
  const proposal =
    action === 'annual-billing' ? `Billed yearly, the same plan costs ${fmt(best.monthlyCost, 2)} ${cur} a month${estimateNote}`
    : action === 'switch-cdn' ? `${best.name} would cost ${fmt(best.monthlyCost, 2)} ${cur} a month for the same traffic${estimateNote}, a migration`
    : `${best.name} costs ${fmt(best.monthlyCost, 2)} ${cur} a month for the same traffic${estimateNote}`;
  const text = `${head} ${proposal}: ${fmt(saving, 2)} ${cur} less (${pct(share, 1)}), above the ${pct(t.cdnPricingMinSavingsShare)} and ${fmt(t.cdnPricingMinSavings)} ${cur} thresholds.`;
  const evidence: TEvidence[] = [
    { metric: 'monthlyGBServed', value: round(gb, 1), unit: 'GB' },
    ...(requests === null ? [] : [{ metric: 'monthlyRequests', value: Math.round(requests), unit: 'count' }]),
    { metric: 'todayMonthlyCost', value: round(today, 2), unit: `${cur}/month`, source: `${possessive(c.resource.name)} bill, last ${t.cdnLookbackDays} days` },
    { metric: 'bestOptionMonthlyCost', value: best.monthlyCost, unit: `${cur}/month`, source: best.name },
    { metric: 'savingsShare', value: round(share, 4), unit: 'ratio', threshold: t.cdnPricingMinSavingsShare, comparison: 'at-least', source: "Ours (settings): the smallest saving worth a pricing change, as a share of the CDN's bill" },
    { metric: 'monthlySavingsAmount', value: round(saving, 2), unit: `${cur}/month`, threshold: t.cdnPricingMinSavings, comparison: 'at-least', source: 'Ours (settings): the smallest saving worth a pricing change, a month' },
  ];
  return {
    resource: c.resource,
    recommendations: [
      recommend(PRICING, {
        resource: c.resource,
        action: { type: action, params: { option: best.id, sku: best.sku, billing: best.billing } },
        text,
        message: {
          key: MESSAGE_KEY[action],
          params: {
            distribution: c.resource.name, gb: round(gb, 0), requestsM: requests === null ? null : round(requests / 1e6, 1), days: t.cdnLookbackDays,
            // ICU select keys cannot hold hyphens: the option's id in camelCase
            plan: current.plan, option: best.id.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase()), optionName: best.name, estimate: best.estimate ? (best.sku.includes('enterprise') ? 'quote' : 'yes') : 'no',
            currentMonthly: round(today, 2), optionMonthly: best.monthlyCost, savingsMonthly: round(saving, 2), savingsShare: round(share, 4),
            minShare: t.cdnPricingMinSavingsShare, minSavings: t.cdnPricingMinSavings,
          },
        },
        evidence,
        monthlySavings: fixedSavings(saving),
        currency: cur,
        risks: risksOf(action, best, current),
        lookback: lookbackOf(served, now, t.cdnLookbackDays, samplePeriod(served)),
        details: {
          options,
          best: best.id,
          current: { family: current.family, plan: current.plan, billing: current.billing },
          monthlyGB: round(gb, 1),
          monthlyRequests: requests === null ? null : Math.round(requests),
          todayMonthlyCost: round(today, 2),
          todayByClass: { plan: round(monthly.plan, 2), delivery: round(monthly.delivery, 2), addons: round(monthly.addon, 2) },
          // billed to the same resource but not replaced by any option (load balancing, workers)
          otherMonthlyCost: round(monthly.other, 2),
          bestMonthlyCost: best.monthlyCost,
          annualSavings: round(saving * 12, 2),
        },
      }),
    ],
  };
}

export const cdnPricingRule: TRule = {
  ...PRICING,
  needs: ['cdn', 'prices'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.cdn) return missingCollection('cdn');
    return facts.cdn.map((c) => evaluatePricing(c, now, t, facts.prices));
  },
};
