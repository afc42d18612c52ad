// Report schedules as the API and the settings page show them, with their next run.
import { prisma } from '../db';
import type { ReportSchedule } from '../generated/prisma/client';
import { cronOccurrences } from '../reports/schedule-schema';

export type TReportScheduleView = {
  id: string;
  name: string;
  cron: string;
  timeZone: string;
  recipients: string[];
  roles: string[];
  unsubscribed: string[];
  scope: { provider?: string };
  locale: string;
  currency: string;
  attachCsv: boolean;
  enabled: boolean;
  nextRunAt: string | null;
  lastOccurrenceAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function toScheduleView(row: ReportSchedule, now = new Date()): TReportScheduleView {
  return {
    id: row.id,
    name: row.name,
    cron: row.cron,
    timeZone: row.timeZone,
    recipients: row.recipients,
    roles: row.roles,
    unsubscribed: row.unsubscribed,
    scope: (row.scope ?? {}) as { provider?: string },
    locale: row.locale,
    currency: row.currency,
    attachCsv: row.attachCsv,
    enabled: row.enabled,
    nextRunAt: row.enabled ? cronOccurrences(row.cron, row.timeZone, now).next.toISOString() : null,
    lastOccurrenceAt: row.lastOccurrenceAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listReportSchedules(): Promise<TReportScheduleView[]> {
  const rows = await prisma.reportSchedule.findMany({ orderBy: { name: 'asc' } });
  return rows.map((r) => toScheduleView(r));
}

export async function getReportSchedule(id: string): Promise<TReportScheduleView | null> {
  const row = await prisma.reportSchedule.findUnique({ where: { id } });
  return row ? toScheduleView(row) : null;
}
