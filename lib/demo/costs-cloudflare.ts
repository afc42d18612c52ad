// Cloudflare bill of the demo: the plan (Pro, then Business for the Europe roll-out) and add-on
// subscriptions billed monthly in advance, Argo and Workers usage by day. CDN bandwidth itself is
// not billed on these plans.
import { addUtcDays, startOfUtcMonth } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { billedDays, billedMonths, type TDemoModel } from './model';
import { charge, type TDemoCharge, type TDemoProvider } from './record';

export const CLOUDFLARE_PROVIDER: TDemoProvider = {
  providerName: 'Cloudflare',
  publisherName: 'Cloudflare, Inc.',
  invoiceIssuerName: 'Cloudflare, Inc.',
  billingAccountId: 'c5f0b0e7a4d24c7e9b1f3a6d8e2c4b17',
  billingAccountName: 'Europe Cyclisme',
  billingCurrency: 'USD',
};
export const CLOUDFLARE_ZONE = { id: 'a3d9c1f0e5b84a27b6c2d8f1e0a4b7c3', name: 'europe-cyclisme.eu' };

export function cloudflarePlan(model: TDemoModel, monthStart: Date): 'Pro' | 'Business' {
  return monthStart >= startOfUtcMonth(model.phases.rolloutStart) ? 'Business' : 'Pro';
}

export function cloudflareCosts(model: TDemoModel): TFocusRecord[] {
  const rows: TDemoCharge[] = [];
  const zone = { id: CLOUDFLARE_ZONE.id, name: CLOUDFLARE_ZONE.name, type: 'Zone' };
  for (const month of billedMonths(model)) {
    const plan = cloudflarePlan(model, month.start);
    const afterRollout = month.start >= startOfUtcMonth(model.phases.rolloutStart);
    const base = {
      provider: CLOUDFLARE_PROVIDER,
      start: month.start,
      end: month.end,
      category: 'Purchase' as const,
      frequency: 'Recurring' as const,
      resource: zone,
      env: 'prod' as const,
      team: 'web',
    };
    rows.push(
      {
        ...base,
        description: `Cloudflare ${plan} plan (monthly)`,
        service: 'CDN & Security',
        serviceCategory: 'Networking',
        sku: { id: plan === 'Pro' ? 'CF-PLAN-PRO-MONTHLY' : 'CF-PLAN-BIZ-MONTHLY' },
        amount: { billed: plan === 'Pro' ? '25' : '250' },
      },
      {
        ...base,
        description: 'Argo Smart Routing subscription',
        service: 'Argo Smart Routing',
        serviceCategory: 'Networking',
        sku: { id: 'CF-ARGO-SUB' },
        amount: { billed: '5' },
      },
      {
        ...base,
        description: afterRollout
          ? 'Load Balancing: 4 origins, geo steering, 60 s health checks'
          : 'Load Balancing: 2 origins, 60 s health checks',
        service: 'Load Balancing',
        serviceCategory: 'Networking',
        sku: { id: afterRollout ? 'CF-LB-4-ORIGINS-GEO' : 'CF-LB-2-ORIGINS' },
        amount: { billed: afterRollout ? '25' : '5' },
      },
      {
        ...base,
        description: 'Workers Paid: 10 million requests included',
        service: 'Workers',
        serviceCategory: 'Compute',
        sku: { id: 'CF-WORKERS-PAID' },
        amount: { billed: '5' },
      },
    );
  }
  for (const day of billedDays(model)) {
    const base = { provider: CLOUDFLARE_PROVIDER, start: day.date, end: addUtcDays(day.date, 1), resource: { id: CLOUDFLARE_ZONE.id, name: CLOUDFLARE_ZONE.name, type: 'Zone' }, env: 'prod' as const, team: 'web' };
    rows.push({
      ...base,
      description: 'Argo Smart Routing: $0.10 per GB of traffic',
      service: 'Argo Smart Routing',
      serviceCategory: 'Networking',
      sku: { id: 'CF-ARGO-GB' },
      quantity: day.cdnGb,
      unit: 'GB',
      listUnitPrice: '0.10',
    });
    // the 10 M included requests a month are spread over its days
    const billableMillions = (day.cdnRequests * 0.35) / 1e6 - 10 / day.daysInMonth;
    if (billableMillions > 0) {
      rows.push({
        ...base,
        description: 'Workers requests beyond included: $0.30 per million',
        service: 'Workers',
        serviceCategory: 'Compute',
        sku: { id: 'CF-WORKERS-REQ' },
        quantity: billableMillions,
        unit: 'Million Requests',
        listUnitPrice: '0.30',
      });
    }
  }
  return rows.map(charge);
}
