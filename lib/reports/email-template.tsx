/* eslint-disable @next/next/no-head-element, @next/next/no-img-element -- an e-mail rendered to a string, not a Next.js page */
// The weekly report as an e-mail: tables for layout and inline styles (mail clients ignore flex,
// grid and style sheets), charts as images referenced by Content-ID with their numbers in a table.
// Rendered to a string by render-report.ts, never inside App Router code.
import type { createTranslator } from 'next-intl';
import type { CSSProperties, ReactNode } from 'react';
import type { TFormatter } from '../format/formatter';
import type { TMessages } from '../i18n/messages';
import { providerColor } from '../format/palette';
import type { TChange, TRecommendationMessage, TReportView } from './build-report';
import type { TChartImage } from './charts';

export type TEmailT = ReturnType<typeof createTranslator<TMessages, 'reports.email'>>;

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const C = { text: '#0f172a', muted: '#64748b', line: '#e2e8f0', up: '#b91c1c', down: '#15803d', link: '#1d4ed8', bg: '#f1f5f9', card: '#ffffff', warn: '#b45309' };
const cell: CSSProperties = { padding: '6px 8px', borderBottom: `1px solid ${C.line}`, fontSize: '13px', verticalAlign: 'top' };
const num: CSSProperties = { ...cell, textAlign: 'right', whiteSpace: 'nowrap' };
const head: CSSProperties = { ...cell, color: C.muted, fontWeight: 600, fontSize: '12px', textAlign: 'left' };
const headNum: CSSProperties = { ...head, textAlign: 'right' };

export type TEmailProps = {
  view: TReportView;
  /** a recommendation's rule message in the reader's language */
  describe: (message: TRecommendationMessage) => string;
  t: TEmailT;
  fmt: TFormatter;
  chart: TChartImage | null;
  preheader: string;
  scheduleName: string | null;
  unsubscribeUrl: string | null;
  manageUrl: string;
};

// An increase of spend is red, a decrease green (for a cost, down is good).
function ChangeText({ change, fmt }: { change: TChange; fmt: TFormatter }) {
  const color = change.amount > 0 ? C.up : change.amount < 0 ? C.down : C.muted;
  return (
    <span style={{ color, whiteSpace: 'nowrap' }}>
      {fmt.moneySigned(change.amount)}
      {change.ratio !== null ? ` (${fmt.change(change.ratio, 0)})` : ''}
    </span>
  );
}

// cents for a cost of a unit or more, the sub-cent digits below (a cost per active user: 0,0047 €)
export function unitCost(value: number, fmt: TFormatter): string {
  return Math.abs(value) >= 1 ? fmt.money(value, { digits: 2 }) : fmt.unitPrice(value);
}

export function changeLabel(change: TChange, fmt: TFormatter): string {
  return change.ratio !== null ? `${fmt.moneySigned(change.amount)} (${fmt.change(change.ratio, 0)})` : fmt.moneySigned(change.amount);
}

function Section({ title, link, linkLabel, children }: { title: string; link?: string; linkLabel: string; children: ReactNode }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', marginTop: '24px', tableLayout: 'fixed' }}>
      <tbody>
        <tr>
          <td style={{ fontSize: '17px', fontWeight: 700, color: C.text, paddingBottom: '8px' }}>{title}</td>
          <td style={{ fontSize: '13px', textAlign: 'right', paddingBottom: '8px', whiteSpace: 'nowrap' }}>
            {link ? (
              <a href={link} style={{ color: C.link }}>
                {linkLabel} →
              </a>
            ) : null}
          </td>
        </tr>
        <tr>
          <td colSpan={2}>{children}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Note({ children }: { children: ReactNode }) {
  return <p style={{ margin: '4px 0', fontSize: '13px', color: C.muted }}>{children}</p>;
}

// A wide table scrolls within its block where the client allows it (a phone), else it shrinks.
function DataTable({ children }: { children: ReactNode }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', fontFamily: FONT }}>
        {children}
      </table>
    </div>
  );
}

