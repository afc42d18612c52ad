// The delivery log of the weekly report, newest first.
import { prisma } from '../db';

export type TReportDeliveryView = {
  id: string;
  scheduleId: string | null;
  scheduleName: string;
  week: string;
  recipient: string;
  runKey: string;
  status: string;
  attempts: number;
  messageId: string | null;
  error: string | null;
  sizeBytes: number | null;
  createdAt: string;
  sentAt: string | null;
};

export async function listReportDeliveries(options: { scheduleId?: string; week?: string; limit?: number } = {}): Promise<TReportDeliveryView[]> {
  const rows = await prisma.reportDelivery.findMany({
    where: { scheduleId: options.scheduleId, week: options.week },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: options.limit ?? 50,
  });
  return rows.map((r) => ({
    id: r.id,
    scheduleId: r.scheduleId,
    scheduleName: r.scheduleName,
    week: r.week,
    recipient: r.recipient,
    runKey: r.runKey,
    status: r.status,
    attempts: r.attempts,
    messageId: r.messageId,
    error: r.error,
    sizeBytes: r.sizeBytes,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
