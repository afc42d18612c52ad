'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';

export function SignOutButton() {
  const router = useRouter();
  const t = useTranslations('nav');
  async function signOut() {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    router.replace('/sign-in');
    router.refresh();
  }
  return (
    <button type="button" onClick={signOut} className="text-xs font-medium text-slate-300 hover:text-white">
      {t('signOut')}
    </button>
  );
}
