import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { RunLog } from '@/components/settings/run-log';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { getConnection } from '@/lib/connections/list-connections';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';
import { isAppError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

// a connection that does not exist (or an id that cannot name one) is a 404, not a page saying so
const loadConnection = cache(async (id: string) =>
  getConnection(id).catch((e) => {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST')) notFound();
    throw e;
  }),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await getPageActor('admin');
  return { title: (await loadConnection((await params).id)).name };
}

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  await getPageActor('admin');
  const connection = await loadConnection((await params).id);
  const [t, fmt, runs] = await Promise.all([getTranslations('settings'), getFormat(), listSyncRuns({ connectionId: connection.id, limit: 100 })]);
  return (
    <>
      <PageHeader
        title={connection.name}
        subtitle={t('connection.subtitle', {
          provider: connection.providerLabel,
          cron: connection.syncCron,
          next: connection.nextSyncAt ? fmt.dateTime(connection.nextSyncAt) : '—',
        })}
      >
        <Link href="/settings" className="text-sm font-medium text-brand-600 hover:underline">{t('connection.back')}</Link>
      </PageHeader>
      <Card title={t('connection.runsTitle')} subtitle={t('connection.runsSubtitle', { zone: fmt.zone() })}>
        <RunLog runs={runs} />
      </Card>
    </>
  );
}
