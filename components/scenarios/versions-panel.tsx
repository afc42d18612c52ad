'use client';

// Saved versions, newest first; an editor restores one (it becomes the next version).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';
import type { TScenarioVersion } from '@/lib/queries/list-scenario-versions';

export function VersionsPanel(props: { scenarioId: string; current: number; versions: TScenarioVersion[]; canEdit: boolean; locale: string; timeZone: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  async function restore(version: number) {
    setBusy(version);
    setError(null);
    try {
      await callApi('POST', `/api/v1/scenarios/${props.scenarioId}/versions/${version}/restore`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div data-testid="versions">
      <ol className="divide-y divide-slate-100 text-sm">
        {props.versions.map((v) => (
          <li key={v.version} className="flex items-center gap-3 py-1.5">
            <span className="w-10 font-medium">v{v.version}</span>
            <span className="w-36 text-xs text-slate-500">{new Date(v.changedAt).toLocaleString(props.locale, { dateStyle: 'short', timeStyle: 'short', timeZone: props.timeZone })}</span>
            <span className="w-40 truncate text-xs text-slate-500" title={v.changedBy ?? ''}>{v.changedBy}</span>
            <span className="flex-1 truncate text-slate-700" title={v.note ?? ''}>{v.note}</span>
            {v.version === props.current ? (
              <span className="text-xs text-slate-400">current</span>
            ) : (
              props.canEdit && (
                <button type="button" onClick={() => restore(v.version)} disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline disabled:opacity-50">
                  {busy === v.version ? 'Restoring…' : 'Restore'}
                </button>
              )
            )}
          </li>
        ))}
      </ol>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
