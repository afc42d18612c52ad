'use client';

// Admins add, edit, test, sync and delete provider connections. Credentials are write-only: the
// form never receives them, only their last four characters. Times are shown in the organisation's
// zone, the same on the server and in the browser (a zone of its own would make hydration fail).
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import type { TConnectionView } from '@/lib/api/schemas/connections';
import type { TProviderDescription, TProviderField } from '@/lib/connections/provider-fields';
import { RUN_STATUS_STYLE } from './run-status-style';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';
import { callApi } from './use-api';

type TT = ReturnType<typeof useTranslations<'settings.connections'>>;

const STATUSES = ['succeeded', 'failed', 'running', 'interrupted'] as const;
const TEST_STATUSES = ['ok', 'invalid_configuration', 'authentication_failed', 'unreachable', 'unexpected_response', 'no_data_yet'] as const;
const statusLabel = (t: TT, status: string) => ((STATUSES as readonly string[]).includes(status) ? t(`statuses.${status as (typeof STATUSES)[number]}`) : status);
const testStatusLabel = (t: TT, status: string) =>
  (TEST_STATUSES as readonly string[]).includes(status) ? t(`testStatuses.${status as (typeof TEST_STATUSES)[number]}`) : status.replace(/_/g, ' ');

// A field's sentence in the page's language; a field added to a connector later shows the
// connector's own (English) sentence until it has a translation.
function fieldHelp(t: TT, provider: string, field: TProviderField): string | null {
  const key = `fieldHelp.${provider}.${field.name}`;
  if (t.has(key as 'fieldHelp.aws.region')) return t(key as 'fieldHelp.aws.region');
  const promql = /^PromQL for (\S+) \(([^)]*)\) per (deployment|node group)$/.exec(field.description ?? '');
  if (promql) return t(promql[3] === 'node group' ? 'fieldHelp.promqlNodeGroup' : 'fieldHelp.promql', { metric: promql[1], unit: promql[2] });
  return field.description;
}

function FieldInput(props: { provider: string; field: TProviderField; secret: boolean; hint?: string; value?: unknown }) {
  const { field } = props;
  const t = useTranslations('settings.connections');
  const shown = (v: unknown) => (typeof v === 'boolean' ? (v ? t('yes') : t('no')) : String(v));
  const help = fieldHelp(t, props.provider, field);
  const label = `${field.name}${field.required ? ' *' : ''}`;
  const common = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm';
  const placeholder = props.secret
    ? props.hint !== undefined
      ? t('storedSecret', { hint: props.hint || '••••' })
      : ''
    : field.default !== undefined
      ? t('defaultValue', { value: shown(field.default) })
      : '';
  return (
    <label className="block text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {field.enum ? (
        <select name={field.name} defaultValue={props.value === undefined ? '' : String(props.value)} className={common}>
          <option value="">{field.default !== undefined ? t('defaultOption', { value: shown(field.default) }) : '—'}</option>
          {field.enum.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      ) : field.type === 'boolean' ? (
        <select name={field.name} defaultValue={props.value === undefined ? '' : String(props.value)} className={common}>
          <option value="">{field.default !== undefined ? t('defaultOption', { value: shown(field.default) }) : '—'}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      ) : (
        <input name={field.name} type={props.secret ? 'password' : 'text'} autoComplete="off" placeholder={placeholder}
          defaultValue={props.secret || props.value === undefined ? '' : String(props.value)} className={common} />
      )}
      {help && <span className="mt-0.5 block text-xs text-slate-500">{help}</span>}
    </label>
  );
}

function ConnectionForm(props: {
  providers: TProviderDescription[];
  editing?: TConnectionView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('settings.connections');
  const tc = useTranslations('common');
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
        props.onDone(t('saved', { name: String(form.get('name')) }));
      } else {
        const clean = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null));
        await callApi('POST', '/api/v1/connections', {
          provider,
          name: String(form.get('name')),
          settings: clean,
          credentials,
          ...(syncCron ? { syncCron } : {}),
        });
        props.onDone(t('added', { name: String(form.get('name')) }));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={props.editing ? t('editForm') : t('addForm')} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-3 sm:grid-cols-2 nav:grid-cols-3">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t('provider')}</span>
          <select value={provider} disabled={Boolean(props.editing)} onChange={(e) => setProvider(e.target.value as typeof provider)}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm">
            {props.providers.map((p) => <option key={p.provider} value={p.provider}>{p.label}</option>)}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t('nameRequired')}</span>
          <input name="name" required defaultValue={props.editing?.name} placeholder={t('namePlaceholder')} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t('schedule')}</span>
          <input name="syncCron" defaultValue={props.editing?.syncCron} placeholder={description ? t('defaultValue', { value: description.defaultSchedule }) : ''}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm font-mono" />
          <span className="mt-0.5 block text-xs text-slate-500">{t('scheduleHint')}</span>
        </label>
      </div>
      {description && (
        <>
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-1 text-xs font-semibold uppercase text-slate-500">{t('credentials')}</legend>
            {description.credentials.map((f) => (
              <FieldInput key={f.name} provider={provider} field={f} secret hint={props.editing?.credentialsHint[f.name]} />
            ))}
          </fieldset>
          {description.settings.length > 0 && (
            <fieldset className="grid gap-3 sm:grid-cols-2">
              <legend className="mb-1 text-xs font-semibold uppercase text-slate-500">{t('settings')}</legend>
              {description.settings.map((f) => (
                <FieldInput key={f.name} provider={provider} field={f} secret={false} value={props.editing?.settings[f.name]} />
              ))}
            </fieldset>
          )}
        </>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {props.editing ? tc('save') : t('add')}
        </button>
        <button type="button" onClick={props.onCancel} className="rounded px-3 py-1 text-sm text-slate-600 hover:bg-slate-200">{tc('cancel')}</button>
      </div>
    </form>
  );
}

