'use client';

// Admins add, edit, test, sync and delete provider connections. Credentials are write-only: the
// form never receives them, only their last four characters. Times are shown in the organisation's
// zone, the same on the server and in the browser (a zone of its own would make hydration fail).
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TConnectionView } from '@/lib/api/schemas/connections';
import type { TProviderDescription, TProviderField } from '@/lib/connections/provider-fields';
import { callApi } from './use-api';

const STATUS_STYLE: Record<string, string> = {
  succeeded: 'bg-emerald-50 text-emerald-700',
  failed: 'bg-red-50 text-red-700',
  running: 'bg-blue-50 text-blue-700',
  interrupted: 'bg-amber-50 text-amber-800',
};

const when = (iso: string | null | undefined, timeZone: string) =>
  (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone }) : '—');

function FieldInput(props: { field: TProviderField; secret: boolean; hint?: string; value?: unknown }) {
  const { field } = props;
  const label = `${field.name}${field.required ? ' *' : ''}`;
  const common = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm';
  const placeholder = props.secret
    ? props.hint !== undefined
      ? `stored (…${props.hint || '••••'}); leave empty to keep`
      : ''
    : field.default !== undefined
      ? `default ${String(field.default)}`
      : '';
  return (
    <label className="block text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {field.enum ? (
        <select name={field.name} defaultValue={props.value === undefined ? '' : String(props.value)} className={common}>
          <option value="">{field.default !== undefined ? `default (${String(field.default)})` : '—'}</option>
          {field.enum.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      ) : field.type === 'boolean' ? (
        <select name={field.name} defaultValue={props.value === undefined ? '' : String(props.value)} className={common}>
          <option value="">{field.default !== undefined ? `default (${String(field.default)})` : '—'}</option>
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      ) : (
        <input name={field.name} type={props.secret ? 'password' : 'text'} autoComplete="off" placeholder={placeholder}
          defaultValue={props.secret || props.value === undefined ? '' : String(props.value)} className={common} />
      )}
      {field.description && <span className="mt-0.5 block text-xs text-slate-500">{field.description}</span>}
    </label>
  );
}

