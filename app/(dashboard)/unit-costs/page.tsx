import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { MetricImport } from '@/components/unit-costs/metric-import';
import { MetricValueForm, NewMetricForm } from '@/components/unit-costs/metric-forms';
import { UnitCostChart } from '@/components/unit-costs/unit-cost-chart';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { addIsoDays, isoDay } from '@/lib/dates';
import { isDemoLoaded } from '@/lib/demo/load-demo';
import { getFormat } from '@/lib/i18n/server';
import { getUnitCosts } from '@/lib/queries/get-unit-costs';
import { listBusinessMetrics } from '@/lib/queries/list-business-metrics';
import { listAnomalyMonitors } from '@/lib/queries/list-anomaly-monitors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('unitCosts');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UnitCostsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await getPageActor();
  const canEdit = hasRole(actor.role, 'editor');
  const params = await searchParams;
  const [t, fmt, metrics, demo, monitors] = await Promise.all([getTranslations('unitCosts'), getFormat(), listBusinessMetrics(), isDemoLoaded(), listAnomalyMonitors()]);
  const providers = monitors.filter((m) => m.kind === 'provider').map((m) => m.key).sort();
  const provider = providers.includes(one(params.provider) ?? '') ? one(params.provider) : undefined;
  const withPoints = metrics.filter((m) => m.points > 0);
  const today = isoDay(new Date());
  // the last 12 complete months and this one
  const from = `${addIsoDays(`${today.slice(0, 7)}-01`, -330).slice(0, 7)}-01`;
  const to = addIsoDays(today, 1);
  const results = await Promise.all(
    withPoints.map((m) => getUnitCosts({ metric: m.name, from, to, granularity: 'month', currency: fmt.currency, provider })),
  );
  const perLabel = (m: { per: number; unit: string }) => t('per', { count: m.per, unit: m.unit });
  const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <form method="get" action="/unit-costs" className="flex items-end gap-2" data-testid="unit-cost-filters">
          <label className="text-sm">
            <span className="text-slate-600">{t('scope')}</span>
            <select name="provider" defaultValue={provider ?? ''} className={input}>
              <option value="">{t('allProviders')}</option>
              {providers.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
            {t('apply')}
          </button>
        </form>
      </PageHeader>
      {demo && <DemoBanner />}
      {withPoints.length === 0 ? (
        <Card className="mb-6">
          <div className="py-8 text-center" data-testid="unit-costs-empty">
            <h2 className="text-base font-semibold">{t('emptyTitle')}</h2>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
              {t.rich('emptyBody', { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
            </p>
          </div>
        </Card>
      ) : (
        <div className="mb-6 grid gap-4 md:grid-cols-2">
          {results.map((r) => {
            const latest = r.rows.filter((row) => row.unitCost !== null).at(-1);
            return (
              <Card key={r.metric.name} title={t('cardTitle', { label: r.metric.label })} subtitle={perLabel(r.metric)}>
                <div data-testid={`unit-cost-${r.metric.name}`}>
                  <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                    <div className="tabular text-3xl font-semibold">
                      {r.trend.latest === null ? '–' : fmt.unitPrice(Number(r.trend.latest).toFixed(4))}
                    </div>
                    {r.trend.change !== null && (
                      <div className={`text-sm font-medium ${r.trend.change > 0 ? 'text-red-600' : 'text-emerald-700'}`}>
                        {t('trend', { change: fmt.change(r.trend.change), month: fmt.monthLong(r.rows.filter((x) => x.unitCost !== null && x.daysWithValue === x.days).at(-2)?.period.slice(0, 7) ?? '') })}
                      </div>
                    )}
                  </div>
                  <p className="mt-1 text-xs text-slate-500">
                    {r.trend.latest === null ? t('noCompleteMonth') : t('latestMonthNote', { month: fmt.monthLong(r.rows.filter((x) => x.unitCost !== null && x.daysWithValue === x.days).at(-1)!.period.slice(0, 7)) })}
                    {latest && latest.daysWithValue < latest.days && ` ${t('partialNote', { month: fmt.monthLong(latest.period.slice(0, 7)), value: fmt.unitPrice(Number(latest.unitCost).toFixed(4)) })}`}
                  </p>
                  <UnitCostChart id={r.metric.name} rows={r.rows} currency={r.currency} />
                  <p className="text-xs text-slate-500">{t('chartCaption')}</p>
                  <div className="mt-4 overflow-x-auto">
                    <table className="w-full min-w-[420px] text-sm">
                      <thead>
                        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                          <th className="py-1.5 pr-3 font-medium">{t('month')}</th>
                          <th className="py-1.5 pr-3 text-right font-medium">{t('cost')}</th>
                          <th className="py-1.5 pr-3 text-right font-medium">{r.metric.aggregation === 'average' ? t('dailyAverage', { label: r.metric.label }) : r.metric.label}</th>
                          <th className="py-1.5 text-right font-medium">{perLabel(r.metric)}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {r.rows.slice().reverse().map((row) => (
                          <tr key={row.period} className="border-b border-slate-100">
                            <td className="py-1.5 pr-3">
                              {fmt.month(row.period.slice(0, 7))}
                              {row.daysWithValue < row.days && <span className="ml-1 text-xs text-slate-500">{t('daysOf', { days: row.daysWithValue, total: row.days })}</span>}
                            </td>
                            <td className="tabular py-1.5 pr-3 text-right">{fmt.money(row.cost)}</td>
                            <td className="tabular py-1.5 pr-3 text-right">{row.value === null ? '–' : fmt.integer(Number(row.value))}</td>
                            <td className="tabular py-1.5 text-right font-medium">{row.unitCost === null ? '–' : fmt.unitPrice(Number(row.unitCost).toFixed(4))}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              </Card>
            );
          })}
        </div>
      )}
      <Card title={t('metricsTitle')} subtitle={t('metricsSubtitle')}>
        {metrics.length === 0 ? (
          <p className="text-sm text-slate-600">{t('metricsEmpty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[560px] text-sm" data-testid="metrics-table">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                  <th className="py-2 pr-3 font-medium">{t('metric')}</th>
                  <th className="py-2 pr-3 font-medium">{t('source')}</th>
                  <th className="py-2 pr-3 font-medium">{t('days')}</th>
                  <th className="py-2 text-right font-medium">{t('latestValue')}</th>
                </tr>
              </thead>
              <tbody>
                {metrics.map((m) => (
                  <tr key={m.name} className="border-b border-slate-100">
                    <td className="py-2 pr-3">
                      <div className="font-medium">{m.label}</div>
                      <code className="text-xs text-slate-500">{m.name}</code>
                    </td>
                    <td className="py-2 pr-3">{t(`sources.${m.source}`)}</td>
                    <td className="tabular py-2 pr-3">{m.firstDay && m.lastDay ? fmt.dayRange(m.firstDay, m.lastDay) : t('noPoints')}</td>
                    <td className="tabular py-2 text-right">{m.lastValue === null ? '–' : fmt.integer(Number(m.lastValue))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit && (
          <div className="mt-6 space-y-6 border-t border-slate-100 pt-4">
            {metrics.length > 0 && (
              <section>
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('enterValueTitle')}</h3>
                <MetricValueForm metrics={metrics.map((m) => ({ name: m.name, label: m.label }))} today={addIsoDays(today, -1)} />
              </section>
            )}
            {metrics.length > 0 && (
              <section>
                <h3 className="text-sm font-semibold text-slate-900">{t('importTitle')}</h3>
                <MetricImport metrics={metrics.map((m) => ({ name: m.name, label: m.label }))} />
              </section>
            )}
            <section>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('newMetricTitle')}</h3>
              <NewMetricForm />
            </section>
          </div>
        )}
        <p className="mt-4 text-xs text-slate-500">
          {t.rich('apiNote', { link: (chunks) => <Link className="text-brand-600 hover:underline" href="/api/v1/openapi.json">{chunks}</Link> })}
        </p>
      </Card>
    </>
  );
}
