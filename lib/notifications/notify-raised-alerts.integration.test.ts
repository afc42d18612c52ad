// Budget alarms and anomaly alerts, as budgets and detection record them, reach the channels their
// budgets and monitors subscribe, once.
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { disconnect, prisma } from '@/lib/db';
import { setEnv } from '@/lib/env';
import { truncate } from '@/test/db';
import { WebhookReceiver } from '@/test/fakes/webhook-receiver';
import { deliverDue } from './deliver';
import { notifyAnomalyAlerts, notifyBudgetAlarms } from './notify-raised-alerts';
import { createChannel } from './save-channel';
import { setSubscriptions } from './subscriptions';

const NOW = new Date('2026-12-06T09:00:00Z');
let hook: WebhookReceiver;

beforeEach(async () => {
  await truncate('notification', 'notification_subscription', 'notification_channel', 'budget', 'anomaly_monitor', 'audit_log');
  setEnv({ LOCALE: 'en-GB', APP_URL: 'https://costs.example.com' });
  hook = await WebhookReceiver.start();
});
afterEach(async () => {
  await hook.close();
  setEnv({ LOCALE: null, APP_URL: null });
});
afterAll(() => disconnect());

it('hands a budget alarm to the budget’s channels once, with the period’s figures', async () => {
  const mine = await createChannel({ type: 'cli', label: 't' }, { type: 'webhook', name: 'Finance hook', url: `${hook.url}/finance` });
  const theirs = await createChannel({ type: 'cli', label: 't' }, { type: 'webhook', name: 'Legacy hook', url: `${hook.url}/legacy` });
  const budget = await prisma.budget.create({ data: { name: 'AWS', scope: { provider: 'AWS' }, period: 'month', currency: 'EUR', amountKind: 'fixed', amount: '1000' } });
  const threshold = await prisma.budgetThreshold.create({ data: { budgetId: budget.id, position: 0, on: 'forecast', percent: '100' } });
  await prisma.budgetPeriod.create({
    data: { budgetId: budget.id, periodKey: '2026-12', startDay: new Date('2026-12-01'), endDay: new Date('2027-01-01'), amount: '1000', actual: '420.5', forecast: '1085', state: 'alarm', evaluatedAt: NOW },
  });
  await prisma.budgetAlarm.create({ data: { budgetId: budget.id, thresholdId: threshold.id, periodKey: '2026-12', on: 'forecast', limit: '1000', value: '1085', currency: 'EUR' } });
  // one channel through the generic table, one through the budget's own (a channel id that is gone is skipped)
  await prisma.$transaction((tx) => setSubscriptions(tx, 'budget', budget.id, [{ channelId: mine.id }]));
  await prisma.budgetSubscription.createMany({ data: [{ budgetId: budget.id, channelId: theirs.id, frequency: 'immediate' }, { budgetId: budget.id, channelId: '00000000-0000-4000-8000-000000000000', frequency: 'immediate' }] });

  const { listChannels } = await import('@/lib/queries/list-channels');
  expect((await listChannels()).map((c) => [c.name, c.subscriptions])).toEqual([['Finance hook', 1], ['Legacy hook', 1]]);
  expect(await notifyBudgetAlarms({ now: NOW })).toBe(1);
  expect(await notifyBudgetAlarms({ now: NOW })).toBe(0);
  expect((await prisma.budgetAlarm.findFirstOrThrow()).notifiedAt).toEqual(NOW);
  await deliverDue({ now: new Date(NOW.getTime() + 60_000) });
  expect(hook.hits.map((h) => h.path).sort()).toEqual(['/finance', '/legacy']);
  // deleting a channel ends the budget's own subscription to it too
  const { deleteChannel } = await import('./save-channel');
  await deleteChannel({ type: 'cli', label: 't' }, theirs.id);
  expect(await prisma.budgetSubscription.findMany({ where: { channelId: theirs.id } })).toEqual([]);
  const body = JSON.parse(hook.hits[0].body);
  expect(body.subject).toMatch(/^Budget AWS: the forecast crosses 100% \(/);
  expect(body.notifications[0].data).toMatchObject({ budgetName: 'AWS', periodStart: '2026-12-01', periodEnd: '2027-01-01', amount: '1000.00', actual: '420.50', forecast: '1085.00', threshold: { on: 'forecast', percent: 100 } });
});

it('hands a new anomaly and its doubling to the monitor’s channels, each once', async () => {
  const channel = await createChannel({ type: 'cli', label: 't' }, { type: 'webhook', name: 'Ops', url: `${hook.url}/ops`, format: 'slack' });
  const monitor = await prisma.anomalyMonitor.create({ data: { kind: 'service', key: 'AWS:EC2', name: 'Amazon EC2' } });
  await prisma.$transaction((tx) => setSubscriptions(tx, 'anomaly_monitor', monitor.id, [{ channelId: channel.id }]));
  const anomaly = await prisma.anomaly.create({
    data: { monitorId: monitor.id, startDay: new Date('2026-12-03'), endDay: new Date('2026-12-04'), direction: 'increase', currency: 'EUR', expected: '300', actual: '780', impact: '480', impactPercent: '160', score: 9 },
  });
  await prisma.anomalyAlert.create({ data: { anomalyId: anomaly.id, reason: 'found', impact: '480', currency: 'EUR' } });
  expect(await notifyAnomalyAlerts({ now: NOW })).toBe(1);
  await prisma.anomalyAlert.create({ data: { anomalyId: anomaly.id, reason: 'impact_doubled', impact: '960', currency: 'EUR' } });
  // a second later: the sweep delivers a channel's notifications in the order they were raised
  expect(await notifyAnomalyAlerts({ now: new Date(NOW.getTime() + 1000) })).toBe(1);
  expect(await notifyAnomalyAlerts({ now: NOW })).toBe(0);
  await deliverDue({ now: new Date(NOW.getTime() + 60_000) });
  expect(hook.hits.map((h) => JSON.parse(h.body).text)).toEqual([expect.stringMatching(/^Cost anomaly: Amazon EC2 up /), expect.stringMatching(/^Cost anomaly grew: Amazon EC2 up /)]);
});
