'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const t = useTranslations('signIn');

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const response = await fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
    }).catch(() => null);
    setPending(false);
    if (response?.ok) {
      router.replace('/');
      router.refresh();
      return;
    }
    setError(response ? await signInError(response, t) : t('unreachable'));
  }

  // method post: should the browser ever submit the form itself, the password stays out of the URL
  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" aria-label={t('title')}>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t('email')}</span>
        <input name="email" type="email" required autoComplete="username"
          className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100" />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t('password')}</span>
        <input name="password" type="password" required autoComplete="current-password"
          className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100" />
      </label>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={pending || !hydrated}
        className="w-full rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}

// What went wrong, in the person's words. One message for an unknown e-mail and a wrong password
// (never say which); a page opened at another address than the app's is told where to go instead,
// and that attempt was never counted (the origin check runs before sign-in).
async function signInError(response: Response, t: ReturnType<typeof useTranslations<'signIn'>>): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string; issues?: { field?: string; message: string }[] } } | null;
  if (response.status === 401) return t('wrong');
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return Number.isFinite(seconds) && seconds > 0 ? t('tooManyWait', { seconds }) : t('tooMany');
  }
  const origin = body?.error?.issues?.find((i) => i.field === 'origin');
  const expected = origin && /must be (\S+)/.exec(origin.message)?.[1];
  if (response.status === 403 && expected) return t('wrongAddress', { opened: window.location.origin, expected });
  return body?.error?.message ?? body?.message ?? t('failed', { status: response.status });
}
