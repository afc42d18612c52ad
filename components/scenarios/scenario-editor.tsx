'use client';

// The scenario page's working part: drivers, options and timeline as inputs, and the result
// recomputed in the browser as they change (the pure model, 2,000 samples, ~100 ms after an edit).
// Saving and exporting go through the server, which evaluates with 10,000 samples.
//
// One basis of numbers: the headline total, the stacked bars, the tornado, the lines' "most likely"
// column and the capacity are all the deterministic evaluation at every input's most likely value,
// because only that basis adds up (class P50s do not sum to the total's P50, and a tornado is by
// construction one input moved from the likely point). The Monte Carlo gives the uncertainty around
// it, always labelled as such: P10–P90 and the median (P50).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
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
import { calibrationImpacts } from './calibration-impact';
import { CapacityChart } from './capacity-chart';
import { CloneButton } from './clone-button';
import { DriverInputs } from './driver-inputs';
import { fromTexts, toTexts, type TDriverText } from './driver-text';
import { KeyFigures } from './key-figures';
import { useScenarioLabels } from './labels';
import { LineTable } from './line-table';
import { MonthlyCostChart } from './monthly-cost-chart';
import { OptionSelects, TimelineInputs } from './option-selects';
import { ScenarioHeader } from './scenario-header';
import { SeedReferenceTable } from './seed-reference-table';
import { TornadoChart } from './tornado-chart';
import { useLeaveGuard } from './use-leave-guard';
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
  versions: TScenarioVersion[];
  calibration: TCalibrationResult | null;
  calibrationError: string | null;
};

