// CLI commands for the weekly report: send it (a schedule's, or the default content to --to) and
// print the HTML that would be sent.
import { prisma } from '../db';
import { appUrl, env } from '../env';
import { appLink } from '../reports/build-report';
import { isIsoWeek, isoWeek, lastCompleteWeek, type TIsoWeek } from '../reports/iso-week';
import { buildWeeklyReport } from '../reports/load-report-data';
import { renderReport } from '../reports/render-report';
import { ZEmail } from '../reports/schedule-schema';
import { scheduleScope, sendReport, unsubscribeUrl } from '../reports/send-report';
import { CliUsageError, option, type TCliArgs, type TCliCommand } from './types';

function weekOption(args: TCliArgs): TIsoWeek {
  const given = option(args, 'week');
  if (given === undefined) return lastCompleteWeek(new Date(), env().ORG_TIMEZONE);
  if (!isIsoWeek(given)) throw new CliUsageError(`--week ${given} is not an ISO week such as 2026-W49`);
  return isoWeek(given);
}

async function scheduleOption(args: TCliArgs) {
  const name = option(args, 'schedule');
  if (name === undefined) return null;
  const schedule = await prisma.reportSchedule.findUnique({ where: { name } });
  if (!schedule) {
    const names = (await prisma.reportSchedule.findMany({ select: { name: true }, orderBy: { name: 'asc' } })).map((s) => s.name);
    throw new CliUsageError(`no report schedule named ${name}${names.length ? ` (there are: ${names.join(', ')})` : ' (none yet)'}`);
  }
  return schedule;
}

export const reportCommands: TCliCommand[] = [
  {
    name: 'report:send',
    usage: 'report:send [--schedule NAME] [--to EMAIL] [--week YYYY-Www]',
    summary: 'send the weekly report now: a schedule’s to its recipients (or to --to), or without a schedule the default content to --to; the week defaults to the last complete one',
    valueOptions: ['schedule', 'to', 'week'],
    run: async (args, io) => {
      const week = weekOption(args);
      const schedule = await scheduleOption(args);
      const to = option(args, 'to');
      if (to !== undefined && !ZEmail.safeParse(to).success) throw new CliUsageError(`--to ${to} is not an e-mail address`);
      if (!schedule && !to) throw new CliUsageError('give --schedule NAME, or --to EMAIL for the default content');
      const result = await sendReport({ schedule, week, runKey: `cli:${new Date().toISOString()}`, to: to ? [to.toLowerCase()] : undefined, now: new Date() });
      if (!result.outcomes.length) io.out(`nobody to send ${week.key} to: the schedule has no recipients`);
      for (const o of result.outcomes) io.out(`${o.status.padEnd(8)} ${o.recipient}${o.messageId ? ` ${o.messageId}` : ''}${o.sizeBytes ? ` (${o.sizeBytes} bytes)` : ''}${o.error ? `: ${o.error}` : ''}`);
      return result.outcomes.some((o) => o.status === 'failed' || o.status === 'retrying') ? 1 : 0;
    },
  },
  {
    name: 'report:preview',
    usage: 'report:preview [--schedule NAME] [--week YYYY-Www] > report.html',
    summary: 'print the HTML of the weekly report as it would be sent (images by Content-ID, as in the e-mail)',
    valueOptions: ['schedule', 'week'],
    run: async (args, io) => {
      const week = weekOption(args);
      const schedule = await scheduleOption(args);
      const config = env();
      const view = await buildWeeklyReport({ week, currency: schedule?.currency ?? config.DISPLAY_CURRENCY, scope: scheduleScope(schedule), timeZone: config.ORG_TIMEZONE, appUrl: appUrl(), now: new Date() });
      const rendered = await renderReport(view, {
        locale: schedule?.locale ?? config.LOCALE,
        timeZone: config.ORG_TIMEZONE,
        scheduleName: schedule?.name ?? null,
        unsubscribeUrl: schedule ? unsubscribeUrl(schedule.id, 'preview@example.com') : null,
        manageUrl: appLink(appUrl(), '/settings', {}) + '#reports',
      });
      io.out(rendered.html);
      return 0;
    },
  },
];
