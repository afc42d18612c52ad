import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecentAnomaliesCard } from '@/components/anomalies/recent-anomalies-card';
import { RankedBars } from '@/components/charts/ranked-bars';
import { StackedMonthlyChart } from '@/components/charts/stacked-monthly-chart';
import { ProviderForecast } from '@/components/forecast/provider-forecast';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { isAppError } from '@/lib/errors';
import { providerColor } from '@/lib/format/palette';
import { getFormat } from '@/lib/i18n/server';
import { getOverview, type TOverview } from '@/lib/queries/get-overview';
import { env } from '@/lib/env';
import { addIsoDays } from '@/lib/dates';
import { getForecast } from '@/lib/queries/get-forecast';
import { listBudgets } from '@/lib/queries/list-budgets';
import { planOfRecordMonths } from '@/lib/queries/plan-of-record-months';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

const METHOD_KEYS: Record<string, 'seasonalNaive' | 'holtWinters' | 'dampedTrend' | 'runRate'> = {
  'seasonal-naive': 'seasonalNaive',
  'holt-winters': 'holtWinters',
  'damped-trend': 'dampedTrend',
  'run-rate': 'runRate',
};

const TONE_CLASS = { good: 'text-emerald-700', bad: 'text-red-600', neutral: 'text-slate-600' } as const;

