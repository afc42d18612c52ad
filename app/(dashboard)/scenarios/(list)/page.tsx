import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CloneButton } from '@/components/scenarios/clone-button';
import { PlanOfRecordButton } from '@/components/scenarios/plan-of-record-button';
import { PlanActualSummary } from '@/components/scenarios/plan-vs-actual';
import { NewScenarioForm } from '@/components/scenarios/new-scenario-form';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { getFormat } from '@/lib/i18n/server';
import { SCENARIO_PRESETS, toRange } from '@/lib/planning/drivers';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { evaluateScenarioRecord } from '@/lib/scenarios/evaluate-stored-scenario';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('scenarios.meta');
  return { title: t('list') };
}
export const dynamic = 'force-dynamic';

// Enough samples for a list (P10/P90 within a few percent); the scenario page and the API use more.
const LIST_SAMPLES = 2000;

export default async function ScenariosPage() {
  const actor = await getPageActor();
  const canEdit = hasRole(actor.role, 'editor');
  const [t, fmt] = await Promise.all([getTranslations('scenarios.list'), getFormat()]);
  const currency = fmt.currency;
  const scenarios = await listScenarios();
  const now = new Date();
  const rows = [];
  for (const s of scenarios) {
    try {
      const e = await evaluateScenarioRecord(s, { now, samples: LIST_SAMPLES, currency });
      // the most likely total, as the headline of the scenario's own page (one basis on both pages)
      rows.push({ s, likely: e.deterministic.total, total: e.steadyState.total, pods: e.deterministic.capacity.pods, atlas: e.deterministic.capacity.atlasTier, error: null });
    } catch (err) {
      rows.push({ s, likely: null, total: null, pods: null, atlas: null, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const m = (v: string) => fmt.money(v);
  const planOfRecord = scenarios.find((s) => s.planOfRecord) ?? null;
  const tAll = await getTranslations('scenarios');
  // a preset's own description is shown in the page's language; one someone wrote is shown as written
  const summaryOf = (s: (typeof scenarios)[number]) => {
    const first = s.description.split('\n')[0];
    const preset = SCENARIO_PRESETS.find((p) => p.id === s.presetId);
    return preset && first === preset.description ? tAll(`presetDescriptions.${preset.id}` as never) : first;
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        {canEdit && <NewScenarioForm sources={scenarios.map((s) => ({ id: s.id, name: s.name }))} />}
      </PageHeader>
      <ScenarioTabs active="list" />
      <Card>
        {rows.length === 0 ? (
          <div className="py-10 text-center" data-testid="scenarios-empty">
            <h2 className="text-lg font-semibold">{t('emptyTitle')}</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
              {t.rich('emptyBody', { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
            </p>
          </div>
        ) : (
          <>
          {/* a phone gets one block per scenario, its figures in reach; the table needs a laptop's width */}
          <ul className="divide-y divide-slate-100 md:hidden" data-testid="scenario-cards">
            {rows.map(({ s, likely, total, pods, atlas, error }) => (
              <li key={s.id} className="py-3">
                <div className="flex items-baseline justify-between gap-3">
                  <span className="min-w-0"><Link href={`/scenarios/${s.id}`} className="font-medium text-brand-700 hover:underline">{s.name}</Link>{s.planOfRecord && <span className="ml-2 inline-block rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700" data-testid="plan-of-record-badge">{t('planOfRecord')}</span>}</span>
                  {!error && <span className="tabular shrink-0 font-semibold">{m(likely!)}</span>}
                </div>
                <div className="truncate text-xs text-slate-500" title={summaryOf(s)}>{summaryOf(s)}</div>
                {error ? (
                  <p className="mt-1 text-xs text-red-700">{error}</p>
                ) : (
                  <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                    <dt className="text-slate-500">{t('colRange')}</dt><dd className="tabular text-right">{m(total!.p10)} – {m(total!.p90)}</dd>
                    <dt className="text-slate-500">{t('colDrivers')}</dt>
                    <dd className="tabular text-right">{fmt.integer(toRange(s.drivers.registeredUsers).likely)} · {fmt.integer(toRange(s.drivers.peakRequestsPerSecond).likely)} · {fmt.integer(s.drivers.regions.length)}</dd>
                    <dt className="text-slate-500">{t('colCapacity')}</dt><dd className="tabular text-right">{fmt.integer(pods!)} · {atlas}</dd>
                    <dt className="text-slate-500">{t('colSaved')}</dt><dd className="text-right">{t('saved', { version: s.version, date: fmt.day(new Date(s.updatedAt).toISOString()) })}</dd>
                  </dl>
                )}
                {canEdit && <div className="mt-1 flex justify-end gap-4">{!s.planOfRecord && <PlanOfRecordButton id={s.id} />}<CloneButton id={s.id} /></div>}
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-sm" data-testid="scenario-list">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="sticky left-0 bg-white py-2">{t('colScenario')}</th>
                  <th className="pl-3">{t('colDrivers')}</th>
                  <th className="pl-3 text-right">{t('colLikely')}</th>
                  <th className="pl-3 text-right">{t('colRange')}</th>
                  <th className="pl-3 text-right">{t('colCapacity')}</th>
                  <th className="pl-3 text-right">{t('colSaved')}</th>
                  <th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map(({ s, likely, total, pods, atlas, error }) => {
                  const summary = summaryOf(s);
                  return (
                    <tr key={s.id}>
                      <td className="sticky left-0 max-w-[14rem] bg-white py-3 pr-4 sm:max-w-md">
                        <Link href={`/scenarios/${s.id}`} className="font-medium text-brand-700 hover:underline">{s.name}</Link>{s.planOfRecord && <span className="ml-2 inline-block rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700" data-testid="plan-of-record-badge">{t('planOfRecord')}</span>}
                        <div className="truncate text-xs text-slate-500" title={summary}>{summary}</div>
                      </td>
                      <td className="tabular whitespace-nowrap pl-3 text-slate-600">
                        {fmt.integer(toRange(s.drivers.registeredUsers).likely)} · {fmt.integer(toRange(s.drivers.peakRequestsPerSecond).likely)} · {fmt.integer(s.drivers.regions.length)}
                      </td>
                      {error ? (
                        <td colSpan={3} className="pl-3 text-right text-xs text-red-700">{error}</td>
                      ) : (
                        <>
                          <td className="tabular whitespace-nowrap pl-3 text-right font-semibold" data-testid="scenario-list-likely">{m(likely!)}</td>
                          <td className="tabular whitespace-nowrap pl-3 text-right text-slate-600">{m(total!.p10)} – {m(total!.p90)}</td>
                          <td className="tabular whitespace-nowrap pl-3 text-right text-slate-600">{fmt.integer(pods!)} · {atlas}</td>
                        </>
                      )}
                      <td className="whitespace-nowrap pl-3 text-right text-xs text-slate-500">{t('saved', { version: s.version, date: fmt.day(new Date(s.updatedAt).toISOString()) })}</td>
                      <td className="whitespace-nowrap pl-4 text-right">{canEdit && <span className="inline-flex gap-4">{!s.planOfRecord && <PlanOfRecordButton id={s.id} />}<CloneButton id={s.id} /></span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          </>
        )}
      </Card>
      <p className="mt-3 text-xs text-slate-500">{t('footnote', { currency, samples: fmt.integer(LIST_SAMPLES) })}</p>
      {rows.length > 0 && (
        <p className="mt-2 text-xs text-slate-500" data-testid="plan-of-record-note">
          {planOfRecord ? t('planOfRecordNote', { name: planOfRecord.name }) : t('noPlanOfRecord')}
        </p>
      )}
      <PlanActualSummary models={rows.flatMap(({ s, likely }) => (likely ? [{ id: s.id, name: s.name, likely }] : []))} />
    </>
  );
}
