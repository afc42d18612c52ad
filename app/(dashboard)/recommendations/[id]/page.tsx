import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RecommendationDetail } from '@/components/recommendations/recommendation-detail';
import { getPageActor } from '@/lib/auth/page-actor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recommendationsPage');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

export default async function RecommendationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getPageActor();
  const { id } = await params;
  return <RecommendationDetail id={id} role={actor.role} />;
}
