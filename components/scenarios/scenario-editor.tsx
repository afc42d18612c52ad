'use client';

// The scenario page's working part: drivers, options and timeline as inputs, and the result
// recomputed in the browser as they change (the pure model, 2,000 samples, ~100 ms after an edit).
// Saving and exporting go through the server, which evaluates with 10,000 samples.
import { useRouter } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { Card } from '@/components/ui/card';
import { callApi } from '@/components/settings/use-api';
import type { TDrivers, TNumericDriverId } from '@/lib/planning/drivers';
import type { TPriceCatalogue } from '@/lib/planning/price-catalogue';
import type { TRegion } from '@/lib/planning/regions';
import { SEED_TOTAL, compareWithSeed } from '@/lib/planning/seed-reference';
import type { TResourceClass } from '@/lib/planning/types';
import { buildEvaluateInput, type TPaidPriceItem } from '@/lib/scenarios/build-evaluate-input';
import { stableJson, type TScenario, type TScenarioOptions, type TScenarioTimeline } from '@/lib/scenarios/scenario-schema';
import type { TCalibrationResult } from '@/lib/queries/get-calibration';
import type { TScenarioVersion } from '@/lib/queries/list-scenario-versions';
import { CalibrationPanel } from './calibration-panel';
import { CapacityChart } from './capacity-chart';
import { CloneButton } from './clone-button';
import { DriverInputs } from './driver-inputs';
import { fromTexts, toTexts, type TDriverText } from './driver-text';
import { money, num, range } from './format';
import { KeyFigures } from './key-figures';
import { LineTable } from './line-table';
import { MonthlyCostChart } from './monthly-cost-chart';
import { OptionSelects, TimelineInputs } from './option-selects';
import { ScenarioHeader } from './scenario-header';
import { SeedReferenceTable } from './seed-reference-table';
import { TornadoChart } from './tornado-chart';
import { useLiveEvaluation } from './use-live-evaluation';
import { VersionsPanel } from './versions-panel';

export const LIVE_SAMPLES = 2000;

const noSubscription = () => () => undefined;

export type TEditorContext = {
  prices: TPriceCatalogue;
  paidPrices: TPaidPriceItem[];
  fx: Record<string, number>;
  fxAsOf: Record<string, string>;
  currency: string;
  nowIso: string;
  /** EUR → output currency (the seed plan's table is in EUR). */
  eurRate: number;
};

export type TScenarioEditorProps = {
  scenario: TScenario;
  context: TEditorContext;
  scenarios: { id: string; name: string; drivers: TDrivers }[];
  canEdit: boolean;
  locale: string;
  timeZone: string;
  notes: Record<string, string>;
  versions: TScenarioVersion[];
  calibration: TCalibrationResult | null;
  calibrationError: string | null;
};

