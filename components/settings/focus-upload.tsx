'use client';

// Uploads a FOCUS CSV (or .csv.gz) straight to the streaming import endpoint, with a progress bar.
// The file is read from the form at submit time, never from state kept since a change event. The
// input is disabled until React has hydrated the form: a file chosen in the server's HTML before
// then could be lost (React renders a subtree anew when hydrating it fails) or be submitted by the
// browser itself as a plain form, without the upload.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

type TResult = { status: string; rowsRead: number; imported: number; refused: number; inserted: number; updated: number; unchanged: number; errors: { row: number; column: string; reason: string }[]; errorCount: number; message: string };

export function FocusUpload() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<TResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.name === '') {
      setError('Choose a FOCUS CSV file first.');
      return;
    }
    if (file.size === 0) {
      setError(`${file.name} is empty: choose a FOCUS CSV file.`);
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
        else setError(body.error?.message ?? `The import failed (${xhr.status}).`);
        router.refresh();
      } catch {
        setError(`The import failed (${xhr.status}).`);
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError('The upload was interrupted.');
    };
    xhr.send(file);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} aria-label="Import a FOCUS file" aria-busy={!hydrated} className="flex flex-wrap items-center gap-3">
        <input name="file" type="file" aria-label="FOCUS file" accept=".csv,.gz,text/csv,application/gzip" disabled={!hydrated || progress !== null} className="text-sm" />
        <label className="flex items-center gap-1 text-sm text-slate-600">
          <input name="partial" type="checkbox" disabled={!hydrated || progress !== null} /> import the valid rows even if some are bad
        </label>
        <button type="submit" disabled={!hydrated || progress !== null} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">Import</button>
      </form>
      {progress !== null && (
        <div className="space-y-1" role="progressbar" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-2 w-full rounded bg-slate-200"><div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} /></div>
          <div className="text-xs text-slate-500">{progress < 1 ? `Uploading… ${Math.round(progress * 100)} %` : 'Uploaded; validating and merging…'}</div>
        </div>
      )}
      {error && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      {result && (
        <div role="status" className={`rounded px-3 py-2 text-sm ${result.status === 'succeeded' ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-700'}`}>
          <div className="font-medium">{result.message}</div>
          <div className="tabular text-xs">{result.rowsRead} rows read · {result.imported} imported ({result.inserted} new, {result.updated} updated, {result.unchanged} unchanged) · {result.refused} refused</div>
          {result.errors.length > 0 && (
            <table className="mt-2 w-full text-xs">
              <thead className="text-left"><tr><th>Row</th><th>Column</th><th>Reason</th></tr></thead>
              <tbody>{result.errors.slice(0, 20).map((e, i) => <tr key={i}><td>{e.row}</td><td>{e.column}</td><td>{e.reason}</td></tr>)}</tbody>
            </table>
          )}
          {result.errorCount > 20 && <div className="text-xs">… and {result.errorCount - 20} more</div>}
        </div>
      )}
    </div>
  );
}
