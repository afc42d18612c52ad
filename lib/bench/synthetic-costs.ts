// Synthetic cost records for load and benchmarks: many providers, services, regions and accounts
// over a span of days, deterministic from a seed. Yields lazily so a million rows never sit in memory.
import type { TFocusRecord } from '../focus/types';
import { mulberry32 } from '../planning/distributions';

const PROVIDERS = [
  { name: 'AWS', currency: 'USD', services: ['Amazon Elastic Compute Cloud', 'Amazon Simple Storage Service', 'Elastic Load Balancing', 'AWS Data Transfer', 'Amazon Elastic Kubernetes Service', 'Amazon CloudWatch'], regions: ['eu-west-3', 'eu-central-1', 'eu-west-2', 'eu-south-1', 'eu-west-1'] },
  { name: 'MongoDB Atlas', currency: 'USD', services: ['Atlas Dedicated Cluster', 'Atlas Backup', 'Atlas Data Transfer'], regions: ['EU_WEST_3', 'EU_CENTRAL_1'] },
  { name: 'Redis', currency: 'USD', services: ['Redis Cloud Pro'], regions: ['eu-west-3'] },
  { name: 'Cloudflare', currency: 'USD', services: ['Cloudflare CDN', 'Cloudflare Workers'], regions: ['global'] },
];

export function* syntheticCostRecords(options: { rows: number; start: Date; days: number; seed?: number }): Generator<TFocusRecord> {
  const rand = mulberry32(options.seed ?? 7);
  const perDay = Math.ceil(options.rows / options.days);
  let emitted = 0;
  for (let d = 0; d < options.days && emitted < options.rows; d++) {
    const start = new Date(options.start.getTime() + d * 86_400_000);
    const end = new Date(start.getTime() + 86_400_000);
    const billingStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    const billingEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    for (let i = 0; i < perDay && emitted < options.rows; i++, emitted++) {
      const p = PROVIDERS[Math.floor(rand() * PROVIDERS.length)];
      const service = p.services[Math.floor(rand() * p.services.length)];
      const region = p.regions[Math.floor(rand() * p.regions.length)];
      const account = `acct-${Math.floor(rand() * 20)}`;
      const cost = (rand() * 40).toFixed(10);
      yield {
        billedCost: cost,
        effectiveCost: cost,
        listCost: cost,
        billingCurrency: p.currency,
        billingAccountId: 'bench-billing',
        subAccountId: account,
        subAccountName: account,
        billingPeriodStart: billingStart,
        billingPeriodEnd: billingEnd,
        chargePeriodStart: start,
        chargePeriodEnd: end,
        chargeCategory: 'Usage',
        providerName: p.name,
        publisherName: p.name,
        invoiceIssuerName: p.name,
        serviceName: service,
        serviceCategory: 'Compute',
        regionId: region,
        resourceId: `res-${i}`,
        skuId: `sku-${i % 97}`,
        pricingUnit: 'Hours',
        pricingQuantity: '1',
        tags: { bench: 'true' },
      };
    }
  }
}