export default async function OverviewPage() {
  await getPageActor();
  const [t, fmt] = await Promise.all([getTranslations('overview'), getFormat()]);
  const { currency, timeZone } = fmt;
  let o: TOverview;
  try {
    o = await getOverview({ now: new Date(), currency, timeZone });
  } catch (error) {
    // amounts in a currency with no stored rate cannot be added up: say which, and how to fix it
    if (!isAppError(error) || error.code !== 'UNPROCESSABLE') throw error;
    return (
      <>
        <PageHeader title={t('title')} />
        <Card>
          <div className="py-10 text-center" data-testid="overview-no-fx">
            <h2 className="text-lg font-semibold">{t('noFxTitle', { currency })}</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">{error.message}.</p>
          </div>
        </Card>
      </>
    );
  }

  if (!o.hasData) {
    return (
      <>
        <PageHeader title={t('title')} />
        <Card>
          <div className="py-10 text-center" data-testid="overview-empty">
            <h2 className="text-lg font-semibold">{t('emptyTitle')}</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
              {t.rich('emptyBody', {
                settings: (chunks) => <Link className="font-medium text-brand-600 hover:underline" href="/settings">{chunks}</Link>,
                code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code>,
              })}
            </p>
          </div>
        </Card>
      </>
    );
  }

  const c = o.comparison;
  const month = o.monthToDate.from.slice(0, 7);
  const nextMonth = addIsoDays(`${month}-28`, 7).slice(0, 7);
  const [tf, tb, forecast, budgets] = await Promise.all([
    getTranslations('forecast'),
    getTranslations('budgets'),
    getForecast(
      { from: `${month}-01`, to: `${nextMonth}-01`, granularity: 'month', groupBy: 'none', interval: 80, currency },
      { now: new Date(), timeZone: env().ORG_TIMEZONE, currency, plan: planOfRecordMonths },
    ),
    listBudgets({ now: new Date(), timeZone: env().ORG_TIMEZONE }),
  ]);
  const monthEnd = forecast.rows.find((r) => r.method !== 'plan') ?? null;
  const planMonth = forecast.rows.find((r) => r.method === 'plan') ?? null;
  // AWS's own forecast of this month's remaining days, when an AWS connection's sync stored one
  const awsMonth = forecast.providerForecasts.find((p) => p.period.slice(0, 7) === month) ?? null;
  const alarms = budgets.filter((b) => b.current.state === 'alarm');
  const services = o.byServiceLast30.map((s) => (s.key === '__other' ? { ...s, label: t('otherServices', { count: o.otherCount }) } : s));
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { currency })} />
      {o.isDemo && <DemoBanner />}
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card>
          <div className="text-sm text-slate-500">{t('monthToDate')}</div>
          <div className="tabular mt-1 text-3xl font-semibold" data-testid="mtd-current">{fmt.money(o.monthToDate.total)}</div>
          <div className="mt-1 text-xs text-slate-500">{t('monthToDateRange', { range: fmt.dayRange(o.monthToDate.from, o.monthToDate.to) })}</div>
        </Card>
        <Card>
          <div className="text-sm text-slate-500">{t('sameDaysLastMonth')}</div>
          {c ? (
            <>
              <div className="tabular mt-1 text-3xl font-semibold" data-testid="mtd-previous">{fmt.money(c.previous)}</div>
              <div className={`mt-1 text-xs font-medium ${TONE_CLASS[c.tone]}`} data-testid="mtd-change" data-tone={c.tone}>
                {c.change === null
                  ? t('noPreviousSpend', { range: fmt.dayRange(c.previousFirst, c.previousLast) })
                  : t('change', {
                      change: fmt.change(c.change),
                      current: fmt.dayRange(c.currentFirst, c.currentLast),
                      previous: fmt.dayRange(c.previousFirst, c.previousLast),
                    })}
              </div>
              {c.change !== null && (
                <div className="mt-1 text-xs text-slate-500" data-testid="mtd-change-note">
                  {c.reason === 'too-short' && t('neutralTooShort', { days: c.days })}
                  {c.reason === 'incomplete' && t('neutralIncomplete', { providers: c.lagging.join(', ') })}
                  {c.reason === 'uneven' && t('neutralUneven')}
                  {c.reason !== null && ' '}
                  {t('compared', { current: fmt.money(c.current), days: c.days })}
                </div>
              )}
            </>
          ) : (
            <div className="mt-2 text-sm text-slate-500" data-testid="mtd-change">{t('nothingToCompare')}</div>
          )}
        </Card>
        <Card>
          <div className="text-sm text-slate-500">{t('last30Days')}</div>
          <div className="tabular mt-1 text-3xl font-semibold">{fmt.money(o.last30Total)}</div>
          <div className="mt-1 text-xs text-slate-500">{t('allProviders')}</div>
        </Card>
      </div>
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <Card>
          <div className="text-sm text-slate-500">{tf('monthEndTitle', { month: fmt.monthLong(`${month}-01`) })}</div>
          {monthEnd ? (
            <div data-testid="overview-forecast">
              <div className="tabular mt-1 text-3xl font-semibold" data-testid="forecast-month-end">{fmt.money(monthEnd.mean)}</div>
              <div className="mt-1 text-xs text-slate-600" data-testid="forecast-month-end-range">
                {tf('monthEndRange', { lower: fmt.money(monthEnd.lower), upper: fmt.money(monthEnd.upper), interval: forecast.interval })}
              </div>
              <div className="mt-1 text-xs text-slate-500">
                {forecast.backtest.mape === null
                  ? tf('monthEndNoBacktest', { method: tf(`method.${METHOD_KEYS[forecast.backtest.method] ?? 'runRate'}`) })
                  : tf('monthEndMethod', { method: tf(`method.${METHOD_KEYS[forecast.backtest.method] ?? 'runRate'}`), mape: fmt.share(forecast.backtest.mape, 1) })}
              </div>
              {planMonth && <div className="mt-1 text-xs text-slate-500">{tf('monthEndPlan', { amount: fmt.money(planMonth.mean) })}</div>}
              {awsMonth && <ProviderForecast forecast={awsMonth} interval={forecast.interval} className="mt-3 border-t border-slate-100 pt-2" />}
            </div>
          ) : (
            <div className="mt-2 text-sm text-slate-500">—</div>
          )}
        </Card>
        <Card>
          <div className="flex items-baseline justify-between gap-2">
            <div className="text-sm text-slate-500">{tb('overviewTitle')}</div>
            <Link className="text-xs font-medium text-brand-600 hover:underline" href="/budgets">{tb('overviewLink')}</Link>
          </div>
          <ul className="mt-2 space-y-1 text-sm" data-testid="overview-budget-alarms">
            {alarms.map((b) => (
              <li key={b.id} className="flex items-center gap-2">
                <span className="inline-block h-2 w-2 shrink-0 rounded-full bg-red-500" aria-hidden />
                <span>{tb('overviewLine', { name: b.name, forecast: fmt.money(b.current.forecast ?? b.current.actual, { currency: b.currency }), amount: b.current.amount === null ? '—' : fmt.money(b.current.amount, { currency: b.currency }) })}</span>
              </li>
            ))}
            {alarms.length === 0 && <li className="text-slate-500">{budgets.length ? tb('overviewNone') : tb('overviewNoBudgets')}</li>}
          </ul>
        </Card>
      </div>
      <RecentAnomaliesCard now={new Date()} />
      <Card title={t('monthlyTitle')} subtitle={t('monthlySubtitle')} className="mb-6">
        <StackedMonthlyChart
          rows={o.byProviderMonthly.rows}
          series={o.byProviderMonthly.providers.map((p) => ({ ...p, color: providerColor(p.key) }))}
          currency={currency}
        />
      </Card>
      <Card title={t('servicesTitle')} subtitle={t('servicesSubtitle')}>
        <RankedBars items={services} />
      </Card>
    </>
  );
}