function ConnectionForm(props: {
  providers: TProviderDescription[];
  editing?: TConnectionView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [provider, setProvider] = useState(props.editing?.provider ?? props.providers[0]?.provider);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const description = props.providers.find((p) => p.provider === provider);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!description) return;
    const form = new FormData(event.currentTarget);
    const settings: Record<string, string | null> = {};
    const credentials: Record<string, string> = {};
    for (const f of description.settings) {
      const v = String(form.get(f.name) ?? '').trim();
      if (v) settings[f.name] = v;
      else if (props.editing && props.editing.settings[f.name] !== undefined) settings[f.name] = null;
    }
    for (const f of description.credentials) {
      const v = String(form.get(f.name) ?? '');
      if (v) credentials[f.name] = v;
    }
    const syncCron = String(form.get('syncCron') ?? '').trim();
    setPending(true);
    setError(null);
    try {
      if (props.editing) {
        await callApi('PATCH', `/api/v1/connections/${props.editing.id}`, {
          name: String(form.get('name')),
          settings,
          credentials,
          syncCron: syncCron || null,
        });
        props.onDone(`Saved ${String(form.get('name'))}`);
      } else {
        const clean = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null));
        await callApi('POST', '/api/v1/connections', {
          provider,
          name: String(form.get('name')),
          settings: clean,
          credentials,
          ...(syncCron ? { syncCron } : {}),
        });
        props.onDone(`Added ${String(form.get('name'))}: use Test, then Sync now`);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={props.editing ? 'Edit connection' : 'Add a connection'} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-3 md:grid-cols-3">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Provider</span>
          <select value={provider} disabled={Boolean(props.editing)} onChange={(e) => setProvider(e.target.value as typeof provider)}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm">
            {props.providers.map((p) => <option key={p.provider} value={p.provider}>{p.label}</option>)}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Name *</span>
          <input name="name" required defaultValue={props.editing?.name} placeholder="e.g. aws-prod" className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Sync schedule (cron)</span>
          <input name="syncCron" defaultValue={props.editing?.syncCron} placeholder={description ? `default ${description.defaultSchedule}` : ''}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm font-mono" />
          <span className="mt-0.5 block text-xs text-slate-500">5 fields, in the organisation&apos;s time zone</span>
        </label>
      </div>
      {description && (
        <>
          <fieldset className="grid gap-3 md:grid-cols-2">
            <legend className="mb-1 text-xs font-semibold uppercase text-slate-500">Credentials (write-only, encrypted at rest)</legend>
            {description.credentials.map((f) => (
              <FieldInput key={f.name} field={f} secret hint={props.editing?.credentialsHint[f.name]} />
            ))}
          </fieldset>
          {description.settings.length > 0 && (
            <fieldset className="grid gap-3 md:grid-cols-2">
              <legend className="mb-1 text-xs font-semibold uppercase text-slate-500">Settings</legend>
              {description.settings.map((f) => (
                <FieldInput key={f.name} field={f} secret={false} value={props.editing?.settings[f.name]} />
              ))}
            </fieldset>
          )}
        </>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {props.editing ? 'Save' : 'Add connection'}
        </button>
        <button type="button" onClick={props.onCancel} className="rounded px-3 py-1 text-sm text-slate-600 hover:bg-slate-200">Cancel</button>
      </div>
    </form>
  );
}

export function ConnectionsPanel({ connections, providers, timeZone }: { connections: TConnectionView[]; providers: TProviderDescription[]; timeZone: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<{ kind: 'none' } | { kind: 'add' } | { kind: 'edit'; id: string }>({ kind: 'none' });
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(id: string, label: string, action: () => Promise<string>) {
    setBusy(`${id}:${label}`);
    setNotice(null);
    try {
      setNotice({ tone: 'ok', text: await action() });
      router.refresh();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const done = (text: string) => {
    setMode({ kind: 'none' });
    setNotice({ tone: 'ok', text });
    router.refresh();
  };

  return (
    <div className="space-y-4">
      {connections.length === 0 ? (
        <p className="text-sm text-slate-500">
          No connections yet. Add AWS (Cost Explorer), MongoDB Atlas, Redis Cloud, a Redis server, Cloudflare or Prometheus:
          Tourmalet then syncs its billing and utilisation on a schedule.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="connections-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="py-2">Name</th><th>Provider</th><th>Last sync</th><th>Next sync</th><th>Credentials</th><th /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {connections.map((c) => (
              <tr key={c.id}>
                <td className="py-2 font-medium"><Link href={`/settings/connections/${c.id}`} className="hover:underline">{c.name}</Link>{!c.enabled && <span className="ml-2 text-xs text-slate-400">paused</span>}</td>
                <td>{c.providerLabel}</td>
                <td>
                  {c.lastRun ? (
                    <span title={c.lastRun.error ?? undefined} className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[c.lastRun.status] ?? ''}`}>
                      {c.lastRun.status} · {when(c.lastRun.finishedAt ?? c.lastRun.startedAt, timeZone)}
                    </span>
                  ) : <span className="text-xs text-slate-400">never</span>}
                </td>
                <td className="text-xs text-slate-600">{when(c.nextSyncAt, timeZone)} <code className="text-slate-400">{c.syncCron}</code></td>
                <td className="text-xs text-slate-600">{Object.entries(c.credentialsHint).map(([k, v]) => `${k} …${v || '••••'}`).join(', ') || '—'}</td>
                <td className="space-x-2 whitespace-nowrap text-right">
                  <button type="button" disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline"
                    onClick={() => act(c.id, 'test', async () => {
                      const r = await callApi<{ status: string; message: string }>('POST', `/api/v1/connections/${c.id}/test`);
                      if (r.status !== 'ok') throw new Error(`${c.name}: ${r.status.replace(/_/g, ' ')} — ${r.message}`);
                      return `${c.name}: connection works — ${r.message}`;
                    })}>
                    {busy === `${c.id}:test` ? 'Testing…' : 'Test'}
                  </button>
                  <button type="button" disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline"
                    onClick={() => act(c.id, 'sync', async () => {
                      const r = await callApi<{ jobId: string; alreadyQueued: boolean }>('POST', `/api/v1/connections/${c.id}/sync`, {});
                      return r.alreadyQueued ? `${c.name}: a sync is already queued` : `${c.name}: sync queued; the run log shows its progress`;
                    })}>
                    Sync now
                  </button>
                  <button type="button" className="text-xs font-medium text-slate-600 hover:underline" onClick={() => setMode({ kind: 'edit', id: c.id })}>Edit</button>
                  <button type="button" disabled={busy !== null} className="text-xs font-medium text-red-600 hover:underline"
                    onClick={() => {
                      if (!window.confirm(`Delete ${c.name}? Its synced costs stay; its schedule and credentials go.`)) return;
                      void act(c.id, 'delete', async () => {
                        await callApi('DELETE', `/api/v1/connections/${c.id}`);
                        return `Deleted ${c.name}`;
                      });
                    }}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice && (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`rounded px-3 py-2 text-sm ${notice.tone === 'error' ? 'bg-red-50 text-red-700' : 'bg-emerald-50 text-emerald-800'}`}>
          {notice.text}
        </p>
      )}
      {mode.kind === 'none' && (
        <button type="button" onClick={() => setMode({ kind: 'add' })} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
          Add connection
        </button>
      )}
      {mode.kind === 'add' && <ConnectionForm providers={providers} onDone={done} onCancel={() => setMode({ kind: 'none' })} />}
      {mode.kind === 'edit' && (
        <ConnectionForm key={mode.id} providers={providers} editing={connections.find((c) => c.id === mode.id)} onDone={done} onCancel={() => setMode({ kind: 'none' })} />
      )}
    </div>
  );
}
