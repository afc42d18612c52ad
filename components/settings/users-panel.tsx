'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RoleOptions } from './role-options';
import { callApi } from './use-api';

type TUser = { id: string; email: string; name: string; role: string; disabled: boolean; createdAt: string };

export function UsersPanel({ users, selfId }: { users: TUser[]; selfId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    await run(
      () => callApi('POST', '/api/v1/users', { email: f.get('email'), name: f.get('name'), role: f.get('role'), password: f.get('password') }),
      `Created ${String(f.get('email'))}`,
    );
    formEl.reset();
  }

  return (
    <div className="space-y-4">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Name</th><th>E-mail</th><th>Role</th><th>Status</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id}>
              <td className="py-2">{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select aria-label={`Role of ${u.email}`} defaultValue={u.role} disabled={u.id === selfId}
                  onChange={(e) => run(() => callApi('PATCH', `/api/v1/users/${u.id}`, { role: e.target.value }), `Role of ${u.email} changed`)}
                  className="rounded border border-slate-300 px-2 py-1">
                  <RoleOptions />
                </select>
              </td>
              <td>{u.disabled ? <span className="text-red-600">disabled</span> : 'active'}</td>
              <td className="text-right">
                {u.id !== selfId && (
                  <button type="button" className="text-xs font-medium text-brand-600 hover:underline"
                    onClick={() => run(() => callApi('PATCH', `/api/v1/users/${u.id}`, { disabled: !u.disabled }), `${u.email} ${u.disabled ? 'enabled' : 'disabled'}`)}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={onCreate} className="grid gap-2 rounded-lg bg-slate-50 p-3 md:grid-cols-5" aria-label="Add a person">
        <input name="name" required placeholder="Name" className="rounded border border-slate-300 px-2 py-1 text-sm" />
        <input name="email" type="email" required placeholder="E-mail" className="rounded border border-slate-300 px-2 py-1 text-sm" />
        <input name="password" type="password" required minLength={12} placeholder="Password (12+ characters)" className="rounded border border-slate-300 px-2 py-1 text-sm" />
        <select name="role" defaultValue="viewer" className="rounded border border-slate-300 px-2 py-1 text-sm">
          <RoleOptions />
        </select>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">Add person</button>
      </form>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {notice && <p role="status" className="text-sm text-emerald-700">{notice}</p>}
    </div>
  );
}
