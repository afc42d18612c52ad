// Notifications end to end on the real database: a real SMTP server (smtp-server, messages parsed
// back with mailparser) and a local HTTP receiver for webhooks, with the signature checked.
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFormatter } from '@/lib/format/formatter';
import { disconnect, prisma, withTransaction } from '@/lib/db';
import { setEnv } from '@/lib/env';
import { SmtpReceiver } from '@/test/fakes/smtp-receiver';
import { WebhookReceiver } from '@/test/fakes/webhook-receiver';
import { truncate } from '@/test/db';
import { deliverDue, deliverNotification, sendDigests } from './deliver';
import { enqueueNotification } from './enqueue-notification';
import type { TBudgetThresholdPayload, TAnomalyPayload } from './payloads';
import { createChannel } from './save-channel';
import { sendChannelTest } from './send-test';
import { verifySignature } from './signature';
import { listSubscriptions, setSubscriptions, setSubscriptionsWithClient } from './subscriptions';

const actor = { type: 'cli' as const, label: 'test' };
const SMTP_USER = 'mailer';
const SMTP_PASSWORD = 'Sm7p-P@ss/w0rd!x';
const HOOK_SECRET = 'whsec-integration-0123456789';
const BUDGET = '11111111-1111-4111-8111-111111111111';
const MONITOR = '22222222-2222-4222-8222-222222222222';
const T0 = new Date('2026-12-06T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const budgetPayload: TBudgetThresholdPayload = {
  budgetId: BUDGET,
  budgetName: 'Production AWS',
  periodStart: '2026-12-01',
  periodEnd: '2027-01-01',
  currency: 'EUR',
  amount: '10000',
  actual: '4200.50',
  forecast: '10850',
  threshold: { on: 'forecast', percent: 100 },
};
const anomalyPayload: TAnomalyPayload = {
  anomalyId: '33333333-3333-4333-8333-333333333333',
  monitorName: 'Amazon EC2',
  scope: 'AWS · Amazon EC2',
  startDay: '2026-12-03',
  endDay: '2026-12-04',
  direction: 'increase',
  currency: 'EUR',
  expected: '300',
  actual: '780',
  impact: '480',
  impactPercent: 160,
};

let smtp: SmtpReceiver | null = null;
let hook: WebhookReceiver | null = null;

