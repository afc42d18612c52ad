// Which schedule a connection syncs on. A live Redis connection samples INFO every
// sampleEveryMinutes minutes, so its schedule follows that setting rather than sync_cron.
import { ZRedisSettings, redisSchedule } from '../connectors/redis/connector';
import { getConnector } from '../connectors/registry';
import { env } from '../env';
import { AppError } from '../errors';
import { nextCronTime, parseCron } from './cron';

export function effectiveSchedule(row: { provider: string; settings: unknown; syncCron: string }): string {
  if (row.provider === 'redis') {
    const settings = ZRedisSettings.safeParse(row.settings ?? {});
    if (settings.success) return redisSchedule(settings.data);
  }
  return row.syncCron;
}

// The cron to store for a connection: the one asked for (validated), else the provider's default.
export function scheduleFor(provider: string, settings: unknown, requested: string | null | undefined): string {
  if (provider === 'redis') {
    if (requested)
      throw new AppError('BAD_REQUEST', 'a redis connection samples on its own schedule: set sampleEveryMinutes instead of syncCron', [
        { field: 'syncCron', message: 'set sampleEveryMinutes instead' },
      ]);
    return effectiveSchedule({ provider, settings, syncCron: getConnector(provider).defaultSchedule });
  }
  if (!requested) return getConnector(provider).defaultSchedule;
  return parseCron(requested).source;
}

export function orgTimeZone(): string {
  return env().ORG_TIMEZONE;
}

// When the scheduler will next start a sync (a time in the past means it is due now).
export function nextSyncAt(
  row: { provider: string; settings: unknown; syncCron: string; enabled: boolean },
  lastRunStartedAt: Date | null,
  now: Date,
): Date | null {
  if (!row.enabled) return null;
  if (!lastRunStartedAt) return now;
  try {
    return nextCronTime(parseCron(effectiveSchedule(row)), lastRunStartedAt, orgTimeZone());
  } catch {
    return null;
  }
}
