import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CommitmentPlanner } from '@/components/recommendations/commitment-planner';
import { DemoBanner, PageHeader } from '@/components/ui/card';
import { COMMITMENT_INSTRUMENTS, LOOKBACK_DAYS, PAYMENT_OPTIONS } from '@/lib/api/schemas/recommendations';
import { getPageActor } from '@/lib/auth/page-actor';
import { isIsoDay, isoDay } from '@/lib/dates';
import { isDemoLoaded } from '@/lib/demo/load-demo';
import { env } from '@/lib/env';
import { getCommitmentPlan } from '@/lib/queries/get-commitment-plan';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recommendationsPage.planner');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CommitmentPlannerPage({ searchParams }: { searchParams: TSearchParams }) {
  await getPageActor();
  const [t, demo] = await Promise.all([getTranslations('recommendationsPage.planner'), isDemoLoaded()]);
  const raw = await searchParams;
  const pick = <T extends string | number>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = raw[key];
    return allowed.find((a) => String(a) === v) ?? fallback;
  };
  const params = {
    instrument: pick('instrument', COMMITMENT_INSTRUMENTS, 'aws-compute-savings-plan'),
    term: pick('term', ['1y', '3y'] as const, '1y'),
    payment: pick('payment', PAYMENT_OPTIONS, 'no-upfront'),
    lookbackDays: pick('lookbackDays', LOOKBACK_DAYS, 30),
    // a replay: the plan as it stood on a past day (a day to come, or not a day, is today)
    asOf: typeof raw.asOf === 'string' && isIsoDay(raw.asOf) && raw.asOf < isoDay(new Date()) ? raw.asOf : undefined,
  };
  const initial = await getCommitmentPlan({ ...params, currency: env().DISPLAY_CURRENCY });
  return (
    <>
      <div className="mb-2 text-sm">
        <Link href="/recommendations" className="text-brand-600 hover:underline">{t('back')}</Link>
      </div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {demo && <DemoBanner />}
      <CommitmentPlanner initialParams={params} initial={initial} />
    </>
  );
}
