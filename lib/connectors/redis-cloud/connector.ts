// Placeholder until the Redis Cloud connector is written: it declares the provider so the registry stays
// exhaustive, and tells the user it is not implemented yet.
import { z } from 'zod';
import { emptyFetchResult, type TConnector } from '../types';

export const redisCloudConnector: TConnector<Record<string, unknown>, Record<string, unknown>> = {
  provider: 'redis-cloud',
  label: 'Redis Cloud',
  settingsSchema: z.looseObject({}),
  credentialsSchema: z.looseObject({}),
  defaultSchedule: '0 */6 * * *',
  defaultBackfillDays: 30,
  async test() {
    return { status: 'invalid_configuration', message: 'not implemented yet' };
  },
  async fetch() {
    return emptyFetchResult();
  },
};
