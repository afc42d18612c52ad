'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CopyButton } from './copy-button';
import { RoleOptions } from './role-options';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';
import { callApi } from './use-api';

type TUser = { id: string; email: string; name: string; role: string; disabled: boolean; createdAt: string };

export function UsersPanel({ users, selfId }: { users: TUser[]; selfId: string }) {
  const router = useRouter();
  const t = useTranslations('settings.people');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // the one-time password of the last reset: in this component's state only, gone on reload
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    await run(
      () => callApi('POST', '/api/v1/users', { email: f.get('email'), name: f.get('name'), role: f.get('role'), password: f.get('password') }),
      t('created', { email: String(f.get('email')) }),
    );
    formEl.reset();
  }

  async function resetPassword(user: TUser) {
    if (!window.confirm(t('resetConfirm', { email: user.email }))) return;
    setError(null);
    setNotice(null);
    setOneTime(null);
    try {
      const { password } = await callApi<{ password: string }>('POST', `/api/v1/users/${user.id}/reset-password`);
      setOneTime({ email: user.email, password });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const field = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <div className="space-y-4">
      {oneTime && (
        <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="one-time-password">
          <div className="font-medium text-amber-900">{t('oneTimeTitle', { email: oneTime.email })}</div>
          <p className="mt-0.5 text-xs text-amber-900">{t('oneTimeWarning')}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="one-time-password-value" className="block min-w-0 flex-1 break-all rounded bg-white px-2 py-1 text-base">{oneTime.password}</code>
            <CopyButton value={oneTime.password} />
            <button type="button" onClick={() => setOneTime(null)} className="rounded px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100">{t('oneTimeDone')}</button>
          </div>
        </div>
      )}
      <div className={TABLE_SCROLL}>
        <table className={`${TABLE} min-w-[44rem]`}>
          <thead className={HEAD}>
            <tr>
              <th scope="col" className={`${STICKY_CELL} py-2`}>{t('name')}</th>
              <th scope="col" className="px-2">{t('email')}</th>
              <th scope="col" className="px-2">{t('role')}</th>
              <th scope="col" className="px-2">{t('status')}</th>
              <th scope="col"><span className="sr-only">{t('actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id}>
                <td className={`${STICKY_CELL} py-2`}>{u.name}</td>
                <td className="px-2 whitespace-nowrap">{u.email}</td>
                <td className="px-2">
                  <select aria-label={t('roleOf', { email: u.email })} defaultValue={u.role} disabled={u.id === selfId}
                    onChange={(e) => run(() => callApi('PATCH', `/api/v1/users/${u.id}`, { role: e.target.value }), t('roleChanged', { email: u.email }))}
                    className={field}>
                    <RoleOptions />
                  </select>
                </td>
                <td className="px-2">{u.disabled ? <span className="text-red-600">{t('disabled')}</span> : t('active')}</td>
                <td className="space-x-3 whitespace-nowrap px-2 text-right">
                  {u.id !== selfId && (
                    <>
                      <button type="button" className="text-xs font-medium text-brand-600 hover:underline" onClick={() => resetPassword(u)}>
                        {t('resetPassword')}
                      </button>
                      <button type="button" className="text-xs font-medium text-brand-600 hover:underline"
                        onClick={() => run(() => callApi('PATCH', `/api/v1/users/${u.id}`, { disabled: !u.disabled }), t(u.disabled ? 'enabledNotice' : 'disabledNotice', { email: u.email }))}>
                        {u.disabled ? t('enable') : t('disable')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={onCreate} className="grid gap-2 rounded-lg bg-slate-50 p-3 sm:grid-cols-2 nav:grid-cols-[1fr_1fr_1fr_auto_auto]" aria-label={t('addForm')}>
        <input name="name" required aria-label={t('name')} placeholder={t('name')} className={field} />
        <input name="email" type="email" required aria-label={t('email')} placeholder={t('email')} className={field} />
        <input name="password" type="password" required minLength={12} autoComplete="new-password" aria-label={t('password')} placeholder={t('password')} className={field} />
        <select name="role" aria-label={t('role')} defaultValue="viewer" className={field}>
          <RoleOptions />
        </select>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">{t('add')}</button>
      </form>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {notice && <p role="status" className="text-sm text-emerald-700">{notice}</p>}
    </div>
  );
}
