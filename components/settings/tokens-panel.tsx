'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RoleOptions } from './role-options';
import { callApi } from './use-api';

type TToken = { id: string; name: string; role: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null; expiresAt: string | null; createdBy: string | null };

// in the organisation's zone, the same on the server and in the browser (hydration needs both equal)
const when = (iso: string | null, timeZone: string) => (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone }) : '—');

export function TokensPanel({ tokens, timeZone }: { tokens: TToken[]; timeZone: string }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    setError(null);
    try {
      const res = await callApi<{ token: string }>('POST', '/api/v1/tokens', { name: f.get('name'), role: f.get('role') });
      setCreated(res.token);
      formEl.reset();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await callApi('DELETE', `/api/v1/tokens/${id}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <div className="font-medium text-emerald-800">Copy this token now: it will not be shown again.</div>
          <code data-testid="new-token" className="mt-1 block break-all rounded bg-white px-2 py-1">{created}</code>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No API tokens yet. Scripts and the API use a token in <code>Authorization: Bearer …</code>.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="py-2">Name</th><th>Role</th><th>Token</th><th>Created</th><th>Last used</th><th>Status</th><th /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-2">{t.name}</td>
                <td>{t.role}</td>
                <td><code>{t.prefix}…</code></td>
                <td>{when(t.createdAt, timeZone)}</td>
                <td>{when(t.lastUsedAt, timeZone)}</td>
                <td>{t.revokedAt ? <span className="text-red-600">revoked</span> : 'active'}</td>
                <td className="text-right">
                  {!t.revokedAt && (
                    <button type="button" onClick={() => revoke(t.id)} className="text-xs font-medium text-red-600 hover:underline">Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={onCreate} className="flex flex-wrap gap-2 rounded-lg bg-slate-50 p-3" aria-label="Create an API token">
        <input name="name" required placeholder="Token name, e.g. grafana" className="rounded border border-slate-300 px-2 py-1 text-sm" />
        <select name="role" defaultValue="viewer" className="rounded border border-slate-300 px-2 py-1 text-sm">
          <RoleOptions />
        </select>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">Create token</button>
      </form>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
