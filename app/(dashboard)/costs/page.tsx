import type { Metadata } from 'next';
import { StackedMonthlyChart, type TChartRow, type TChartSeries } from '@/components/charts/stacked-monthly-chart';
import { CostFilters } from '@/components/costs/cost-filters';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { formatDay, formatMoney, formatMonth } from '@/lib/format/money';
import { getCostDimensions } from '@/lib/queries/get-cost-dimensions';
import { getCosts, ZCostQuery, type TCostQuery, type TCostResult } from '@/lib/queries/get-costs';
import { isDemoLoaded } from '@/lib/demo/load-demo';

export const metadata: Metadata = { title: 'Costs' };
export const dynamic = 'force-dynamic';

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const TOP = 8;
// React's key of the series of the groups past the top ones (a group's key is never empty)
const OTHER = '';

function defaults(now: Date) {
  return {
    from: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1))),
    to: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))),
    granularity: 'month',
    groupBy: 'service',
  };
}

// Rows become one series per key (the top ones, the rest as "Other") and one column per period.
function pivot(result: TCostResult) {
  const periods = [...new Set(result.rows.map((r) => r.period))].sort();
  const totals = new Map<string, { label: string; total: number; byPeriod: Map<string, number> }>();
  for (const r of result.rows) {
    const entry = totals.get(r.key) ?? { label: r.label, total: 0, byPeriod: new Map() };
    entry.total += Number(r.effectiveCost);
    entry.byPeriod.set(r.period, (entry.byPeriod.get(r.period) ?? 0) + Number(r.effectiveCost));
    totals.set(r.key, entry);
  }
  const keys = [...totals.entries()].sort((a, b) => b[1].total - a[1].total);
  const top = keys.slice(0, TOP);
  const rest = keys.slice(TOP);
  // series by key, never by label (see StackedMonthlyChart)
  const series: TChartSeries[] = top.map(([key, v]) => ({ key, label: v.label }));
  if (rest.length) series.push({ key: OTHER, label: `Other (${rest.length})` });
  const chartRows: TChartRow[] = periods.map((period) => {
    const values = top.map(([, v]) => v.byPeriod.get(period) ?? 0);
    if (rest.length) values.push(rest.reduce((a, [, v]) => a + (v.byPeriod.get(period) ?? 0), 0));
    return { x: period, values };
  });
  return { periods, keys, series, chartRows };
}

export default async function CostsPage({ searchParams }: { searchParams: TSearchParams }) {
  await getPageActor();
  const { DISPLAY_CURRENCY, LOCALE: locale } = env();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
  const parsed = ZCostQuery.safeParse({ ...defaults(new Date()), currency: DISPLAY_CURRENCY, ...raw });
  const [dimensions, demo] = await Promise.all([getCostDimensions(), isDemoLoaded()]);
  const values = { ...defaults(new Date()), currency: DISPLAY_CURRENCY, ...raw };

  let result: TCostResult | null = null;
  let problem: string | null = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (parsed.success) {
    try {
      result = await getCosts(parsed.data);
    } catch (e) {
      if (!isAppError(e)) throw e;
      problem = e.message;
    }
  }
  const query = parsed.success ? (parsed.data as TCostQuery) : null;
  const exportParams = query
    ? new URLSearchParams(
        Object.entries({ format: 'focus', from: query.from, to: query.to, provider: query.provider, service: query.service, region: query.region, account: query.account, category: query.category }).filter(
          (e): e is [string, string] => Boolean(e[1]),
        ),
      )
    : null;
  const fmtPeriod = query?.granularity === 'day' ? formatDay : formatMonth;
  const view = result ? pivot(result) : null;
  const currency = query?.currency ?? DISPLAY_CURRENCY;

  return (
    <>
      <PageHeader title="Costs" subtitle="Effective cost (amortised) by period and dimension; the end date is exclusive">
        {exportParams && (
          <a href={`/api/v1/costs/export?${exportParams}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50" data-testid="export-focus">
            Download as FOCUS CSV
          </a>
        )}
      </PageHeader>
      {demo && <DemoBanner />}
      <Card className="mb-6">
        <CostFilters values={values} dimensions={dimensions} />
      </Card>
      {problem && <p role="alert" className="mb-6 rounded bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p>}
      {view && result && (view.keys.length === 0 ? (
        <Card><p className="py-8 text-center text-sm text-slate-500">No costs in this period with these filters. Widen the dates or remove a filter.</p></Card>
      ) : (
        <>
          <Card title={`By ${result.groupBy === 'none' ? 'period' : result.groupBy}`} subtitle={`Top ${TOP} and the rest as other, in ${currency}`} className="mb-6">
            <StackedMonthlyChart rows={view.chartRows} series={view.series} currency={currency} locale={locale} granularity={result.granularity} testId="chart-costs" />
          </Card>
          <Card title="Table">
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="costs-table">
                <thead className="text-left text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 pr-3">{result.groupBy}</th>
                    {view.periods.map((p) => <th key={p} className="px-2 text-right whitespace-nowrap">{fmtPeriod(p, locale)}</th>)}
                    <th className="pl-3 text-right">Total</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {view.keys.map(([key, v]) => (
                    <tr key={key}>
                      <td className="py-1.5 pr-3">{v.label}</td>
                      {view.periods.map((p) => <td key={p} className="tabular px-2 text-right whitespace-nowrap">{v.byPeriod.has(p) ? formatMoney(v.byPeriod.get(p)!, currency, locale, 2) : '—'}</td>)}
                      <td className="tabular pl-3 text-right font-medium whitespace-nowrap">{formatMoney(v.total, currency, locale, 2)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t border-slate-300 font-semibold">
                    <td className="py-2 pr-3">Total</td>
                    {view.periods.map((p) => (
                      <td key={p} className="tabular px-2 text-right whitespace-nowrap">{formatMoney(view.keys.reduce((a, [, v]) => a + (v.byPeriod.get(p) ?? 0), 0), currency, locale, 2)}</td>
                    ))}
                    <td className="tabular pl-3 text-right whitespace-nowrap" data-testid="costs-total">{formatMoney(view.keys.reduce((a, [, v]) => a + v.total, 0), currency, locale, 2)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </Card>
        </>
      ))}
    </>
  );
}
