// Default price catalogue (list prices, USD unless stated). Items not confirmed against a
// published price are marked `estimate: true`; the source note says how each was derived.
import type { TPriceItem } from './price-catalogue';

const DATE = '2025-06-01';

type TSeed = Omit<TPriceItem, 'id' | 'effectiveDate' | 'currency'> & { currency?: string; effectiveDate?: string; idSuffix?: string };

function item({ idSuffix, ...s }: TSeed): TPriceItem {
  return {
    ...s,
    id: (s.region ? `${s.sku}@${s.region}` : s.sku) + (idSuffix ?? ''),
    currency: s.currency ?? 'USD',
    effectiveDate: s.effectiveDate ?? DATE,
  };
}

const round = (x: number, digits: number) => x.toFixed(digits).replace(/\.?0+$/, '') || '0';

// EC2 on-demand Linux, per instance-hour. us-east-1 list prices (m6i.large $0.096, m7i.large
// $0.1008, c7i.large $0.08925) are widely published; the EU figures apply the usual regional uplift.
const EC2_LARGE: Record<string, Record<string, number>> = {
  'eu-west-3': { m6i: 0.112, m7i: 0.1176, c7i: 0.1041 },
  'eu-central-1': { m6i: 0.115, m7i: 0.1208, c7i: 0.1071 },
};
const SIZES: [string, number][] = [['large', 1], ['xlarge', 2], ['2xlarge', 4], ['4xlarge', 8]];

const ec2: TPriceItem[] = Object.entries(EC2_LARGE).flatMap(([region, fam]) =>
  Object.entries(fam).flatMap(([family, large]) =>
    SIZES.map(([size, mult]) =>
      item({
        sku: `aws:ec2:${family}.${size}`, provider: 'aws', kind: 'compute-instance', name: `EC2 ${family}.${size} (Linux, on-demand)`,
        region, unit: 'hour', unitPrice: round(large * mult, 5),
        source: `AWS EC2 on-demand pricing; ${family}.large in ${region} estimated from the us-east-1 list price with the regional uplift, larger sizes scale linearly.`,
        estimate: true,
      }),
    ),
  ),
);

// Atlas on AWS: the hourly price Atlas shows is for a 3-node replica set; invoices bill per node-hour.
// M30 at $0.54/h (us-east-1, default storage) is from the Atlas billing documentation; the other tiers
// are the published us-east-1 ladder as remembered, and EU regions are ~15% above us-east-1.
const ATLAS_US_CLUSTER_HOUR: [string, number][] = [
  ['M10', 0.08], ['M20', 0.2], ['M30', 0.54], ['M40', 1.04], ['M50', 2.0], ['M60', 3.95], ['M80', 7.3],
];
const atlas: TPriceItem[] = [
  ...ATLAS_US_CLUSTER_HOUR.map(([tier, price]) =>
    item({
      sku: `atlas:${tier}`, provider: 'mongodb-atlas', kind: 'database-node', name: `Atlas ${tier} node (AWS)`,
      region: 'us-east-1', unit: 'node-hour', unitPrice: round(price / 3, 5),
      source: `Atlas pricing: ${tier} 3-node cluster $${price}/h in us-east-1 ÷ 3 nodes${tier === 'M30' ? ' (M30 $0.54/h quoted in the Atlas invoice documentation)' : ''}.`,
      estimate: tier !== 'M30',
    }),
  ),
  ...['eu-west-3', 'eu-central-1'].flatMap((region) =>
    ATLAS_US_CLUSTER_HOUR.map(([tier, price]) =>
      item({
        sku: `atlas:${tier}`, provider: 'mongodb-atlas', kind: 'database-node', name: `Atlas ${tier} node (AWS)`,
        region, unit: 'node-hour', unitPrice: round((price * 1.15) / 3, 5),
        source: `Estimate: us-east-1 cluster price $${price}/h × 1.15 EU uplift ÷ 3 nodes. Replace with the price shown in the Atlas UI or paid on invoices (calibration).`,
        estimate: true,
      }),
    ),
  ),
  ...['eu-west-3', 'eu-central-1'].flatMap((region) => [
    item({
      sku: 'atlas:storage', provider: 'mongodb-atlas', kind: 'database-storage', name: 'Atlas custom storage (AWS)', region,
      unit: 'GB-month', unitPrice: '0.115',
      source: 'Estimate of Atlas standard storage per node; Atlas bills the whole custom size once it exceeds the tier default.', estimate: true,
    }),
    item({
      sku: 'atlas:iops', provider: 'mongodb-atlas', kind: 'database-storage', name: 'Atlas provisioned IOPS (AWS)', region,
      unit: 'IOPS-month', unitPrice: '0.065',
      source: 'Estimate: IOPS above the standard 3,000 are provisioned per node, priced like AWS io1/io2 ($0.065 per IOPS-month).', estimate: true,
    }),
    item({
      sku: 'atlas:backup', provider: 'mongodb-atlas', kind: 'database-backup', name: 'Atlas cloud backup storage (AWS)', region,
      unit: 'GB-month', unitPrice: '0.14', source: 'Estimate of Atlas snapshot storage on AWS.', estimate: true,
    }),
  ]),
];

