import type { Metadata } from 'next';
import { PriceTable } from '@/components/scenarios/price-table';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { getPriceCatalogueView } from '@/lib/queries/get-price-catalogue-view';

export const metadata: Metadata = { title: 'Prices' };
export const dynamic = 'force-dynamic';

export default async function PricesPage() {
  const actor = await getPageActor();
  const { LOCALE: locale, ORG_TIMEZONE: timeZone } = env();
  const view = await getPriceCatalogueView({ now: new Date() });
  return (
    <>
      <PageHeader title="Prices" subtitle={`The catalogue the scenarios are priced with; “paid” is what invoices and cost records of the last ${view.paidWindowDays} days say`} />
      <ScenarioTabs active="prices" />
      <Card>
        {view.prices.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500" data-testid="prices-empty">
            The catalogue is empty: the default catalogue is inserted when Tourmalet starts (<code className="rounded bg-slate-100 px-1">npm start</code>).
          </p>
        ) : (
          <PriceTable prices={view.prices} canEdit={hasRole(actor.role, 'editor')} locale={locale} timeZone={timeZone} />
        )}
      </Card>
    </>
  );
}
