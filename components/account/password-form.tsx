'use client';

// Changing one's own password: the current one, the new one twice. The person's other sessions
// end; this one stays. After a one-time password, the person goes on to the overview.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

type TIssue = { field?: string; message: string };
const MIN_LENGTH = 12;

export function PasswordForm({ mustChange, email }: { mustChange: boolean; email: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<'currentPassword' | 'newPassword' | 'confirm' | 'form', string>>>({});
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    setDone(false);
    if (newPassword.length < MIN_LENGTH) return setErrors({ newPassword: t('tooShort', { min: MIN_LENGTH }) });
    if (newPassword !== String(form.get('confirm') ?? '')) return setErrors({ confirm: t('mismatch') });
    setPending(true);
    setErrors({});
    const response = await fetch('/api/v1/me/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword, newPassword }),
    }).catch(() => null);
    setPending(false);
    if (response?.ok) {
      formEl.reset();
      setDone(true);
      if (mustChange) router.replace('/');
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { message?: string; issues?: TIssue[] } } | null;
    const field = body?.error?.issues?.[0]?.field;
    if (field === 'currentPassword') setErrors({ currentPassword: t('wrongCurrent') });
    else if (field === 'newPassword') setErrors({ newPassword: body?.error?.issues?.[0]?.message === 'same as the current password' ? t('sameAsCurrent') : t('tooShort', { min: MIN_LENGTH }) });
    else setErrors({ form: response ? (body?.error?.message ?? t('failed', { status: response.status })) : t('unreachable') });
  }

  const field = 'mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-400';
  const error = (name: keyof typeof errors) =>
    errors[name] && <span id={`${name}-error`} role="alert" className="mt-1 block text-xs text-red-700">{errors[name]}</span>;
  return (
    <form onSubmit={onSubmit} method="post" aria-label={t('passwordTitle')} className="space-y-3">
      {/* for password managers: which account this password belongs to */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <div>
        <label htmlFor="account-current-password" className="text-sm font-medium text-slate-700">{mustChange ? t('oneTimePassword') : t('currentPassword')}</label>
        <input id="account-current-password" name="currentPassword" type="password" required autoComplete="current-password" className={field}
          aria-invalid={Boolean(errors.currentPassword)} aria-describedby={errors.currentPassword ? 'currentPassword-error' : undefined} />
        {error('currentPassword')}
      </div>
      <div>
        <label htmlFor="account-new-password" className="text-sm font-medium text-slate-700">{t('newPassword')}</label>
        <input id="account-new-password" name="newPassword" type="password" required minLength={MIN_LENGTH} maxLength={256} autoComplete="new-password" className={field}
          aria-invalid={Boolean(errors.newPassword)} aria-describedby={errors.newPassword ? 'newPassword-error' : 'newPassword-hint'} />
        {error('newPassword') ?? <span id="newPassword-hint" className="mt-1 block text-xs text-slate-500">{t('newPasswordHint', { min: MIN_LENGTH })}</span>}
      </div>
      <div>
        <label htmlFor="account-confirm-password" className="text-sm font-medium text-slate-700">{t('confirmPassword')}</label>
        <input id="account-confirm-password" name="confirm" type="password" required autoComplete="new-password" className={field}
          aria-invalid={Boolean(errors.confirm)} aria-describedby={errors.confirm ? 'confirm-error' : undefined} />
        {error('confirm')}
      </div>
      {errors.form && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{errors.form}</p>}
      {done && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('passwordChanged')}</p>}
      <button type="submit" disabled={pending || !hydrated} className="w-full rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
        {pending ? t('saving') : t('changePassword')}
      </button>
    </form>
  );
}