export function ScenarioEditor(props: TScenarioEditorProps) {
  const { scenario, context, locale } = props;
  const router = useRouter();
  const [texts, setTexts] = useState(() => toTexts(scenario.drivers));
  const [regions, setRegions] = useState<TRegion[]>(scenario.drivers.regions);
  const [options, setOptions] = useState<TScenarioOptions>(scenario.options);
  const [timeline, setTimeline] = useState<TScenarioTimeline>(scenario.timeline);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // set once hydrated: before that, typing in an input would be lost (the e2e test waits for it)
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  const reset = () => {
    setTexts(toTexts(scenario.drivers));
    setRegions(scenario.drivers.regions);
    setOptions(scenario.options);
    setTimeline(scenario.timeline);
  };
  // A new saved version (ours, a restore, an adopted calibration) replaces the inputs.
  const [shownVersion, setShownVersion] = useState(scenario.version);
  if (shownVersion !== scenario.version) {
    setShownVersion(scenario.version);
    reset();
  }

  const { drivers, errors } = useMemo(() => fromTexts(texts, regions, scenario.drivers), [texts, regions, scenario.drivers]);
  const fromDrivers = useMemo(() => props.scenarios.find((s) => s.id === timeline.fromScenarioId)?.drivers ?? null, [props.scenarios, timeline.fromScenarioId]);
  const input = useMemo(() => {
    if (!drivers) return null;
    return buildEvaluateInput({
      scenario: { drivers, coefficients: scenario.coefficients, options, timeline },
      context: { prices: context.prices, paidPrices: context.paidPrices, fx: context.fx, currency: context.currency, fromDrivers, now: new Date(context.nowIso) },
      samples: LIVE_SAMPLES,
      seed: 1,
    });
  }, [drivers, options, timeline, fromDrivers, scenario.coefficients, context]);
  const live = useLiveEvaluation(input);
  const result = live.result;
  const seed = useMemo(() => (result && scenario.reference === 'seed-plan' ? compareWithSeed(result, { eurToResultCurrency: context.eurRate }) : null), [result, scenario.reference, context.eurRate]);

  const draft = drivers ? stableJson({ drivers, options, timeline }) : null;
  const saved = stableJson({ drivers: scenario.drivers, options: scenario.options, timeline: scenario.timeline });
  const dirty = draft !== saved;

  async function save() {
    if (!drivers) return;
    setSaving(true);
    setSaveError(null);
    setStatus(null);
    try {
      const s = await callApi<TScenario>('PATCH', `/api/v1/scenarios/${scenario.id}`, { drivers, options, timeline, expectedVersion: scenario.version });
      const e = await callApi<{ samples: number; steadyState: { total: { p10: string; p50: string; p90: string } }; currency: string }>(
        'POST', `/api/v1/scenarios/${scenario.id}/evaluate`, {},
      );
      const t = e.steadyState.total;
      setStatus(`Saved as version ${s.version}. Server evaluation with ${num(e.samples, locale, 0)} samples: P50 ${money(t.p50, e.currency, locale)}, P10–P90 ${range(t.p10, t.p90, e.currency, locale)}.`);
      router.refresh();
    } catch (err) {
      setSaveError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const setDriver = (id: TNumericDriverId, t: TDriverText) => setTexts((prev) => ({ ...prev, [id]: t }));
  const setOption = (cls: TResourceClass, key: string, value: string | number | boolean) =>
    setOptions((prev) => ({ ...prev, [cls]: { ...(prev[cls] as object), [key]: value } }) as TScenarioOptions);
  const optionsChanged = stableJson(options) !== stableJson(scenario.options);
  const plan = scenario.reference === 'seed-plan' ? { low: Number(SEED_TOTAL.low) * context.eurRate, high: Number(SEED_TOTAL.high) * context.eurRate } : null;

  return (
    <div data-testid="scenario-editor" data-ready={ready ? 'true' : 'false'}>
      <ScenarioHeader id={scenario.id} name={scenario.name} version={scenario.version} canEdit={props.canEdit} dirty={dirty} valid={drivers !== null && !live.error}
        saving={saving} onSave={save} onReset={reset} status={status} />
      {saveError && <p role="alert" className="-mt-4 mb-4 text-sm text-red-700">{saveError}</p>}
      <div className="grid gap-6 xl:grid-cols-[26rem_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card title="Drivers" subtitle="A single value, or a low / likely / high range the Monte Carlo samples from">
            <DriverInputs texts={texts} regions={regions} errors={errors} notes={props.notes} onChange={setDriver} onRegions={setRegions} />
          </Card>
          <Card title="Options" subtitle="Provider, pricing and region per resource class"
            action={props.canEdit && optionsChanged ? <CloneButton id={scenario.id} options={options} label="Try in a copy" /> : undefined}>
            <OptionSelects options={options} onChange={setOption} onUsePaidPrices={(v) => setOptions((p) => ({ ...p, usePaidPrices: v }))} paidPricesKnown={context.paidPrices.length} />
          </Card>
          <Card title="Timeline">
            <TimelineInputs timeline={timeline} scenarios={props.scenarios} selfId={scenario.id} onChange={(p) => setTimeline((t) => ({ ...t, ...p }))} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <p className="text-xs text-slate-500" data-testid="evaluation-status" aria-live="polite">
            {live.pending ? 'Updating…' : live.ms !== null ? `Computed in your browser: ${num(LIVE_SAMPLES, locale, 0)} samples in ${num(live.ms, locale, 0)} ms.` : ''}
            {' '}Prices: {options.usePaidPrices && context.paidPrices.length ? 'paid where known, list otherwise' : 'list'}; FX{' '}
            {Object.entries(context.fx).map(([c, r]) => `${c}→${context.currency} ${num(r, locale, 4)} (${context.fxAsOf[c]})`).join(', ') || 'none needed'}.
          </p>
          {live.error && <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">{live.error}</p>}
          {!result ? (
            <Card><p className="py-6 text-center text-sm text-slate-500">Fix the highlighted drivers to see the result.</p></Card>
          ) : (
            <>
              <KeyFigures result={result} locale={locale} />
              <Card title="Monthly cost over the timeline" subtitle={`Stacked by resource class at the likely values; the shaded band is the total’s P10–P90${plan ? '; the amber band is the seed plan’s 4,500–9,100 EUR' : ''}`}>
                <MonthlyCostChart months={result.months} currency={result.currency} locale={locale} plan={plan} />
              </Card>
              {seed && (
                <Card title="Against the seed plan" subtitle="The plan’s own monthly estimate (EUR) beside the model’s P10–P90, steady state, with why they differ">
                  <SeedReferenceTable seed={seed} locale={locale} />
                </Card>
              )}
              <Card title="Capacity month by month" subtitle="At the likely values; ▲ marks the months where a tier or a node count must step up">
                <CapacityChart months={result.months} locale={locale} />
              </Card>
              <Card title="What moves the total most" subtitle="Steady-state total with one input at its low and at its high, everything else at its likely value">
                <TornadoChart bars={result.tornado} base={Number(result.deterministic.total)} currency={result.currency} locale={locale} />
              </Card>
              <Card title="Lines" subtitle="Steady-state month; open a line for the reasoning: the drivers, coefficients and prices it used">
                <LineTable lines={result.steadyState.lines} classes={result.steadyState.classes} currency={result.currency} locale={locale} />
              </Card>
            </>
          )}
          <Card title="Calibration" subtitle="Coefficients and prices fitted from your utilisation and cost data">
            {props.calibration ? (
              <CalibrationPanel scenarioId={scenario.id} calibration={props.calibration} canEdit={props.canEdit} locale={locale} />
            ) : (
              <p className="text-sm text-slate-500">{props.calibrationError ?? 'No calibration available.'}</p>
            )}
          </Card>
          <Card title="Versions" subtitle="Every save is kept; restoring makes it the next version">
            <VersionsPanel scenarioId={scenario.id} current={scenario.version} versions={props.versions} canEdit={props.canEdit} locale={locale} timeZone={props.timeZone} />
          </Card>
        </div>
      </div>
    </div>
  );
}
