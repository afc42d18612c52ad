'use client';

// The recommendations page: potential monthly savings by kind and by provider, the last refresh and
// the rules that failed or lacked data in it (with what to connect), and the table of recommendations
// with its filters (kind, provider, status) and its order by savings. Filters live in the URL.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { Card } from '@/components/ui/card';
import { RECOMMENDATION_STATUSES, type TRecommendationList, type TRecommendationView } from '@/lib/api/schemas/recommendations';
import { providerColor } from '@/lib/format/palette';
import { RECOMMENDATION_KINDS } from '@/lib/recommendations/types';
import { fetchList, keys, queryString, refreshRecommendations, type TListFilters } from './api';
import { LastRun } from './last-run';
import { StatusBadge } from './status-badge';
import { sortBySavings, type TSortDir } from './view';
import { useRecommendationMessage, useRecommendationWords } from './words';

export type TViewState = { filters: TListFilters; dir: TSortDir };

const SELECT = 'w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

export function RecommendationsView(props: { initial: TViewState; list?: TRecommendationList; role: string }) {
  const t = useTranslations('recommendationsPage');
  const words = useRecommendationWords();
  const client = useQueryClient();
  const [filters, setFilters] = useState<TListFilters>(props.initial.filters);
  const [dir, setDir] = useState<TSortDir>(props.initial.dir);
  const initialKey = queryString(props.initial.filters);
  const list = useQuery({
    queryKey: keys.list(filters),
    queryFn: () => fetchList(filters),
    initialData: queryString(filters) === initialKey ? props.list : undefined,
    placeholderData: keepPreviousData,
  });
  const refresh = useMutation({
    mutationFn: refreshRecommendations,
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });

  // the view's filters and order in the address, so a reload or a shared link shows the same rows
  useEffect(() => {
    const qs = queryString({ ...filters, dir: dir === 'desc' ? undefined : dir });
    window.history.replaceState(null, '', `/recommendations${qs ? `?${qs}` : ''}`);
  }, [filters, dir]);

  const providers = useMemo(() => {
    // the totals are over every current recommendation, whatever the filters: their providers are the choices
    const all = new Set<string>([...(list.data?.summary.byProvider ?? []).map((p) => p.provider), ...(list.data?.items ?? []).map((i) => i.provider)]);
    if (filters.provider) all.add(filters.provider);
    return [...all].sort((a, b) => words.provider(a).localeCompare(words.provider(b)));
  }, [list.data, filters.provider, words]);
  const rows = useMemo(() => sortBySavings(list.data?.items ?? [], dir), [list.data, dir]);
  const canEdit = props.role === 'editor' || props.role === 'admin';
  const set = (key: keyof TListFilters) => (e: React.ChangeEvent<HTMLSelectElement>) => setFilters((f) => ({ ...f, [key]: e.target.value || undefined }));
  const ids = { kind: useId(), provider: useId(), status: useId() };
  if (list.isError && !list.data) {
    return <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{t('loadFailed', { message: list.error instanceof Error ? list.error.message : '' })}</p>;
  }
  if (!list.data) return <Card><p className="py-8 text-center text-sm text-slate-500" data-testid="recommendations-loading">{t('loading')}</p></Card>;
  const { summary, lastRun } = list.data;
  const current = summary.byStatus.reduce((n, s) => n + s.count, 0);

  return (
    <div className="space-y-6">
      <SavingsSummary summary={summary} />
      <LastRun run={lastRun} canEdit={canEdit} refreshing={refresh.isPending} onRefresh={() => refresh.mutate()} error={refresh.error instanceof Error ? refresh.error.message : null} />
      <Card title={t('tableTitle')} subtitle={t('tableSubtitle', { currency: summary.currency })}>
        <form className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-4" onSubmit={(e) => e.preventDefault()} data-testid="recommendation-filters">
          <div>
            <label htmlFor={ids.kind} className="mb-1 block text-xs font-medium text-slate-600">{t('filters.kind')}</label>
            <select id={ids.kind} name="kind" value={filters.kind ?? ''} onChange={set('kind')} className={SELECT}>
              <option value="">{t('filters.allKinds')}</option>
              {RECOMMENDATION_KINDS.map((k) => <option key={k} value={k}>{words.kind(k)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={ids.provider} className="mb-1 block text-xs font-medium text-slate-600">{t('filters.provider')}</label>
            <select id={ids.provider} name="provider" value={filters.provider ?? ''} onChange={set('provider')} className={SELECT}>
              <option value="">{t('filters.allProviders')}</option>
              {providers.map((p) => <option key={p} value={p}>{words.provider(p)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={ids.status} className="mb-1 block text-xs font-medium text-slate-600">{t('filters.status')}</label>
            <select id={ids.status} name="status" value={filters.status ?? ''} onChange={set('status')} className={SELECT}>
              <option value="">{t('filters.allStatuses')}</option>
              {RECOMMENDATION_STATUSES.map((s) => <option key={s} value={s}>{words.status(s)}</option>)}
            </select>
          </div>
          <div className="flex items-end gap-2">
            <button type="button" onClick={() => setDir((d) => (d === 'desc' ? 'asc' : 'desc'))} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 sm:hidden" data-testid="sort-savings-phone">
              {dir === 'desc' ? t('sortPhoneDesc') : t('sortPhoneAsc')}
            </button>
            <button type="button" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-50" disabled={!filters.kind && !filters.provider && !filters.status} onClick={() => setFilters({})} data-testid="reset-filters">
              {t('filters.reset')}
            </button>
          </div>
        </form>
        {list.isError ? (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{t('loadFailed', { message: list.error instanceof Error ? list.error.message : '' })}</p>
        ) : rows.length === 0 && !list.isFetching ? (
          <div className="py-8 text-center text-sm text-slate-600" data-testid="recommendations-empty">
            {current === 0 ? (
              <>
                <p className="font-medium">{t('emptyTitle')}</p>
                <p className="mx-auto mt-1 max-w-xl text-slate-500">{lastRun ? t('emptyAfterRun') : canEdit ? t('emptyNoRunEditor') : t('emptyNoRunViewer')}</p>
              </>
            ) : (
              <p>{t('emptyFiltered', { count: rows.length })}</p>
            )}
          </div>
        ) : (
          <RecommendationTable rows={rows} dir={dir} onSort={() => setDir((d) => (d === 'desc' ? 'asc' : 'desc'))} loading={list.isFetching} />
        )}
        <p className="mt-3 text-xs text-slate-500">{t('tableFootnote', { shown: rows.length, total: current })}</p>
      </Card>
    </div>
  );
}

function SavingsSummary({ summary }: { summary: TRecommendationList['summary'] }) {
  const t = useTranslations('recommendationsPage.summary');
  const fmt = useFormat();
  const words = useRecommendationWords();
  const money = (v: string) => fmt.money(v, { currency: summary.currency });
  const byKind = summary.byKind.filter((k) => Number(k.monthlySavings.p50) > 0);
  const byProvider = summary.byProvider.filter((p) => Number(p.monthlySavings.p50) > 0);
  return (
    <section className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)_minmax(0,1fr)]" data-testid="savings-summary">
      <Card title={t('title')}>
        <p className="tabular text-3xl font-semibold text-emerald-700" data-testid="savings-total">{money(summary.total.monthlySavings.p50)}</p>
        <p className="text-xs text-slate-500">{t('perMonth')}</p>
        <p className="mt-2 text-sm text-slate-600">{t('range', { p10: money(summary.total.monthlySavings.p10), p90: money(summary.total.monthlySavings.p90) })}</p>
        <p className="mt-2 text-xs text-slate-500">{t('basis', { count: summary.total.count })}</p>
      </Card>
      <Card title={t('byKind')}>
        <Bars items={byKind.map((k) => ({ key: k.kind, label: words.kind(k.kind), amount: Number(k.monthlySavings.p50), count: k.count, color: '#2f7d62' }))} money={money} empty={t('none')} testId="savings-by-kind" />
      </Card>
      <Card title={t('byProvider')}>
        <Bars items={byProvider.map((p) => ({ key: p.provider, label: words.provider(p.provider), amount: Number(p.monthlySavings.p50), count: p.count, color: providerColor(p.provider) }))} money={money} empty={t('none')} testId="savings-by-provider" />
      </Card>
    </section>
  );
}

function Bars(props: { items: { key: string; label: string; amount: number; count: number; color: string }[]; money: (v: string) => string; empty: string; testId: string }) {
  const t = useTranslations('recommendationsPage.summary');
  if (props.items.length === 0) return <p className="text-sm text-slate-500" data-testid={props.testId}>{props.empty}</p>;
  const max = Math.max(...props.items.map((i) => i.amount), 1);
  return (
    <ul className="space-y-3" data-testid={props.testId}>
      {props.items.map((i) => (
        <li key={i.key} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 text-sm" data-key={i.key}>
          <span className="truncate text-slate-700" title={i.label}>
            {i.label} <span className="text-xs text-slate-400">{t('count', { count: i.count })}</span>
          </span>
          <span className="tabular text-right font-medium">{props.money(String(i.amount))}</span>
          <span className="col-span-2 h-2.5 rounded bg-slate-100">
            <span className="block h-2.5 rounded" style={{ width: `${Math.max((i.amount / max) * 100, 1)}%`, background: i.color }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function RecommendationTable(props: { rows: TRecommendationView[]; dir: TSortDir; onSort: () => void; loading: boolean }) {
  const t = useTranslations('recommendationsPage');
  const fmt = useFormat();
  const words = useRecommendationWords();
  const message = useRecommendationMessage();
  return (
    <div className="-mx-4 overflow-x-auto sm:-mx-5" aria-busy={props.loading}>
      {/* on a phone the savings and the status sit under each title; the other columns from 640 px */}
      <table className="w-full text-sm sm:min-w-[44rem]" data-testid="recommendations-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 sm:pl-5">{t('columns.recommendation')}</th>
            <th scope="col" className="hidden px-2 py-2 sm:table-cell">{t('columns.kind')}</th>
            <th scope="col" className="hidden px-2 py-2 sm:table-cell">{t('columns.provider')}</th>
            <th scope="col" className="hidden px-2 py-2 text-right sm:table-cell" aria-sort={props.dir === 'desc' ? 'descending' : 'ascending'}>
              <button type="button" onClick={props.onSort} className="inline-flex items-center gap-1 uppercase hover:text-slate-900" title={t('sortBySavings')} data-testid="sort-savings">
                {t('columns.savings')}
                <span aria-hidden className="text-slate-700">{props.dir === 'asc' ? '▲' : '▼'}</span>
              </button>
            </th>
            <th scope="col" className="hidden px-4 py-2 sm:table-cell sm:pr-5">{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody className={props.loading ? 'opacity-60' : undefined}>
          {props.rows.map((r) => {
            const sentence = message(r.message, r.text, r.currency);
            const currency = r.currency ?? fmt.currency;
            return (
              <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="recommendation-row" data-kind={r.kind} data-provider={r.provider} data-status={r.status}>
                <td className="max-w-[28rem] px-4 py-2 sm:pl-5">
                  <Link href={`/recommendations/${r.id}`} className="font-medium text-brand-600 hover:underline" data-testid="recommendation-link">
                    {words.title(r.action.type, r.resource.name)}
                  </Link>
                  <p className="mt-0.5 line-clamp-2 text-xs text-slate-500" title={sentence}>{sentence}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs sm:hidden">
                    <StatusBadge status={r.status} />
                    <span className="tabular font-medium text-slate-800">{r.monthlySavings ? t('perMonthShort', { amount: fmt.money(r.monthlySavings.p50, { currency }) }) : '—'}</span>
                    <span className="text-slate-500">
                      <span className="mr-1 inline-block h-2 w-2 rounded-full align-middle" style={{ background: providerColor(r.provider) }} aria-hidden />
                      {words.provider(r.provider)} · {words.kind(r.kind)}
                    </span>
                  </p>
                </td>
                <td className="hidden whitespace-nowrap px-2 py-2 sm:table-cell">{words.kind(r.kind)}</td>
                <td className="hidden whitespace-nowrap px-2 py-2 sm:table-cell">
                  <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: providerColor(r.provider) }} aria-hidden />
                  {words.provider(r.provider)}
                </td>
                <td className="tabular hidden whitespace-nowrap px-2 py-2 text-right sm:table-cell" data-testid="row-savings">
                  {r.monthlySavings ? (
                    <>
                      <span className="font-medium">{fmt.money(r.monthlySavings.p50, { currency })}</span>
                      {r.monthlySavings.p10 !== r.monthlySavings.p90 && (
                        <span className="block text-xs text-slate-500">{t('rangeShort', { p10: fmt.money(r.monthlySavings.p10, { currency }), p90: fmt.money(r.monthlySavings.p90, { currency }) })}</span>
                      )}
                    </>
                  ) : (
                    <span className="text-slate-400" title={t('noSavingsHelp')}>—</span>
                  )}
                </td>
                <td className="hidden whitespace-nowrap px-4 py-2 sm:table-cell sm:pr-5"><StatusBadge status={r.status} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
