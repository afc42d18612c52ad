import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('common');
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">{t('forbiddenTitle')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('forbiddenBody')}</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">{t('backHome')}</Link>
      </div>
    </main>
  );
}
