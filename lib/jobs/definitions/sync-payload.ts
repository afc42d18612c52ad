// The sync-connection job's name and payload, apart from its handler so that producers (API,
// scheduler) can send it without loading the ingestion code.
import { z } from 'zod';
import { ZDay } from '../../dates';

export const SYNC_CONNECTION_JOB = 'sync-connection';

export const ZSyncJobPayload = z.object({
  connectionId: z.string().uuid(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  trigger: z.enum(['schedule', 'manual', 'cli']).default('schedule'),
});
export type TSyncJobPayload = z.infer<typeof ZSyncJobPayload>;

// Retrying cannot fix these: the connection must be changed first.
export const NO_RETRY_STATUSES: ReadonlySet<string> = new Set(['authentication_failed', 'invalid_configuration']);

export function dayToDate(day: string | undefined): Date | undefined {
  return day ? new Date(`${day}T00:00:00.000Z`) : undefined;
}
