import type { Metadata } from 'next';
import { TokensPanel } from '@/components/settings/tokens-panel';
import { UsersPanel } from '@/components/settings/users-panel';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { listApiTokens, listAudit, listUsers } from '@/lib/queries/list-access';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  const actor = await getPageActor('admin');
  const [users, tokens, auditRows] = await Promise.all([listUsers(), listApiTokens(), listAudit(20)]);
  return (
    <>
      <PageHeader title="Settings" subtitle="People, API tokens and the audit log. Admins only." />
      <div className="space-y-6">
        <Card title="People" subtitle="Viewers read everything but secrets; editors also change scenarios and recommendations; admins also manage connections, people, tokens and report schedules.">
          <UsersPanel users={users} selfId={actor.id} />
        </Card>
        <Card title="API tokens" subtitle="For scripts and the HTTP API. Stored hashed: a token is shown once, when it is created.">
          <TokensPanel tokens={tokens} />
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
                    <td className="py-2">{new Date(r.at).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' })}</td>
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