const aws: TPriceItem[] = [
  ...['eu-west-3', 'eu-central-1'].flatMap((region) => [
    item({ sku: 'aws:eks:cluster', provider: 'aws', kind: 'cluster-fee', name: 'EKS cluster (standard support)', region, unit: 'cluster-hour', unitPrice: '0.1', source: 'EKS pricing: $0.10 per cluster-hour in every region.', estimate: true }),
    item({ sku: 'aws:fargate:vcpu', provider: 'aws', kind: 'fargate', name: 'Fargate vCPU (Linux/x86)', region, unit: 'vCPU-hour', unitPrice: '0.04656', source: 'Estimate: us-east-1 $0.04048 per vCPU-hour × EU uplift.', estimate: true }),
    item({ sku: 'aws:fargate:gb', provider: 'aws', kind: 'fargate', name: 'Fargate memory (Linux/x86)', region, unit: 'GB-hour', unitPrice: '0.00511', source: 'Estimate: us-east-1 $0.004445 per GB-hour × EU uplift.', estimate: true }),
    item({ sku: 'aws:alb:hour', provider: 'aws', kind: 'load-balancer', name: 'Application Load Balancer', region, unit: 'ALB-hour', unitPrice: region === 'eu-west-3' ? '0.0252' : '0.027', source: 'Estimate: us-east-1 $0.0225 per ALB-hour × EU uplift.', estimate: true }),
    item({ sku: 'aws:alb:lcu', provider: 'aws', kind: 'load-balancer', name: 'ALB capacity unit', region, unit: 'LCU-hour', unitPrice: '0.008', source: 'Estimate: $0.008 per LCU-hour as in us-east-1.', estimate: true }),
    item({ sku: 'aws:ebs:gp3', provider: 'aws', kind: 'block-storage', name: 'EBS gp3', region, unit: 'GB-month', unitPrice: region === 'eu-west-3' ? '0.0928' : '0.0952', source: 'Estimate: us-east-1 $0.08 per GB-month × EU uplift.', estimate: true }),
    item({ sku: 'aws:data-transfer:internet', provider: 'aws', kind: 'data-transfer', name: 'Data transfer out to the internet (first 10 TB)', region, unit: 'GB', unitPrice: '0.09', source: 'AWS data transfer out, first 10 TB/month tier ($0.09/GB in the main EU regions); 100 GB/month free account-wide is ignored.', estimate: true }),
    item({ sku: 'aws:data-transfer:inter-region', provider: 'aws', kind: 'data-transfer', name: 'Data transfer between AWS regions', region, unit: 'GB', unitPrice: '0.02', source: 'AWS inter-region transfer within Europe, $0.02/GB (S3 replication is billed at this rate).', estimate: true }),
    // ElastiCache: us-east-1 cache.r7g.large $0.219/h; EU ~10% higher.
    ...([['large', 1], ['xlarge', 2], ['2xlarge', 4], ['4xlarge', 8]] as [string, number][]).map(([size, mult]) =>
      item({ sku: `aws:elasticache:cache.r7g.${size}`, provider: 'aws', kind: 'cache-node', name: `ElastiCache cache.r7g.${size}`, region, unit: 'node-hour', unitPrice: round((region === 'eu-west-3' ? 0.241 : 0.248) * mult, 4), source: 'Estimate: us-east-1 cache.r7g.large $0.219 per node-hour × EU uplift; sizes scale linearly.', estimate: true }),
    ),
    item({ sku: 'aws:s3:standard', provider: 'aws', kind: 'object-storage', name: 'S3 Standard (first 50 TB)', region, unit: 'GB-month', unitPrice: region === 'eu-west-3' ? '0.024' : '0.0245', source: 'AWS Price List API (AmazonS3), first 50 TB/month tier.', estimate: false }),
    item({ sku: 'aws:s3:standard-ia', provider: 'aws', kind: 'object-storage', name: 'S3 Standard-Infrequent Access', region, unit: 'GB-month', unitPrice: region === 'eu-west-3' ? '0.0131' : '0.0135', source: 'Estimate from the S3 pricing page (EU regions).', estimate: true }),
    item({ sku: 'aws:s3:glacier-ir', provider: 'aws', kind: 'object-storage', name: 'S3 Glacier Instant Retrieval', region, unit: 'GB-month', unitPrice: '0.005', source: 'Estimate from the S3 pricing page (EU regions).', estimate: true }),
    item({ sku: 'aws:s3:get', provider: 'aws', kind: 'object-requests', name: 'S3 GET requests', region, unit: '1k requests', unitPrice: region === 'eu-west-3' ? '0.00042' : '0.00043', source: 'Estimate from the S3 pricing page (EU regions).', estimate: true }),
    item({ sku: 'aws:s3:put', provider: 'aws', kind: 'object-requests', name: 'S3 PUT/COPY/POST requests', region, unit: '1k requests', unitPrice: region === 'eu-west-3' ? '0.0053' : '0.0054', source: 'Estimate from the S3 pricing page (EU regions).', estimate: true }),
  ]),
  // CloudFront, Europe, per GB delivered; from the CloudFront pricing page (TB taken as 1,000 GB here).
  ...([
    [0, 10e3, '0.085'], [10e3, 50e3, '0.08'], [50e3, 150e3, '0.06'], [150e3, 500e3, '0.04'],
    [500e3, 1024e3, '0.03'], [1024e3, 5120e3, '0.025'], [5120e3, null, '0.02'],
  ] as [number, number | null, string][]).map(([from, to, price]) =>
    item({
      sku: 'aws:cloudfront:egress-europe', provider: 'aws', kind: 'cdn-egress',
      name: `CloudFront data transfer out, Europe (${from / 1e3}–${to === null ? '∞' : to / 1e3} TB)`, region: null, idSuffix: `#${from / 1e3}tb`,
      unit: 'GB', unitPrice: price, tier: { from, to }, source: 'CloudFront pricing page, Europe column (First 10TB $0.085 … Over 5PB $0.020).', estimate: false,
    }),
  ),
  item({ sku: 'aws:cloudfront:free-egress', provider: 'aws', kind: 'free-allowance', name: 'CloudFront always-free data transfer', region: null, unit: 'GB', unitPrice: '0', includedQuantity: 1000, source: 'CloudFront always free tier: 1 TB of data transfer out per month.', estimate: false }),
  item({ sku: 'aws:cloudfront:https-requests-europe', provider: 'aws', kind: 'cdn-requests', name: 'CloudFront HTTPS requests, Europe', region: null, unit: '10k requests', unitPrice: '0.012', includedQuantity: 1000, source: 'Estimate from the CloudFront pricing page; always free tier covers 10M requests (1,000 × 10k) a month.', estimate: true }),
  // CloudFront flat-rate plans (launched 2025-11-18): one monthly price per distribution (one apex domain) bundling
  // delivery, AWS WAF, DDoS protection, Route 53 DNS, log ingestion, edge functions and S3 credits, with no overage
  // charges (traffic above the allowance may be throttled). Each plan's data transfer allowance is its
  // `includedQuantity` in GB; its request allowance is the companion free-allowance item, in 10k requests.
  ...([
    ['free', 'Free', '0', 100, 1e6],
    ['pro', 'Pro', '15', 50e3, 10e6],
    ['business', 'Business', '200', 50e3, 125e6],
    ['premium', 'Premium', '1000', 50e3, 500e6],
  ] as [string, string, string, number, number][]).flatMap(([tier, label, price, gb, requests]) => {
    const source = `CloudFront flat-rate pricing plans (AWS CloudFront pricing page and developer guide, launched 2025-11-18; read 2026-12-06 through published summaries): ${label} $${price}/month, ${gb >= 1e3 ? `${gb / 1e3} TB` : `${gb} GB`} of data transfer and ${requests / 1e6}M requests a month, no overage charges.`;
    return [
      item({ sku: `aws:cloudfront:flat-rate:${tier}`, provider: 'aws', kind: 'cdn-plan', name: `CloudFront ${label} flat-rate plan`, region: null, unit: 'month', unitPrice: price, includedQuantity: gb, source, estimate: false, effectiveDate: '2025-11-18' }),
      item({ sku: `aws:cloudfront:flat-rate:${tier}:requests`, provider: 'aws', kind: 'free-allowance', name: `CloudFront ${label} flat-rate plan: requests included`, region: null, unit: '10k requests', unitPrice: '0', includedQuantity: requests / 1e4, source, estimate: false, effectiveDate: '2025-11-18' }),
    ];
  }),
  // Commitments: multipliers on the on-demand price.
  ...([
    ['aws:commitment:compute-sp', '1y', '0.72', 'Compute Savings Plan, 1 year, no upfront: ~28% off EC2 on-demand.'],
    ['aws:commitment:compute-sp', '3y', '0.5', 'Compute Savings Plan, 3 years, no upfront: ~50% off EC2 on-demand.'],
    ['aws:commitment:fargate-sp', '1y', '0.8', 'Compute Savings Plan on Fargate, 1 year: ~20% off.'],
    ['aws:commitment:fargate-sp', '3y', '0.55', 'Compute Savings Plan on Fargate, 3 years: ~45% off.'],
    ['aws:commitment:elasticache-ri', '1y', '0.69', 'ElastiCache reserved nodes, 1 year, no upfront: ~31% off.'],
    ['aws:commitment:elasticache-ri', '3y', '0.55', 'ElastiCache reserved nodes, 3 years: ~45% off.'],
  ] as [string, string, string, string][]).map(([sku, term, mult, source]) =>
    item({ sku: `${sku}:${term}`, provider: 'aws', kind: 'commitment', name: source.split(':')[0], region: null, unit: 'multiplier', unitPrice: mult, source: `Estimate. ${source}`, estimate: true }),
  ),
];

