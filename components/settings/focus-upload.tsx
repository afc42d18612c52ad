'use client';

// Uploads a FOCUS CSV (or .csv.gz) straight to the streaming import endpoint, with a progress bar.
// The file is read from the form at submit time, never from state kept since a change event. The
// input is disabled until React has hydrated the form: a file chosen in the server's HTML before
// then could be lost (React renders a subtree anew when hydrating it fails) or be submitted by the
// browser itself as a plain form, without the upload.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { useHydrated } from '@/components/ui/use-hydrated';

type TResult = { status: string; rowsRead: number; imported: number; refused: number; inserted: number; updated: number; unchanged: number; errors: { row: number; column: string; reason: string }[]; errorCount: number; message: string };

export function FocusUpload() {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations('settings.focus');
  const fmt = useFormat();
  const [progress, setProgress] = useState<number | null>(null);
  // the chosen file's name, to show it; the upload itself reads the file from the form at submit time
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, setResult] = useState<TResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.name === '') {
      setError(t('chooseFile'));
      return;
    }
    if (file.size === 0) {
      setError(t('emptyFile', { name: file.name }));
      return;
    }
    const params = new URLSearchParams({ name: file.name });
    if (form.get('partial')) params.set('partial', '1');
    setError(null);
    setResult(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports/focus?${params}`);
    xhr.setRequestHeader('content-type', file.name.endsWith('.gz') ? 'application/gzip' : 'text/csv');
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(e.loaded / e.total);
    xhr.onload = () => {
      setProgress(null);
      try {
        const body = JSON.parse(xhr.responseText);
        // a refused file comes back as a result too (422): show its rows, not just the message
        if (typeof body.status === 'string' && Array.isArray(body.errors)) setResult(body as TResult);
        else setError(body.error?.message ?? t('failed', { status: xhr.status }));
        router.refresh();
      } catch {
        setError(t('failed', { status: xhr.status }));
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError(t('interrupted'));
    };
    xhr.send(file);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} aria-label={t('formLabel')} aria-busy={!hydrated} className="flex flex-col items-start gap-3 sm:flex-row sm:flex-wrap sm:items-center">
        {/* the browser's own file button speaks the browser's language, not the page's: ours is a label */}
        <label className="flex max-w-full min-w-0 cursor-pointer items-center gap-2 text-sm has-[:disabled]:cursor-default has-[:disabled]:opacity-60">
          <input name="file" type="file" aria-label={t('fileLabel')} accept=".csv,.gz,text/csv,application/gzip" disabled={!hydrated || progress !== null}
            onChange={(e) => setChosen(e.currentTarget.files?.[0]?.name ?? null)} className="peer sr-only" />
          <span className="shrink-0 rounded border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 hover:bg-slate-50">{t('chooseButton')}</span>
          <span className="truncate text-slate-500" title={chosen ?? undefined}>{chosen ?? t('noFile')}</span>
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          <input name="partial" type="checkbox" disabled={!hydrated || progress !== null} /> {t('partial')}
        </label>
        <button type="submit" disabled={!hydrated || progress !== null} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">{t('submit')}</button>
      </form>
      {progress !== null && (
        <div className="space-y-1" role="progressbar" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-2 w-full rounded bg-slate-200"><div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} /></div>
          <div className="text-xs text-slate-500">{progress < 1 ? t('uploading', { share: fmt.share(progress) }) : t('merging')}</div>
        </div>
      )}
      {error && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      {result && (
        <div role="status" className={`rounded px-3 py-2 text-sm ${result.status === 'succeeded' ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-700'}`}>
          <div className="font-medium">
            {/* the server's own words only where it knows more than the counts (a file that is not FOCUS) */}
            {result.status === 'succeeded'
              ? t('succeeded')
              : result.refused > 0
                ? t('refusedWhole', { refused: fmt.integer(result.refused), read: fmt.integer(result.rowsRead) })
                : result.message}
          </div>
          <div className="tabular text-xs">
            {t('summary', {
              read: fmt.integer(result.rowsRead),
              imported: fmt.integer(result.imported),
              inserted: fmt.integer(result.inserted),
              updated: fmt.integer(result.updated),
              unchanged: fmt.integer(result.unchanged),
              refused: fmt.integer(result.refused),
            })}
          </div>
          {result.errors.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-xs">
                <thead className="text-left"><tr><th className="pr-2">{t('row')}</th><th className="pr-2">{t('column')}</th><th>{t('reason')}</th></tr></thead>
                <tbody>{result.errors.slice(0, 20).map((e, i) => <tr key={i}><td className="tabular pr-2">{fmt.integer(e.row)}</td><td className="pr-2">{e.column}</td><td>{e.reason}</td></tr>)}</tbody>
              </table>
            </div>
          )}
          {result.errorCount > 20 && <div className="text-xs">{t('more', { count: result.errorCount - 20, formatted: fmt.integer(result.errorCount - 20) })}</div>}
        </div>
      )}
    </div>
  );
}
