'use client';

// A person's name and language. The language is saved on their account (it follows them to every
// browser) and in a cookie (the sign-in page speaks it next time); the page is rendered anew in it.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { TProfileLocale } from '@/lib/i18n/locales';

// each language named in itself, whatever the page's language
const LOCALE_NAMES: Record<TProfileLocale, string> = { 'fr-FR': 'Français', 'en-GB': 'English (UK)', 'en-US': 'English (US)' };
const DEFAULT = 'default';

export function ProfileForm({ name, locale, orgLanguage }: { name: string; locale: TProfileLocale | null; orgLanguage: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = String(form.get('locale'));
    setPending(true);
    setMessage(null);
    try {
      await callApi('PATCH', '/api/v1/me', { name: String(form.get('name') ?? ''), locale: chosen === DEFAULT ? null : chosen });
      setMessage({ tone: 'ok', text: t('profileSaved') });
      router.refresh();
    } catch (e) {
      setMessage({ tone: 'error', text: (e as Error).message });
    } finally {
      setPending(false);
    }
  }

  const field = 'mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100';
  return (
    <form onSubmit={onSubmit} aria-label={t('profileTitle')} className="space-y-3">
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t('name')}</span>
        <input name="name" required maxLength={200} defaultValue={name} autoComplete="name" className={field} />
      </label>
      <div>
        <label htmlFor="account-locale" className="text-sm font-medium text-slate-700">{t('language')}</label>
        <select id="account-locale" name="locale" defaultValue={locale ?? DEFAULT} className={field} data-testid="locale-select" aria-describedby="account-locale-hint">
          <option value={DEFAULT}>{t('orgDefault', { language: orgLanguage })}</option>
          {(Object.keys(LOCALE_NAMES) as TProfileLocale[]).map((l) => (
            <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>
          ))}
        </select>
        <span id="account-locale-hint" className="mt-1 block text-xs text-slate-500">{t('languageHint')}</span>
      </div>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded-md px-3 py-2 text-sm ${message.tone === 'error' ? 'bg-red-50 text-red-700' : 'bg-emerald-50 text-emerald-800'}`}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={pending || !hydrated} className="w-full rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
        {pending ? t('saving') : t('saveProfile')}
      </button>
    </form>
  );
}
