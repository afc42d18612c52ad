'use client';

// The recommendation rules' thresholds: each with its default, where that comes from, and the value in
// effect; an admin overrides some (percentages typed as percentages, days as whole days) or returns them
// to their defaults. Checked here against each range for a quick answer, and again by the API.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import type { TThresholdView } from '@/lib/api/schemas/recommendation-thresholds';
import { parseDecimal } from '@/lib/format/parse-decimal';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';
import { callApi } from './use-api';

/** Shares are typed and shown as percentages. */
const shown = (t: TThresholdView, v: number) => (t.unit === 'share' ? Math.round(v * 100 * 1e6) / 1e6 : v);
const stored = (t: TThresholdView, v: number) => (t.unit === 'share' ? Math.round((v / 100) * 1e6) / 1e6 : v);

export function ThresholdsPanel({ thresholds, canEdit }: { thresholds: TThresholdView[]; canEdit: boolean }) {
  const t = useTranslations('recommendationThresholds');
  const fmt = useFormat();
  const router = useRouter();
  const formId = useId();
  // in an input: every digit, the locale's separator; in text: the locale's number
  const text = (th: TThresholdView, v: number) => fmt.inputNumber(shown(th, v));
  const num = (th: TThresholdView, v: number) => fmt.number(shown(th, v));
  const [inputs, setInputs] = useState<Record<string, string>>(() => Object.fromEntries(thresholds.map((th) => [th.id, text(th, th.value)])));
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const withUnit = (th: TThresholdView, v: number) =>
    th.unit === 'days' ? t('days', { count: v }) : th.unit === 'percent' || th.unit === 'share' ? t('percent', { value: num(th, v) }) : num(th, v);
  // what each input says: a value to store, or why it cannot be
  const read = (th: TThresholdView): { value: number } | { problem: string } => {
    const typed = parseDecimal(inputs[th.id] ?? '', fmt.locale);
    if (!Number.isFinite(typed)) return { problem: t('notANumber') };
    const value = stored(th, typed);
    if (th.integer && !Number.isInteger(value)) return { problem: t('wholeNumber') };
    if (value < th.min || value > th.max) return { problem: t('outOfRange', { min: withUnit(th, th.min), max: withUnit(th, th.max) }) };
    return { value };
  };
  const changes: Record<string, number | null> = {};
  let invalid = false;
  for (const th of thresholds) {
    const r = read(th);
    if ('problem' in r) invalid = true;
    else if (r.value !== th.value) changes[th.id] = r.value === th.default ? null : r.value;
  }
  const changed = Object.keys(changes).length;

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invalid || changed === 0) return;
    setSaving(true);
    setError(null);
    setStatus(null);
    try {
      await callApi('PUT', '/api/v1/recommendation-thresholds', { thresholds: changes });
      setStatus(t('saved', { count: changed }));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-3" data-testid="thresholds-panel" aria-labelledby={`${formId}-caption`}>
      <p id={`${formId}-caption`} className="text-xs text-slate-500">{canEdit ? t('help') : t('readOnly')}</p>
      <div className={TABLE_SCROLL}>
        <table className={TABLE}>
          <thead className={HEAD}>
            <tr>
              <th scope="col" className={`${STICKY_CELL} py-1.5`}>{t('threshold')}</th>
              <th scope="col" className="hidden px-2 py-1.5 text-right sm:table-cell">{t('default')}</th>
              <th scope="col" className="px-2 py-1.5 text-right">{t('current')}</th>
              <th scope="col" className="px-2 py-1.5">{t('source')}</th>
              <th scope="col" className="px-2 py-1.5">{t('changed')}</th>
            </tr>
          </thead>
          <tbody>
            {thresholds.map((th) => {
              const r = read(th);
              const problem = 'problem' in r ? r.problem : null;
              const inputId = `${formId}-${th.id}`;
              const edited = !problem && 'value' in r && r.value !== th.value;
              return (
                <tr key={th.id} className="border-t border-slate-100 align-top" data-testid="threshold-row" data-id={th.id} data-overridden={th.overridden}>
                  <th scope="row" className={`${STICKY_CELL} min-w-36 max-w-44 py-2 text-left font-medium text-slate-800 sm:min-w-40 sm:max-w-72`}>
                    <label htmlFor={inputId}>{t(`items.${th.id}.label`)}</label>
                    {/* on a phone the default goes under the name, so the value in effect stays in view */}
                    <span className="mt-0.5 block text-xs font-normal text-slate-500 sm:hidden">{t('defaultIs', { value: withUnit(th, th.default) })}</span>
                  </th>
                  <td className="tabular hidden whitespace-nowrap px-2 py-2 text-right text-slate-600 sm:table-cell">{withUnit(th, th.default)}</td>
                  <td className="whitespace-nowrap px-2 py-2 text-right">
                    {canEdit ? (
                      <div className="inline-flex items-center gap-1">
                        <input
                          id={inputId}
                          name={th.id}
                          inputMode="decimal"
                          value={inputs[th.id] ?? ''}
                          onChange={(e) => setInputs({ ...inputs, [th.id]: e.target.value })}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? `${inputId}-problem` : undefined}
                          className={`tabular w-16 rounded border px-2 py-1 text-right sm:w-20 ${problem ? 'border-red-400 bg-red-50' : edited ? 'border-sky-400 bg-sky-50' : th.overridden ? 'border-amber-300' : 'border-slate-300'}`}
                        />
                        <span className="w-8 text-left text-xs text-slate-500">{th.unit === 'days' ? t('daysUnit') : th.unit === 'percent' || th.unit === 'share' ? '%' : ''}</span>
                        {th.overridden && (
                          <button type="button" className="text-xs text-sky-700 underline" onClick={() => setInputs({ ...inputs, [th.id]: text(th, th.default) })} data-testid="threshold-reset">
                            {t('reset')}
                          </button>
                        )}
                      </div>
                    ) : (
                      <span className={`tabular ${th.overridden ? 'font-semibold text-amber-800' : ''}`}>{withUnit(th, th.value)}</span>
                    )}
                    {problem && <p id={`${inputId}-problem`} className="mt-1 whitespace-normal text-xs text-red-700">{problem}</p>}
                  </td>
                  <td className="min-w-64 px-2 py-2 text-xs text-slate-600">{t(`items.${th.id}.source`)}</td>
                  <td className="whitespace-nowrap px-2 py-2 text-xs text-slate-600">
                    {th.overridden && th.updatedAt ? t('changedBy', { who: th.updatedBy ?? '—', at: fmt.dateTime(th.updatedAt) }) : t('isDefault')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={saving || invalid || changed === 0} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40" data-testid="thresholds-save">
            {t('save', { count: changed })}
          </button>
          {status && <p role="status" className="text-sm text-emerald-700">{status}</p>}
          {error && <p role="alert" className="text-sm text-red-700">{t('saveFailed', { message: error })}</p>}
        </div>
      )}
    </form>
  );
}
