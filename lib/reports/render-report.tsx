// The weekly report's message: subject, preheader, HTML, the plain-text part with the same numbers,
// the chart images (inline, by Content-ID) and the optional CSV. A plain module (react-dom/server
// inside App Router code breaks builds): the worker, the CLI, the API and the preview call it.
import { render } from '@react-email/render';
import { createTranslator } from 'next-intl';
import { createFormatter, type TFormatter } from '../format/formatter';
import { providerColor } from '../format/palette';
import { languageOf } from '../i18n/locales';
import { loadMessages } from '../i18n/messages';
import { NONE } from '../queries/cost-keys';
import { messageValues } from '../recommendations/message-values';
import type { TRecommendationMessage, TReportView, THighlight } from './build-report';
import { renderStackedWeeksChart, svgToPng, type TChartImage } from './charts';
import { changeLabel, ReportEmail, unitCost, type TEmailT } from './email-template';

export type TRenderOptions = {
  locale: string;
  timeZone: string;
  scheduleName: string | null;
  unsubscribeUrl: string | null;
  manageUrl: string;
  attachCsv?: boolean;
};

export type TRenderedReport = {
  subject: string;
  preheader: string;
  html: string;
  text: string;
  images: TChartImage[];
  csv: { filename: string; content: string } | null;
  /** milliseconds spent drawing charts (SVG and PNG), for the bench */
  chartMs: number;
};

type TDescribe = (message: TRecommendationMessage) => string;

// A recommendation's message as its page says it (recommendations.messages.<key>), money by the
// report's formatter; a key this build does not know falls back to the key itself.
export function recommendationDescriber(locale: string, fmt: TFormatter): TDescribe {
  const t = createTranslator({ locale, messages: loadMessages(languageOf(locale)), namespace: 'recommendations.messages' });
  const say = t as unknown as ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
  return (message) => {
    if (!say.has(message.key)) return message.key;
    const values = messageValues(message, {
      money: (amount) => fmt.money(amount),
      instrumentName: (id) => (say.has(`instruments.${id}`) ? say(`instruments.${id}`) : id),
      paymentName: (option) => (say.has(`payments.${option}`) ? say(`payments.${option}`) : option),
      quantity: (value, unit) => fmt.quantity(value, unit),
    });
    return say(message.key, values);
  };
}

export function emailTranslator(locale: string): TEmailT {
  return createTranslator({ locale, messages: loadMessages(languageOf(locale)), namespace: 'reports.email' }) as TEmailT;
}

export function reportSubject(view: TReportView, t: TEmailT, fmt: TFormatter): string {
  const args = {
    week: view.week.week,
    total: fmt.money(view.total.current),
    change: view.total.vsPrevious.ratio === null ? 'none' : fmt.change(view.total.vsPrevious.ratio, 0),
  };
  return view.scope.provider ? t('subjectScoped', { ...args, scope: view.scope.provider }) : t('subject', args);
}

export function highlightText(h: THighlight, t: TEmailT, fmt: TFormatter): string {
  switch (h.kind) {
    case 'budget':
      return t('highlight.budget', { name: h.name, status: h.status });
    case 'anomaly':
      return t('highlight.anomaly', { label: h.label, impact: fmt.moneySigned(h.impact) });
    case 'stale':
      return h.lastDay ? t('highlight.stale', { provider: h.provider, lastDay: fmt.day(h.lastDay) }) : t('highlight.staleNone', { provider: h.provider });
    case 'mover':
      return t('highlight.mover', { label: h.label, change: changeLabel(h.change, fmt) });
    case 'steady':
      return t('highlight.steady', { change: changeLabel(h.change, fmt) });
  }
}

export function trendChart(view: TReportView, t: TEmailT, fmt: TFormatter): TChartImage | null {
  const { trend } = view;
  if (!trend.providers.length) return null;
  const svg = renderStackedWeeksChart({
    categories: trend.weeks.map((w) => t('week.weekShort', { week: w.week })),
    series: trend.providers.map((p, j) => ({ key: p.key, name: p.label, color: providerColor(p.key), values: trend.amounts.map((row) => Math.round(row[j] * 100) / 100) })),
    formatAxis: (v) => fmt.moneyCompact(v),
  });
  return {
    cid: `weeks-by-provider.${view.week.key}@tourmalet`,
    filename: `weeks-by-provider-${view.week.key}.png`,
    png: svgToPng(svg),
    width: 1200,
    height: 560,
    alt: t('week.chartAlt', { first: trend.weeks[0].week, last: view.week.week, total: fmt.money(view.total.current) }),
  };
}

