'use client';

// An editor's judgement of an anomaly: its status and a note, saved through the API.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';

const STATUSES = ['open', 'acknowledged', 'expected', 'false_positive'] as const;
type TStatus = (typeof STATUSES)[number];

export function AnomalyStatusForm(props: { id: string; status: TStatus; note: string | null }) {
  const t = useTranslations('anomalies');
  const router = useRouter();
  const [status, setStatus] = useState<TStatus>(props.status);
  const [note, setNote] = useState(props.note ?? '');
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({ saving: false, error: null, saved: false });
  const changed = status !== props.status || note !== (props.note ?? '');
  return (
    <form
      className="space-y-3"
      data-testid="anomaly-status-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setState({ saving: true, error: null, saved: false });
        try {
          await callApi('PATCH', `/api/v1/anomalies/${props.id}`, { status, note });
          setState({ saving: false, error: null, saved: true });
          router.refresh();
        } catch (err) {
          setState({ saving: false, error: err instanceof Error ? err.message : String(err), saved: false });
        }
      }}
    >
      <label className="block text-sm">
        <span className="font-medium text-slate-700">{t('statusLabel')}</span>
        <select
          name="status"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          value={status}
          onChange={(e) => setStatus(e.target.value as TStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">{t('noteLabel')}</span>
        <textarea
          name="note"
          rows={2}
          maxLength={2000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          placeholder={t('notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <p className="text-xs text-slate-500">{t(`statusHelp.${status}`)}</p>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={!changed || state.saving}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {state.saving ? t('saving') : t('save')}
        </button>
        {state.saved && !changed && <span role="status" className="text-sm text-emerald-700">{t('saved')}</span>}
        {state.error && <span role="alert" className="text-sm text-red-700">{state.error}</span>}
      </div>
    </form>
  );
}
