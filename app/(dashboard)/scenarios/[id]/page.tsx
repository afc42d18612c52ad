import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PlanVsActualSection } from '@/components/scenarios/plan-vs-actual';
import { ScenarioEditor } from '@/components/scenarios/scenario-editor';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { ScenarioUnitCostsSection } from '@/components/unit-costs/scenario-unit-costs';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { getCalibration, type TCalibrationResult } from '@/lib/queries/get-calibration';
import { findScenario } from '@/lib/queries/get-scenario';
import { getScenarioContext, type TScenarioContext } from '@/lib/queries/get-scenario-context';
import { listScenarioVersions } from '@/lib/queries/list-scenario-versions';
import { listScenarios } from '@/lib/queries/list-scenarios';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, scenario] = await Promise.all([getTranslations('scenarios.meta'), params.then(({ id }) => findScenario(id))]);
  return { title: scenario?.name ?? t('scenario') };
}
export const dynamic = 'force-dynamic';

export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getPageActor();
  const { id } = await params;
  // layout.tsx answers 404 before streaming; this covers a scenario deleted in between
  const scenario = await findScenario(id);
  if (!scenario) notFound();
  const [t, fmt] = await Promise.all([getTranslations('scenarios.editor'), getFormat()]);
  const currency = fmt.currency;
  const now = new Date();

  let context: TScenarioContext;
  try {
    context = await getScenarioContext(scenario, { now, currency, withPaidPrices: true });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return (
      <>
        <PageHeader title={scenario.name} />
        <ScenarioTabs active={null} />
        <Card>
          <div className="py-8 text-center" data-testid="scenario-unavailable">
            <h2 className="text-lg font-semibold">{t('unavailableTitle')}</h2>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{e.message}</p>
          </div>
        </Card>
      </>
    );
  }

  const [all, versions, cal] = await Promise.all([
    listScenarios(),
    listScenarioVersions(id),
    // calibration is a side panel: its failure must not take the scenario page down
    getCalibration({ now, scenarioId: id }).then(
      (c): { calibration: TCalibrationResult | null; error: string | null } => ({ calibration: c, error: null }),
      (e: unknown) => ({ calibration: null, error: e instanceof Error ? e.message : String(e) }),
    ),
  ]);
  const scenarios = all.map((s) => ({ id: s.id, name: s.name, drivers: s.drivers }));
  // an archived from-scenario still drives the timeline: keep it selectable
  const fromId = scenario.timeline.fromScenarioId;
  if (fromId && !scenarios.some((s) => s.id === fromId)) {
    const from = await findScenario(fromId, { includeArchived: true });
    if (from) scenarios.push({ id: from.id, name: from.name, drivers: from.drivers });
  }

  return (
    <>
      <ScenarioTabs active={null} />
      <ScenarioEditor
        key={scenario.id}
        scenario={scenario}
        context={{
          prices: context.prices,
          paidPrices: context.paidPrices,
          fx: context.fx,
          fxAsOf: context.fxAsOf,
          currency,
          nowIso: now.toISOString(),
          eurRate: context.eurRate,
        }}
        scenarios={scenarios}
        canEdit={hasRole(actor.role, 'editor')}
        versions={versions}
        calibration={cal.calibration}
        calibrationError={cal.error}
      />
      <PlanVsActualSection scenario={scenario} />
      <ScenarioUnitCostsSection scenario={scenario} />
    </>
  );
}
