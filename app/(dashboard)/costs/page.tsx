import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { StackedMonthlyChart, type TChartRow, type TChartSeries } from '@/components/charts/stacked-monthly-chart';
import { CostFilters } from '@/components/costs/cost-filters';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { COST_TABLE_SORTS, ZCostTableSort, type TCostTable, type TCostTableRow } from '@/lib/costs/cost-table';
import { periodCoverage, type TPeriodCoverage } from '@/lib/costs/period-coverage';
import { readCostTable, type TCostTableAnswer } from '@/lib/costs/read-cost-table';
import { addIsoDays, isIsoDay, isoDay } from '@/lib/dates';
import { isDemoLoaded } from '@/lib/demo/load-demo';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { isAppError } from '@/lib/errors';
import type { TFormatter } from '@/lib/format/formatter';
import { OTHER_COLOR, providerColor, seriesColor } from '@/lib/format/palette';
import { regionLabel } from '@/lib/format/region-names';
import { getFormat } from '@/lib/i18n/server';
import { NONE, parseScopedKey } from '@/lib/queries/cost-keys';
import { getCostDimensions, type TCostChoices } from '@/lib/queries/get-cost-dimensions';
import { isTagGroupBy, tagKeyOf, ZCostQuery, type TCostGroupBy, type TCostQuery } from '@/lib/queries/get-costs';
import { ProviderForecast } from '@/components/forecast/provider-forecast';
import { defaultAsOf, getForecast, type TProviderForecast } from '@/lib/queries/get-forecast';
import type { TChartForecast } from '@/components/charts/stacked-monthly-chart';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('costs');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;
type TT = Awaited<ReturnType<typeof getTranslations<'costs'>>>;

const TOP = 8;
// React's key of the series of the groups past the top ones (a group's key is never empty)
const OTHER = '';
const FILTERS = ['provider', 'service', 'region', 'account', 'category'] as const;

function defaults(now: Date) {
  return {
    from: isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1))),
    to: isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))),
    granularity: 'month',
    groupBy: 'service',
  };
}

// A bad parameter in words, named by the field the form shows ("End date: …").
function describeIssues(issues: z.core.$ZodIssue[], raw: Record<string, string>, t: TT): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const value = raw[name] ?? '';
    const label = name in FIELD_KEYS ? t(`fields.${name as keyof typeof FIELD_KEYS}`) : name;
    let message = issue.message;
    if (issue.code === 'custom' && name === 'to') message = t('errors.endBeforeStart');
    else if (name === 'from' || name === 'to') message = t('errors.notADate', { value });
    else if (name === 'currency') message = t('errors.currency', { value });
    else if (name === 'service' || name === 'region' || name === 'account') message = t('errors.notAKey', { value });
    else if (issue.code === 'invalid_value' || issue.code === 'invalid_union' || name === 'sort') message = t('errors.notAChoice', { value });
    return t('errors.issue', { field: label, message });
  });
}
const FIELD_KEYS = { from: 1, to: 1, last: 1, granularity: 1, groupBy: 1, currency: 1, provider: 1, service: 1, region: 1, account: 1, category: 1, sort: 1, dir: 1 };

function groupWords(groupBy: TCostGroupBy, t: TT): string {
  return isTagGroupBy(groupBy) ? t('groupHeader.tag', { key: tagKeyOf(groupBy) }) : t(`groupHeader.${groupBy}`);
}

// A group's label for people: regions as places, "(none)" in words, the total as "Total".
function displayLabel(groupBy: TCostGroupBy, row: { key: string; label: string }, t: TT, locale: string): string {
  if (groupBy === 'none') return t('total');
  let label = row.label.replace(NONE, t('noValue'));
  if (groupBy === 'region') {
    const id = parseScopedKey(row.key)?.id;
    if (id) label = label.replace(id, regionLabel(id, locale));
  }
  return label;
}