export function ScenarioEditor(props: TScenarioEditorProps) {
  const { scenario, context } = props;
  const t = useTranslations('scenarios.editor');
  const fmt = useFormat();
  const tIn = useTranslations('scenarios.inputs');
  const labels = useScenarioLabels();
  const router = useRouter();
  const [texts, setTexts] = useState(() => toTexts(scenario.drivers, fmt));
  const [regions, setRegions] = useState<TRegion[]>(scenario.drivers.regions);
  const [options, setOptions] = useState<TScenarioOptions>(scenario.options);
  const [timeline, setTimeline] = useState<TScenarioTimeline>(scenario.timeline);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // set once hydrated: before that, typing in an input would be lost (the e2e test waits for it)
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  const reset = () => {
    setTexts(toTexts(scenario.drivers, fmt));
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

  const { drivers, errors } = useMemo(() => fromTexts(texts, regions, scenario.drivers, fmt.locale), [texts, regions, scenario.drivers, fmt.locale]);
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
  const impacts = useMemo(() => (props.calibration && input && !live.stale ? calibrationImpacts(input, props.calibration) : null), [props.calibration, input, live.stale]);

  // unparseable texts are a change too: leaving would lose them
  const draft = drivers ? stableJson({ drivers, options, timeline }) : null;
  const saved = stableJson({ drivers: scenario.drivers, options: scenario.options, timeline: scenario.timeline });
  const dirty = draft !== saved;
  useLeaveGuard(dirty, t('leaveConfirm'));

  async function save() {
    if (!drivers) return;
    setSaving(true);
    setSaveError(null);
    setStatus(null);
    try {
      const s = await callApi<TScenario>('PATCH', `/api/v1/scenarios/${scenario.id}`, { drivers, options, timeline, expectedVersion: scenario.version });
      const e = await callApi<{ samples: number; steadyState: { total: { p10: string; p50: string; p90: string } }; deterministic: { total: string }; currency: string }>(
        'POST', `/api/v1/scenarios/${scenario.id}/evaluate`, {},
      );
      const tt = e.steadyState.total;
      const m = (v: string) => fmt.money(v, { currency: e.currency });
      setStatus(t('savedStatus', { version: s.version, samples: fmt.integer(e.samples), likely: m(e.deterministic.total), low: m(tt.p10), high: m(tt.p90) }));
      router.refresh();
    } catch (err) {
      setSaveError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const setDriver = (id: TNumericDriverId, v: TDriverText) => setTexts((prev) => ({ ...prev, [id]: v }));
  const setOption = (cls: TResourceClass, key: string, value: string | number | boolean) =>
    setOptions((prev) => ({ ...prev, [cls]: { ...(prev[cls] as object), [key]: value } }) as TScenarioOptions);
  const optionsChanged = stableJson(options) !== stableJson(scenario.options);
  const plan = scenario.reference === 'seed-plan' ? { low: Number(SEED_TOTAL.low) * context.eurRate, high: Number(SEED_TOTAL.high) * context.eurRate } : null;
  const m = (v: number | string) => fmt.money(v, { currency: context.currency });
  const fxRates = Object.entries(context.fx).map(([c, r]) => t('fxRate', { from: c, to: context.currency, rate: fmt.number(r, 4), date: context.fxAsOf[c] ? fmt.day(context.fxAsOf[c]) : '' }));
  const invalidNames = Object.keys(errors).map((id) => (id === 'regions' ? tIn('regions') : labels.driver(id as TNumericDriverId).label));

  return (
    <div data-testid="scenario-editor" data-ready={ready ? 'true' : 'false'}>
      <ScenarioHeader id={scenario.id} name={scenario.name} version={scenario.version} canEdit={props.canEdit} dirty={dirty} valid={drivers !== null && !live.error}
        saving={saving} onSave={save} onReset={reset} status={status} />
      {saveError && <p role="alert" className="-mt-4 mb-4 text-sm text-red-700">{saveError}</p>}
      <div className="grid gap-6 xl:grid-cols-[26rem_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          <Card title={t('driversTitle')} subtitle={t('driversSubtitle')}>
            <DriverInputs texts={texts} regions={regions} errors={errors} presetId={scenario.presetId} onChange={setDriver} onRegions={setRegions} />
          </Card>
          <Card title={t('optionsTitle')} subtitle={t('optionsSubtitle')}
            action={props.canEdit && optionsChanged ? <CloneButton id={scenario.id} options={options} label={t('tryInCopy')} /> : undefined}>
            <OptionSelects options={options} onChange={setOption} onUsePaidPrices={(v) => setOptions((p) => ({ ...p, usePaidPrices: v }))} paidPricesKnown={context.paidPrices.length} />
          </Card>
          <Card title={t('timelineTitle')}>
            <TimelineInputs timeline={timeline} scenarios={props.scenarios} selfId={scenario.id} onChange={(p) => setTimeline((x) => ({ ...x, ...p }))} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <p className="text-xs text-slate-500" data-testid="evaluation-status" aria-live="polite">
            {live.pending ? t('updating') : live.ms !== null ? t('computed', { samples: fmt.integer(LIVE_SAMPLES), ms: fmt.integer(live.ms) }) : ''}
            {' '}{options.usePaidPrices && context.paidPrices.length ? t('pricesPaid') : t('pricesList')}
            {' '}{fxRates.length ? t('fx', { rates: fxRates.join(', ') }) : t('fxNone')}
          </p>
          {live.stale && (
            <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="result-stale-note">
              {live.reason === 'error' && live.error ? t('modelError', { message: live.error }) : t('staleNote', { count: invalidNames.length, names: invalidNames.join(', ') })}
            </p>
          )}
          {!result ? (
            <Card>
              <p className="py-6 text-center text-sm text-slate-500">{live.error ? t('modelError', { message: live.error }) : t('fixDrivers')}</p>
            </Card>
          ) : (
            <div className={`space-y-6 transition-opacity ${live.stale ? 'opacity-40 grayscale' : ''}`} data-testid="scenario-result" data-stale={live.stale ? 'true' : 'false'} aria-busy={live.stale}>
              <KeyFigures result={result} />
              <Card title={t('monthsTitle')} subtitle={`${t('monthsSubtitle')}${plan ? ` ${t('monthsSubtitlePlan', { low: m(plan.low), high: m(plan.high) })}` : ''}`}>
                <MonthlyCostChart months={result.months} currency={result.currency} plan={plan} />
              </Card>
              {seed && (
                <Card title={t('seedTitle')} subtitle={t('seedSubtitle')}>
                  <SeedReferenceTable seed={seed} />
                </Card>
              )}
              <Card title={t('capacityTitle')} subtitle={t('capacitySubtitle')}>
                <CapacityChart months={result.months} />
              </Card>
              <Card title={t('tornadoTitle')} subtitle={t('tornadoSubtitle')}>
                <TornadoChart bars={result.tornado} base={Number(result.deterministic.total)} currency={result.currency} />
              </Card>
              <Card title={t('linesTitle')} subtitle={t('linesSubtitle')}>
                <LineTable lines={result.steadyState.lines} classes={result.steadyState.classes} currency={result.currency} />
              </Card>
            </div>
          )}
          <Card title={t('calibrationTitle')} subtitle={t('calibrationSubtitle')}>
            {props.calibration ? (
              <CalibrationPanel scenarioId={scenario.id} calibration={props.calibration} canEdit={props.canEdit} impacts={impacts} currency={context.currency} />
            ) : (
              <p className="text-sm text-slate-500">{props.calibrationError ?? t('noCalibration')}</p>
            )}
          </Card>
          <Card title={t('versionsTitle')} subtitle={t('versionsSubtitle')}>
            <VersionsPanel scenarioId={scenario.id} current={scenario.version} versions={props.versions} canEdit={props.canEdit} />
          </Card>
        </div>
      </div>
    </div>
  );
}
