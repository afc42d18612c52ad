// An alert in words, in the organisation's language: a subject, an introduction, facts as label and
// value, and a link; then the same content as plain text, simple HTML (tables, inline styles: what
// mail clients show), a Slack body and a JSON body. Pure: the locale, zone and app URL are passed in.
import { createTranslator } from 'next-intl';
import { addIsoDays } from '../dates';
import { createFormatter, type TFormatter } from '../format/formatter';
import { languageOf } from '../i18n/locales';
import { loadMessages } from '../i18n/messages';
import type { TAlert } from './payloads';

export type TRenderContext = { locale: string; timeZone: string; appUrl: string; channelName: string };

export type TRendered = { subject: string; intro: string[]; facts: [string, string][]; link: string | null };

function translator(locale: string) {
  return createTranslator({ locale, messages: loadMessages(languageOf(locale)), namespace: 'notifications.email' });
}

function share(fmt: TFormatter, value: string, of: string): string | null {
  const base = Number(of);
  return base > 0 ? fmt.share(Number(value) / base) : null;
}

export function renderAlert(alert: TAlert, ctx: TRenderContext): TRendered {
  const t = translator(ctx.locale);
  const fmt = createFormatter({ locale: ctx.locale, timeZone: ctx.timeZone, currency: 'EUR' });
  const base = ctx.appUrl.replace(/\/+$/, '');
  switch (alert.kind) {
    case 'budget_threshold': {
      const p = alert.payload;
      const money = (v: string) => fmt.money(v, { currency: p.currency });
      const period = fmt.dayRange(p.periodStart, addIsoDays(p.periodEnd, -1));
      const threshold = p.threshold.percent !== undefined ? fmt.share(p.threshold.percent / 100) : money(p.threshold.amount ?? '0');
      const withShare = (v: string) => {
        const s = share(fmt, v, p.amount);
        return s ? t('ofAmount', { value: money(v), share: s }) : money(v);
      };
      const subject =
        p.threshold.on === 'forecast'
          ? t('budgetSubjectForecast', { budget: p.budgetName, threshold, forecast: money(p.forecast ?? p.actual), amount: money(p.amount) })
          : t('budgetSubjectActual', { budget: p.budgetName, threshold, actual: money(p.actual), amount: money(p.amount) });
      const facts: [string, string][] = [
        [t('budget'), p.budgetName],
        [t('period'), period],
        [t('amount'), money(p.amount)],
        [t('actual'), withShare(p.actual)],
      ];
      if (p.forecast !== null) facts.push([t('forecast'), withShare(p.forecast)]);
      facts.push([t('threshold'), t('thresholdOn', { threshold, on: p.threshold.on })]);
      const intro = p.threshold.on === 'forecast' ? t('budgetIntroForecast', { budget: p.budgetName, threshold, period }) : t('budgetIntroActual', { budget: p.budgetName, threshold, period });
      return { subject, intro: [intro], facts, link: `${base}/budgets` };
    }
    case 'anomaly': {
      const p = alert.payload;
      const money = (v: string) => fmt.money(v, { currency: p.currency });
      const days = p.startDay === p.endDay ? fmt.day(p.startDay) : fmt.dayRange(p.startDay, p.endDay);
      const impactAbs = money(String(Math.abs(Number(p.impact))));
      const subject = t('anomalySubject', { reason: p.reason, monitor: p.monitorName, direction: p.direction, impact: impactAbs, days });
      const intro = [t('anomalyIntro', { direction: p.direction, monitor: p.monitorName, days })];
      if (p.reason === 'impact_doubled') intro.push(t('anomalyIntroDoubled', { monitor: p.monitorName }));
      const facts: [string, string][] = [[t('monitor'), p.monitorName]];
      if (p.scope) facts.push([t('scope'), p.scope]);
      facts.push(
        [t('days'), days],
        [t('expected'), money(p.expected)],
        [t('observed'), money(p.actual)],
        [t('impact'), p.impactPercent === null ? fmt.moneySigned(p.impact, { currency: p.currency }) : t('impactValue', { impact: fmt.moneySigned(p.impact, { currency: p.currency }), percent: fmt.change(p.impactPercent / 100) })],
      );
      return { subject, intro, facts, link: `${base}/anomalies` };
    }
    case 'test': {
      const p = alert.payload;
      return {
        subject: t('testSubject', { channel: p.channelName }),
        intro: [t('testIntro', { channel: p.channelName })],
        facts: [[t('channel'), p.channelName]],
        link: `${base}/settings`,
      };
    }
  }
}

