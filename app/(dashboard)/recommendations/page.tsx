import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecommendationsView, type TViewState } from '@/components/recommendations/recommendations-view';
import { DemoBanner, PageHeader } from '@/components/ui/card';
import { RECOMMENDATION_STATUSES } from '@/lib/api/schemas/recommendations';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { listRecommendations } from '@/lib/queries/list-recommendations';
import { isDemoLoaded } from '@/lib/demo/load-demo';
import { RECOMMENDATION_KINDS } from '@/lib/recommendations/types';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recommendationsPage');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The address's filters, keeping only values the API knows (a stale link shows everything instead of an error).
function viewState(raw: Record<string, string | string[] | undefined>): TViewState {
  const one = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const kind = one('kind');
  const status = one('status');
  const provider = one('provider')?.trim();
  return {
    filters: {
      kind: kind && (RECOMMENDATION_KINDS as readonly string[]).includes(kind) ? kind : undefined,
      status: status && (RECOMMENDATION_STATUSES as readonly string[]).includes(status) ? status : undefined,
      provider: provider && provider.length <= 64 ? provider : undefined,
    },
    dir: one('dir') === 'asc' ? 'asc' : 'desc',
  };
}

export default async function RecommendationsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await getPageActor();
  const [t, demo] = await Promise.all([getTranslations('recommendationsPage'), isDemoLoaded()]);
  const state = viewState(await searchParams);
  const { kind, status, provider } = state.filters;
  // the first screen comes with its data; react-query takes over for filters and changes
  const list = await listRecommendations({
    kind: kind ? [kind as (typeof RECOMMENDATION_KINDS)[number]] : undefined,
    status: status ? [status as (typeof RECOMMENDATION_STATUSES)[number]] : undefined,
    provider,
    includeRetired: false,
    currency: env().DISPLAY_CURRENCY,
  });
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <Link href="/recommendations/commitments" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50" data-testid="planner-link">
          {t('plannerLink')}
        </Link>
      </PageHeader>
      {demo && <DemoBanner />}
      <RecommendationsView initial={state} list={list} role={actor.role} />
    </>
  );
}
