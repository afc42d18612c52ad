'use client';

// "New": a name and the scenario to start from (its drivers, options and timeline are copied).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';

export function NewScenarioForm({ sources }: { sources: { id: string; name: string }[] }) {
  const t = useTranslations('scenarios.list');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setError(null);
    setBusy(true);
    try {
      const from = String(f.get('from'));
      const created = await callApi<{ id: string }>('POST', `/api/v1/scenarios/${from}/clone`, { name: String(f.get('name') ?? '').trim() || undefined });
      router.push(`/scenarios/${created.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" disabled={sources.length === 0}>
        {t('newScenario')}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('newAria')} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-2 shadow-sm">
      <input name="name" required placeholder={t('namePlaceholder')} className="w-64 max-w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      <label className="text-sm text-slate-600">
        {t('startingFrom')}{' '}
        <select name="from" className="rounded border border-slate-300 px-2 py-1 text-sm">
          {sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <button type="submit" disabled={busy} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">{t('create')}</button>
      <button type="button" onClick={() => setOpen(false)} className="text-sm text-slate-500 hover:underline">{t('cancel')}</button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}
