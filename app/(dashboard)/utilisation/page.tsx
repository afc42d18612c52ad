import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { FillBar } from '@/components/utilisation/fill-bar';
import { WindowPicker } from '@/components/utilisation/window-picker';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { formatQuantity, formatShare } from '@/lib/format/units';
import { getResources, type TResourceStatus } from '@/lib/queries/get-resources';
import { parseWindowDays, windowForDays } from '@/lib/utilisation/window';

export const metadata: Metadata = { title: 'Utilisation' };
export const dynamic = 'force-dynamic';

const KINDS: { kind: string; title: string }[] = [
  { kind: 'database', title: 'Databases' },
  { kind: 'cache', title: 'Caches' },
  { kind: 'app', title: 'Applications' },
  { kind: 'compute', title: 'Compute' },
  { kind: 'cdn', title: 'CDN' },
  { kind: 'storage', title: 'Storage' },
  { kind: 'monitoring', title: 'Monitoring' },
];

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UtilisationPage({ searchParams }: { searchParams: TSearchParams }) {
  await getPageActor();
  const { LOCALE: locale, ORG_TIMEZONE: timeZone } = env();
  const days = parseWindowDays((await searchParams).days);
  const window = windowForDays(days, new Date());
  const list = await getResources(window);

  if (!list.resources.length) {
    return (
      <>
        <PageHeader title="Utilisation" />
        <Card>
          <div className="py-10 text-center" data-testid="utilisation-empty">
            <h2 className="text-lg font-semibold">No resources yet</h2>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
              This page shows how full each database, cache, application and CDN is, against its capacity. Connect MongoDB Atlas
              (clusters and their measurements), Redis (Redis Cloud, or any Redis server by URL), Cloudflare (zones and their
              traffic) or Prometheus (your Kubernetes deployments) in{' '}
              <Link className="font-medium text-brand-600 hover:underline" href="/settings">Settings → Connections</Link>, then
              run a sync; samples appear here after the first one.
            </p>
          </div>
        </Card>
      </>
    );
  }

  // the known kinds in their order, then any other kind a connector wrote
  const others = [...new Set(list.resources.map((r) => r.kind))]
    .filter((k) => !KINDS.some((x) => x.kind === k))
    .map((kind) => ({ kind, title: kind.charAt(0).toUpperCase() + kind.slice(1) }));
  const groups = [...KINDS, ...others]
    .map((g) => ({ ...g, resources: list.resources.filter((r) => r.kind === g.kind) }))
    .filter((g) => g.resources.length);
  const at = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });

  return (
    <>
      <PageHeader title="Utilisation" subtitle={`How full each resource is: P95 of hourly averages over the last ${days} days, against its capacity`}>
        <WindowPicker days={days} basePath="/utilisation" />
      </PageHeader>
      {list.resources.some((r) => r.source === 'demo') && <DemoBanner />}
      <div className="space-y-6">
        {groups.map((g) => (
          <Card key={g.kind} title={g.title}>
            <ul className="divide-y divide-slate-100" data-testid={`resources-${g.kind}`}>
              {g.resources.map((r) => (
                <ResourceRow key={r.id} resource={r} days={days} locale={locale} lastSample={r.lastSampleAt ? at.format(new Date(r.lastSampleAt)) : null} />
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}

function ResourceRow(props: { resource: TResourceStatus; days: number; locale: string; lastSample: string | null }) {
  const { resource: r, locale } = props;
  const main = r.main;
  return (
    <li className="grid gap-3 py-3 md:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_12rem] md:items-center" data-testid="resource-row">
      <div className="min-w-0">
        <Link href={`/utilisation/${r.id}?days=${props.days}`} className="font-medium text-brand-600 hover:underline">{r.name}</Link>
        <div className="truncate text-xs text-slate-500">{[r.provider, r.region, r.size].filter(Boolean).join(' · ')}</div>
      </div>
      <div className="min-w-0">
        {main ? (
          <>
            <FillBar fill={main.fill} label={`${r.name}: P95 ${main.noun} against capacity`} />
            <div className="mt-1 text-xs text-slate-600">
              P95 {main.noun} {formatQuantity(main.p95, main.unit, locale)} of {formatQuantity(main.capacity, main.unit, locale)} —{' '}
              {main.headroom >= 0 ? `${formatShare(main.headroom, locale)} headroom` : `${formatShare(-main.headroom, locale)} over capacity`}
            </div>
          </>
        ) : (
          <div className="text-xs text-slate-500">
            {r.metrics.length ? 'No capacity known for its metrics' : 'No samples yet'}
            {r.metrics.length > 0 && `: ${r.metrics.slice(0, 3).map((m) => `${m.label} ${formatQuantity(m.latest, m.unit, locale)}`).join(', ')}`}
          </div>
        )}
      </div>
      <div className="text-xs text-slate-500 md:text-right">{props.lastSample ? `last sample ${props.lastSample}` : 'no samples'}</div>
    </li>
  );
}