export function ConnectionsPanel({ connections, providers }: { connections: TConnectionView[]; providers: TProviderDescription[] }) {
  const router = useRouter();
  const t = useTranslations('settings.connections');
  // in the organisation's zone, the same on the server and in the browser (hydration needs both equal)
  const fmt = useFormat();
  const when = (iso: string | null | undefined) => (iso ? fmt.dateTime(iso) : '—');
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
        <p className="text-sm text-slate-500">{t('none')}</p>
      ) : (
        <div className={TABLE_SCROLL}>
        <table className={`${TABLE} min-w-[60rem]`} data-testid="connections-table">
          <thead className={HEAD}>
            <tr>
              <th scope="col" className={`${STICKY_CELL} py-2`}>{t('name')}</th>
              <th scope="col" className="px-2">{t('provider')}</th>
              <th scope="col" className="px-2">{t('lastSync')}</th>
              <th scope="col" className="px-2">{t('nextSync')}</th>
              <th scope="col" className="px-2">{t('credentialsColumn')}</th>
              <th scope="col"><span className="sr-only">{t('actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {connections.map((c) => (
              <tr key={c.id}>
                <td className={`${STICKY_CELL} py-2 font-medium`}><Link href={`/settings/connections/${c.id}`} className="hover:underline">{c.name}</Link>{!c.enabled && <span className="ml-2 text-xs text-slate-400">{t('paused')}</span>}</td>
                <td className="px-2">{c.providerLabel}</td>
                <td className="px-2">
                  {c.lastRun ? (
                    <span title={c.lastRun.error ?? undefined} className={`rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${RUN_STATUS_STYLE[c.lastRun.status] ?? ''}`}>
                      {statusLabel(t, c.lastRun.status)} · {when(c.lastRun.finishedAt ?? c.lastRun.startedAt)}
                    </span>
                  ) : <span className="text-xs text-slate-400">{t('never')}</span>}
                </td>
                <td className="px-2 text-xs text-slate-600"><span className="whitespace-nowrap">{when(c.nextSyncAt)}</span> <code className="text-slate-400">{c.syncCron}</code></td>
                <td className="px-2 text-xs text-slate-600">{Object.entries(c.credentialsHint).map(([k, v]) => `${k} …${v || '••••'}`).join(', ') || '—'}</td>
                <td className="space-x-2 whitespace-nowrap px-2 text-right">
                  <button type="button" disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline"
                    onClick={() => act(c.id, 'test', async () => {
                      const r = await callApi<{ status: string; message: string }>('POST', `/api/v1/connections/${c.id}/test`);
                      if (r.status !== 'ok') throw new Error(t('testFailed', { name: c.name, status: testStatusLabel(t, r.status), message: r.message }));
                      return t('testWorks', { name: c.name, message: r.message });
                    })}>
                    {busy === `${c.id}:test` ? t('testing') : t('test')}
                  </button>
                  <button type="button" disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline"
                    onClick={() => act(c.id, 'sync', async () => {
                      const r = await callApi<{ jobId: string; alreadyQueued: boolean }>('POST', `/api/v1/connections/${c.id}/sync`, {});
                      return r.alreadyQueued ? t('syncAlreadyQueued', { name: c.name }) : t('syncQueued', { name: c.name });
                    })}>
                    {t('syncNow')}
                  </button>
                  <button type="button" className="text-xs font-medium text-slate-600 hover:underline" onClick={() => setMode({ kind: 'edit', id: c.id })}>{t('edit')}</button>
                  <button type="button" disabled={busy !== null} className="text-xs font-medium text-red-600 hover:underline"
                    onClick={() => {
                      if (!window.confirm(t('deleteConfirm', { name: c.name }))) return;
                      void act(c.id, 'delete', async () => {
                        await callApi('DELETE', `/api/v1/connections/${c.id}`);
                        return t('deleted', { name: c.name });
                      });
                    }}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {notice && (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`rounded px-3 py-2 text-sm ${notice.tone === 'error' ? 'bg-red-50 text-red-700' : 'bg-emerald-50 text-emerald-800'}`}>
          {notice.text}
        </p>
      )}
      {mode.kind === 'none' && (
        <button type="button" onClick={() => setMode({ kind: 'add' })} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
          {t('add')}
        </button>
      )}
      {mode.kind === 'add' && <ConnectionForm providers={providers} onDone={done} onCancel={() => setMode({ kind: 'none' })} />}
      {mode.kind === 'edit' && (
        <ConnectionForm key={mode.id} providers={providers} editing={connections.find((c) => c.id === mode.id)} onDone={done} onCancel={() => setMode({ kind: 'none' })} />
      )}
    </div>
  );
}