function smtpUrl(port: number, password = SMTP_PASSWORD) {
  return `smtp://${SMTP_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function emailChannel(addresses = ['finance@example.com', 'cto@example.com']) {
  return createChannel(actor, { type: 'email', name: 'Finance', addresses });
}
async function webhookChannel(url: string, options: { format?: 'json' | 'slack'; name?: string; secret?: string | null } = {}) {
  return createChannel(actor, { type: 'webhook', name: options.name ?? 'Ops hook', url, ...(options.secret === null ? {} : { secret: options.secret ?? HOOK_SECRET }), format: options.format ?? 'json' });
}
async function subscribe(channelIds: string[], frequency: 'immediate' | 'daily' = 'immediate', target = BUDGET, type: 'budget' | 'anomaly_monitor' = 'budget') {
  await prisma.$transaction((tx) => setSubscriptions(tx, type, target, channelIds.map((channelId) => ({ channelId, frequency }))));
}
function enqueueBudget(dedupeKey = `budget:${BUDGET}:2026-12:forecast-100`, now = T0) {
  return enqueueNotification({ targetType: 'budget', targetId: BUDGET, dedupeKey, kind: 'budget_threshold', payload: budgetPayload }, { now, dispatch: false });
}
const fast = { baseDelayMs: 60_000, timeoutMs: 2_000 };

beforeEach(async () => {
  await truncate('notification', 'notification_subscription', 'notification_channel', 'audit_log');
  setEnv({ LOCALE: 'en-GB', ORG_TIMEZONE: 'Europe/Paris', APP_URL: 'https://costs.example.com', SMTP_URL: null, MAIL_FROM: null });
});
afterEach(async () => {
  await smtp?.close();
  await hook?.close();
  smtp = hook = null;
  setEnv({ LOCALE: null, APP_URL: null, SMTP_URL: null, MAIL_FROM: null });
});
afterAll(() => disconnect());

describe('e-mail', () => {
  it('sends one message per recipient through an authenticated SMTP server, in the organisation language', async () => {
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: SMTP_PASSWORD });
    setEnv({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'Tourmalet <costs@example.com>' });
    const channel = await emailChannel();
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const outcome = await deliverNotification(created[0].id, { now: T0, ...fast });
    expect(outcome).toMatchObject({ status: 'sent', attempts: 1, error: null });

    expect(smtp.authAttempts).toEqual([{ username: SMTP_USER, ok: true }]);
    expect(smtp.received.map((r) => r.envelopeTo)).toEqual([['finance@example.com'], ['cto@example.com']]);
    const fmt = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });
    const { mail } = smtp.received[0];
    expect(mail.subject).toBe(`Budget Production AWS: the forecast crosses 100% (${fmt.money('10850')} forecast for ${fmt.money('10000')})`);
    expect((mail.to as { text: string }).text).toBe('finance@example.com');
    expect(mail.from?.value).toEqual([{ name: 'Tourmalet', address: 'costs@example.com' }]);
    expect(mail.text).toContain('there is still time to act before the money is spent');
    expect(mail.text).toContain(`Spent so far: ${fmt.money('4200.50')} (42% of the budget)`);
    expect(mail.text).toContain('Open in Tourmalet: https://costs.example.com/budgets');
    expect(mail.html).toContain('<table');
    expect(mail.html).toContain(fmt.money('10850'));
    expect(mail.headers.get('x-tourmalet-notification')).toBe(created[0].id);
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: created[0].id } });
    expect(row).toMatchObject({ status: 'sent', deliveredTo: ['finance@example.com', 'cto@example.com'], sentAt: T0 });
  });

  it('speaks French with LOCALE=fr-FR, money through the formatter', async () => {
    setEnv({ LOCALE: 'fr-FR' });
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: SMTP_PASSWORD });
    setEnv({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'costs@example.com' });
    const channel = await emailChannel(['dsi@example.fr']);
    await subscribe([channel.id], 'immediate', MONITOR, 'anomaly_monitor');
    const { created } = await enqueueNotification({ targetType: 'anomaly_monitor', targetId: MONITOR, dedupeKey: 'anomaly:x:new', kind: 'anomaly', payload: anomalyPayload }, { now: T0, dispatch: false });
    await deliverNotification(created[0].id, { now: T0, ...fast });
    const fmt = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });
    const { mail } = smtp.received[0];
    expect(mail.subject).toBe(`Anomalie de coût : Amazon EC2 en hausse de ${fmt.money('480')} (${fmt.dayRange('2026-12-03', '2026-12-04')})`);
    expect(mail.text).toContain(`Attendu: ${fmt.money('300')}`);
    expect(mail.text).toContain(`Impact: ${fmt.moneySigned('480')} (${fmt.change(1.6)})`);
    expect(mail.html).toContain('lang="fr"');
  });

  it('never shows the SMTP password: a refused login is retried and logged with it redacted', async () => {
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: 'the-right-one-000' });
    setEnv({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'costs@example.com' });
    const channel = await emailChannel(['finance@example.com']);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const outcome = await deliverNotification(created[0].id, { now: T0, ...fast });
    expect(outcome?.status).toBe('retrying');
    expect(smtp.authAttempts).toEqual([{ username: SMTP_USER, ok: false }]);
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: created[0].id } });
    expect(row.lastError).toMatch(/Invalid username or password/);
    const stored = JSON.stringify(row);
    for (const form of [SMTP_PASSWORD, encodeURIComponent(SMTP_PASSWORD), Buffer.from(`${SMTP_USER}:${SMTP_PASSWORD}`).toString('base64'), Buffer.from(`\0${SMTP_USER}\0${SMTP_PASSWORD}`).toString('base64')])
      expect(stored).not.toContain(form);
  });

  it('retries while the SMTP server is down, then delivers once it is back', async () => {
    const port = await freePort();
    setEnv({ SMTP_URL: smtpUrl(port), MAIL_FROM: 'costs@example.com' });
    const channel = await emailChannel(['finance@example.com']);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const first = await deliverNotification(created[0].id, { now: T0, ...fast });
    expect(first).toMatchObject({ status: 'retrying', attempts: 1, nextAttemptAt: at(1) });
    expect(first?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(first?.error).not.toContain(SMTP_PASSWORD);
    // not due yet: nothing happens
    expect(await deliverNotification(created[0].id, { now: at(0.5), ...fast })).toBeNull();
    const second = await deliverNotification(created[0].id, { now: at(1), ...fast });
    expect(second).toMatchObject({ status: 'retrying', attempts: 2, nextAttemptAt: at(3) });
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: SMTP_PASSWORD, port });
    const results = await deliverDue({ now: at(3), ...fast });
    expect(results).toMatchObject([{ id: created[0].id, status: 'sent', attempts: 3 }]);
    expect(smtp.received).toHaveLength(1);
  });

  it('a retry sends only to the addresses that did not get it; a 550 refusal fails for good', async () => {
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: SMTP_PASSWORD });
    setEnv({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'costs@example.com' });
    smtp.refuse.set('cto@example.com', 451);
    const channel = await emailChannel(['finance@example.com', 'cto@example.com']);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    expect(await deliverNotification(created[0].id, { now: T0, ...fast })).toMatchObject({ status: 'retrying' });
    expect(smtp.received.map((r) => r.envelopeTo[0])).toEqual(['finance@example.com']);
    smtp.refuse.clear();
    expect(await deliverNotification(created[0].id, { now: at(1), ...fast })).toMatchObject({ status: 'sent' });
    expect(smtp.received.map((r) => r.envelopeTo[0])).toEqual(['finance@example.com', 'cto@example.com']);

    smtp.refuse.set('gone@example.com', 550);
    const other = await createChannel(actor, { type: 'email', name: 'Gone', addresses: ['gone@example.com'] });
    await subscribe([other.id], 'immediate', MONITOR, 'anomaly_monitor');
    const { created: c2 } = await enqueueNotification({ targetType: 'anomaly_monitor', targetId: MONITOR, dedupeKey: 'a:1', kind: 'anomaly', payload: anomalyPayload }, { now: T0, dispatch: false });
    const failed = await deliverNotification(c2[0].id, { now: T0, ...fast });
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed?.error).toMatch(/gone@example.com: .*550/);
  });

  it('keeps the alert pending, with what to set, while SMTP is not configured', async () => {
    const channel = await emailChannel(['finance@example.com']);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    expect(await deliverNotification(created[0].id, { now: T0, ...fast })).toMatchObject({ status: 'retrying', error: 'e-mail is not configured: set SMTP_URL and MAIL_FROM, then restart' });
  });
});

describe('webhook', () => {
  it('POSTs JSON signed Stripe-style over "t.body" with the channel secret', async () => {
    hook = await WebhookReceiver.start();
    const channel = await webhookChannel(`${hook.url}/hooks/tourmalet`);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const outcome = await deliverNotification(created[0].id, { now: T0, ...fast });
    expect(outcome?.status).toBe('sent');
    expect(hook.hits).toHaveLength(1);
    const [hit] = hook.hits;
    expect(hit.path).toBe('/hooks/tourmalet');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['tourmalet-delivery']).toBe(created[0].id);
    expect(hit.headers['tourmalet-event']).toBe('budget_threshold');
    const signature = String(hit.headers['tourmalet-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signature.startsWith(`t=${T0.getTime() / 1000},`)).toBe(true);
    expect(verifySignature(signature, hit.body, HOOK_SECRET, { now: T0 })).toBe(true);
    expect(verifySignature(signature, hit.body, 'another-secret-0000', { now: T0 })).toBe(false);
    const t = signature.split(',')[0].slice(2);
    expect(signature.split('v1=')[1]).toBe(crypto.createHmac('sha256', HOOK_SECRET).update(`${t}.${hit.body}`).digest('hex'));
    const body = JSON.parse(hit.body);
    expect(body).toMatchObject({ id: created[0].id, type: 'budget_threshold', channel: 'Ops hook', link: 'https://costs.example.com/budgets' });
    expect(body.notifications[0]).toMatchObject({ kind: 'budget_threshold', dedupeKey: `budget:${BUDGET}:2026-12:forecast-100`, data: { budgetName: 'Production AWS', forecast: '10850' } });
  });

  it('sends a body Slack accepts when format is slack, unsigned without a secret', async () => {
    hook = await WebhookReceiver.start();
    const channel = await webhookChannel(`${hook.url}/services/T000/B000/XXXXsecretpath`, { format: 'slack', secret: null });
    expect(channel).toMatchObject({ hasSecret: false, urlHint: `${hook.url}/…path` });
    await subscribe([channel.id], 'immediate', MONITOR, 'anomaly_monitor');
    const { created } = await enqueueNotification({ targetType: 'anomaly_monitor', targetId: MONITOR, dedupeKey: 'anomaly:1:new', kind: 'anomaly', payload: anomalyPayload }, { now: T0, dispatch: false });
    await deliverNotification(created[0].id, { now: T0, ...fast });
    const [hit] = hook.hits;
    expect(hit.headers['tourmalet-signature']).toBeUndefined();
    const body = JSON.parse(hit.body);
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
    expect(body.text).toMatch(/^Cost anomaly: Amazon EC2 up /);
    expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(body.blocks[0].text.text).toMatch(/^\*Cost anomaly: Amazon EC2 up .*\*\n/);
    expect(body.blocks[0].text.text).toContain('• Scope: AWS · Amazon EC2');
    expect(body.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '<https://costs.example.com/anomalies|Open in Tourmalet>' }] });
  });

  it('retries a 500 and a timeout with exponential backoff, then delivers; the same delivery id each time', async () => {
    hook = await WebhookReceiver.start();
    hook.script = [{ status: 500, body: 'upstream down' }, { delayMs: 3_000 }];
    const channel = await webhookChannel(`${hook.url}/h`);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const id = created[0].id;
    expect(await deliverNotification(id, { now: T0, ...fast, timeoutMs: 300 })).toMatchObject({ status: 'retrying', attempts: 1, nextAttemptAt: at(1), error: 'HTTP 500: upstream down' });
    expect(await deliverNotification(id, { now: at(1), ...fast, timeoutMs: 300 })).toMatchObject({ status: 'retrying', attempts: 2, nextAttemptAt: at(3), error: 'no answer within 0 s' });
    expect(await deliverNotification(id, { now: at(3), ...fast, timeoutMs: 300 })).toMatchObject({ status: 'sent', attempts: 3, error: null });
    expect(hook.hits.map((h) => h.headers['tourmalet-delivery'])).toEqual([id, id, id]);
  });

  it('abandons after the last attempt, visibly, and a 404 fails at once', async () => {
    hook = await WebhookReceiver.start();
    hook.script = Array.from({ length: 5 }, () => ({ status: 503 }));
    const channel = await webhookChannel(`${hook.url}/h`);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const id = created[0].id;
    let now = T0;
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await deliverNotification(id, { now, ...fast, maxAttempts: 3 });
      statuses.push(r!.status);
      now = r!.nextAttemptAt ?? now;
    }
    expect(statuses).toEqual(['retrying', 'retrying', 'abandoned']);
    const row = await prisma.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'abandoned', attempts: 3, lastError: 'gave up after 3 attempts: HTTP 503: ok' });
    expect(await deliverNotification(id, { now: at(600), ...fast, maxAttempts: 3 })).toBeNull();
    expect(hook.hits).toHaveLength(3);

    hook.script = [{ status: 404, body: 'no such hook' }];
    const { created: c2 } = await enqueueBudget('budget:other');
    expect(await deliverNotification(c2[0].id, { now: T0, ...fast })).toMatchObject({ status: 'failed', error: 'HTTP 404: no such hook' });
  });

  it('fails at once, saying which fields, an alert whose stored data no longer parses', async () => {
    hook = await WebhookReceiver.start();
    const channel = await webhookChannel(`${hook.url}/h`);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    await prisma.notification.update({ where: { id: created[0].id }, data: { payload: { budgetName: 'x' } } });
    const r = await deliverNotification(created[0].id, { now: T0, ...fast });
    expect(r).toMatchObject({ status: 'failed' });
    expect(r?.error).toMatch(/^the alert's stored data is not valid: budgetId: .*; periodStart: /);
    expect(hook.hits).toHaveLength(0);
  });

  it('scrubs the webhook URL path and secret from a network error', async () => {
    const port = await freePort();
    const channel = await webhookChannel(`http://127.0.0.1:${port}/services/T0/B0/sup3rS3cretT0ken`);
    await subscribe([channel.id]);
    const { created } = await enqueueBudget();
    const r = await deliverNotification(created[0].id, { now: T0, ...fast });
    expect(r?.status).toBe('retrying');
    expect(r?.error).not.toContain('sup3rS3cretT0ken');
  });
});

