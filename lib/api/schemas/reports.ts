// API shapes of report schedules, sends and the delivery log.
import { z } from 'zod';
import { ZEmail, ZReportScheduleFields } from '../../reports/schedule-schema';
import { ZIsoWeek } from '../../reports/iso-week';

export const ZReportSchedule = ZReportScheduleFields.extend({
  id: z.string().uuid(),
  unsubscribed: z.array(z.string()).describe('addresses that left by the one-click link (kept out even when a role brings them)'),
  nextRunAt: z.string().nullable().describe('the next occurrence of the cron, null when disabled'),
  lastOccurrenceAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZSendReport = z
  .object({
    to: ZEmail.optional().describe('send only to this address (a test); default: the schedule’s recipients'),
    week: ZIsoWeek.optional().describe('YYYY-Www; default: the last complete week in ORG_TIMEZONE'),
  })
  .strict();

export const ZSendReportResult = z.object({
  week: z.string(),
  outcomes: z.array(
    z.object({
      recipient: z.string(),
      status: z.enum(['sent', 'skipped', 'retrying', 'failed']),
      messageId: z.string().optional(),
      sizeBytes: z.number().optional(),
      error: z.string().optional().describe('the SMTP server’s answer, credentials scrubbed'),
    }),
  ),
});

export const ZReportDeliveriesQuery = z
  .object({
    scheduleId: z.string().uuid().optional(),
    week: ZIsoWeek.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const ZReportDelivery = z.object({
  id: z.string().uuid(),
  scheduleId: z.string().uuid().nullable(),
  scheduleName: z.string(),
  week: z.string(),
  recipient: z.string(),
  runKey: z.string().describe('scheduled for the cron’s run; manual:… or test:… for a send now'),
  status: z.enum(['sending', 'sent', 'retrying', 'failed']),
  attempts: z.number(),
  messageId: z.string().nullable(),
  error: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const ZUnsubscribeQuery = z.object({ token: z.string().min(1).max(2000) });