export function ReportEmail({ view, describe, t, fmt, chart, preheader, scheduleName, unsubscribeUrl, manageUrl }: TEmailProps) {
  const week = view.week;
  const open = t('open');
  const scope = view.scope.provider ? t('scopeProvider', { provider: view.scope.provider }) : t('scopeAll');
  return (
    <html lang={fmt.locale.slice(0, 2)}>
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=UTF-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{t('weekRange', { week: week.week, range: fmt.dayRange(week.from, week.last) })}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: C.bg, fontFamily: FONT, color: C.text }}>
        {/* the preheader: the line a mail client shows after the subject */}
        <div style={{ display: 'none', maxHeight: 0, overflow: 'hidden', fontSize: '1px', lineHeight: '1px', color: C.bg }}>{preheader}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: C.bg, tableLayout: 'fixed' }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: '16px 8px' }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: '640px', backgroundColor: C.card, borderRadius: '8px', tableLayout: 'fixed' }}>
                  <tbody>
                    <tr>
                      <td style={{ padding: '20px 20px 28px' }}>
                        <Header view={view} t={t} fmt={fmt} scope={scope} preheader={preheader} />
                        <WeekSection view={view} t={t} fmt={fmt} chart={chart} open={open} />
                        {view.budgets ? <BudgetsSection view={view} t={t} fmt={fmt} open={open} /> : null}
                        <MoversSection view={view} t={t} fmt={fmt} open={open} />
                        {view.anomalies ? <AnomaliesSection view={view} t={t} fmt={fmt} open={open} /> : null}
                        {view.recommendations ? <RecommendationsSection view={view} t={t} fmt={fmt} open={open} describe={describe} /> : null}
                        <PlanActualSection view={view} t={t} fmt={fmt} open={open} />
                        {view.unitCosts ? <UnitCostsSection view={view} t={t} fmt={fmt} open={open} /> : null}
                        <FreshnessSection view={view} t={t} fmt={fmt} open={open} />
                        <Footer t={t} view={view} scheduleName={scheduleName} unsubscribeUrl={unsubscribeUrl} manageUrl={manageUrl} />
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

type TPart = { view: TReportView; t: TEmailT; fmt: TFormatter; open: string };