describe('idempotency and isolation', () => {
  it('enqueuing the same alert twice queues it once per channel and sends it once', async () => {
    hook = await WebhookReceiver.start();
    const a = await webhookChannel(`${hook.url}/a`, { name: 'A' });
    const b = await webhookChannel(`${hook.url}/b`, { name: 'B' });
    await subscribe([a.id, b.id]);
    const first = await enqueueBudget();
    const second = await enqueueBudget();
    expect(first.created).toHaveLength(2);
    expect(second).toEqual({ created: [], alreadyQueued: 2 });
    await deliverDue({ now: T0, ...fast });
    await deliverDue({ now: at(5), ...fast });
    const third = await enqueueBudget();
    expect(third.created).toHaveLength(0);
    await deliverDue({ now: at(10), ...fast });
    expect(hook.hits.map((h) => h.path).sort()).toEqual(['/a', '/b']);
  });

  it('two workers sweeping at once send each notification exactly once', async () => {
    hook = await WebhookReceiver.start();
    const a = await webhookChannel(`${hook.url}/a`, { name: 'A' });
    await subscribe([a.id]);
    for (let i = 0; i < 6; i++) await enqueueBudget(`budget:${i}`);
    const [one, two] = await Promise.all([deliverDue({ now: T0, ...fast }), deliverDue({ now: T0, ...fast })]);
    expect([...one, ...two].filter((r) => r.status === 'sent')).toHaveLength(6);
    expect(hook.hits).toHaveLength(6);
    expect(new Set(hook.hits.map((h) => h.headers['tourmalet-delivery'])).size).toBe(6);
  });

  it('a failing channel does not hold the others back', async () => {
    hook = await WebhookReceiver.start();
    hook.script = [{ delayMs: 3_000 }];
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: SMTP_PASSWORD });
    setEnv({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'costs@example.com' });
    const slow = await webhookChannel(`${hook.url}/slow`, { name: 'Slow' });
    const mail = await emailChannel(['finance@example.com']);
    const down = await webhookChannel(`http://127.0.0.1:${await freePort()}/x`, { name: 'Down' });
    await subscribe([slow.id, mail.id, down.id]);
    await enqueueBudget();
    const results = await deliverDue({ now: T0, ...fast, timeoutMs: 500 });
    const byChannel = new Map((await prisma.notification.findMany()).map((n) => [n.channelName, n.status]));
    expect(results).toHaveLength(3);
    expect(Object.fromEntries(byChannel)).toEqual({ Slow: 'retrying', Finance: 'sent', Down: 'retrying' });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('daily digest', () => {
  it('collects daily alerts until 08:00 in the organisation zone and sends them as one message', async () => {
    hook = await WebhookReceiver.start();
    smtp = await SmtpReceiver.start({ username: SMTP_USER, password: SMTP_PASSWORD });
    setEnv({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'costs@example.com' });
    const hookChannel = await webhookChannel(`${hook.url}/digest`);
    const mail = await emailChannel(['finance@example.com']);
    await subscribe([hookChannel.id, mail.id], 'daily');
    await subscribe([hookChannel.id, mail.id], 'daily', MONITOR, 'anomaly_monitor');
    const evening = new Date('2026-12-06T18:00:00Z');
    await enqueueBudget(undefined, evening);
    await enqueueNotification({ targetType: 'anomaly_monitor', targetId: MONITOR, dedupeKey: 'anomaly:1:new', kind: 'anomaly', payload: anomalyPayload }, { now: new Date(evening.getTime() + 60_000), dispatch: false });
    const pending = await prisma.notification.findMany();
    // 08:00 in Paris the next morning
    expect(new Set(pending.map((p) => p.nextAttemptAt.toISOString()))).toEqual(new Set(['2026-12-07T07:00:00.000Z']));
    // the minute sweep leaves them until then
    expect(await deliverDue({ now: new Date('2026-12-07T06:59:00Z'), ...fast })).toEqual([]);
    const results = await sendDigests({ now: new Date('2026-12-07T07:00:00Z'), ...fast });
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(hook.hits).toHaveLength(1);
    const body = JSON.parse(hook.hits[0].body);
    expect(body).toMatchObject({ type: 'digest', subject: 'Tourmalet: 2 alerts since the last digest' });
    expect(body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['budget_threshold', 'anomaly']);
    expect(verifySignature(String(hook.hits[0].headers['tourmalet-signature']), hook.hits[0].body, HOOK_SECRET, { now: new Date('2026-12-07T07:00:00Z') })).toBe(true);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].mail.subject).toBe('Tourmalet: 2 alerts since the last digest');
    expect(smtp.received[0].mail.text).toContain('— Budget Production AWS');
    expect(smtp.received[0].mail.text).toContain('— Cost anomaly: Amazon EC2');
    // a second run sends nothing
    expect(await sendDigests({ now: new Date('2026-12-07T07:01:00Z'), ...fast })).toEqual([]);
  });

  it('a digest missed while no worker was up goes out with the next sweep', async () => {
    hook = await WebhookReceiver.start();
    const hookChannel = await webhookChannel(`${hook.url}/digest`);
    await subscribe([hookChannel.id], 'daily');
    await enqueueBudget(undefined, new Date('2026-12-06T18:00:00Z'));
    const results = await deliverDue({ now: new Date('2026-12-07T09:30:00Z'), ...fast });
    expect(results.map((r) => r.status)).toEqual(['sent']);
    expect(hook.hits).toHaveLength(1);
  });
});

