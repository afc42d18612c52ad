import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AnomalyChart } from '@/components/anomalies/anomaly-chart';
import { AnomalyStatusForm } from '@/components/anomalies/anomaly-status-form';
import { DirectionBadge, monitorLabel, StatusBadge } from '@/components/anomalies/anomaly-words';
import { MonitorsPanel } from '@/components/anomalies/monitors-panel';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { ANOMALY_STATUSES, type TAnomalyStatus, type TAnomalyView } from '@/lib/api/schemas/anomalies';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { addIsoDays, isIsoDay, isoDay } from '@/lib/dates';
import { isDemoLoaded } from '@/lib/demo/load-demo';
import { getFormat } from '@/lib/i18n/server';
import { getAnomalySeries } from '@/lib/queries/get-anomaly-series';
import { listAnomalies } from '@/lib/queries/list-anomalies';
import { listAnomalyMonitors } from '@/lib/queries/list-anomaly-monitors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('anomalies');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const DEFAULT_DAYS = 90;

export default async function AnomaliesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await getPageActor();
  const canEdit = hasRole(actor.role, 'editor');
  const params = await searchParams;
  const today = isoDay(new Date());
  const day = (v: string | undefined) => (v && isIsoDay(v) ? v : undefined);
  const to = day(one(params.to)) ?? addIsoDays(today, 1);
  const fromParam = day(one(params.from));
  const from = fromParam && fromParam < to ? fromParam : addIsoDays(to, -DEFAULT_DAYS);
  const statusParam = one(params.status);
  const status = (ANOMALY_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as TAnomalyStatus) : undefined;
  const provider = one(params.provider) || undefined;
  const service = one(params.service) || undefined;

  const [t, fmt, monitors, demo] = await Promise.all([getTranslations('anomalies'), getFormat(), listAnomalyMonitors(), isDemoLoaded()]);
  const rows = await listAnomalies({ from, to, status, provider, service: service?.includes(':') ? service : undefined });
  const selectedId = one(params.anomaly);
  const selected: TAnomalyView | undefined = rows.find((r) => r.id === selectedId) ?? (selectedId ? (await listAnomalies({})).find((r) => r.id === selectedId) : undefined) ?? rows[0];

  const providers = [...new Set(monitors.filter((m) => m.kind === 'provider').map((m) => m.key))].sort();
  const services = monitors.filter((m) => m.kind === 'service').sort((a, b) => a.name.localeCompare(b.name));
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const all = { from: fromParam, to: one(params.to), status, provider, service, ...extra };
    for (const [k, v] of Object.entries(all)) if (v) q.set(k, v);
    return `/anomalies?${q.toString()}`;
  };

  let chart: Awaited<ReturnType<typeof getAnomalySeries>> | null = null;
  if (selected) {
    const end = addIsoDays(selected.endDay, 14) < today ? addIsoDays(selected.endDay, 14) : addIsoDays(today, -1);
    chart = await getAnomalySeries({ monitorId: selected.monitor.id, from: addIsoDays(selected.startDay, -42), to: end < selected.endDay ? selected.endDay : end });
  }
  const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {demo && <DemoBanner />}
      <Card className="mb-6">
        <form method="get" action="/anomalies" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="anomaly-filters">
          <label className="text-sm">
            <span className="text-slate-600">{t('filterStatus')}</span>
            <select name="status" defaultValue={status ?? ''} className={input}>
              <option value="">{t('filterAll')}</option>
              {ANOMALY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="text-slate-600">{t('filterProvider')}</span>
            <select name="provider" defaultValue={provider ?? ''} className={input}>
              <option value="">{t('filterAll')}</option>
              {providers.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="col-span-2 text-sm sm:col-span-1">
            <span className="text-slate-600">{t('filterService')}</span>
            <select name="service" defaultValue={service ?? ''} className={input}>
              <option value="">{t('filterAll')}</option>
              {services.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="text-slate-600">{t('filterFrom')}</span>
            <input type="date" name="from" defaultValue={from} className={input} />
          </label>
          <label className="text-sm">
            <span className="text-slate-600">{t('filterTo')}</span>
            <input type="date" name="to" defaultValue={addIsoDays(to, -1)} className={input} />
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
              {t('filterApply')}
            </button>
            <Link href="/anomalies" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
              {t('filterReset')}
            </Link>
          </div>
        </form>
      </Card>

      {selected && chart && (
        <Card
          className="mb-6"
          title={t('detailTitle', { monitor: monitorLabel(t('totalMonitor'), selected.monitor), days: fmt.dayRange(selected.startDay, selected.endDay) })}
          subtitle={t('detailSubtitle')}
          action={<StatusBadge status={selected.status} label={t(`status.${selected.status}`)} />}
        >
          <div data-testid="anomaly-detail" data-anomaly-id={selected.id}>
            <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <Figure label={t('expected')} value={fmt.money(selected.expected, { currency: selected.currency })} />
              <Figure label={t('actual')} value={fmt.money(selected.actual, { currency: selected.currency })} />
              <Figure
                label={t('impact')}
                value={fmt.moneySigned(selected.impact, { currency: selected.currency })}
                note={selected.impactPercent === null ? undefined : fmt.change(Number(selected.impactPercent) / 100, 0)}
              />
              <Figure label={t('score')} value={fmt.number(selected.score, 1)} note={t('scoreNote')} />
            </dl>
            {selected.provisional && <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800">{t('provisionalNote')}</p>}
            <AnomalyChart id={selected.id} days={chart.days} currency={chart.currency} highlight={{ from: selected.startDay, to: selected.endDay }} />
            <p className="mt-2 text-xs text-slate-500">{t('chartCaption')}</p>
            <div className="mt-6 grid gap-6 lg:grid-cols-3">
              <div className="min-w-0 lg:col-span-2">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{t(`contributionsTitle.${selected.contributionDimension ?? 'service'}`)}</h3>
                {selected.contributions.length === 0 ? (
                  <p className="text-sm text-slate-600">{t('contributionsEmpty')}</p>
                ) : (
                  <div className="overflow-x-auto">
                    <table className="w-full text-sm" data-testid="anomaly-contributions">
                      <thead>
                        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                          <th className="py-1.5 pr-3 font-medium">{t('contributionName')}</th>
                          <th className="py-1.5 pr-3 text-right font-medium">{t('expected')}</th>
                          <th className="py-1.5 pr-3 text-right font-medium">{t('actual')}</th>
                          <th className="py-1.5 pr-3 text-right font-medium">{t('impact')}</th>
                          <th className="py-1.5 text-right font-medium">{t('share')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {selected.contributions.map((c) => (
                          <tr key={c.key} className="border-b border-slate-100">
                            <td className="max-w-xs truncate py-1.5 pr-3" title={c.label}>{c.label}</td>
                            <td className="tabular py-1.5 pr-3 text-right">{fmt.money(c.expected, { currency: selected.currency })}</td>
                            <td className="tabular py-1.5 pr-3 text-right">{fmt.money(c.actual, { currency: selected.currency })}</td>
                            <td className="tabular py-1.5 pr-3 text-right font-medium">{fmt.moneySigned(c.impact, { currency: selected.currency })}</td>
                            <td className="tabular py-1.5 text-right">{c.share === null ? '–' : fmt.share(c.share)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
              <div>
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('judgement')}</h3>
                {canEdit ? (
                  <AnomalyStatusForm key={selected.id} id={selected.id} status={selected.status} note={selected.note} />
                ) : (
                  <div className="text-sm" data-testid="anomaly-status-readonly">
                    <StatusBadge status={selected.status} label={t(`status.${selected.status}`)} />
                    {selected.note && <p className="mt-2 whitespace-pre-wrap text-slate-700">{selected.note}</p>}
                    <p className="mt-2 text-xs text-slate-500">{t('readOnly')}</p>
                  </div>
                )}
              </div>
            </div>
          </div>
        </Card>
      )}

      <Card title={t('listTitle')} subtitle={t('listSubtitle', { range: fmt.dayRange(from, addIsoDays(to, -1)), count: rows.length })} className="mb-6">
        {rows.length === 0 ? (
          <div className="py-8 text-center" data-testid="anomalies-empty">
            <h2 className="text-base font-semibold">{t('emptyTitle')}</h2>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
              {t.rich('emptyBody', { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
            </p>
          </div>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
            <table className="w-full min-w-[720px] text-sm" data-testid="anomalies-table">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                  <th className="py-2 pr-3 font-medium">{t('colMonitor')}</th>
                  <th className="py-2 pr-3 font-medium">{t('colDays')}</th>
                  <th className="py-2 pr-3 font-medium">{t('colDirection')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('expected')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('actual')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('impact')}</th>
                  <th className="py-2 pr-3 font-medium">{t('colCause')}</th>
                  <th className="py-2 font-medium">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id} className={`border-b border-slate-100 ${a.id === selected?.id ? 'bg-brand-50' : ''}`} data-testid="anomaly-row" data-monitor={a.monitor.key}>
                    <td className="py-2 pr-3">
                      <Link href={query({ anomaly: a.id })} className="font-medium text-slate-900 hover:underline" scroll={false}>
                        {monitorLabel(t('totalMonitor'), a.monitor)}
                      </Link>
                      <div className="text-xs text-slate-500">{t(`kind.${a.monitor.kind}`)}</div>
                    </td>
                    <td className="tabular whitespace-nowrap py-2 pr-3">
                      {fmt.dayRange(a.startDay, a.endDay)}
                      {a.provisional && <div className="text-xs text-amber-700">{t('provisional')}</div>}
                    </td>
                    <td className="py-2 pr-3">
                      <DirectionBadge direction={a.direction} label={t(`direction.${a.direction}`)} />
                    </td>
                    <td className="tabular py-2 pr-3 text-right">{fmt.money(a.expected, { currency: a.currency })}</td>
                    <td className="tabular py-2 pr-3 text-right">{fmt.money(a.actual, { currency: a.currency })}</td>
                    <td className="tabular whitespace-nowrap py-2 pr-3 text-right font-medium">
                      {fmt.moneySigned(a.impact, { currency: a.currency })}
                      {a.impactPercent !== null && <div className="text-xs font-normal text-slate-500">{fmt.change(Number(a.impactPercent) / 100, 0)}</div>}
                    </td>
                    <td className="max-w-[16rem] truncate py-2 pr-3 text-slate-600" title={a.contributions[0]?.label}>
                      {a.contributions[0]?.label ?? '–'}
                    </td>
                    <td className="py-2">
                      <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <MonitorsPanel monitors={monitors} canEdit={canEdit} />
    </>
  );
}

function Figure(props: { label: string; value: string; note?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{props.label}</dt>
      <dd className="tabular text-lg font-semibold text-slate-900">{props.value}</dd>
      {props.note && <dd className="text-xs text-slate-500">{props.note}</dd>}
    </div>
  );
}