const others: TPriceItem[] = [
  item({ sku: 'atlas:commitment:1y', provider: 'mongodb-atlas', kind: 'commitment', name: 'Atlas annual commitment', region: null, unit: 'multiplier', unitPrice: '0.9', source: 'Estimate: Atlas annual subscriptions are negotiated, ~10% off at this size.', estimate: true }),
  item({ sku: 'atlas:commitment:3y', provider: 'mongodb-atlas', kind: 'commitment', name: 'Atlas 3-year commitment', region: null, unit: 'multiplier', unitPrice: '0.8', source: 'Estimate: multi-year Atlas commitments, ~20% off.', estimate: true }),
  ...['eu-west-3', 'eu-central-1'].map((region) =>
    item({ sku: 'redis-cloud:pro:memory', provider: 'redis', kind: 'cache-memory', name: 'Redis Cloud Pro (Redis Enterprise) provisioned memory', region, unit: 'GB-hour', unitPrice: '0.029', source: 'Estimate: Redis publishes no per-GB list price; ~1.6× ElastiCache r7g per GB for the managed Enterprise features. Replace with a quote or invoice.', estimate: true }),
  ),
  item({ sku: 'redis-cloud:pro:minimum', provider: 'redis', kind: 'minimum-charge', name: 'Redis Cloud Pro monthly minimum', region: null, unit: 'month', unitPrice: '200', source: 'Redis Cloud Pro: $200/month account minimum.', estimate: true }),
  item({ sku: 'redis-cloud:commitment:1y', provider: 'redis', kind: 'commitment', name: 'Redis Cloud annual commitment', region: null, unit: 'multiplier', unitPrice: '0.8', source: 'Estimate: annual Redis Cloud commitments quoted at 20–30% off pay-as-you-go.', estimate: true }),
  item({ sku: 'redis-cloud:commitment:3y', provider: 'redis', kind: 'commitment', name: 'Redis Cloud 3-year commitment', region: null, unit: 'multiplier', unitPrice: '0.7', source: 'Estimate: multi-year Redis Cloud commitments, ~30% off pay-as-you-go.', estimate: true }),
  item({ sku: 'cloudflare:pro', provider: 'cloudflare', kind: 'cdn-plan', name: 'Cloudflare Pro (monthly billing)', region: null, unit: 'month', unitPrice: '25', source: 'Cloudflare plans page (cloudflare.com/plans, read 2026-10-07 as transcribed verbatim): Pro $20/month billed annually or $25 billed monthly; Business $200/month billed annually or $250 billed monthly.', estimate: false }),
  item({ sku: 'cloudflare:pro:annual', provider: 'cloudflare', kind: 'cdn-plan', name: 'Cloudflare Pro (annual billing)', region: null, unit: 'month', unitPrice: '20', source: 'Cloudflare plans page (cloudflare.com/plans, read 2026-10-07 as transcribed verbatim): Pro $20/month billed annually or $25 billed monthly; Business $200/month billed annually or $250 billed monthly.', estimate: false }),
  item({ sku: 'cloudflare:business', provider: 'cloudflare', kind: 'cdn-plan', name: 'Cloudflare Business (monthly billing)', region: null, unit: 'month', unitPrice: '250', source: 'Cloudflare plans page (cloudflare.com/plans, read 2026-10-07 as transcribed verbatim): Pro $20/month billed annually or $25 billed monthly; Business $200/month billed annually or $250 billed monthly.', estimate: false }),
  item({ sku: 'cloudflare:business:annual', provider: 'cloudflare', kind: 'cdn-plan', name: 'Cloudflare Business (annual billing)', region: null, unit: 'month', unitPrice: '200', source: 'Cloudflare plans page (cloudflare.com/plans, read 2026-10-07 as transcribed verbatim): Pro $20/month billed annually or $25 billed monthly; Business $200/month billed annually or $250 billed monthly.', estimate: false }),
  item({ sku: 'cloudflare:enterprise:annual', provider: 'cloudflare', kind: 'cdn-plan', name: 'Cloudflare Enterprise (annual contract)', region: null, unit: 'month', unitPrice: '3000', source: 'Estimate: Enterprise is quote-only; contracts at this traffic are commonly reported from ~$2,000–5,000/month.', estimate: true }),
  ...['europe-west9', 'europe-west3'].flatMap((region) => [
    item({ sku: 'gcp:gcs:standard', provider: 'gcp', kind: 'object-storage', name: 'Cloud Storage Standard (regional)', region, unit: 'GB-month', unitPrice: '0.023', source: 'Estimate from the Cloud Storage pricing page (European regions).', estimate: true }),
    item({ sku: 'gcp:gcs:nearline', provider: 'gcp', kind: 'object-storage', name: 'Cloud Storage Nearline (regional)', region, unit: 'GB-month', unitPrice: '0.013', source: 'Estimate from the Cloud Storage pricing page.', estimate: true }),
    item({ sku: 'gcp:gcs:coldline', provider: 'gcp', kind: 'object-storage', name: 'Cloud Storage Coldline (regional)', region, unit: 'GB-month', unitPrice: '0.006', source: 'Estimate from the Cloud Storage pricing page.', estimate: true }),
    item({ sku: 'gcp:gcs:class-a', provider: 'gcp', kind: 'object-requests', name: 'Cloud Storage Class A operations', region, unit: '1k requests', unitPrice: '0.005', source: 'Estimate: $0.05 per 10,000 Class A operations (Standard).', estimate: true }),
    item({ sku: 'gcp:gcs:class-b', provider: 'gcp', kind: 'object-requests', name: 'Cloud Storage Class B operations', region, unit: '1k requests', unitPrice: '0.0004', source: 'Estimate: $0.004 per 10,000 Class B operations (Standard).', estimate: true }),
    item({ sku: 'gcp:network:inter-region', provider: 'gcp', kind: 'data-transfer', name: 'Cloud Storage replication between European regions', region, unit: 'GB', unitPrice: '0.02', source: 'Estimate: inter-region transfer within Europe.', estimate: true }),
  ]),
  item({ sku: 'grafana:metrics', provider: 'grafana', kind: 'metrics', name: 'Grafana Cloud Pro metrics', region: null, unit: '1k series-month', unitPrice: '6.5', includedQuantity: 10, source: 'Estimate: Grafana Cloud Pro $6.50 per 1,000 active series beyond the 10,000 included.', estimate: true }),
  item({ sku: 'grafana:logs', provider: 'grafana', kind: 'logs', name: 'Grafana Cloud Pro logs', region: null, unit: 'GB', unitPrice: '0.45', includedQuantity: 50, source: 'Grafana Cloud logs invoice docs: $0.05/GB processed + $0.40/GB written after the 50 GB allotment, 30-day retention.', estimate: false }),
  item({ sku: 'grafana:platform', provider: 'grafana', kind: 'platform-fee', name: 'Grafana Cloud Pro platform fee', region: null, unit: 'month', unitPrice: '19', source: 'Estimate: Grafana Cloud Pro platform fee.', estimate: true }),
  item({ sku: 'pagerduty:business', provider: 'pagerduty', kind: 'alerting-user', name: 'PagerDuty Business', region: null, unit: 'user-month', unitPrice: '41', source: 'Estimate: PagerDuty Business per user per month, billed annually.', estimate: true }),
];

