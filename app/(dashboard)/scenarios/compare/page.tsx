import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CompareTable } from '@/components/scenarios/compare-table';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { getFormat } from '@/lib/i18n/server';
import { AppError } from '@/lib/errors';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { compareStoredScenarios, type TStoredComparison } from '@/lib/scenarios/compare-stored-scenarios';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('scenarios.meta');
  return { title: t('compare') };
}
export const dynamic = 'force-dynamic';

const COMPARE_SAMPLES = 5000;

type TSearch = Promise<{ ids?: string | string[]; id?: string | string[] }>;

// ?ids=a,b (links, the API's form) or ?id=a&id=b (the picker below).
function idsOf(q: Awaited<TSearch>): string[] {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  return [...list(q.ids).flatMap((s) => s.split(',')), ...list(q.id)].map((s) => s.trim()).filter(Boolean);
}

export default async function ComparePage({ searchParams }: { searchParams: TSearch }) {
  await getPageActor();
  const [t, fmt] = await Promise.all([getTranslations('scenarios.compare'), getFormat()]);
  const currency = fmt.currency;
  const ids = idsOf(await searchParams);
  const scenarios = await listScenarios();
  let comparison: TStoredComparison | null = null;
  let error: string | null = null;
  if (ids.length >= 2) {
    try {
      comparison = await compareStoredScenarios(ids, { now: new Date(), currency, samples: COMPARE_SAMPLES });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = e.message;
    }
  }
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { samples: fmt.integer(COMPARE_SAMPLES) })} />
      <ScenarioTabs active="compare" />
      <Card className="mb-6">
        <form method="get" aria-label={t('pick')} className="flex flex-wrap items-center gap-4 text-sm">
          {scenarios.map((s) => (
            <label key={s.id} className="flex min-w-0 items-center gap-1">
              <input type="checkbox" name="id" value={s.id} defaultChecked={ids.includes(s.id)} />
              {s.name}
            </label>
          ))}
          <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">{t('submit')}</button>
        </form>
        <p className="mt-2 text-xs text-slate-500">{t('pickNote')}</p>
      </Card>
      {error && <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">{error}</p>}
      {comparison ? (
        <Card><CompareTable comparison={comparison} /></Card>
      ) : (
        !error && (
          <Card>
            <p className="py-6 text-center text-sm text-slate-500" data-testid="compare-empty">{t('empty')}</p>
          </Card>
        )
      )}
    </>
  );
}
