import type { Metadata } from 'next';
import Link from 'next/link';
import { RankedBars } from '@/components/charts/ranked-bars';
import { StackedMonthlyChart } from '@/components/charts/stacked-monthly-chart';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { formatMoney, formatPercent } from '@/lib/format/money';
import { isAppError } from '@/lib/errors';
import { getOverview, type TOverview } from '@/lib/queries/get-overview';

export const metadata: Metadata = { title: 'Overview' };
export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  await getPageActor();
  const { DISPLAY_CURRENCY: currency, LOCALE: locale, ORG_TIMEZONE: timeZone } = env();
  let o: TOverview;
  try {
    o = await getOverview({ now: new Date(), currency, timeZone });
  } catch (error) {
    // amounts in a currency with no stored rate cannot be added up: say which, and how to fix it
    if (!isAppError(error) || error.code !== 'UNPROCESSABLE') throw error;
    return (
      <>
        <PageHeader title="Overview" />
        <Card>
          <div className="py-10 text-center" data-testid="overview-no-fx">
            <h2 className="text-lg font-semibold">Amounts cannot be shown in {currency} yet</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">{error.message}.</p>
          </div>
        </Card>
      </>
    );
  }

  if (!o.hasData) {
    return (
      <>
        <PageHeader title="Overview" />
        <Card>
          <div className="py-10 text-center" data-testid="overview-empty">
            <h2 className="text-lg font-semibold">No spend yet</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
              Tourmalet shows what you spend once a provider is connected. Add an AWS, MongoDB Atlas, Redis or Cloudflare
              connection in <Link className="font-medium text-brand-600 hover:underline" href="/settings">Settings → Connections</Link>,
              or import a FOCUS file with <code className="rounded bg-slate-100 px-1">npm run cli -- import:focus FILE</code>.
            </p>
          </div>
        </Card>
      </>
    );
  }

  const { current, previous } = o.monthToDate;
  const change = previous > 0 ? (current - previous) / previous : null;
  return (
    <>
      <PageHeader title="Overview" subtitle={`Effective cost (amortised), converted to ${currency} with the stored FX rates`} />
      {o.isDemo && <DemoBanner />}
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card>
          <div className="text-sm text-slate-500">Month to date</div>
          <div className="tabular mt-1 text-3xl font-semibold" data-testid="mtd-current">{formatMoney(current, currency, locale)}</div>
          <div className="mt-1 text-xs text-slate-500">{o.monthToDate.from} to {o.today} inclusive</div>
        </Card>
        <Card>
          <div className="text-sm text-slate-500">Same point last month</div>
          <div className="tabular mt-1 text-3xl font-semibold">{formatMoney(previous, currency, locale)}</div>
          {change !== null && (
            <div className={`mt-1 text-xs font-medium ${change > 0 ? 'text-red-600' : 'text-emerald-700'}`} data-testid="mtd-change">
              {formatPercent(change, locale)} against last month
            </div>
          )}
        </Card>
        <Card>
          <div className="text-sm text-slate-500">Last 30 days</div>
          <div className="tabular mt-1 text-3xl font-semibold">{formatMoney(o.last30Total, currency, locale)}</div>
          <div className="mt-1 text-xs text-slate-500">all providers</div>
        </Card>
      </div>
      <Card title="Last 13 months by provider" subtitle="Stacked monthly effective cost; the current month is month to date" className="mb-6">
        <StackedMonthlyChart rows={o.byProviderMonthly.rows} series={o.byProviderMonthly.providers} currency={currency} locale={locale} />
      </Card>
      <Card title="Last 30 days by service" subtitle="Top 10 services, the rest grouped as other">
        <RankedBars items={o.byServiceLast30} currency={currency} locale={locale} />
      </Card>
    </>
  );
}