// The total's forecast after the last actual day, when the range reaches it: by month, the month under way and
// the next three; by day, the next two weeks. Category filters have no forecast (its scopes are the costs API's
// dimensions), nor does a range that ends in the past.
async function forecastBand(query: TCostQuery): Promise<{ points: TChartForecast[]; interval: number; providerForecasts: TProviderForecast[] } | null> {
  if (query.category) return null;
  const { ORG_TIMEZONE } = env();
  const asOf = await defaultAsOf(new Date(), ORG_TIMEZONE);
  if (query.to < asOf) return null;
  const to = query.granularity === 'month' ? `${addIsoDays(`${asOf.slice(0, 7)}-28`, 100).slice(0, 7)}-01` : addIsoDays(asOf, 14);
  const result = await getForecast(
    { from: query.granularity === 'month' ? `${asOf.slice(0, 7)}-01` : asOf, to, granularity: query.granularity, groupBy: 'none', interval: 80, currency: query.currency, provider: query.provider, service: query.service, region: query.region, account: query.account },
    { now: new Date(), timeZone: ORG_TIMEZONE, currency: query.currency },
  ).catch((error: unknown) => {
    // the chart stays without its band rather than the page failing; the cause is in the log
    logger.warn({ err: error }, 'costs page: no forecast band');
    return null;
  });
  if (!result) return null;
  return {
    interval: result.interval,
    // AWS's own forecast beside ours when the page is filtered to AWS as a whole (the scope Cost Explorer was asked)
    providerForecasts: query.provider === 'AWS' ? result.providerForecasts : [],
    points: result.rows.filter((r) => r.method !== 'plan').map((r) => ({ x: r.period, mean: Number(r.mean), lower: Number(r.lower), upper: Number(r.upper) })),
  };
}

function chartOf(answer: TCostTableAnswer, labels: Map<string, string>, t: TT) {
  const { table, result } = answer;
  const byTotal = [...table.rows].sort((x, y) => Number(y.total) - Number(x.total));
  const top = byTotal.slice(0, TOP);
  const rest = byTotal.slice(TOP);
  const color = (r: TCostTableRow, i: number) => (result.groupBy === 'provider' ? providerColor(r.key) : seriesColor(i));
  // series by key, never by label (see StackedMonthlyChart)
  const series: TChartSeries[] = top.map((r, i) => ({ key: r.key, label: labels.get(r.key)!, color: color(r, i) }));
  if (rest.length) series.push({ key: OTHER, label: t('other', { count: rest.length }), color: OTHER_COLOR });
  const rows: TChartRow[] = table.periods.map((period, p) => {
    const values = top.map((r) => Number(r.cells[p] ?? 0));
    if (rest.length) values.push(rest.reduce((a, r) => a + Number(r.cells[p] ?? 0), 0));
    return { x: period, values };
  });
  return { series, rows };
}

function ChangeCell({ change, total, fmt, t }: { change: number | null; total: string; fmt: TFormatter; t: TT }) {
  if (change === null) return <span className="text-slate-400">{Number(total) !== 0 ? t('new') : '—'}</span>;
  // for a cost, a rise is the bad news
  const tone = change > 0 ? 'text-red-700' : change < 0 ? 'text-emerald-700' : 'text-slate-500';
  return <span className={tone}>{fmt.change(change)}</span>;
}

function CoverageBadge({ coverage, granularity, fmt, t }: { coverage: TPeriodCoverage; granularity: 'day' | 'month'; fmt: TFormatter; t: TT }) {
  if (coverage.kind === 'whole') return null;
  const [text, help] =
    coverage.kind === 'toDate'
      ? [granularity === 'day' ? t('dayToDate') : t('monthToDate'), t('toDateHelp')]
      : [t('partial'), t('partialHelp', { range: fmt.dayRange(coverage.first, coverage.last) })];
  return (
    <span title={help} className="mt-0.5 block text-[10px] font-medium normal-case tracking-normal text-amber-700" data-testid="period-badge">
      {text}
    </span>
  );
}

function SortHeader(props: { by: string; sort: TCostTable['sort']; href: string; title: string; className?: string; children: React.ReactNode }) {
  const active = props.sort.by === props.by;
  return (
    <th scope="col" aria-sort={active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`bg-white px-2 py-2 align-bottom ${props.className ?? ''}`}>
      <Link href={props.href} scroll={false} prefetch={false} title={props.title} className="inline-flex items-center gap-1 hover:text-slate-900" data-testid={`sort-${props.by}`}>
        <span>{props.children}</span>
        <span aria-hidden className={active ? 'text-slate-700' : 'text-slate-300'}>{active && props.sort.dir === 'asc' ? '▲' : '▼'}</span>
      </Link>
    </th>
  );
}