function Header({ view, t, fmt, scope, preheader }: { view: TReportView; t: TEmailT; fmt: TFormatter; scope: string; preheader: string }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
      <tbody>
        <tr>
          <td style={{ fontSize: '13px', color: C.muted, letterSpacing: '0.04em' }}>TOURMALET · {t('title').toUpperCase()}</td>
        </tr>
        <tr>
          <td style={{ fontSize: '22px', fontWeight: 700, paddingTop: '4px' }}>{t('weekRange', { week: view.week.week, range: fmt.dayRange(view.week.from, view.week.last) })}</td>
        </tr>
        <tr>
          <td style={{ fontSize: '13px', color: C.muted, paddingTop: '2px' }}>{scope}</td>
        </tr>
        <tr>
          <td style={{ fontSize: '15px', paddingTop: '12px', lineHeight: '1.45' }} data-role="highlight">
            {preheader}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function WeekSection({ view, t, fmt, chart, open }: TPart & { chart: TChartImage | null }) {
  const { total, trend } = view;
  const weekLabel = (w: number) => t('week.weekShort', { week: w });
  return (
    <Section title={t('week.title')} link={total.link} linkLabel={open}>
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
        <tbody>
          <tr>
            <td colSpan={2} style={{ fontSize: '13px', color: C.muted }}>{t('week.total')}</td>
          </tr>
          <tr>
            <td colSpan={2} style={{ fontSize: '30px', fontWeight: 700, padding: '2px 0 6px' }} data-role="week-total">
              {fmt.money(total.current)}
            </td>
          </tr>
          <tr>
            <td style={{ fontSize: '14px', padding: '3px 8px 3px 0' }}>{t('week.vsPrevious', { amount: fmt.money(total.previous) })}</td>
            <td style={{ fontSize: '14px', padding: '3px 0', textAlign: 'right' }} data-role="vs-previous">
              <ChangeText change={total.vsPrevious} fmt={fmt} />
            </td>
          </tr>
          <tr>
            <td style={{ fontSize: '14px', padding: '3px 8px 3px 0' }}>{t('week.vsAverage', { amount: fmt.money(total.average4) })}</td>
            <td style={{ fontSize: '14px', padding: '3px 0', textAlign: 'right' }}>
              <ChangeText change={total.vsAverage4} fmt={fmt} />
            </td>
          </tr>
        </tbody>
      </table>
      <p style={{ margin: '16px 0 6px', fontSize: '14px', fontWeight: 600 }}>
        <a href={trend.link} style={{ color: C.text, textDecoration: 'none' }}>
          {t('week.chartTitle')}
        </a>
      </p>
      {trend.providers.length === 0 ? (
        <Note>{t('week.empty')}</Note>
      ) : (
        <>
          {chart ? (
            <img src={`cid:${chart.cid}`} width={600} alt={chart.alt} style={{ display: 'block', width: '100%', maxWidth: '600px', height: 'auto', border: 0 }} />
          ) : null}
          <DataTable>
            <thead>
              <tr>
                <th style={head}>{t('week.weekCol')}</th>
                {trend.providers.map((p) => (
                  <th key={p.key} style={headNum}>
                    <span style={{ color: providerColor(p.key) }}>■</span> {p.label}
                  </th>
                ))}
                <th style={headNum}>{t('week.totalCol')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.weeks.map((w, i) => (
                <tr key={w.key}>
                  <td style={{ ...cell, whiteSpace: 'nowrap' }} title={fmt.dayRange(w.from, w.last)}>
                    {weekLabel(w.week)}
                  </td>
                  {trend.providers.map((p, j) => (
                    <td key={p.key} style={num}>
                      {fmt.money(trend.amounts[i][j])}
                    </td>
                  ))}
                  <td style={{ ...num, fontWeight: i === trend.weeks.length - 1 ? 700 : 400 }}>{fmt.money(trend.totals[i])}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </Section>
  );
}

function MoversSection({ view, t, fmt, open }: TPart) {
  return (
    <Section title={t('movers.title')} link={view.moversLink} linkLabel={open}>
      <Note>{t('movers.subtitle')}</Note>
      {view.movers.length === 0 ? (
        <Note>{t('movers.empty')}</Note>
      ) : (
        <DataTable>
          <thead>
            <tr>
              <th style={head}>{t('movers.name')}</th>
              <th style={headNum}>{t('movers.thisWeek')}</th>
              <th style={headNum}>{t('movers.change')}</th>
            </tr>
          </thead>
          <tbody>
            {view.movers.map((m) => (
              <tr key={`${m.dimension}:${m.key}`}>
                <td style={cell}>
                  <span style={{ color: C.muted, fontSize: '11px' }}>{t('movers.dimension', { dimension: m.dimension })}</span>
                  <br />
                  <a href={m.link} style={{ color: C.link }}>
                    {m.label}
                  </a>
                  {m.contributions.length ? (
                    <div style={{ color: C.muted, fontSize: '12px', paddingTop: '2px' }}>
                      {t('movers.behind', { list: m.contributions.map((c) => `${c.label} ${fmt.moneySigned(c.change.amount)}`).join(' · ') })}
                    </div>
                  ) : null}
                </td>
                <td style={num}>{fmt.money(m.current)}</td>
                <td style={num}>
                  <ChangeText change={m.change} fmt={fmt} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

const STATUS_COLOR = { over: C.up, at_risk: C.warn, on_track: C.down } as const;

function BudgetsSection({ view, t, fmt, open }: TPart) {
  const section = view.budgets!;
  return (
    <Section title={t('budgets.title')} link={section.state === 'ok' ? section.data.link : undefined} linkLabel={open}>
      {section.state === 'empty' || section.data.lines.length === 0 ? (
        <Note>{t('budgets.empty')}</Note>
      ) : (
        <>
          <DataTable>
            <thead>
              <tr>
                <th style={head}>{t('budgets.budget')}</th>
                <th style={headNum}>{t('budgets.spent')}</th>
                <th style={headNum}>{t('budgets.forecast')}</th>
              </tr>
            </thead>
            <tbody>
              {section.data.lines.map((b) => (
                <tr key={b.id}>
                  <td style={cell}>
                    <a href={b.link} style={{ color: C.link }}>
                      {b.name}
                    </a>{' '}
                    <span style={{ color: STATUS_COLOR[b.status], fontWeight: 600, whiteSpace: 'nowrap' }}>{t('budgets.status', { status: b.status })}</span>
                  </td>
                  <td style={num}>
                    {fmt.money(b.spent)} / {fmt.money(b.amount)}
                  </td>
                  <td style={num}>{b.forecast ? t('budgets.forecastRange', { p50: fmt.money(b.forecast.p50), p10: fmt.money(b.forecast.p10), p90: fmt.money(b.forecast.p90) }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {section.data.forecast ? (
            <Note>{t('budgets.monthForecast', { p50: fmt.money(section.data.forecast.p50), p10: fmt.money(section.data.forecast.p10), p90: fmt.money(section.data.forecast.p90) })}</Note>
          ) : null}
        </>
      )}
    </Section>
  );
}

function AnomaliesSection({ view, t, fmt, open }: TPart) {
  const section = view.anomalies!;
  return (
    <Section title={t('anomalies.title')} link={section.state === 'ok' ? section.data.link : undefined} linkLabel={open}>
      {section.state === 'empty' || section.data.items.length === 0 ? (
        <Note>{t('anomalies.empty')}</Note>
      ) : (
        <DataTable>
          <thead>
            <tr>
              <th style={head}>{t('anomalies.what')}</th>
              <th style={headNum}>{t('anomalies.expected')}</th>
              <th style={headNum}>{t('anomalies.actual')}</th>
              <th style={headNum}>{t('anomalies.impact')}</th>
            </tr>
          </thead>
          <tbody>
            {section.data.items.map((a) => (
              <tr key={a.id}>
                <td style={cell}>
                  <a href={a.link} style={{ color: C.link }}>
                    {a.label}
                  </a>
                  <div style={{ color: C.muted, fontSize: '12px' }}>{fmt.dayRange(a.firstDay, a.lastDay)}</div>
                </td>
                <td style={num}>{fmt.money(a.expected)}</td>
                <td style={num}>{fmt.money(a.actual)}</td>
                <td style={num}>
                  <ChangeText change={{ amount: a.impact, ratio: null }} fmt={fmt} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

function RecommendationsSection({ view, t, fmt, open, describe }: TPart & { describe: TEmailProps['describe'] }) {
  const section = view.recommendations!;
  return (
    <Section title={t('recommendations.title')} link={section.state === 'ok' ? section.data.link : undefined} linkLabel={open}>
      {section.state === 'empty' || (section.data.top.length === 0 && section.data.runway.length === 0) ? (
        <Note>{t('recommendations.empty')}</Note>
      ) : (
        <>
          <Note>{t('recommendations.total', { count: section.data.openCount, savings: fmt.money(section.data.totalSavings) })}</Note>
          {section.data.top.length ? (
            <DataTable>
              <tbody>
                {section.data.top.map((r) => (
                  <tr key={r.id}>
                    <td style={cell}>
                      <a href={r.link} style={{ color: C.link }}>
                        {describe(r.message)}
                      </a>
                    </td>
                    <td style={{ ...num, color: C.down }}>{fmt.money(r.savings)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : null}
          {section.data.runway.map((r) => (
            <p key={r.id} style={{ margin: '6px 0', fontSize: '13px', color: C.warn }}>
              <a href={r.link} style={{ color: C.warn }}>
                {describe(r.message)}
              </a>
            </p>
          ))}
        </>
      )}
    </Section>
  );
}

function PlanActualSection({ view, t, fmt, open }: TPart) {
  const pa = view.planActual;
  if (!pa) return null;
  return (
    <Section title={t('planActual.title')} link={pa.link} linkLabel={open}>
      {pa.actual.days === 0 ? (
        <Note>{t('planActual.empty')}</Note>
      ) : (
        <DataTable>
          <tbody>
            <tr>
              <td style={cell} colSpan={2}>
                <span style={{ color: C.muted }}>{t('planActual.month', { month: fmt.monthLong(pa.month), days: pa.actual.days, daysInMonth: pa.actual.daysInMonth })}</span>
              </td>
            </tr>
            <tr>
              <td style={cell}>{t('planActual.actual')}</td>
              <td style={num}>{fmt.money(pa.actual.total)}</td>
            </tr>
            {pa.actual.runRate !== null ? (
              <tr>
                <td style={cell}>{t('planActual.runRate')}</td>
                <td style={num}>{fmt.money(pa.actual.runRate)}</td>
              </tr>
            ) : null}
            {pa.plan?.month ? (
              <tr>
                <td style={cell}>{t('planActual.plan', { name: pa.plan.scenarioName })}</td>
                <td style={num}>{t('planActual.planRange', { likely: fmt.money(pa.plan.month.likely), p10: fmt.money(pa.plan.month.p10), p90: fmt.money(pa.plan.month.p90) })}</td>
              </tr>
            ) : null}
          </tbody>
        </DataTable>
      )}
      {!pa.plan ? <Note>{t('planActual.noPlan')}</Note> : !pa.plan.month && pa.plan.firstMonth ? <Note>{t('planActual.planLater', { name: pa.plan.scenarioName, month: fmt.monthLong(pa.plan.firstMonth) })}</Note> : null}
    </Section>
  );
}

function UnitCostsSection({ view, t, fmt, open }: TPart) {
  const section = view.unitCosts!;
  return (
    <Section title={t('unitCosts.title')} link={section.state === 'ok' ? section.data.link : undefined} linkLabel={open}>
      {section.state === 'empty' || section.data.items.length === 0 ? (
        <Note>{t('unitCosts.empty')}</Note>
      ) : (
        <DataTable>
          <thead>
            <tr>
              <th style={head}>{t('unitCosts.metric')}</th>
              <th style={headNum}>{t('unitCosts.thisWeek')}</th>
              <th style={headNum}>{t('unitCosts.weekBefore')}</th>
            </tr>
          </thead>
          <tbody>
            {section.data.items.map((u) => (
              <tr key={u.id}>
                <td style={cell}>{t('unitCosts.metricLabel', { label: u.label, per: u.per, unit: u.unit })}</td>
                <td style={num}>{unitCost(u.current, fmt)}</td>
                <td style={num}>{u.previous === null ? '—' : unitCost(u.previous, fmt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

function FreshnessSection({ view, t, fmt, open }: TPart) {
  return (
    <Section title={t('freshness.title')} link={view.freshness[0]?.link} linkLabel={open}>
      {view.freshness.length === 0 ? (
        <Note>{t('freshness.empty')}</Note>
      ) : (
        <DataTable>
          <thead>
            <tr>
              <th style={head}>{t('freshness.provider')}</th>
              <th style={headNum}>{t('freshness.lastDay')}</th>
              <th style={headNum}>{t('freshness.estimated')}</th>
            </tr>
          </thead>
          <tbody>
            {view.freshness.map((f) => (
              <tr key={f.provider}>
                <td style={cell}>
                  <span style={{ color: providerColor(f.provider) }}>■</span> {f.provider}
                </td>
                <td style={{ ...num, color: f.stale ? C.warn : C.text, fontWeight: f.stale ? 600 : 400 }}>{f.lastDay ? fmt.day(f.lastDay) : t('freshness.noData')}</td>
                <td style={num}>{t('freshness.estimatedDays', { count: f.estimatedDays.length, first: f.estimatedDays.length ? fmt.dayShort(f.estimatedDays[0]) : '' })}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

function Footer({ t, view, scheduleName, unsubscribeUrl, manageUrl }: { t: TEmailT; view: TReportView; scheduleName: string | null; unsubscribeUrl: string | null; manageUrl: string }) {
  const small: CSSProperties = { margin: '6px 0', fontSize: '12px', color: C.muted, lineHeight: '1.5' };
  return (
    <div style={{ marginTop: '28px', borderTop: `1px solid ${C.line}`, paddingTop: '12px' }}>
      <p style={small}>{t('footer.currency', { currency: view.currency })}</p>
      <p style={small}>{scheduleName ? t('footer.why', { schedule: scheduleName }) : t('footer.whyNoSchedule')}</p>
      <p style={small}>
        {unsubscribeUrl ? (
          <>
            <a href={unsubscribeUrl} style={{ color: C.muted }}>
              {t('footer.unsubscribe')}
            </a>
            {' · '}
          </>
        ) : null}
        <a href={manageUrl} style={{ color: C.muted }}>
          {t('footer.manage')}
        </a>
      </p>
    </div>
  );
}
