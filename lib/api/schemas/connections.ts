// Request and response schemas for connections, sync runs, FOCUS import and export (they also
// feed the OpenAPI document). Credentials appear in requests only: no response schema has them.
import { z } from 'zod';
import { CONNECTION_STATUSES, PROVIDERS } from '../../connectors/types';
import { ZDay } from '../../dates';
import { ZCostFilters } from '../../queries/get-costs';

const ZName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[^\s].*$/, 'must not start with a space');

const ZSettingValue = z.union([z.string(), z.number(), z.boolean()]);

export const ZCreateConnection = z.object({
  provider: z.enum(PROVIDERS),
  name: ZName,
  settings: z.record(z.string(), ZSettingValue).default({}),
  credentials: z.record(z.string(), z.string()).default({}),
  syncCron: z.string().min(1).optional().describe('5-field cron in the organisation time zone; default the provider’s schedule'),
  enabled: z.boolean().default(true),
});
export type TCreateConnection = z.input<typeof ZCreateConnection>;

export const ZUpdateConnection = z
  .object({
    name: ZName.optional(),
    // merged into the stored settings; null removes a setting (back to its default)
    settings: z.record(z.string(), ZSettingValue.nullable()).optional(),
    // write-only: a key given with a value replaces that credential; empty, null or absent keeps it
    credentials: z.record(z.string(), z.string().nullable()).optional(),
    removeCredentials: z.array(z.string()).optional().describe('credential names to forget'),
    syncCron: z.string().min(1).nullable().optional().describe('null restores the provider’s default schedule'),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type TUpdateConnection = z.input<typeof ZUpdateConnection>;

export const ZSyncRun = z.object({
  id: z.string(),
  connectionId: z.string().nullable(),
  connectionName: z.string().nullable(),
  kind: z.string().describe('sync | import | demo'),
  source: z.string(),
  trigger: z.string().nullable().describe('schedule | manual | cli, for syncs'),
  status: z
    .enum(['running', 'succeeded', 'failed', 'interrupted'])
    .describe('interrupted: the process running it stopped before it finished (the error says what remains)'),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  rowsInserted: z.number(),
  rowsUpdated: z.number(),
  rowsUnchanged: z.number(),
  rowsRefused: z.number(),
  apiRequests: z.number(),
  apiCost: z.string().describe('decimal string'),
  apiCostCurrency: z.string(),
  error: z.string().nullable(),
  errorStatus: z.string().nullable().describe('the connection status the error maps to, e.g. authentication_failed'),
  details: z.record(z.string(), z.unknown()),
});
export type TSyncRunView = z.infer<typeof ZSyncRun>;

export const ZConnection = z.object({
  id: z.string(),
  provider: z.enum(PROVIDERS),
  providerLabel: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  credentialsHint: z.record(z.string(), z.string()).describe('last 4 characters of each stored credential ("" when too short to show any)'),
  syncCron: z.string().describe('the schedule the scheduler uses (redis: from sampleEveryMinutes)'),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRun: ZSyncRun.nullable(),
  nextSyncAt: z.string().nullable(),
});
export type TConnectionView = z.infer<typeof ZConnection>;

export const ZConnectionStatus = z.object({ status: z.enum(CONNECTION_STATUSES), message: z.string() });

export const ZSyncRequest = z
  .object({ from: ZDay.optional(), to: ZDay.optional().describe('exclusive') })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: 'must be after from (to is exclusive)', path: ['to'] })
  // a window that starts in the future has nothing to fetch: say so now, not in a failed job
  .refine((v) => !v.from || v.from <= new Date().toISOString().slice(0, 10), { message: 'must not be in the future', path: ['from'] });
export type TSyncRequest = z.infer<typeof ZSyncRequest>;

export const ZSyncEnqueued = z.object({
  jobId: z.string(),
  alreadyQueued: z.boolean().describe('true when a sync of this connection was already waiting: that job is returned'),
});

export const ZSyncRunsQuery = z.object({
  connectionId: z.string().uuid().optional(),
  kind: z.enum(['sync', 'import', 'demo']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const ZConnectionRunsQuery = ZSyncRunsQuery.pick({ limit: true });

export const ZProviderField = z.object({
  name: z.string(),
  type: z.string().describe('string | number | boolean | enum'),
  required: z.boolean(),
  secret: z.boolean(),
  description: z.string().nullable(),
  default: z.unknown().optional(),
  enum: z.array(z.string()).optional(),
  pattern: z.string().optional(),
});

export const ZProvider = z.object({
  provider: z.enum(PROVIDERS),
  label: z.string(),
  defaultSchedule: z.string(),
  defaultBackfillDays: z.number(),
  settings: z.array(ZProviderField),
  credentials: z.array(ZProviderField),
});

const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const ZFocusImportQuery = z.object({
  partial: flag.describe('1: import the valid rows and report the others; default refuses a file with any bad row'),
  name: z.string().min(1).max(200).optional().describe('the file name, kept as the rows’ source (import:<name>)'),
});

const ZRowError = z.object({ row: z.number(), column: z.string(), reason: z.string() });

export const ZFocusImportResult = z.object({
  status: z.enum(['succeeded', 'failed']),
  syncRunId: z.string(),
  source: z.string(),
  rowsRead: z.number(),
  imported: z.number(),
  refused: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(ZRowError),
  errorCount: z.number(),
  message: z.string(),
});

export const ZCostExportQuery = z
  .object({
    format: z.enum(['focus', 'csv']).default('focus').describe('both give the FOCUS 1.2 columns'),
    from: ZDay,
    to: ZDay.describe('exclusive'),
    // the costs API's filters, keys included, so that a view's export holds what the view shows
    ...ZCostFilters.shape,
  })
  .refine((q) => q.from < q.to, { message: 'must be after from (to is exclusive)', path: ['to'] });
export type TCostExportQuery = z.infer<typeof ZCostExportQuery>;
