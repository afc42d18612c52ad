'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import type { TRole } from '@/lib/auth/roles';
import { CopyButton } from './copy-button';
import { RoleOptions } from './role-options';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';
import { callApi } from './use-api';

type TToken = { id: string; name: string; role: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null; expiresAt: string | null; createdBy: string | null };

export function TokensPanel({ tokens }: { tokens: TToken[] }) {
  const router = useRouter();
  const t = useTranslations('settings.tokens');
  const tr = useTranslations('roles');
  // in the organisation's zone, the same on the server and in the browser (hydration needs both equal)
  const fmt = useFormat();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : '—');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    setError(null);
    try {
      const res = await callApi<{ token: string }>('POST', '/api/v1/tokens', { name: f.get('name'), role: f.get('role') });
      setCreated(res.token);
      formEl.reset();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await callApi('DELETE', `/api/v1/tokens/${id}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <div className="font-medium text-emerald-800">{t('shownOnce')}</div>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="block min-w-0 flex-1 break-all rounded bg-white px-2 py-1">{created}</code>
            <CopyButton value={created} />
          </div>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">{t.rich('none', { code: (chunks) => <code>{chunks}</code> })}</p>
      ) : (
        <div className={TABLE_SCROLL}>
          <table className={`${TABLE} min-w-[48rem]`}>
            <thead className={HEAD}>
              <tr>
                <th scope="col" className={`${STICKY_CELL} py-2`}>{t('name')}</th>
                <th scope="col" className="px-2">{t('role')}</th>
                <th scope="col" className="px-2">{t('token')}</th>
                <th scope="col" className="px-2">{t('created')}</th>
                <th scope="col" className="px-2">{t('lastUsed')}</th>
                <th scope="col" className="px-2">{t('status')}</th>
                <th scope="col"><span className="sr-only">{t('actions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className={`${STICKY_CELL} py-2`}>{token.name}</td>
                  <td className="px-2">{tr(token.role as TRole)}</td>
                  <td className="px-2"><code>{token.prefix}…</code></td>
                  <td className="px-2 whitespace-nowrap">{when(token.createdAt)}</td>
                  <td className="px-2 whitespace-nowrap">{when(token.lastUsedAt)}</td>
                  <td className="px-2">{token.revokedAt ? <span className="text-red-600">{t('revoked')}</span> : t('active')}</td>
                  <td className="px-2 text-right">
                    {!token.revokedAt && (
                      <button type="button" onClick={() => revoke(token.id)} className="text-xs font-medium text-red-600 hover:underline">{t('revoke')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={onCreate} className="grid gap-2 rounded-lg bg-slate-50 p-3 sm:flex sm:flex-wrap" aria-label={t('createForm')}>
        <input name="name" required aria-label={t('tokenName')} placeholder={t('tokenNamePlaceholder')} className="rounded border border-slate-300 px-2 py-1 text-sm sm:min-w-[16rem]" />
        <select name="role" aria-label={t('role')} defaultValue="viewer" className="rounded border border-slate-300 px-2 py-1 text-sm">
          <RoleOptions />
        </select>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">{t('create')}</button>
      </form>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
