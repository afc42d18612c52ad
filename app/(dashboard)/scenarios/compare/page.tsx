import type { Metadata } from 'next';
import { CompareTable } from '@/components/scenarios/compare-table';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { compareStoredScenarios, type TStoredComparison } from '@/lib/scenarios/compare-stored-scenarios';

export const metadata: Metadata = { title: 'Compare scenarios' };
export const dynamic = 'force-dynamic';

type TSearch = Promise<{ ids?: string | string[]; id?: string | string[] }>;

// ?ids=a,b (links, the API's form) or ?id=a&id=b (the picker below).
function idsOf(q: Awaited<TSearch>): string[] {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  return [...list(q.ids).flatMap((s) => s.split(',')), ...list(q.id)].map((s) => s.trim()).filter(Boolean);
}

export default async function ComparePage({ searchParams }: { searchParams: TSearch }) {
  await getPageActor();
  const { DISPLAY_CURRENCY: currency, LOCALE: locale } = env();
  const ids = idsOf(await searchParams);
  const scenarios = await listScenarios();
  let comparison: TStoredComparison | null = null;
  let error: string | null = null;
  if (ids.length >= 2) {
    try {
      comparison = await compareStoredScenarios(ids, { now: new Date(), currency });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = e.message;
    }
  }
  return (
    <>
      <PageHeader title="Compare scenarios" subtitle="Evaluated alike (5,000 samples, same seed, FX and start), line by line, with the differences from the first" />
      <ScenarioTabs active="compare" />
      <Card className="mb-6">
        <form method="get" aria-label="Pick scenarios" className="flex flex-wrap items-center gap-4 text-sm">
          {scenarios.map((s) => (
            <label key={s.id} className="flex items-center gap-1">
              <input type="checkbox" name="id" value={s.id} defaultChecked={ids.includes(s.id)} />
              {s.name}
            </label>
          ))}
          <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">Compare</button>
        </form>
        <p className="mt-2 text-xs text-slate-500">The first ticked, in list order, is the reference the differences are measured from.</p>
      </Card>
      {error && <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">{error}</p>}
      {comparison ? (
        <Card><CompareTable comparison={comparison} locale={locale} /></Card>
      ) : (
        !error && (
          <Card>
            <p className="py-6 text-center text-sm text-slate-500" data-testid="compare-empty">Tick two or more scenarios to see them side by side.</p>
          </Card>
        )
      )}
    </>
  );
}
