import type { Metadata } from 'next';
import { ConnectionsPanel } from '@/components/settings/connections-panel';
import { FocusUpload } from '@/components/settings/focus-upload';
import { RunLog } from '@/components/settings/run-log';
import { TokensPanel } from '@/components/settings/tokens-panel';
import { UsersPanel } from '@/components/settings/users-panel';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { listConnections } from '@/lib/connections/list-connections';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';
import { describeProviders } from '@/lib/connections/provider-fields';
import { env } from '@/lib/env';
import { listApiTokens, listAudit, listUsers } from '@/lib/queries/list-access';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  const actor = await getPageActor('admin');
  // one zone for every time on the page, server and browser alike: the client panels hydrate
  // against the server's HTML, and a time in another zone would make React render them anew
  const { ORG_TIMEZONE: timeZone } = env();
  const [connections, runs, users, tokens, auditRows] = await Promise.all([
    listConnections(),
    listSyncRuns({ limit: 15 }),
    listUsers(),
    listApiTokens(),
    listAudit(20),
  ]);
  return (
    <>
      <PageHeader title="Settings" subtitle="Connections, imports, people, API tokens and the audit log. Admins only." />
      <div className="space-y-6">
        <Card title="Connections" subtitle="Where spend and utilisation come from. Each syncs on its schedule; Sync now queues one at once.">
          <ConnectionsPanel connections={connections} providers={describeProviders()} timeZone={timeZone} />
        </Card>
        <Card title="Import a FOCUS file" subtitle="A FOCUS 1.0–1.2 CSV export (optionally gzipped) from AWS, Atlas, Redis Cloud, Azure, Google or Oracle. A file with any bad row is refused whole unless you tick the box; importing the same file again changes nothing.">
          <FocusUpload />
        </Card>
        <Card title="Recent runs" subtitle="Syncs, imports and the demo load, newest first.">
          <RunLog runs={runs} showSource timeZone={timeZone} />
        </Card>
        <Card title="People" subtitle="Viewers read everything but secrets; editors also change scenarios, prices and recommendations; admins also import FOCUS files and manage connections, people, tokens and report schedules.">
          <UsersPanel users={users} selfId={actor.id} />
        </Card>
        <Card title="API tokens" subtitle="For scripts and the HTTP API. Stored hashed: a token is shown once, when it is created.">
          <TokensPanel tokens={tokens} timeZone={timeZone} />
        </Card>
        <Card title="Audit log" subtitle="The latest changes made by people, tokens and the command line.">
          {auditRows.length === 0 ? (
            <p className="text-sm text-slate-500">No changes recorded yet.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-2">When</th><th>Who</th><th>What</th><th>On</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {auditRows.map((r) => (
                  <tr key={r.id}>
                    <td className="py-2">{new Date(r.at).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone })}</td>
                    <td>{r.actorLabel ?? r.actorType}</td>
                    <td><code>{r.action}</code></td>
                    <td>{r.entityType}{r.entityId ? ` ${r.entityId.slice(0, 8)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