// Several alerts of one channel in one message (the daily digest).
export function renderDigest(alerts: TAlert[], ctx: TRenderContext): TRendered & { sections: TRendered[] } {
  const t = translator(ctx.locale);
  const sections = alerts.map((a) => renderAlert(a, ctx));
  return {
    subject: t('digestSubject', { count: alerts.length }),
    intro: [t('digestIntro', { count: alerts.length, channel: ctx.channelName })],
    facts: [],
    link: `${ctx.appUrl.replace(/\/+$/, '')}/`,
    sections,
  };
}

function textOf(r: TRendered): string {
  const lines = [...r.intro, ''];
  for (const [label, value] of r.facts) lines.push(`${label}: ${value}`);
  return lines.join('\n').trim();
}

export function toText(r: TRendered & { sections?: TRendered[] }, ctx: TRenderContext): string {
  const t = translator(ctx.locale);
  const parts = [textOf(r)];
  for (const s of r.sections ?? []) parts.push(`— ${s.subject}\n${textOf(s)}${s.link ? `\n${s.link}` : ''}`);
  if (r.link) parts.push(`${t('open')}: ${r.link}`);
  parts.push(t('footer', { channel: ctx.channelName }));
  return parts.join('\n\n') + '\n';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function htmlBlock(r: TRendered, heading: 'h1' | 'h2'): string {
  const size = heading === 'h1' ? '18px' : '15px';
  const rows = r.facts
    .map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0;color:#64748b;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0;color:#0f172a">${escapeHtml(value)}</td></tr>`)
    .join('');
  return [
    `<${heading} style="font-size:${size};margin:0 0 12px;color:#0f172a">${escapeHtml(r.subject)}</${heading}>`,
    ...r.intro.map((p) => `<p style="margin:0 0 12px;color:#334155">${escapeHtml(p)}</p>`),
    rows ? `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;margin:0 0 16px">${rows}</table>` : '',
  ].join('');
}

export function toHtml(r: TRendered & { sections?: TRendered[] }, ctx: TRenderContext): string {
  const t = translator(ctx.locale);
  const lang = languageOf(ctx.locale);
  const body = [
    htmlBlock(r, 'h1'),
    ...(r.sections ?? []).map((s) => `<div style="border-top:1px solid #e2e8f0;padding-top:12px;margin-top:12px">${htmlBlock(s, 'h2')}</div>`),
    r.link ? `<p style="margin:16px 0"><a href="${escapeHtml(r.link)}" style="color:#4f46e5">${escapeHtml(t('open'))}</a></p>` : '',
    `<p style="margin:24px 0 0;font-size:12px;color:#94a3b8">${escapeHtml(t('footer', { channel: ctx.channelName }))}</p>`,
  ].join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(r.subject)}</title></head><body style="margin:0;padding:0;background:#f8fafc"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f8fafc"><tr><td align="center" style="padding:24px 12px"><table role="presentation" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:24px;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">${body}</td></tr></table></td></tr></table></body></html>`;
}

// Slack's mrkdwn escapes only these three.
function slackEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackBlock(r: TRendered): string {
  const lines = [`*${slackEscape(r.subject)}*`, ...r.intro.map(slackEscape)];
  for (const [label, value] of r.facts) lines.push(`• ${slackEscape(label)}: ${slackEscape(value)}`);
  return lines.join('\n');
}

// A body Slack's incoming webhooks accept (and Mattermost, Rocket.Chat, Discord's /slack): text for
// notifications and clients without blocks, and section blocks.
export function toSlack(r: TRendered & { sections?: TRendered[] }, ctx: TRenderContext): { text: string; blocks: unknown[] } {
  const t = translator(ctx.locale);
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } });
  const blocks: unknown[] = [section(slackBlock(r))];
  for (const s of (r.sections ?? []).slice(0, 45)) blocks.push({ type: 'divider' }, section(slackBlock(s)));
  if (r.link) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${r.link}|${slackEscape(t('open'))}>` }] });
  return { text: slackEscape(r.subject), blocks };
}