describe('subscriptions', () => {
  it('replaces a target’s subscriptions and names an unknown or repeated channel by its place', async () => {
    const a = await webhookChannel('http://127.0.0.1:9/a', { name: 'A' });
    const b = await emailChannel(['x@example.com']);
    await subscribe([a.id, b.id], 'daily');
    expect((await listSubscriptions('budget', BUDGET)).map((s) => [s.channelName, s.frequency])).toEqual([
      ['A', 'daily'],
      ['Finance', 'daily'],
    ]);
    const unknown = crypto.randomUUID();
    const attempt = prisma.$transaction((tx) =>
      setSubscriptions(tx, 'budget', BUDGET, [{ channelId: b.id }, { channelId: unknown }, { channelId: b.id, frequency: 'daily' }]),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [
        { field: 'subscriptions.1.channelId', message: 'is not a notification channel' },
        { field: 'subscriptions.2.channelId', message: 'lists this channel twice' },
      ],
    });
    await expect(prisma.$transaction((tx) => setSubscriptions(tx, 'budget', BUDGET, [{ channelId: 'nope' }]))).rejects.toMatchObject({ issues: [{ field: 'subscriptions.0.channelId' }] });
    // nothing half-written
    expect(await listSubscriptions('budget', BUDGET)).toHaveLength(2);
    await prisma.$transaction((tx) => setSubscriptions(tx, 'budget', BUDGET, [{ channelId: b.id }]));
    expect((await listSubscriptions('budget', BUDGET)).map((s) => [s.channelName, s.frequency])).toEqual([['Finance', 'immediate']]);
  });

  it('does the same through a pg client, inside the caller transaction', async () => {
    const a = await webhookChannel('http://127.0.0.1:9/a', { name: 'A' });
    await withTransaction((client) => setSubscriptionsWithClient(client, 'anomaly_monitor', MONITOR, [{ channelId: a.id, frequency: 'daily' }]));
    expect((await listSubscriptions('anomaly_monitor', MONITOR)).map((s) => [s.channelName, s.frequency])).toEqual([['A', 'daily']]);
    await expect(withTransaction((client) => setSubscriptionsWithClient(client, 'anomaly_monitor', MONITOR, [{ channelId: crypto.randomUUID() }]))).rejects.toMatchObject({
      issues: [{ field: 'subscriptions.0.channelId', message: 'is not a notification channel' }],
    });
    expect(await listSubscriptions('anomaly_monitor', MONITOR)).toHaveLength(1);
  });

  it('sends a test at once and keeps it in the log; a failed test is failed, not retried', async () => {
    hook = await WebhookReceiver.start();
    const ok = await webhookChannel(`${hook.url}/t`, { name: 'Works' });
    expect(await sendChannelTest(actor, ok.id)).toMatchObject({ status: 'sent', error: null });
    expect(JSON.parse(hook.hits[0].body)).toMatchObject({ type: 'test', subject: 'Tourmalet test message for Works' });
    const broken = await webhookChannel(`http://127.0.0.1:${await freePort()}/t`, { name: 'Broken' });
    const result = await sendChannelTest(actor, broken.id, { timeoutMs: 500 });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/fetch failed|ECONNREFUSED/);
    expect(await prisma.notification.count({ where: { kind: 'test' } })).toBe(2);
  });
});
