import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RecommendationDetail } from '@/components/recommendations/recommendation-detail';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { getRecommendation } from '@/lib/queries/get-recommendation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recommendationsPage');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

export default async function RecommendationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getPageActor();
  const { id } = await params;
  const recommendation = await getRecommendation(id, { currency: env().DISPLAY_CURRENCY }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  return <RecommendationDetail id={id} initial={recommendation} role={actor.role} />;
}
