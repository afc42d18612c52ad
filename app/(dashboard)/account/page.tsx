import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PasswordForm } from '@/components/account/password-form';
import { ProfileForm } from '@/components/account/profile-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getProfile } from '@/lib/account/get-profile';
import { getPageActor } from '@/lib/auth/page-actor';
import { env } from '@/lib/env';
import { getFormat } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  // a person signed in with a one-time password is sent here by every other page until they choose theirs
  const actor = await getPageActor('viewer', { allowPasswordChange: true });
  const [t, tr, fmt, profile] = await Promise.all([getTranslations('account'), getTranslations('roles'), getFormat(), getProfile(actor.id)]);
  // the organisation's language, named in the page's own: "français", "anglais"
  const { LOCALE } = env();
  const language = new Intl.Locale(LOCALE).language;
  const orgLanguage = new Intl.DisplayNames([fmt.locale], { type: 'language' }).of(language) ?? language;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {profile.mustChangePassword && (
        <div role="alert" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="must-change-password">
          <strong>{t('mustChangeTitle')}</strong> {t('mustChangeBody')}
        </div>
      )}
      <div className="grid gap-6 nav:grid-cols-2">
        <Card title={t('profileTitle')} subtitle={t('profileSubtitle')}>
          <dl className="mb-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t('email')}</dt>
            <dd className="break-all" data-testid="account-email">{profile.email}</dd>
            <dt className="text-slate-500">{t('role')}</dt>
            <dd>{tr(profile.role)}</dd>
          </dl>
          <ProfileForm name={profile.name} locale={profile.locale} orgLanguage={orgLanguage} />
        </Card>
        <Card title={t('passwordTitle')} subtitle={t('passwordSubtitle')}>
          <PasswordForm mustChange={profile.mustChangePassword} email={profile.email} />
        </Card>
      </div>
    </>
  );
}
