import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PriceTable } from '@/components/scenarios/price-table';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { getPriceCatalogueView } from '@/lib/queries/get-price-catalogue-view';
import { getProvidersInUse } from '@/lib/queries/get-providers-in-use';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('prices');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

export default async function PricesPage() {
  const actor = await getPageActor();
  const [t, view, inUse] = await Promise.all([getTranslations('prices'), getPriceCatalogueView({ now: new Date() }), getProvidersInUse()]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { days: view.paidWindowDays })} />
      <ScenarioTabs active="prices" />
      <Card>
        {view.prices.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500" data-testid="prices-empty">
            {t.rich('empty', { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
          </p>
        ) : (
          <PriceTable prices={view.prices} inUse={[...inUse]} canEdit={hasRole(actor.role, 'editor')} />
        )}
      </Card>
    </>
  );
}
