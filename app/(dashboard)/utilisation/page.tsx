import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, DemoBanner, PageHeader } from '@/components/ui/card';
import { FillBar } from '@/components/utilisation/fill-bar';
import { metricLabel, metricNoun, quantity, type TUtilisationT } from '@/components/utilisation/metric-words';
import { WindowPicker } from '@/components/utilisation/window-picker';
import { getPageActor } from '@/lib/auth/page-actor';
import { addIsoDays, isoDay } from '@/lib/dates';
import type { TFormatter } from '@/lib/format/formatter';
import { getFormat } from '@/lib/i18n/server';
import { providerName } from '@/lib/prices/provider-key';
import { getResourceCosts, type TResourceCost } from '@/lib/queries/get-resource-costs';
import { getResources, type TResourceStatus } from '@/lib/queries/get-resources';
import { parseWindowDays, windowForDays } from '@/lib/utilisation/window';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('utilisation');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

const KINDS = ['database', 'cache', 'app', 'node-pool', 'compute', 'cdn', 'storage', 'monitoring'] as const;

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UtilisationPage({ searchParams }: { searchParams: TSearchParams }) {
  await getPageActor();
  const days = parseWindowDays((await searchParams).days);
  const now = new Date();
  const window = windowForDays(days, now);
  // a month's cost: the last 30 complete UTC days (today's costs are still arriving)
  const costTo = isoDay(now);
  const costFrom = addIsoDays(costTo, -30);
  const [t, fmt] = await Promise.all([getTranslations('utilisation'), getFormat()]);
  const [list, costs] = await Promise.all([getResources(window), getResourceCosts({ from: costFrom, to: costTo, currency: fmt.currency })]);

  if (!list.resources.length) {
    return (
      <>
        <PageHeader title={t('title')} />
        <Card>
          <div className="py-10 text-center" data-testid="utilisation-empty">
            <h2 className="text-lg font-semibold">{t('emptyTitle')}</h2>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
              {t.rich('emptyBody', { settings: (chunks) => <Link className="font-medium text-brand-600 hover:underline" href="/settings">{chunks}</Link> })}
            </p>
          </div>
        </Card>
      </>
    );
  }

  // the known kinds in their order, then any other kind a connector wrote, under its own name
  const others = [...new Set(list.resources.map((r) => r.kind))].filter((k) => !(KINDS as readonly string[]).includes(k));
  const groups = [...KINDS.map((kind) => ({ kind, title: t(`kinds.${kind}`) })), ...others.map((kind) => ({ kind, title: kind.charAt(0).toUpperCase() + kind.slice(1) }))]
    .map((g) => ({ ...g, resources: list.resources.filter((r) => r.kind === g.kind) }))
    .filter((g) => g.resources.length);
  const costRange = fmt.dayRange(costFrom, addIsoDays(costTo, -1));

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { days })}>
        <WindowPicker days={days} basePath="/utilisation" />
      </PageHeader>
      {list.resources.some((r) => r.source === 'demo') && <DemoBanner />}
      <div className="space-y-6">
        {groups.map((g) => (
          <Card key={g.kind} title={g.title}>
            <ul className="divide-y divide-slate-100" data-testid={`resources-${g.kind}`}>
              {g.resources.map((r) => (
                <ResourceRow key={r.id} resource={r} days={days} t={t} fmt={fmt} cost={costs.get(r.id) ?? null} costRange={costRange} />
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}

function ResourceRow(props: { resource: TResourceStatus; days: number; t: TUtilisationT; fmt: TFormatter; cost: TResourceCost | null; costRange: string }) {
  const { resource: r, t, fmt } = props;
  const main = r.main;
  const q = (v: number, unit: string) => quantity(t, fmt, v, unit);
  const facts = [providerName(r.provider), r.region, r.size].filter(Boolean).join(' · ');
  return (
    <li className="grid gap-x-4 gap-y-2 py-3 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_8rem_10rem] md:items-center" data-testid="resource-row">
      <div className="min-w-0">
        <Link href={`/utilisation/${r.id}?days=${props.days}`} className="font-medium text-brand-600 hover:underline">{r.name}</Link>
        <div className="truncate text-xs text-slate-500" title={facts}>{facts}</div>
      </div>
      <div className="min-w-0" data-testid="resource-main" data-metric={main?.metric}>
        {main ? (
          <>
            <FillBar fill={main.fill} label={t('mainAgainstCapacity', { name: r.name, noun: metricNoun(t, main.metric) })} />
            <div className="mt-1 text-xs text-slate-600">
              {t('p95Of', { noun: metricNoun(t, main.metric), value: q(main.p95, main.unit), capacity: q(main.capacity, main.unit) })} —{' '}
              {main.headroom >= 0 ? t('headroom', { share: fmt.share(main.headroom) }) : t('overCapacity', { share: fmt.share(-main.headroom) })}
            </div>
            {main.runwayDays !== null && (
              <div className={`mt-0.5 text-xs font-medium ${main.runwayDays <= 30 ? 'text-red-700' : main.runwayDays <= 90 ? 'text-amber-700' : 'text-slate-600'}`} data-testid="resource-runway">
                {main.runwayDays < 1 ? t('runwayNow') : t('runwayDays', { days: Math.round(main.runwayDays) })}
              </div>
            )}
          </>
        ) : (
          <div className="text-xs text-slate-500">
            {r.metrics.length
              ? t('noCapacityLatest', {
                  values: r.metrics
                    .slice(0, 3)
                    .map((m) => `${metricLabel(t, m.metric)} ${q(m.latest, m.unit)}${m.basis ? ` ${t(`basis.${m.basis}`)}` : ''}`)
                    .join(', '),
                })
              : t('noSamples')}
          </div>
        )}
      </div>
      <ResourceCost cost={props.cost} resource={r} t={t} fmt={fmt} range={props.costRange} />
      <div className="text-xs text-slate-500 md:text-right">{r.lastSampleAt ? t('lastSample', { at: fmt.dateTime(r.lastSampleAt) }) : t('noSampleAt')}</div>
    </li>
  );
}

function ResourceCost(props: { cost: TResourceCost | null; resource: TResourceStatus; t: TUtilisationT; fmt: TFormatter; range: string }) {
  const { cost, t, fmt } = props;
  if (cost && cost.amount !== null) {
    return (
      <div className="text-sm md:text-right" data-testid="resource-cost" title={t('costWindow', { range: props.range })}>
        <span className="tabular font-medium">{fmt.money(cost.amount)}</span>
        <span className="ml-1 text-xs text-slate-500 md:ml-0 md:block">{t('over30Days')}</span>
      </div>
    );
  }
  const why =
    cost?.amount === null && cost.reason === 'no-fx'
      ? t('costNoFx', { currency: cost.currency ?? '' })
      : t('costNoRecords', { name: props.resource.name, range: props.range });
  return (
    <div className="text-sm text-slate-400 md:text-right" data-testid="resource-cost" title={why}>
      <span aria-hidden>{t('costNone')}</span>
      <span className="ml-1 text-xs md:ml-0 md:block">{t('costNoneShort')}</span>
      <span className="sr-only">{why}</span>
    </div>
  );
}