// Groups without a value (records with no region, no account) in the reader's language.
function localiseLabels(view: TReportView, word: string): TReportView {
  const shown = <T extends { label: string }>(x: T): T => (x.label.includes(NONE) ? { ...x, label: x.label.replace(NONE, word) } : x);
  return {
    ...view,
    trend: { ...view.trend, providers: view.trend.providers.map(shown) },
    movers: view.movers.map((m) => shown({ ...m, contributions: m.contributions.map(shown) })),
    byService: view.byService.map(shown),
  };
}

export async function renderReport(source: TReportView, options: TRenderOptions): Promise<TRenderedReport> {
  const t = emailTranslator(options.locale);
  const view = localiseLabels(source, t('noValue'));
  const fmt = createFormatter({ locale: options.locale, timeZone: options.timeZone, currency: view.currency });
  const started = performance.now();
  const chart = trendChart(view, t, fmt);
  const chartMs = performance.now() - started;
  const preheader = highlightText(view.highlight, t, fmt);
  const describe = recommendationDescriber(options.locale, fmt);
  const html = await render(
    <ReportEmail view={view} describe={describe} t={t} fmt={fmt} chart={chart} preheader={preheader} scheduleName={options.scheduleName} unsubscribeUrl={options.unsubscribeUrl} manageUrl={options.manageUrl} />,
    { pretty: false },
  );
  return {
    subject: reportSubject(view, t, fmt),
    preheader,
    html,
    text: reportText(view, t, fmt, preheader, options, describe),
    images: chart ? [chart] : [],
    csv: options.attachCsv ? { filename: t('csv.filename', { week: view.week.key }), content: serviceCsv(view) } : null,
    chartMs,
  };
}

// The week's costs by service as CSV (RFC 4180, numbers with a dot: for spreadsheets, not people).
export function serviceCsv(view: TReportView): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['service_key,service,week,from,to_exclusive,effective_cost,previous_week_effective_cost,currency'];
  for (const s of view.byService)
    lines.push([s.key, s.label, view.week.key, view.week.from, view.week.to, s.current.toFixed(2), s.previous.toFixed(2), view.currency].map(quote).join(','));
  return lines.join('\r\n') + '\r\n';
}

