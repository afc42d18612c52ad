'use client';

// Create or edit a budget (editors and admins): the API validates, and its issues are shown beside their fields.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parseDecimal } from '@/lib/format/parse-decimal';
import { useFormat } from '@/components/i18n/format-provider';

type TThresholdRow = { on: 'actual' | 'forecast'; value: string; unit: 'percent' | 'amount' };
export type TBudgetFormValue = {
  id?: string;
  name: string;
  provider: string;
  period: 'month' | 'quarter' | 'year';
  kind: 'fixed' | 'auto' | 'scenario';
  amount: string;
  autoPeriods: string;
  scenarioId: string;
  thresholds: TThresholdRow[];
};

type TIssue = { field?: string; message: string };

const EMPTY: TBudgetFormValue = {
  name: '',
  provider: '',
  period: 'month',
  kind: 'fixed',
  amount: '',
  autoPeriods: '3',
  scenarioId: '',
  thresholds: [
    { on: 'actual', value: '80', unit: 'percent' },
    { on: 'forecast', value: '100', unit: 'percent' },
  ],
};

export function BudgetForm(props: {
  initial?: TBudgetFormValue;
  providers: string[];
  scenarios: { id: string; name: string; planOfRecord: boolean }[];
  currency: string;
}) {
  const t = useTranslations('budgets.form');
  const fmt = useFormat();
  const router = useRouter();
  const editing = !!props.initial?.id;
  const planOfRecord = props.scenarios.find((s) => s.planOfRecord)?.id ?? props.scenarios[0]?.id ?? '';
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<TBudgetFormValue>(props.initial ?? { ...EMPTY, scenarioId: planOfRecord });
  const [issues, setIssues] = useState<TIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TBudgetFormValue>(k: K, value: TBudgetFormValue[K]) => setV((old) => ({ ...old, [k]: value }));
  const issue = (field: string) => issues.find((i) => i.field === field)?.message;
  const number = (text: string) => parseDecimal(text, fmt.locale);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local: TIssue[] = [];
    const amount = number(v.amount);
    if (v.kind === 'fixed' && !(amount > 0)) local.push({ field: 'amount', message: t('amountInvalid') });
    const thresholds = v.thresholds.map((row, i) => {
      const n = number(row.value);
      if (!(n > 0)) local.push({ field: `thresholds.${i}.${row.unit}`, message: t('thresholdInvalid') });
      return row.unit === 'percent' ? { on: row.on, percent: n } : { on: row.on, amount: String(n) };
    });
    if (local.length) {
      setIssues(local);
      return;
    }
    const body = {
      name: v.name.trim(),
      scope: v.provider ? { provider: v.provider } : {},
      period: v.period,
      ...(v.kind === 'fixed' ? { amount: String(amount) } : v.kind === 'auto' ? { auto: { periods: Number(v.autoPeriods) } } : { fromScenarioId: v.scenarioId }),
      thresholds,
    };
    setBusy(true);
    setIssues([]);
    try {
      const response = await fetch(editing ? `/api/v1/budgets/${props.initial!.id}` : '/api/v1/budgets', {
        method: editing ? 'PATCH' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        const found: TIssue[] = data?.error?.issues ?? [];
        setIssues(found.length ? found : [{ message: data?.error?.message ?? t('failed') }]);
        return;
      }
      setOpen(false);
      if (!editing) setV({ ...EMPTY, scenarioId: planOfRecord });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={editing ? 'text-sm font-medium text-brand-600 hover:underline' : 'rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700'}
        data-testid={editing ? `budget-edit-${props.initial!.id}` : 'budget-new'}
      >
        {editing ? t('edit') : t('new')}
      </button>
    );
  }

  const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm';
  const error = (name: string) => issue(name) && <p className="mt-1 text-xs text-red-700" role="alert">{issue(name)}</p>;
  const known = new Set(['name', 'amount', 'auto.periods', 'fromScenarioId', 'scope.provider', 'period', ...v.thresholds.flatMap((_, i) => [`thresholds.${i}.percent`, `thresholds.${i}.amount`])]);
  const general = issues.filter((i) => !i.field || !known.has(i.field));
  return (
    <form onSubmit={submit} aria-label={editing ? t('editAria', { name: props.initial!.name }) : t('newAria')} className="w-full rounded-lg border border-slate-200 bg-slate-50 p-3 text-left" data-testid="budget-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm text-slate-700">
          {t('name')}
          <input name="name" value={v.name} onChange={(e) => set('name', e.target.value)} required className={field} />
          {error('name')}
        </label>
        <label className="text-sm text-slate-700">
          {t('provider')}
          <select name="provider" value={v.provider} onChange={(e) => set('provider', e.target.value)} className={field}>
            <option value="">{t('allProviders')}</option>
            {props.providers.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
          {error('scope.provider')}
        </label>
        <label className="text-sm text-slate-700">
          {t('period')}
          <select name="period" value={v.period} onChange={(e) => set('period', e.target.value as TBudgetFormValue['period'])} className={field}>
            <option value="month">{t('periodMonth')}</option>
            <option value="quarter">{t('periodQuarter')}</option>
            <option value="year">{t('periodYear')}</option>
          </select>
        </label>
        <label className="text-sm text-slate-700">
          {t('kind')}
          <select name="kind" value={v.kind} onChange={(e) => set('kind', e.target.value as TBudgetFormValue['kind'])} className={field}>
            <option value="fixed">{t('kindFixed')}</option>
            <option value="auto">{t('kindAuto')}</option>
            <option value="scenario" disabled={props.scenarios.length === 0}>{t('kindScenario')}</option>
          </select>
        </label>
        {v.kind === 'fixed' && (
          <label className="text-sm text-slate-700">
            {t('amount', { currency: props.currency })}
            <input name="amount" inputMode="decimal" value={v.amount} onChange={(e) => set('amount', e.target.value)} className={field} />
            {error('amount')}
          </label>
        )}
        {v.kind === 'auto' && (
          <label className="text-sm text-slate-700">
            {t('autoPeriods')}
            <input name="autoPeriods" type="number" min={1} max={36} value={v.autoPeriods} onChange={(e) => set('autoPeriods', e.target.value)} className={field} />
            {error('auto.periods')}
          </label>
        )}
        {v.kind === 'scenario' && (
          <label className="text-sm text-slate-700">
            {t('scenario')}
            <select name="scenarioId" value={v.scenarioId} onChange={(e) => set('scenarioId', e.target.value)} className={field}>
              {props.scenarios.map((s) => <option key={s.id} value={s.id}>{s.planOfRecord ? t('planOfRecordOption', { name: s.name }) : s.name}</option>)}
            </select>
            {error('fromScenarioId')}
          </label>
        )}
      </div>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-slate-700">{t('thresholds')}</legend>
        {v.thresholds.map((row, i) => (
          <div key={i} className="mt-2 flex flex-wrap items-center gap-2">
            <select aria-label={t('thresholdOn')} value={row.on} onChange={(e) => set('thresholds', v.thresholds.map((r, j) => (j === i ? { ...r, on: e.target.value as TThresholdRow['on'] } : r)))} className="rounded border border-slate-300 px-2 py-1 text-sm">
              <option value="actual">{t('onActual')}</option>
              <option value="forecast">{t('onForecast')}</option>
            </select>
            <input aria-label={t('thresholdValue')} inputMode="decimal" value={row.value} onChange={(e) => set('thresholds', v.thresholds.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))} className="w-24 rounded border border-slate-300 px-2 py-1 text-sm" />
            <select aria-label={t('thresholdUnit')} value={row.unit} onChange={(e) => set('thresholds', v.thresholds.map((r, j) => (j === i ? { ...r, unit: e.target.value as TThresholdRow['unit'] } : r)))} className="rounded border border-slate-300 px-2 py-1 text-sm">
              <option value="percent">{t('unitPercent')}</option>
              <option value="amount">{props.currency}</option>
            </select>
            <button type="button" onClick={() => set('thresholds', v.thresholds.filter((_, j) => j !== i))} className="text-xs text-slate-500 hover:underline">{t('remove')}</button>
            {(issue(`thresholds.${i}.percent`) || issue(`thresholds.${i}.amount`)) && (
              <p className="w-full text-xs text-red-700" role="alert">{issue(`thresholds.${i}.percent`) ?? issue(`thresholds.${i}.amount`)}</p>
            )}
          </div>
        ))}
        {v.thresholds.length < 10 && (
          <button type="button" onClick={() => set('thresholds', [...v.thresholds, { on: 'actual', value: '', unit: 'percent' }])} className="mt-2 text-sm text-brand-600 hover:underline">{t('addThreshold')}</button>
        )}
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={busy} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">{editing ? t('save') : t('create')}</button>
        <button type="button" onClick={() => { setOpen(false); setIssues([]); }} className="text-sm text-slate-500 hover:underline">{t('cancel')}</button>
      </div>
      {general.map((g, i) => <p key={i} role="alert" className="mt-2 text-sm text-red-700">{g.field ? `${g.field}: ${g.message}` : g.message}</p>)}
    </form>
  );
}

export function DeleteBudgetButton(props: { id: string; name: string }) {
  const t = useTranslations('budgets.form');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(t('confirmDelete', { name: props.name }))) return;
    const response = await fetch(`/api/v1/budgets/${props.id}`, { method: 'DELETE' });
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      setError(data?.error?.message ?? t('failed'));
      return;
    }
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={remove} className="text-sm text-red-700 hover:underline">{t('delete')}</button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </>
  );
}
