// Report schedules' writes: create, change, delete, the one-click unsubscribe, and the demo's default.
import { audit } from '../audit';
import type { TActor } from '../auth/actor';
import { prisma } from '../db';
import { AppError } from '../errors';
import type { ReportSchedule } from '../generated/prisma/client';
import { Prisma } from '../generated/prisma/client';
import type { TCreateReportSchedule, TUpdateReportSchedule } from './schedule-schema';

type TAuditActor = TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null };

function nameTaken(error: unknown, name: string | undefined): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
    throw new AppError('CONFLICT', `a report schedule named ${name} already exists`, [{ field: 'name', message: 'already used' }]);
  throw error;
}

export async function findScheduleOr404(id: string): Promise<ReportSchedule> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const row = uuid ? await prisma.reportSchedule.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError('NOT_FOUND', `no report schedule ${id}`);
  return row;
}

export async function createReportSchedule(input: TCreateReportSchedule, actor: TAuditActor): Promise<ReportSchedule> {
  const row = await prisma.reportSchedule
    .create({ data: { ...input, recipients: [...new Set(input.recipients)], roles: [...new Set(input.roles)] } })
    .catch((e) => nameTaken(e, input.name));
  await audit(actor, 'report_schedule.create', { type: 'report_schedule', id: row.id }, { name: row.name });
  return row;
}

export async function updateReportSchedule(id: string, patch: TUpdateReportSchedule, actor: TAuditActor): Promise<ReportSchedule> {
  const current = await findScheduleOr404(id);
  const recipients = patch.recipients ? [...new Set(patch.recipients)] : current.recipients;
  const roles = patch.roles ? [...new Set(patch.roles)] : current.roles;
  if (recipients.length + roles.length === 0) throw new AppError('BAD_REQUEST', 'recipients: give at least one address or role', [{ field: 'recipients', message: 'give at least one address or role' }]);
  // an address an administrator adds again is subscribed again
  const unsubscribed = patch.recipients ? current.unsubscribed.filter((a) => !recipients.includes(a)) : current.unsubscribed;
  const row = await prisma.reportSchedule
    .update({ where: { id }, data: { ...patch, recipients, roles, unsubscribed } })
    .catch((e) => nameTaken(e, patch.name));
  await audit(actor, 'report_schedule.update', { type: 'report_schedule', id }, { fields: Object.keys(patch) });
  return row;
}

export async function deleteReportSchedule(id: string, actor: TAuditActor): Promise<void> {
  const row = await findScheduleOr404(id);
  await prisma.reportSchedule.delete({ where: { id } });
  await audit(actor, 'report_schedule.delete', { type: 'report_schedule', id }, { name: row.name });
}

// Removes an address from a schedule: from its addresses, and kept out of its roles' members.
export async function unsubscribeAddress(scheduleId: string, address: string): Promise<ReportSchedule | null> {
  const a = address.toLowerCase();
  const row = await prisma.reportSchedule.findUnique({ where: { id: scheduleId } });
  if (!row) return null;
  const updated = await prisma.reportSchedule.update({
    where: { id: scheduleId },
    data: { recipients: row.recipients.filter((r) => r.toLowerCase() !== a), unsubscribed: [...new Set([...row.unsubscribed, a])] },
  });
  await audit({ type: 'system', label: a }, 'report_schedule.unsubscribe', { type: 'report_schedule', id: scheduleId }, { address: a });
  return updated;
}

export const DEFAULT_SCHEDULE_NAME = 'Rapport hebdomadaire';

// The demo's schedule: Monday 08:00 in Paris, in French, to the administrators.
export async function ensureDefaultReportSchedule(): Promise<void> {
  await prisma.reportSchedule.upsert({
    where: { name: DEFAULT_SCHEDULE_NAME },
    create: { name: DEFAULT_SCHEDULE_NAME, cron: '0 8 * * 1', timeZone: 'Europe/Paris', roles: ['admin'], locale: 'fr-FR', currency: 'EUR' },
    update: {},
  });
}