// The plain-text part: the same sections and numbers as the HTML, one line each.
export function reportText(view: TReportView, t: TEmailT, fmt: TFormatter, preheader: string, options: TRenderOptions, describe: TDescribe): string {
  const out: string[] = [];
  // "label: value" in the reader's typography (a space before the colon in French)
  const pair = (label: string, value: string) => t('pair', { label, value });
  const title = (s: string) => out.push('', s.toUpperCase(), '-'.repeat(Math.min(s.length, 60)));
  out.push(`TOURMALET · ${t('title')}`, t('weekRange', { week: view.week.week, range: fmt.dayRange(view.week.from, view.week.last) }));
  out.push(view.scope.provider ? t('scopeProvider', { provider: view.scope.provider }) : t('scopeAll'), '', preheader);

  title(t('week.title'));
  out.push(pair(t('week.total'), fmt.money(view.total.current)));
  out.push(pair(t('week.vsPrevious', { amount: fmt.money(view.total.previous) }), changeLabel(view.total.vsPrevious, fmt)));
  out.push(pair(t('week.vsAverage', { amount: fmt.money(view.total.average4) }), changeLabel(view.total.vsAverage4, fmt)));
  out.push(view.total.link, '', t('week.chartTitle'));
  if (!view.trend.providers.length) out.push(t('week.empty'));
  view.trend.weeks.forEach((w, i) => {
    const parts = view.trend.providers.map((p, j) => `${p.label} ${fmt.money(view.trend.amounts[i][j])}`);
    out.push(pair(t('week.weekShort', { week: w.week }), `${fmt.money(view.trend.totals[i])}${parts.length ? ` (${parts.join(', ')})` : ''}`));
  });

  if (view.budgets) {
    title(t('budgets.title'));
    const b = view.budgets;
    if (b.state === 'empty' || !b.data.lines.length) out.push(t('budgets.empty'));
    else {
      for (const l of b.data.lines)
        out.push(pair(`${l.name} — ${t('budgets.status', { status: l.status })}`, `${fmt.money(l.spent)} / ${fmt.money(l.amount)}${l.forecast ? `; ${t('budgets.forecast')} ${t('budgets.forecastRange', { p50: fmt.money(l.forecast.p50), p10: fmt.money(l.forecast.p10), p90: fmt.money(l.forecast.p90) })}` : ''}`));
      if (b.data.forecast) out.push(t('budgets.monthForecast', { p50: fmt.money(b.data.forecast.p50), p10: fmt.money(b.data.forecast.p10), p90: fmt.money(b.data.forecast.p90) }));
      out.push(b.data.link);
    }
  }

  title(t('movers.title'));
  out.push(t('movers.subtitle'));
  if (!view.movers.length) out.push(t('movers.empty'));
  for (const m of view.movers) {
    out.push(`- ${pair(`${t('movers.dimension', { dimension: m.dimension })} ${m.label}`, `${fmt.money(m.current)}, ${changeLabel(m.change, fmt)}`)}`);
    if (m.contributions.length) out.push(`  ${t('movers.behind', { list: m.contributions.map((c) => `${c.label} ${fmt.moneySigned(c.change.amount)}`).join(', ') })}`);
  }
  out.push(view.moversLink);

  if (view.anomalies) {
    title(t('anomalies.title'));
    const a = view.anomalies;
    if (a.state === 'empty' || !a.data.items.length) out.push(t('anomalies.empty'));
    else {
      for (const i of a.data.items)
        out.push(`- ${i.label} (${fmt.dayRange(i.firstDay, i.lastDay)}): ${t('anomalies.expected')} ${fmt.money(i.expected)}, ${t('anomalies.actual')} ${fmt.money(i.actual)}, ${t('anomalies.impact')} ${fmt.moneySigned(i.impact)}`);
      out.push(a.data.link);
    }
  }

  if (view.recommendations) {
    title(t('recommendations.title'));
    const r = view.recommendations;
    if (r.state === 'empty' || (!r.data.top.length && !r.data.runway.length)) out.push(t('recommendations.empty'));
    else {
      out.push(t('recommendations.total', { count: r.data.openCount, savings: fmt.money(r.data.totalSavings) }));
      for (const x of r.data.top) out.push(`- ${pair(describe(x.message), fmt.money(x.savings))}`);
      for (const x of r.data.runway) out.push(`! ${describe(x.message)}`);
      out.push(r.data.link);
    }
  }

  const pa = view.planActual;
  if (pa) {
    title(t('planActual.title'));
    if (pa.actual.days === 0) out.push(t('planActual.empty'));
    else {
      out.push(t('planActual.month', { month: fmt.monthLong(pa.month), days: pa.actual.days, daysInMonth: pa.actual.daysInMonth }));
      out.push(pair(t('planActual.actual'), fmt.money(pa.actual.total)));
      if (pa.actual.runRate !== null) out.push(pair(t('planActual.runRate'), fmt.money(pa.actual.runRate)));
    }
    if (pa.plan?.month) out.push(pair(t('planActual.plan', { name: pa.plan.scenarioName }), t('planActual.planRange', { likely: fmt.money(pa.plan.month.likely), p10: fmt.money(pa.plan.month.p10), p90: fmt.money(pa.plan.month.p90) })));
    else if (pa.plan?.firstMonth) out.push(t('planActual.planLater', { name: pa.plan.scenarioName, month: fmt.monthLong(pa.plan.firstMonth) }));
    else out.push(t('planActual.noPlan'));
    out.push(pa.link);
  }

  if (view.unitCosts) {
    title(t('unitCosts.title'));
    const u = view.unitCosts;
    if (u.state === 'empty' || !u.data.items.length) out.push(t('unitCosts.empty'));
    else for (const i of u.data.items) out.push(`- ${pair(t('unitCosts.metricLabel', { label: i.label, per: i.per, unit: i.unit }), `${unitCost(i.current, fmt)}${i.previous === null ? '' : ` (${t('unitCosts.weekBefore')} ${unitCost(i.previous, fmt)})`}`)}`);
  }

  title(t('freshness.title'));
  if (!view.freshness.length) out.push(t('freshness.empty'));
  for (const f of view.freshness)
    out.push(`- ${pair(f.provider, '')}${t('freshness.lastDay')} ${f.lastDay ? fmt.day(f.lastDay) : t('freshness.noData')}; ${t('freshness.estimated')} ${t('freshness.estimatedDays', { count: f.estimatedDays.length, first: f.estimatedDays.length ? fmt.dayShort(f.estimatedDays[0]) : '' })}`);

  out.push('', '--', t('footer.currency', { currency: view.currency }));
  out.push(options.scheduleName ? t('footer.why', { schedule: options.scheduleName }) : t('footer.whyNoSchedule'));
  if (options.unsubscribeUrl) out.push(pair(t('footer.unsubscribe'), options.unsubscribeUrl));
  out.push(pair(t('footer.manage'), options.manageUrl));
  return out.join('\n') + '\n';
}
