// A report schedule's fields as the API, the settings form and the CLI give them, validated once:
// a bad cron, time zone, address, role or language is a 400 that names it.
import cronParser from 'cron-parser';
import { z } from 'zod';
import { ZRole } from '../auth/roles';
import { isValidTimeZone } from './iso-week';

export const REPORT_LOCALES = ['fr-FR', 'en-GB'] as const;

// five fields (minute hour day month weekday), as pg-boss and crontab read them
export function cronProblem(cron: string): string | null {
  if (cron.trim().split(/\s+/).length !== 5) return 'must have five fields: minute hour day-of-month month day-of-week, such as 0 8 * * 1';
  try {
    cronParser.parseExpression(cron, { tz: 'UTC' });
    return null;
  } catch (e) {
    return `is not a valid cron expression (${(e as Error).message})`;
  }
}

const ZCron = z
  .string()
  .trim()
  .max(120)
  .superRefine((v, ctx) => {
    const problem = cronProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('five-field cron in the schedule’s time zone; default 0 8 * * 1 (Monday 08:00)');

const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, 'is not an IANA time zone such as Europe/Paris')
  .describe('IANA time zone of the cron, default Europe/Paris');

export const ZEmail = z.string().trim().toLowerCase().max(254).email('is not an e-mail address');

export const ZReportScope = z
  .object({ provider: z.string().trim().min(1).max(200).optional().describe('only this provider’s costs (a FOCUS provider name such as AWS)') })
  .strict()
  .describe('everything ({}), or one provider’s part');

export const ZReportScheduleFields = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  cron: ZCron,
  timeZone: ZTimeZone,
  recipients: z.array(ZEmail).max(200).describe('addresses that receive the report'),
  roles: z.array(ZRole).max(3).describe('roles whose enabled members receive it too'),
  scope: ZReportScope,
  locale: z.enum(REPORT_LOCALES).describe('language and formats of the e-mail: fr-FR (default) or en-GB'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  attachCsv: z.boolean().describe('attach a CSV of the week’s costs by service'),
  enabled: z.boolean(),
});

export const ZCreateReportSchedule = ZReportScheduleFields.extend({
  cron: ZCron.default('0 8 * * 1'),
  timeZone: ZTimeZone.default('Europe/Paris'),
  recipients: ZReportScheduleFields.shape.recipients.default([]),
  roles: ZReportScheduleFields.shape.roles.default([]),
  scope: ZReportScope.default({}),
  locale: ZReportScheduleFields.shape.locale.default('fr-FR'),
  currency: ZReportScheduleFields.shape.currency.default('EUR'),
  attachCsv: z.boolean().default(false),
  enabled: z.boolean().default(true),
})
  .strict()
  .refine((v) => v.recipients.length + v.roles.length > 0, { message: 'give at least one address or role', path: ['recipients'] });

export const ZUpdateReportSchedule = ZReportScheduleFields.partial().strict();

export type TCreateReportSchedule = z.infer<typeof ZCreateReportSchedule>;
export type TUpdateReportSchedule = z.infer<typeof ZUpdateReportSchedule>;

// The last and next times a cron fires in its zone, as of an instant.
export function cronOccurrences(cron: string, timeZone: string, now: Date): { previous: Date; next: Date } {
  const expr = () => cronParser.parseExpression(cron, { tz: timeZone, currentDate: now });
  return { previous: expr().prev().toDate(), next: expr().next().toDate() };
}
