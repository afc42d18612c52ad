// Alternatives per resource class: provider, pricing (on demand or committed) and region.
import { z } from 'zod';
import { ATLAS_TIER_NAMES, ELASTICACHE_NODE_NAMES, INSTANCE_TYPE_NAMES } from './hardware';
import { PRICING_OPTIONS } from './price-catalogue';
import { REGIONS } from './regions';

const pricing = z.enum(PRICING_OPTIONS).default('on-demand');
const region = (r: (typeof REGIONS)[number]) => z.enum(REGIONS).default(r);

export const ZApplicationOptions = z.object({
  provider: z.enum(['eks', 'ecs-fargate']).default('eks'),
  instanceType: z.enum(INSTANCE_TYPE_NAMES).default('m6i.large'),
  pricing,
  /** Region whose prices are used for every regional cluster (the catalogue prices few regions). */
  region: region('paris'),
});

export const ZAtlasOptions = z
  .object({
    pricing,
    region: region('paris'),
    /** Atlas recommends M30+ for production; the plan asks for "M30 ou supérieur". */
    minTier: z.enum(ATLAS_TIER_NAMES).default('M30'),
    /** Largest tier of one replica set before the model shards. */
    maxTier: z.enum(ATLAS_TIER_NAMES).default('M80'),
  })
  .refine((o) => ATLAS_TIER_NAMES.indexOf(o.minTier) <= ATLAS_TIER_NAMES.indexOf(o.maxTier), {
    message: 'options.atlas.minTier must not be above maxTier',
    path: ['minTier'],
  });

export const ZRedisOptions = z.object({
  provider: z.enum(['redis-enterprise', 'elasticache']).default('redis-enterprise'),
  enterpriseNodeGB: z.union([z.literal(8), z.literal(16), z.literal(32), z.literal(64)]).default(16),
  elasticacheNodeType: z.enum(ELASTICACHE_NODE_NAMES).default('cache.r7g.large'),
  pricing,
  region: region('paris'),
});

export const ZCdnOptions = z.object({
  provider: z.enum(['cloudfront', 'cloudflare']).default('cloudfront'),
  cloudflarePlan: z.enum(['pro', 'business', 'enterprise']).default('business'),
  /** 1y/3y mean annual billing for Cloudflare; CloudFront list prices have no commitment at this volume. */
  pricing,
  /** The CloudFront always-free allowance (1 TB, 10M requests) is account-wide: switch off if used elsewhere. */
  applyFreeTier: z.boolean().default(true),
});

export const ZObjectStorageOptions = z.object({
  provider: z.enum(['s3', 'gcs']).default('s3'),
  pricing,
  region: region('paris'),
  replicaRegion: region('frankfurt'),
});

export const ZMonitoringOptions = z.object({
  provider: z.enum(['grafana-cloud', 'self-hosted']).default('grafana-cloud'),
  alerting: z.enum(['pagerduty', 'none']).default('pagerduty'),
  /** Self-hosted Prometheus/Grafana/ELK nodes use this instance type. */
  instanceType: z.enum(INSTANCE_TYPE_NAMES).default('m6i.xlarge'),
  pricing,
  region: region('paris'),
});

export const ZOptions = z.object({
  application: ZApplicationOptions.prefault({}),
  atlas: ZAtlasOptions.prefault({}),
  redis: ZRedisOptions.prefault({}),
  cdn: ZCdnOptions.prefault({}),
  objectStorage: ZObjectStorageOptions.prefault({}),
  monitoring: ZMonitoringOptions.prefault({}),
});

export type TOptions = z.output<typeof ZOptions>;
export type TOptionsInput = z.input<typeof ZOptions>;

export function resolveOptions(input?: TOptionsInput): TOptions {
  return ZOptions.parse(input ?? {});
}

export const DEFAULT_OPTIONS: TOptions = resolveOptions();
