'use client';

// Saved versions, newest first; an editor restores one (it becomes the next version).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFormat } from '@/components/i18n/format-provider';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';
import type { TScenarioVersion } from '@/lib/queries/list-scenario-versions';

export function VersionsPanel(props: { scenarioId: string; current: number; versions: TScenarioVersion[]; canEdit: boolean }) {
  const t = useTranslations('scenarios.versions');
  const fmt = useFormat();
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
          <li key={v.version} className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5">
            <span className="w-10 font-medium">v{v.version}</span>
            <span className="w-44 text-xs text-slate-500">{fmt.dateTime(v.changedAt)}</span>
            <span className="w-40 max-w-full truncate text-xs text-slate-500" title={v.changedBy ?? ''}>{v.changedBy}</span>
            <span className="min-w-0 flex-1 basis-48 truncate text-slate-700" title={v.note ?? ''}>{v.note}</span>
            {v.version === props.current ? (
              <span className="text-xs text-slate-400">{t('current')}</span>
            ) : (
              props.canEdit && (
                <button type="button" onClick={() => restore(v.version)} disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline disabled:opacity-50">
                  {busy === v.version ? t('restoring') : t('restore')}
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