function CostTableView(props: { answer: TCostTableAnswer; query: TCostQuery; labels: Map<string, string>; params: URLSearchParams; fmt: TFormatter; t: TT }) {
  const { answer, query, labels, params, fmt, t } = props;
  const { table } = answer;
  const today = isoDay(new Date());
  const period = (p: string) => (query.granularity === 'day' ? fmt.dayShort(p) : fmt.month(p));
  const money = (v: string | null) => (v === null ? '—' : fmt.money(v, { currency: query.currency, digits: 2 }));
  const previousLast = addIsoDays(answer.previous.to, -1);
  const days = Math.round((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000);

  const sortHref = (by: string) => {
    const next = new URLSearchParams(params);
    const active = table.sort.by === by;
    const defaultDir = by === 'name' ? 'asc' : 'desc';
    next.set('sort', by);
    next.set('dir', active ? (table.sort.dir === 'asc' ? 'desc' : 'asc') : defaultDir);
    return `/costs?${next}`;
  };
  const sortProps = (by: string, column: string) => ({ sort: table.sort, href: sortHref(by), title: t('sortBy', { column }) });
  const groupHeader = groupWords(query.groupBy, t);
  // the first and last columns stay in view while the periods scroll under them (day views)
  const first = 'sticky left-0 z-10 bg-white max-w-[9.5rem] sm:max-w-[14rem]';
  // the total's width is fixed so that, from 640 px, the change column can stay in view beside it
  const last = 'sticky right-0 z-10 w-28 min-w-28 bg-white sm:w-32 sm:min-w-32';
  const beforeLast = 'sm:sticky sm:right-32 sm:z-10 bg-white';
  const edge = 'shadow-[-6px_0_6px_-6px_rgba(15,23,42,0.25)] sm:shadow-none';
  const edgeSm = 'sm:shadow-[-6px_0_6px_-6px_rgba(15,23,42,0.25)]';

  return (
    <div className="-mx-4 overflow-x-auto sm:-mx-5" data-testid="costs-table-scroll">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="costs-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <SortHeader by="name" {...sortProps('name', groupHeader)} className={`${first} pl-4 sm:pl-5`}>{groupHeader}</SortHeader>
            {table.periods.map((p) => (
              <SortHeader key={p} by={p} {...sortProps(p, query.granularity === 'day' ? fmt.day(p) : fmt.monthLong(p))} className="whitespace-nowrap text-right">
                {period(p)}
                <CoverageBadge coverage={periodCoverage(p, query.granularity, query, today)} granularity={query.granularity} fmt={fmt} t={t} />
              </SortHeader>
            ))}
            <SortHeader by="change" {...sortProps('change', t('change'))} className={`${beforeLast} ${edgeSm} text-right`}>
              <span title={t('changeHelp', { days, range: fmt.dayRange(answer.previous.from, previousLast) })}>
                {t('change')}
                <span className="mt-0.5 block min-w-[5.5rem] text-[10px] font-normal normal-case tracking-normal">{t('changeAgainst', { range: fmt.dayRange(answer.previous.from, previousLast) })}</span>
              </span>
            </SortHeader>
            <SortHeader by="total" {...sortProps('total', t('total'))} className={`${last} ${edge} whitespace-nowrap pr-4 text-right sm:pr-5`}>{t('total')}</SortHeader>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => {
            const label = labels.get(r.key)!;
            return (
              <tr key={r.key} className="group">
                <th scope="row" className={`${first} truncate border-t border-slate-100 py-1.5 pl-4 pr-2 text-left font-normal sm:pl-5`} title={label}>{label}</th>
                {r.cells.map((c, i) => <td key={table.periods[i]} className="tabular whitespace-nowrap border-t border-slate-100 px-2 text-right">{money(c)}</td>)}
                <td className={`${beforeLast} ${edgeSm} tabular whitespace-nowrap border-t border-slate-100 px-2 text-right`} data-testid="costs-change"><ChangeCell change={r.change} total={r.total} fmt={fmt} t={t} /></td>
                <td className={`${last} ${edge} tabular whitespace-nowrap border-t border-slate-100 pl-2 pr-4 text-right font-medium sm:pr-5`}>{money(r.total)}</td>
              </tr>
            );
          })}
        </tbody>
        {/* grouped by nothing, the one row is the total already */}
        <tfoot className={query.groupBy === 'none' ? 'hidden' : undefined}>
          <tr className="font-semibold">
            <th scope="row" className={`${first} border-t border-slate-300 py-2 pl-4 pr-2 text-left sm:pl-5`}>{t('total')}</th>
            {table.totals.cells.map((c, i) => <td key={table.periods[i]} className="tabular whitespace-nowrap border-t border-slate-300 px-2 text-right">{money(c)}</td>)}
            <td className={`${beforeLast} ${edgeSm} tabular whitespace-nowrap border-t border-slate-300 px-2 text-right`} data-testid="costs-total-change"><ChangeCell change={table.totals.change} total={table.totals.total} fmt={fmt} t={t} /></td>
            <td className={`${last} ${edge} tabular whitespace-nowrap border-t border-slate-300 pl-2 pr-4 text-right sm:pr-5`} data-testid="costs-total">{money(table.totals.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function localised(dimensions: TCostChoices, t: TT): TCostChoices {
  const words = (list: TCostChoices['categories']) => list.map((c) => ({ ...c, label: c.label.replace(NONE, t('noValue')) }));
  return { ...dimensions, services: words(dimensions.services), regions: words(dimensions.regions), accounts: words(dimensions.accounts), categories: words(dimensions.categories) };
}

export default async function CostsPage({ searchParams }: { searchParams: TSearchParams }) {
  await getPageActor();
  const [t, fmt] = await Promise.all([getTranslations('costs'), getFormat()]);
  const { DISPLAY_CURRENCY } = env();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;

  // The form sends the last day included; the URL keeps the API's exclusive end.
  if (raw.last !== undefined && isIsoDay(raw.last)) {
    const { last, ...rest } = raw;
    redirect(`/costs?${new URLSearchParams({ ...rest, to: addIsoDays(last, 1) })}`);
  }

  const base = { ...defaults(new Date()), currency: DISPLAY_CURRENCY };
  const values = { ...base, ...raw };
  const parsed = ZCostQuery.safeParse(values);
  const parsedSort = ZCostTableSort.safeParse({ sort: raw.sort, dir: raw.dir });
  const [dimensions, demo] = await Promise.all([getCostDimensions(), isDemoLoaded()]);

  const problems: string[] = [];
  if (raw.last !== undefined) problems.push(t('errors.issue', { field: t('fields.last'), message: t('errors.notADate', { value: raw.last }) }));
  if (!parsed.success) problems.push(...describeIssues(parsed.error.issues, values, t));
  // the rule between the dates runs only once every field is valid: say it anyway
  if (!parsed.success && !parsed.error.issues.some((i) => i.path[0] === 'to') && isIsoDay(values.from) && isIsoDay(values.to) && values.from >= values.to)
    problems.push(t('errors.issue', { field: t('fields.to'), message: t('errors.endBeforeStart') }));
  if (!parsedSort.success) problems.push(...describeIssues(parsedSort.error.issues, raw, t));

  let answer: TCostTableAnswer | null = null;
  const query = parsed.success ? parsed.data : null;
  if (query && !problems.length) {
    try {
      answer = await readCostTable(query, parsedSort.success ? parsedSort.data : {});
    } catch (e) {
      if (!isAppError(e)) throw e;
      const field = e.issues[0]?.field;
      problems.push(field && field in FIELD_KEYS ? t('errors.issue', { field: t(`fields.${field as keyof typeof FIELD_KEYS}`), message: e.message }) : e.message);
    }
  }

  // the view's parameters, for the sort links and the downloads
  const params = new URLSearchParams(
    query
      ? Object.entries({ from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy, currency: query.currency, ...Object.fromEntries(FILTERS.map((f) => [f, query[f]])) }).filter(
          (e): e is [string, string] => Boolean(e[1]),
        )
      : [],
  );
  const tableParams = new URLSearchParams(params);
  if (answer) {
    tableParams.set('sort', answer.table.sort.by);
    tableParams.set('dir', answer.table.sort.dir);
  }
  const focusParams = new URLSearchParams([['format', 'focus'], ...[...params].filter(([k]) => k === 'from' || k === 'to' || (FILTERS as readonly string[]).includes(k))]);
  const lastDay = addIsoDays(query?.to ?? base.to, -1);
  const formValues: Record<string, string> = { ...values, last: isIsoDay(values.to) ? addIsoDays(values.to, -1) : '' };
  if (!(COST_TABLE_SORTS as readonly string[]).includes(formValues.sort ?? '')) delete formValues.sort;
  if (!formValues.sort) delete formValues.dir;

  const labels = new Map((answer?.table.rows ?? []).map((r) => [r.key, displayLabel(answer!.result.groupBy, r, t, fmt.locale)]));
  const chart = answer ? chartOf(answer, labels, t) : null;
  const forecast = answer && query ? await forecastBand(query) : null;
  const tf = await getTranslations('forecast');
  const range = query ? fmt.dayRange(query.from, lastDay) : '';
  const button = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50';

  return (
    <>
      <PageHeader title={t('title')} subtitle={query ? t('subtitle', { range }) : undefined}>
        {query && !problems.length && (
          <div className="flex flex-wrap gap-2">
            {answer && answer.table.rows.length > 0 && (
              <a href={`/api/v1/costs/table?${tableParams}`} className={button} data-testid="export-table" download>
                {t('downloadTable')}
              </a>
            )}
            <a href={`/api/v1/costs/export?${focusParams}`} className={button} data-testid="export-focus">
              {t('downloadFocus')}
            </a>
          </div>
        )}
      </PageHeader>
      {demo && <DemoBanner />}
      <Card className="mb-6">
        <CostFilters values={formValues} dimensions={localised(dimensions, t)} />
      </Card>
      {problems.length > 0 && (
        <div role="alert" className="mb-6 rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          <p className="font-medium">{t('errors.title')}</p>
          <ul className="mt-1 list-disc pl-5">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      {answer && query && (answer.table.rows.length === 0 ? (
        <Card>
          <div className="py-8 text-center text-sm text-slate-600" data-testid="costs-empty">
            {dimensions.providers.length === 0 ? (
              <>
                <p className="font-medium">{t('noData')}</p>
                <p className="mt-1 text-slate-500">{t('noDataHint')}</p>
              </>
            ) : (
              <>
                <p className="font-medium">{t('empty', { range })}</p>
                <p className="mt-1 text-slate-500">{t('emptyHint')}</p>
              </>
            )}
          </div>
        </Card>
      ) : (
        <>
          <Card
            title={query.groupBy === 'none' ? t('chartTitleTotal') : t('chartTitle', { group: groupWords(query.groupBy, t).toLocaleLowerCase(fmt.locale) })}
            subtitle={query.groupBy === 'none' ? t('chartSubtitleTotal', { currency: query.currency }) : t('chartSubtitle', { top: TOP, currency: query.currency })}
            className="mb-6"
          >
            <StackedMonthlyChart rows={chart!.rows} series={chart!.series} currency={query.currency} granularity={query.granularity} testId="chart-costs" forecast={forecast ? { points: forecast.points, label: tf('bandLegend', { interval: forecast.interval }) } : undefined} />
            {forecast && forecast.providerForecasts.length > 0 && (
              <div className="mt-3 grid gap-3 border-t border-slate-100 pt-3 md:grid-cols-2">
                {forecast.providerForecasts.map((p) => (
                  <ProviderForecast key={`${p.period}|${p.periodEnd}`} forecast={p} interval={forecast.interval} />
                ))}
              </div>
            )}
          </Card>
          <Card title={t('tableTitle')} subtitle={t('tableSubtitle', { currency: query.currency })}>
            <CostTableView answer={answer} query={query} labels={labels} params={params} fmt={fmt} t={t} />
          </Card>
        </>
      ))}
    </>
  );
}
