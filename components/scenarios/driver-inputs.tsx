'use client';

// The drivers as inputs: each a single value or a low / likely / high range; the regions as boxes.
// A driver that does not read as a valid value says so in words next to it.
import { useTranslations } from 'next-intl';
import { NUMERIC_DRIVERS, type TNumericDriverId } from '@/lib/planning/drivers';
import { REGIONS, type TRegion } from '@/lib/planning/regions';
import type { TDriverProblem, TDriverProblems, TDriverText, TDriverTexts } from './driver-text';
import { useScenarioLabels } from './labels';

const input = 'w-[6.5rem] min-w-0 rounded border px-2 py-1 text-right text-sm tabular focus:outline-none';

export function useProblemText() {
  const t = useTranslations('scenarios.inputs');
  return (label: string, p: TDriverProblem) => {
    const problem = p.code === 'tooSmall' ? t('tooSmall', { min: p.min }) : p.code === 'tooLarge' ? t('tooLarge', { max: p.max }) : t(p.code);
    return t('error', { label, problem });
  };
}

function DriverRow(props: { id: TNumericDriverId; label: string; unit: string; text: TDriverText; problem?: TDriverProblem; note?: string; onChange: (t: TDriverText) => void }) {
  const t = useTranslations('scenarios.inputs');
  const problemText = useProblemText();
  const { id, text } = props;
  const set = (k: keyof TDriverText, v: string | boolean) => props.onChange({ ...text, [k]: v });
  const errorId = `driver-${id}-error`;
  const cls = `${input} ${props.problem ? 'border-red-500 bg-red-50' : 'border-slate-300 focus:border-brand-500'}`;
  const aria = { 'aria-invalid': props.problem ? true : undefined, 'aria-describedby': props.problem ? errorId : undefined };
  return (
    <div className="py-2" data-testid={`driver-row-${id}`}>
      <div className="mb-1 flex min-w-0 flex-wrap items-baseline gap-x-2">
        <label htmlFor={`driver-${id}`} className="text-sm font-medium text-slate-800">{props.label}</label>
        <span className="text-xs text-slate-500">{props.unit}</span>
      </div>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          {text.range && (
            <input aria-label={t('low', { label: props.label })} data-testid={`driver-${id}-low`} inputMode="decimal" className={cls} value={text.low} onChange={(e) => set('low', e.target.value)} {...aria} />
          )}
          <input id={`driver-${id}`} aria-label={text.range ? t('likely', { label: props.label }) : props.label} data-testid={`driver-${id}`} inputMode="decimal"
            className={`${cls} ${text.range ? 'font-semibold' : ''}`} value={text.likely} onChange={(e) => set('likely', e.target.value)} {...aria} />
          {text.range && (
            <input aria-label={t('high', { label: props.label })} data-testid={`driver-${id}-high`} inputMode="decimal" className={cls} value={text.high} onChange={(e) => set('high', e.target.value)} {...aria} />
          )}
          <label className="ml-1 flex items-center gap-1 text-xs text-slate-500">
            <input type="checkbox" checked={text.range} onChange={(e) => props.onChange({ ...text, range: e.target.checked, low: text.likely, high: text.likely })} />
            {t('range')}
          </label>
        </div>
        {text.range && <div className="mt-0.5 text-[11px] text-slate-400">{t('rangeHint')}</div>}
        {props.problem && <p role="alert" id={errorId} className="mt-1 text-xs font-medium text-red-700">{problemText(props.label, props.problem)}</p>}
        {props.note && !props.problem && <p className="mt-1 text-xs text-slate-500">{props.note}</p>}
      </div>
    </div>
  );
}

export function DriverInputs(props: {
  texts: TDriverTexts;
  regions: TRegion[];
  errors: TDriverProblems;
  presetId: string | null;
  onChange: (id: TNumericDriverId, t: TDriverText) => void;
  onRegions: (r: TRegion[]) => void;
}) {
  const t = useTranslations('scenarios');
  const labels = useScenarioLabels();
  const problemText = useProblemText();
  const business = NUMERIC_DRIVERS.filter((d) => !d.id.startsWith('serviceLevels.'));
  const service = NUMERIC_DRIVERS.filter((d) => d.id.startsWith('serviceLevels.'));
  // the presets' notes say where each figure comes from in the plan, in the page's language
  const note = (key: string): string | undefined => {
    const k = `presetNotes.${props.presetId}.${key}` as never;
    return props.presetId && t.has(k) ? t(k) : undefined;
  };
  const row = (d: (typeof NUMERIC_DRIVERS)[number], withNote: boolean) => {
    const l = labels.driver(d.id);
    return <DriverRow key={d.id} id={d.id} label={l.label} unit={l.unit} text={props.texts[d.id]} problem={props.errors[d.id]} note={withNote ? note(d.key) : undefined} onChange={(v) => props.onChange(d.id, v)} />;
  };
  return (
    <div data-testid="driver-inputs">
      <div className="divide-y divide-slate-100">{business.map((d) => row(d, true))}</div>
      <fieldset className="mt-3 border-t border-slate-100 pt-3" data-testid="driver-regions">
        <legend className="text-sm font-medium text-slate-800">{t('inputs.regions')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {REGIONS.map((r) => (
            <label key={r} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={props.regions.includes(r)}
                onChange={(e) => props.onRegions(e.target.checked ? REGIONS.filter((x) => x === r || props.regions.includes(x)) : props.regions.filter((x) => x !== r))} />
              {labels.region(r)}
            </label>
          ))}
        </div>
        {note('regions') && !props.errors.regions && <p className="mt-1 text-xs text-slate-500">{note('regions')}</p>}
        {props.errors.regions && <p role="alert" className="mt-1 text-xs font-medium text-red-700">{problemText(t('inputs.regions'), props.errors.regions)}</p>}
      </fieldset>
      <div className="mt-3 border-t border-slate-100 pt-2">
        <div className="text-sm font-medium text-slate-800">{t('inputs.serviceLevels')}</div>
        {note('serviceLevels') && <p className="text-xs text-slate-500">{note('serviceLevels')}</p>}
        <div className="divide-y divide-slate-100">{service.map((d) => row(d, false))}</div>
      </div>
    </div>
  );
}
