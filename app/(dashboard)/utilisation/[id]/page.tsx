import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { MetricCard } from '@/components/utilisation/metric-card';
import { WindowPicker } from '@/components/utilisation/window-picker';
import { getPageActor } from '@/lib/auth/page-actor';
import { isAppError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { providerName } from '@/lib/prices/provider-key';
import { getResourceMetrics, type TResourceMetric, type TResourceMetrics } from '@/lib/queries/get-resource-metrics';
import { compareUrgency, runwayDays } from '@/lib/utilisation/urgent-metric';
import { parseWindowDays, windowForDays } from '@/lib/utilisation/window';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('utilisation');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

// The list's order of urgency: the metric that runs out first leads (the one the list shows), then
// the fullest, then the metrics without a capacity by name.
function ordered(metrics: TResourceMetric[]): TResourceMetric[] {
  const urgency = (m: TResourceMetric) => {
    const fill = m.summary?.headroom?.p95Fill ?? null;
    return { metric: m.metric, fill, runwayDays: runwayDays({ metric: m.metric, fill, trend: m.summary?.trend ?? null }) };
  };
  return [...metrics].sort((a, b) => compareUrgency(urgency(a), urgency(b)));
}

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResourceUtilisationPage({ params, searchParams }: TProps) {
  await getPageActor();
  const { id } = await params;
  const days = parseWindowDays((await searchParams).days);
  const window = windowForDays(days, new Date());
  let data: TResourceMetrics;
  try {
    data = await getResourceMetrics({ resourceId: id, from: window.from, to: window.to, step: window.step });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const [t, fmt] = await Promise.all([getTranslations('utilisation'), getFormat()]);
  const { resource } = data;
  const metrics = ordered(data.metrics);
  const kind = t.has(`kinds.${resource.kind}` as 'kinds.database') ? t(`kinds.${resource.kind}` as 'kinds.database') : resource.kind;

  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`/utilisation?days=${days}`} className="text-brand-600 hover:underline">{t('back')}</Link>
      </div>
      <PageHeader
        title={resource.name}
        subtitle={t('detailSubtitle', { facts: [providerName(resource.provider), kind, resource.region, resource.size].filter(Boolean).join(' · '), days, step: data.step })}
      >
        <WindowPicker days={days} basePath={`/utilisation/${resource.id}`} />
      </PageHeader>
      {resource.source === 'demo' && <DemoBanner />}
      {metrics.length === 0 ? (
        <Card>
          <p className="py-6 text-center text-sm text-slate-600" data-testid="resource-no-samples">{t('noSamplesForResource')}</p>
        </Card>
      ) : (
        <div className="space-y-6">
          {metrics.map((m, i) => (
            <div key={m.metric} data-testid={i === 0 ? 'main-metric' : undefined} data-metric={m.metric}>
              <MetricCard metric={m} step={data.step} fmt={fmt} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
