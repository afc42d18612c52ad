// Turns the alerts that budgets and anomaly detection record (budget_alarm, anomaly_alert: their own
// outboxes, a row per threshold and period, per anomaly found or doubled) into notifications for the
// channels subscribed. Each row is claimed (FOR UPDATE SKIP LOCKED), enqueued and marked in one
// transaction; the dedupe key makes a second pass (a crash between enqueue and mark, two workers)
// send nothing twice. Runs after each budget evaluation and detection, and in the minute sweep.
import { prisma } from '../db';
import { logger } from '../logger';
import { dispatchNotifications, enqueueNotification } from './enqueue-notification';

const money = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? null : Number(v.toString()).toFixed(2));

export async function notifyBudgetAlarms(options: { now?: Date } = {}): Promise<number> {
  const ids: string[] = [];
  let count = 0;
  for (;;) {
    const done = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM budget_alarm WHERE notified_at IS NULL ORDER BY raised_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!row) return false;
      const alarm = await tx.budgetAlarm.findUniqueOrThrow({ where: { id: row.id }, include: { budget: { include: { subscriptions: true } }, threshold: true } });
      const period = await tx.budgetPeriod.findUnique({ where: { budgetId_periodKey: { budgetId: alarm.budgetId, periodKey: alarm.periodKey } } });
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      const created = await enqueueNotification(
        {
          targetType: 'budget',
          targetId: alarm.budgetId,
          dedupeKey: `budget:${alarm.budgetId}:${alarm.periodKey}:${alarm.thresholdId}`,
          kind: 'budget_threshold',
          subscriptions: alarm.budget.subscriptions,
          payload: {
            budgetId: alarm.budgetId,
            budgetName: alarm.budget.name,
            periodStart: period ? iso(period.startDay) : alarm.periodKey,
            periodEnd: period ? iso(period.endDay) : alarm.periodKey,
            currency: alarm.currency,
            amount: money(period?.amount) ?? money(alarm.limit),
            actual: money(period?.actual) ?? (alarm.on === 'actual' ? money(alarm.value) : '0.00'),
            forecast: money(period?.forecast) ?? (alarm.on === 'forecast' ? money(alarm.value) : null),
            threshold: {
              on: alarm.on,
              ...(alarm.threshold.percent !== null ? { percent: Number(alarm.threshold.percent) } : { amount: money(alarm.threshold.amount ?? alarm.limit) }),
            },
          },
        },
        { db: tx, now: options.now },
      );
      ids.push(...created.created.filter((c) => c.frequency === 'immediate').map((c) => c.id));
      await tx.budgetAlarm.update({ where: { id: alarm.id }, data: { notifiedAt: options.now ?? new Date() } });
      count++;
      return true;
    });
    if (!done) break;
  }
  await dispatchNotifications(ids);
  if (count) logger.info({ alarms: count }, 'budget alarms handed to notifications');
  return count;
}

export async function notifyAnomalyAlerts(options: { now?: Date } = {}): Promise<number> {
  const ids: string[] = [];
  let count = 0;
  for (;;) {
    const done = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM anomaly_alert WHERE processed_at IS NULL ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!row) return false;
      const alert = await tx.anomalyAlert.findUniqueOrThrow({ where: { id: row.id }, include: { anomaly: { include: { monitor: { include: { subscriptions: true } } } } } });
      const a = alert.anomaly;
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      const created = await enqueueNotification(
        {
          targetType: 'anomaly_monitor',
          targetId: a.monitorId,
          dedupeKey: `anomaly:${a.id}:${alert.reason}`,
          kind: 'anomaly',
          subscriptions: a.monitor.subscriptions,
          payload: {
            anomalyId: a.id,
            monitorName: a.monitor.name,
            scope: '',
            startDay: iso(a.startDay),
            endDay: iso(a.endDay),
            direction: a.direction === 'decrease' || a.direction === 'down' ? 'decrease' : 'increase',
            currency: a.currency,
            expected: money(a.expected),
            actual: money(a.actual),
            impact: money(alert.reason === 'impact_doubled' ? alert.impact : a.impact),
            impactPercent: a.impactPercent === null ? null : Number(a.impactPercent),
            reason: alert.reason === 'impact_doubled' ? 'impact_doubled' : 'new',
          },
        },
        { db: tx, now: options.now },
      );
      ids.push(...created.created.filter((c) => c.frequency === 'immediate').map((c) => c.id));
      await tx.anomalyAlert.update({ where: { id: alert.id }, data: { processedAt: options.now ?? new Date() } });
      count++;
      return true;
    });
    if (!done) break;
  }
  await dispatchNotifications(ids);
  if (count) logger.info({ alerts: count }, 'anomaly alerts handed to notifications');
  return count;
}
