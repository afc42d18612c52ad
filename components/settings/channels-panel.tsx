'use client';

// Notification channels for admins: the list, add and edit forms for e-mail lists and webhooks,
// "Send test" with its result, delete. A webhook's URL and secret are write-only: the form never
// shows them back, and leaving them empty keeps the stored ones.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import type { TChannelView } from '@/lib/api/schemas/notifications';
import { DELIVERY_STATUS_STYLE } from './delivery-status-style';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';
import { callApi } from './use-api';

const INPUT = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm';

function splitAddresses(text: string): string[] {
  return text.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean);
}

function ChannelForm(props: { editing?: TChannelView; onDone: (text: string) => void; onCancel: () => void }) {
  const t = useTranslations('notifications.channels');
  const tc = useTranslations('common');
  const [type, setType] = useState<'email' | 'webhook'>(props.editing?.type ?? 'email');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const editing = props.editing;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const name = String(f.get('name') ?? '');
    const body: Record<string, unknown> = { name };
    if (type === 'email') body.addresses = splitAddresses(String(f.get('addresses') ?? ''));
    else {
      const url = String(f.get('url') ?? '').trim();
      const secret = String(f.get('secret') ?? '');
      body.format = f.get('format');
      if (url || !editing) body.url = url;
      if (f.get('removeSecret') === 'on') body.secret = null;
      else if (secret) body.secret = secret;
    }
    setPending(true);
    setError(null);
    try {
      if (editing) await callApi('PATCH', `/api/v1/channels/${editing.id}`, body);
      else await callApi('POST', '/api/v1/channels', { type, ...body });
      props.onDone(editing ? t('saved', { name }) : t('added', { name }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={editing ? t('editForm') : t('addForm')} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t('type')}</span>
          <select name="type" value={type} disabled={Boolean(editing)} onChange={(e) => setType(e.target.value as 'email' | 'webhook')} className={INPUT}>
            <option value="email">{t('types.email')}</option>
            <option value="webhook">{t('types.webhook')}</option>
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t('name')}</span>
          <input name="name" required defaultValue={editing?.name} placeholder={t('namePlaceholder')} className={INPUT} />
        </label>
      </div>
      {type === 'email' ? (
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t('addresses')}</span>
          <textarea name="addresses" required rows={2} defaultValue={editing?.addresses.join(', ')} placeholder="finance@example.com, cto@example.com" className={INPUT} />
          <span className="mt-0.5 block text-xs text-slate-500">{t('addressesHint')}</span>
        </label>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm sm:col-span-2">
            <span className="font-medium text-slate-700">{t('url')}</span>
            <input name="url" type="url" required={!editing} placeholder={editing?.urlHint ?? 'https://hooks.slack.com/services/…'} className={`${INPUT} font-mono`} autoComplete="off" />
            <span className="mt-0.5 block text-xs text-slate-500">{editing ? t('urlKeep') : t('urlHint')}</span>
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t('format')}</span>
            <select name="format" defaultValue={editing?.format ?? 'json'} className={INPUT}>
              <option value="json">{t('formats.json')}</option>
              <option value="slack">{t('formats.slack')}</option>
            </select>
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t('secret')}</span>
            <input name="secret" type="password" autoComplete="new-password" placeholder={editing?.hasSecret ? '••••••••' : ''} className={`${INPUT} font-mono`} />
            <span className="mt-0.5 block text-xs text-slate-500">{editing?.hasSecret ? t('secretKeep') : t('secretHint')}</span>
          </label>
          {editing?.hasSecret && (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="removeSecret" /> {t('removeSecret')}
            </label>
          )}
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t('saving') : editing ? t('save') : t('create')}
        </button>
        <button type="button" onClick={props.onCancel} className="rounded px-3 py-1 text-sm text-slate-600 hover:bg-slate-200">{tc('cancel')}</button>
      </div>
    </form>
  );
}

