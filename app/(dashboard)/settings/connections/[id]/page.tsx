import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RunLog } from '@/components/settings/run-log';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { getConnection } from '@/lib/connections/list-connections';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Connection' };
export const dynamic = 'force-dynamic';

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  await getPageActor('admin');
  const { id } = await params;
  const connection = await getConnection(id).catch((e) => {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST')) notFound();
    throw e;
  });
  const runs = await listSyncRuns({ connectionId: connection.id, limit: 100 });
  return (
    <>
      <PageHeader title={connection.name} subtitle={`${connection.providerLabel} · schedule ${connection.syncCron} · next ${connection.nextSyncAt ? new Date(connection.nextSyncAt).toLocaleString('fr-FR') : '—'}`}>
        <Link href="/settings" className="text-sm font-medium text-brand-600 hover:underline">← Settings</Link>
      </PageHeader>
      <Card title="Run history" subtitle="Each sync reads one window per transaction: a failed window writes nothing, and says why here.">
        <RunLog runs={runs} timeZone={env().ORG_TIMEZONE} />
      </Card>
    </>
  );
}
