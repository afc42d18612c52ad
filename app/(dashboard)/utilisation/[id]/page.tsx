import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { MetricCard } from '@/components/utilisation/metric-card';
import { WindowPicker } from '@/components/utilisation/window-picker';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { getResourceMetrics, type TResourceMetric, type TResourceMetrics } from '@/lib/queries/get-resource-metrics';
import { parseWindowDays, windowForDays } from '@/lib/utilisation/window';

export const metadata: Metadata = { title: 'Utilisation' };
export const dynamic = 'force-dynamic';

// Bounded metrics first, fullest first (the binding constraint leads), then the others by name.
function ordered(metrics: TResourceMetric[]): TResourceMetric[] {
  const fill = (m: TResourceMetric) => m.summary?.headroom?.p95Fill ?? -1;
  return [...metrics].sort((a, b) => fill(b) - fill(a) || a.label.localeCompare(b.label) || a.metric.localeCompare(b.metric));
}

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResourceUtilisationPage({ params, searchParams }: TProps) {
  await getPageActor();
  const { LOCALE: locale, ORG_TIMEZONE: timeZone } = env();
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
  const { resource } = data;
  const metrics = ordered(data.metrics);

  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`/utilisation?days=${days}`} className="text-brand-600 hover:underline">← Utilisation</Link>
      </div>
      <PageHeader
        title={resource.name}
        subtitle={`${[resource.provider, resource.kind, resource.region, resource.size].filter(Boolean).join(' · ')} — last ${days} days, ${data.step === 'hour' ? 'hourly' : 'daily'} points`}
      >
        <WindowPicker days={days} basePath={`/utilisation/${resource.id}`} />
      </PageHeader>
      {resource.source === 'demo' && <DemoBanner />}
      {metrics.length === 0 ? (
        <Card>
          <p className="py-6 text-center text-sm text-slate-600" data-testid="resource-no-samples">
            No samples for this resource yet: they arrive with the next sync of its connection.
          </p>
        </Card>
      ) : (
        <div className="space-y-6">
          {metrics.map((m, i) => (
            <div key={m.metric} data-testid={i === 0 ? 'main-metric' : undefined}>
              <MetricCard metric={m} step={data.step} locale={locale} timeZone={timeZone} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
