'use client';

// The drivers as inputs: each a single value or a low / likely / high range; the regions as boxes.
import { NUMERIC_DRIVERS, type TNumericDriverId } from '@/lib/planning/drivers';
import { REGIONS, type TRegion } from '@/lib/planning/regions';
import type { TDriverText, TDriverTexts } from './driver-text';

const REGION_LABELS: Record<TRegion, string> = { paris: 'Paris', frankfurt: 'Frankfurt', london: 'London', madrid: 'Madrid', rome: 'Rome', amsterdam: 'Amsterdam' };

const input = 'w-24 rounded border border-slate-300 px-2 py-1 text-right text-sm tabular focus:border-brand-500 focus:outline-none';

function DriverRow(props: { id: TNumericDriverId; label: string; unit: string; text: TDriverText; error?: string; note?: string; onChange: (t: TDriverText) => void }) {
  const { id, text } = props;
  const set = (k: keyof TDriverText, v: string | boolean) => props.onChange({ ...text, [k]: v });
  return (
    <div className="grid grid-cols-[minmax(0,12rem)_1fr] items-start gap-3 py-2" data-testid={`driver-row-${id}`}>
      <div>
        <label htmlFor={`driver-${id}`} className="text-sm font-medium text-slate-800">{props.label}</label>
        <div className="text-xs text-slate-500">{props.unit}</div>
      </div>
      <div>
        <div className="flex flex-wrap items-center gap-2">
          {text.range && (
            <input aria-label={`${props.label} low`} data-testid={`driver-${id}-low`} inputMode="decimal" className={input} value={text.low} onChange={(e) => set('low', e.target.value)} />
          )}
          <input id={`driver-${id}`} aria-label={text.range ? `${props.label} likely` : props.label} data-testid={`driver-${id}`} inputMode="decimal"
            className={`${input} ${text.range ? 'font-semibold' : ''}`} value={text.likely} onChange={(e) => set('likely', e.target.value)} />
          {text.range && (
            <input aria-label={`${props.label} high`} data-testid={`driver-${id}-high`} inputMode="decimal" className={input} value={text.high} onChange={(e) => set('high', e.target.value)} />
          )}
          <label className="ml-1 flex items-center gap-1 text-xs text-slate-500">
            <input type="checkbox" checked={text.range} onChange={(e) => props.onChange({ ...text, range: e.target.checked, low: text.likely, high: text.likely })} />
            range
          </label>
        </div>
        {text.range && <div className="mt-0.5 text-[11px] text-slate-400">low · likely · high</div>}
        {props.error && <p role="alert" className="mt-1 text-xs text-red-700">{props.error}</p>}
        {props.note && !props.error && <p className="mt-1 text-xs text-slate-500">{props.note}</p>}
      </div>
    </div>
  );
}

export function DriverInputs(props: {
  texts: TDriverTexts;
  regions: TRegion[];
  errors: Record<string, string>;
  notes: Record<string, string>;
  onChange: (id: TNumericDriverId, t: TDriverText) => void;
  onRegions: (r: TRegion[]) => void;
}) {
  const business = NUMERIC_DRIVERS.filter((d) => !d.id.startsWith('serviceLevels.'));
  const service = NUMERIC_DRIVERS.filter((d) => d.id.startsWith('serviceLevels.'));
  const note = (id: string) => props.notes[id];
  return (
    <div data-testid="driver-inputs">
      <div className="divide-y divide-slate-100">
        {business.map((d) => (
          <DriverRow key={d.id} id={d.id} label={d.label} unit={d.unit} text={props.texts[d.id]} error={props.errors[d.id]} note={note(d.id)} onChange={(t) => props.onChange(d.id, t)} />
        ))}
      </div>
      <fieldset className="mt-3 border-t border-slate-100 pt-3">
        <legend className="text-sm font-medium text-slate-800">Regions</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {REGIONS.map((r) => (
            <label key={r} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={props.regions.includes(r)}
                onChange={(e) => props.onRegions(e.target.checked ? REGIONS.filter((x) => x === r || props.regions.includes(x)) : props.regions.filter((x) => x !== r))} />
              {REGION_LABELS[r]}
            </label>
          ))}
        </div>
        {props.errors.regions && <p role="alert" className="mt-1 text-xs text-red-700">{props.errors.regions}</p>}
      </fieldset>
      <div className="mt-3 border-t border-slate-100 pt-2">
        <div className="text-sm font-medium text-slate-800">Service levels</div>
        {props.notes.serviceLevels && <p className="text-xs text-slate-500">{props.notes.serviceLevels}</p>}
        <div className="divide-y divide-slate-100">
          {service.map((d) => (
            <DriverRow key={d.id} id={d.id} label={d.label} unit={d.unit} text={props.texts[d.id]} error={props.errors[d.id]} onChange={(t) => props.onChange(d.id, t)} />
          ))}
        </div>
      </div>
    </div>
  );
}