// Commitment instruments the recommendations' planner compares, one item per (term, payment option): the
// multiplier on the on-demand price (1 − discount). Dated with the day the published rate was read; the
// ones a customer negotiates, or that AWS does not publish as a single figure, are estimates (editable on
// the prices page). The upfront share follows the payment option (none, half, all).
type TInstrumentSeed = [sku: string, provider: string, name: string, term: '1y' | '3y', payment: 'no-upfront' | 'partial-upfront' | 'all-upfront', multiplier: string, estimate: boolean, date: string, source: string];
const instrumentItems: TPriceItem[] = ([
  ['aws:commitment:compute-sp', 'aws', 'Compute Savings Plan', '1y', 'partial-upfront', '0.7', true, '2026-11-02', 'AWS Savings Plans pricing page, m6i in eu-west-3: partial upfront ~30% off (read 2026-11-02; varies by instance family).'],
  ['aws:commitment:compute-sp', 'aws', 'Compute Savings Plan', '1y', 'all-upfront', '0.685', true, '2026-11-02', 'AWS Savings Plans pricing page, m6i in eu-west-3: all upfront ~31.5% off (read 2026-11-02).'],
  ['aws:commitment:compute-sp', 'aws', 'Compute Savings Plan', '3y', 'partial-upfront', '0.48', true, '2026-11-02', 'AWS Savings Plans pricing page, m6i in eu-west-3: 3 years partial upfront ~52% off (read 2026-11-02).'],
  ['aws:commitment:compute-sp', 'aws', 'Compute Savings Plan', '3y', 'all-upfront', '0.46', true, '2026-11-02', 'AWS Savings Plans pricing page, m6i in eu-west-3: 3 years all upfront ~54% off (read 2026-11-02).'],
  ['aws:commitment:ec2-ri', 'aws', 'EC2 Standard Reserved Instance', '1y', 'no-upfront', '0.64', false, '2026-11-02', 'EC2 Reserved Instances pricing, m6i.xlarge Linux eu-west-3, standard 1 year no upfront: $0.1434/h vs $0.224 on demand (read 2026-11-02).'],
  ['aws:commitment:ec2-ri', 'aws', 'EC2 Standard Reserved Instance', '1y', 'partial-upfront', '0.61', false, '2026-11-02', 'EC2 Reserved Instances pricing, m6i.xlarge Linux eu-west-3, standard 1 year partial upfront: effective $0.1366/h (read 2026-11-02).'],
  ['aws:commitment:ec2-ri', 'aws', 'EC2 Standard Reserved Instance', '1y', 'all-upfront', '0.6', false, '2026-11-02', 'EC2 Reserved Instances pricing, m6i.xlarge Linux eu-west-3, standard 1 year all upfront: effective $0.1339/h (read 2026-11-02).'],
  ['aws:commitment:ec2-ri', 'aws', 'EC2 Standard Reserved Instance', '3y', 'no-upfront', '0.45', false, '2026-11-02', 'EC2 Reserved Instances pricing, m6i.xlarge Linux eu-west-3, standard 3 years no upfront (read 2026-11-02).'],
  ['aws:commitment:ec2-ri', 'aws', 'EC2 Standard Reserved Instance', '3y', 'all-upfront', '0.4', false, '2026-11-02', 'EC2 Reserved Instances pricing, m6i.xlarge Linux eu-west-3, standard 3 years all upfront (read 2026-11-02).'],
  ['aws:commitment:elasticache-ri', 'aws', 'ElastiCache reserved node', '1y', 'partial-upfront', '0.66', true, '2026-11-02', 'ElastiCache reserved nodes pricing, cache.r7g in eu-west-3: 1 year partial upfront ~34% off (read 2026-11-02; size-flexible within a family).'],
  ['aws:commitment:elasticache-ri', 'aws', 'ElastiCache reserved node', '1y', 'all-upfront', '0.64', true, '2026-11-02', 'ElastiCache reserved nodes pricing, cache.r7g in eu-west-3: 1 year all upfront ~36% off (read 2026-11-02).'],
  ['aws:commitment:elasticache-ri', 'aws', 'ElastiCache reserved node', '3y', 'all-upfront', '0.48', true, '2026-11-02', 'ElastiCache reserved nodes pricing, cache.r7g: 3 years all upfront ~52% off (read 2026-11-02).'],
  ['aws:commitment:rds-ri', 'aws', 'RDS reserved instance', '1y', 'no-upfront', '0.69', true, '2026-11-02', 'RDS reserved instances pricing, db.m6g in eu-west-3: 1 year no upfront ~31% off (read 2026-11-02).'],
  ['aws:commitment:rds-ri', 'aws', 'RDS reserved instance', '1y', 'partial-upfront', '0.66', true, '2026-11-02', 'RDS reserved instances pricing, db.m6g: 1 year partial upfront ~34% off (read 2026-11-02).'],
  ['aws:commitment:rds-ri', 'aws', 'RDS reserved instance', '1y', 'all-upfront', '0.65', true, '2026-11-02', 'RDS reserved instances pricing, db.m6g: 1 year all upfront ~35% off (read 2026-11-02).'],
  ['aws:commitment:rds-ri', 'aws', 'RDS reserved instance', '3y', 'all-upfront', '0.45', true, '2026-11-02', 'RDS reserved instances pricing, db.m6g: 3 years all upfront ~55% off (read 2026-11-02).'],
  ['aws:commitment:cloudfront-bundle', 'aws', 'CloudFront Security Savings Bundle', '1y', 'no-upfront', '0.7', false, '2026-11-02', 'CloudFront Security Savings Bundle: a monthly commitment for one year, up to 30% off CloudFront usage (AWS page, read 2026-11-02; the bundle also credits up to 10% for AWS WAF).'],
  ['atlas:commitment', 'mongodb-atlas', 'Atlas annual commitment', '1y', 'no-upfront', '0.9', true, '2026-11-02', 'Estimate: Atlas annual commitments are negotiated with MongoDB sales, billed monthly; ~10% off at this spend. Replace with the quote.'],
  ['atlas:commitment', 'mongodb-atlas', 'Atlas annual commitment, prepaid', '1y', 'all-upfront', '0.86', true, '2026-11-02', 'Estimate: a prepaid Atlas annual commitment adds a few points of discount; replace with the quote.'],
  ['atlas:commitment', 'mongodb-atlas', 'Atlas 3-year commitment', '3y', 'no-upfront', '0.8', true, '2026-11-02', 'Estimate: multi-year Atlas commitments, ~20% off.'],
  ['redis-cloud:commitment', 'redis', 'Redis Cloud annual subscription', '1y', 'no-upfront', '0.8', true, '2026-11-02', 'Estimate: Redis Cloud annual subscriptions quoted at 20–30% off pay-as-you-go, billed monthly. Replace with the quote.'],
  ['redis-cloud:commitment', 'redis', 'Redis Cloud annual subscription, prepaid', '1y', 'all-upfront', '0.75', true, '2026-11-02', 'Estimate: prepaid annual Redis Cloud subscriptions, ~25% off.'],
] as TInstrumentSeed[]).map(([sku, provider, name, term, payment, mult, estimate, date, source]) =>
  item({ sku: `${sku}:${term}:${payment}`, provider, kind: 'commitment', name: `${name}, ${term === '1y' ? '1 year' : '3 years'}, ${payment.replace('-', ' ')}`, region: null, unit: 'multiplier', unitPrice: mult, source, estimate, effectiveDate: date }),
);

export const DEFAULT_PRICE_ITEMS: TPriceItem[] = [...ec2, ...atlas, ...aws, ...others, ...instrumentItems];
