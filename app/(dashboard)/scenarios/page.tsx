import type { Metadata } from 'next';
import Link from 'next/link';
import { CloneButton } from '@/components/scenarios/clone-button';
import { money, num, range } from '@/components/scenarios/format';
import { NewScenarioForm } from '@/components/scenarios/new-scenario-form';
import { PlanActualSummary } from '@/components/scenarios/plan-vs-actual';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { toRange } from '@/lib/planning/drivers';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { evaluateScenarioRecord } from '@/lib/scenarios/evaluate-stored-scenario';

export const metadata: Metadata = { title: 'Scenarios' };
export const dynamic = 'force-dynamic';

// Enough samples for a list (P10/P90 within a few percent); the scenario page and the API use more.
const LIST_SAMPLES = 2000;

export default async function ScenariosPage() {
  const actor = await getPageActor();
  const canEdit = hasRole(actor.role, 'editor');
  const { DISPLAY_CURRENCY: currency, LOCALE: locale } = env();
  const scenarios = await listScenarios();
  const now = new Date();
  const rows = [];
  for (const s of scenarios) {
    try {
      const e = await evaluateScenarioRecord(s, { now, samples: LIST_SAMPLES, currency });
      rows.push({ s, total: e.steadyState.total, pods: e.deterministic.capacity.pods, atlas: e.deterministic.capacity.atlasTier, error: null });
    } catch (err) {
      rows.push({ s, total: null, pods: null, atlas: null, error: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <>
      <PageHeader title="Scenarios" subtitle="Business drivers turned into capacity and monthly cost, with P10–P90 ranges">
        {canEdit && <NewScenarioForm sources={scenarios.map((s) => ({ id: s.id, name: s.name }))} />}
      </PageHeader>
      <ScenarioTabs active="list" />
      <Card>
        {rows.length === 0 ? (
          <div className="py-10 text-center" data-testid="scenarios-empty">
            <h2 className="text-lg font-semibold">No scenarios</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
              The two scenarios of the scaling plan, “Grand Est (today)” and “Europe (plan)”, are created when Tourmalet starts
              (<code className="rounded bg-slate-100 px-1">npm start</code>). If they were deleted, a new scenario can be
              created through the API (<code className="rounded bg-slate-100 px-1">POST /api/v1/scenarios</code>).
            </p>
          </div>
        ) : (
          <table className="w-full text-sm" data-testid="scenario-list">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">Scenario</th>
                <th>Users · peak req/s · regions</th>
                <th className="text-right">Monthly P50</th>
                <th className="text-right">P10 – P90</th>
                <th className="text-right">Pods · Atlas</th>
                <th className="text-right">Saved</th>
                <th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map(({ s, total, pods, atlas, error }) => (
                <tr key={s.id}>
                  <td className="py-3 pr-4">
                    <Link href={`/scenarios/${s.id}`} className="font-medium text-brand-700 hover:underline">{s.name}</Link>
                    <div className="max-w-md truncate text-xs text-slate-500">{s.description.split('\n')[0]}</div>
                  </td>
                  <td className="tabular text-slate-600">
                    {num(toRange(s.drivers.registeredUsers).likely, locale, 0)} · {num(toRange(s.drivers.peakRequestsPerSecond).likely, locale, 0)} · {s.drivers.regions.length}
                  </td>
                  {error ? (
                    <td colSpan={3} className="text-right text-xs text-red-700">{error}</td>
                  ) : (
                    <>
                      <td className="tabular text-right font-semibold">{money(total!.p50, currency, locale)}</td>
                      <td className="tabular text-right text-slate-600">{range(total!.p10, total!.p90, currency, locale)}</td>
                      <td className="tabular text-right text-slate-600">{pods} · {atlas}</td>
                    </>
                  )}
                  <td className="text-right text-xs text-slate-500">v{s.version} · {new Date(s.updatedAt).toLocaleDateString(locale, { timeZone: 'UTC' })}</td>
                  <td className="pl-4 text-right">{canEdit && <CloneButton id={s.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <p className="mt-3 text-xs text-slate-500">
        Totals are steady-state monthly costs in {currency} from {LIST_SAMPLES.toLocaleString(locale)} Monte Carlo samples; open a scenario for its months, lines and reasoning.
      </p>
      <PlanActualSummary models={rows.flatMap(({ s, total }) => (total ? [{ id: s.id, name: s.name, p50: total.p50 }] : []))} />
    </>
  );
}
