'use client';

// The scenario's name and what can be done with it: save, rename, clone, delete, export.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';
import { CloneButton } from './clone-button';

export function ScenarioHeader(props: {
  id: string;
  name: string;
  version: number;
  canEdit: boolean;
  dirty: boolean;
  valid: boolean;
  saving: boolean;
  onSave: () => void;
  onReset: () => void;
  status: string | null;
}) {
  const t = useTranslations('scenarios.editor');
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function rename(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    setError(null);
    try {
      await callApi('PATCH', `/api/v1/scenarios/${props.id}`, { name, expectedVersion: props.version });
      setRenaming(false);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function remove() {
    if (!window.confirm(t('deleteConfirm', { name: props.name }))) return;
    setError(null);
    try {
      await callApi('DELETE', `/api/v1/scenarios/${props.id}`);
      router.push('/scenarios');
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const button = 'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50';
  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          {renaming ? (
            <form onSubmit={rename} aria-label={t('renameAria')} className="flex items-center gap-2">
              <input name="name" defaultValue={props.name} required className="min-w-0 rounded border border-slate-300 px-2 py-1 text-lg" />
              <button type="submit" className={button}>{t('rename')}</button>
              <button type="button" onClick={() => setRenaming(false)} className="text-sm text-slate-500 hover:underline">{t('cancel')}</button>
            </form>
          ) : (
            <h1 className="break-words text-2xl font-semibold tracking-tight">{props.name}</h1>
          )}
          <p className="mt-1 text-sm text-slate-500">
            {t('version', { version: props.version })}
            {props.dirty && <span className="font-medium text-amber-700" data-testid="unsaved-changes"> · {t('unsaved')}</span>}
            {!props.canEdit ? ` · ${t('viewerNote')}` : ''}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {props.canEdit && (
            <>
              <button type="button" className="rounded border border-brand-600 bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50" disabled={!props.dirty || !props.valid || props.saving} onClick={props.onSave}>
                {props.saving ? t('saving') : t('save')}
              </button>
              <button type="button" className={button} disabled={!props.dirty} onClick={props.onReset}>{t('discard')}</button>
              <button type="button" className={button} onClick={() => setRenaming(true)}>{t('rename')}</button>
              <CloneButton id={props.id} />
              <button type="button" className={`${button} text-red-700`} onClick={remove}>{t('delete')}</button>
            </>
          )}
          {!props.canEdit && props.dirty && <button type="button" className={button} onClick={props.onReset}>{t('backToSaved')}</button>}
          <a className={button} href={`/api/v1/scenarios/${props.id}/export?format=csv`} download title={t('exportCsvTitle')}>{t('exportCsv')}</a>
          <a className={button} href={`/api/v1/scenarios/${props.id}/export?format=json`} download title={t('exportJsonTitle')}>{t('exportJson')}</a>
        </div>
      </div>
      {props.status && <p role="status" className="mt-2 text-sm text-emerald-800">{props.status}</p>}
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