export function ChannelsPanel({ channels }: { channels: TChannelView[] }) {
  const router = useRouter();
  const t = useTranslations('notifications.channels');
  const ts = useTranslations('notifications.statuses');
  const fmt = useFormat();
  const [mode, setMode] = useState<{ kind: 'none' } | { kind: 'add' } | { kind: 'edit'; id: string }>({ kind: 'none' });
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(id: string, label: string, action: () => Promise<{ tone: 'ok' | 'error'; text: string }>) {
    setBusy(`${id}:${label}`);
    setNotice(null);
    try {
      setNotice(await action());
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
      {channels.length === 0 ? (
        <p className="text-sm text-slate-500">{t('none')}</p>
      ) : (
        <div className={TABLE_SCROLL}>
          <table className={`${TABLE} min-w-[48rem]`} data-testid="channels-table">
            <thead className={HEAD}>
              <tr>
                <th scope="col" className={`${STICKY_CELL} py-2`}>{t('name')}</th>
                <th scope="col" className="px-2">{t('type')}</th>
                <th scope="col" className="px-2">{t('destination')}</th>
                <th scope="col" className="px-2">{t('subscriptions')}</th>
                <th scope="col" className="px-2">{t('lastDelivery')}</th>
                <th scope="col"><span className="sr-only">{t('actions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {channels.map((c) => (
                <tr key={c.id}>
                  <td className={`${STICKY_CELL} py-2 font-medium whitespace-nowrap`}>{c.name}</td>
                  <td className="px-2 whitespace-nowrap">
                    {t(`types.${c.type}`)}
                    {c.type === 'webhook' && <span className="ml-1 text-xs text-slate-500">({t(`formats.${c.format ?? 'json'}`)}{c.hasSecret ? ` · ${t('signed')}` : ''})</span>}
                  </td>
                  <td className="px-2 text-xs text-slate-600">
                    {c.type === 'email' ? c.addresses.map((a) => <div key={a} className="whitespace-nowrap">{a}</div>) : <code className="whitespace-nowrap">{c.urlHint}</code>}
                  </td>
                  <td className="px-2 whitespace-nowrap text-xs text-slate-600">{t('subscriptionCount', { count: c.subscriptions })}</td>
                  <td className="px-2">
                    {c.lastDelivery ? (
                      <>
                        <span className={`rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${DELIVERY_STATUS_STYLE[c.lastDelivery.status] ?? ''}`}>{ts(c.lastDelivery.status)}</span>
                        <div className="mt-0.5 text-xs whitespace-nowrap text-slate-500">{fmt.dateTime(c.lastDelivery.at)}</div>
                      </>
                    ) : (
                      <span className="text-xs text-slate-400">{t('never')}</span>
                    )}
                  </td>
                  <td className="space-x-2 whitespace-nowrap px-2 text-right">
                    <button type="button" disabled={busy !== null} className="text-xs font-medium text-brand-600 hover:underline"
                      onClick={() => act(c.id, 'test', async () => {
                        const r = await callApi<{ status: string; error: string | null }>('POST', `/api/v1/channels/${c.id}/test`);
                        return r.status === 'sent'
                          ? { tone: 'ok', text: t('testSent', { name: c.name }) }
                          : { tone: 'error', text: t('testFailed', { name: c.name, error: r.error ?? ts(r.status as 'failed') }) };
                      })}>
                      {busy === `${c.id}:test` ? t('testing') : t('test')}
                    </button>
                    <button type="button" className="text-xs font-medium text-slate-600 hover:underline" onClick={() => setMode({ kind: 'edit', id: c.id })}>{t('edit')}</button>
                    <button type="button" disabled={busy !== null} className="text-xs font-medium text-red-600 hover:underline"
                      onClick={() => {
                        if (!window.confirm(t('deleteConfirm', { name: c.name }))) return;
                        void act(c.id, 'delete', async () => {
                          await callApi('DELETE', `/api/v1/channels/${c.id}`);
                          return { tone: 'ok', text: t('deleted', { name: c.name }) };
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
        <p role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="channel-notice" className={`rounded px-3 py-2 text-sm break-words ${notice.tone === 'error' ? 'bg-red-50 text-red-700' : 'bg-emerald-50 text-emerald-800'}`}>
          {notice.text}
        </p>
      )}
      {mode.kind === 'none' && (
        <button type="button" onClick={() => setMode({ kind: 'add' })} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
          {t('add')}
        </button>
      )}
      {mode.kind === 'add' && <ChannelForm onDone={done} onCancel={() => setMode({ kind: 'none' })} />}
      {mode.kind === 'edit' && <ChannelForm key={mode.id} editing={channels.find((c) => c.id === mode.id)} onDone={done} onCancel={() => setMode({ kind: 'none' })} />}
    </div>
  );
}
