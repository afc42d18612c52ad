// Redis Cloud Pro (Redis Enterprise) bill of the demo: the "ec-cache" database on AWS Paris, billed
// by shard-hour; upgraded from 5 GB to 25 GB when it ran into its memory limit before the migration.
import { addUtcDays } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { billedDays, type TDemoModel } from './model';
import { charge, type TDemoProvider } from './record';

export const REDIS_PROVIDER: TDemoProvider = {
  providerName: 'Redis Cloud',
  publisherName: 'Redis Ltd.',
  invoiceIssuerName: 'Redis Ltd.',
  billingAccountId: '1843207',
  billingAccountName: 'Europe Cyclisme',
  billingCurrency: 'USD',
};
export const REDIS_SUBSCRIPTION = { id: '2187634', name: 'ec-cache' };
export const REDIS_DATABASE_ID = `${REDIS_SUBSCRIPTION.id}/13084512`;
const SHARD_HOUR = '0.082';
const SHARD_GB = 2.5;

// Replicated: every primary shard has a replica.
export const redisShards = (limitGb: number) => 2 * Math.ceil(limitGb / SHARD_GB);

export function redisCosts(model: TDemoModel): TFocusRecord[] {
  return billedDays(model).map((day) => {
    const shards = redisShards(day.redisLimitGb);
    return charge({
      provider: REDIS_PROVIDER,
      start: day.date,
      end: addUtcDays(day.date, 1),
      subAccount: REDIS_SUBSCRIPTION,
      region: { id: 'eu-west-3', name: 'Europe (Paris)' },
      description: `Redis Enterprise (Cloud Pro) ${day.redisLimitGb} GB, replication, AOF persistence: ${shards} x ${SHARD_GB} GB shards`,
      service: 'Redis Cloud Pro',
      serviceCategory: 'Databases',
      resource: { id: REDIS_DATABASE_ID, name: 'ec-cache', type: 'Database' },
      sku: { id: 'RC-PRO-AWS-EU-WEST-3-RAM' },
      quantity: shards * 24,
      unit: 'Shard-Hours',
      listUnitPrice: SHARD_HOUR,
      env: 'prod',
      team: 'platform',
    });
  });
}
