'use client';

// Settings › Weekly reports: the schedules (create, edit, enable or disable, delete), "send now",
// "send a test to me" and a link to the preview of what recipients get.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { ROLES, type TRole } from '@/lib/auth/roles';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';
import { callApi } from './use-api';

export type TScheduleRow = {
  id: string;
  name: string;
  cron: string;
  timeZone: string;
  recipients: string[];
  roles: string[];
  scope: { provider?: string };
  locale: string;
  currency: string;
  attachCsv: boolean;
  enabled: boolean;
  nextRunAt: string | null;
};

type TOutcome = { recipient: string; status: 'sent' | 'skipped' | 'retrying' | 'failed'; error?: string };

const LOCALES = ['fr-FR', 'en-GB'] as const;
const INPUT = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

export function ReportsPanel({ schedules, providers, myEmail, smtpConfigured }: { schedules: TScheduleRow[]; providers: string[]; myEmail: string | null; smtpConfigured: boolean }) {
  const router = useRouter();
  const t = useTranslations('reports.settings');
  const tr = useTranslations('roles');
  const fmt = useFormat();
  const [editing, setEditing] = useState<TScheduleRow | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<string | null>) {
    setBusy(key);
    setError(null);
    setStatus(null);
    try {
      setStatus(await action());
      router.refresh();
    } catch (e) {
      setError(t('error', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  const send = (s: TScheduleRow, to?: string) =>
    run(`send:${s.id}:${to ?? ''}`, async () => {
      const result = await callApi<{ outcomes: TOutcome[] }>('POST', `/api/v1/report-schedules/${s.id}/send`, to ? { to } : {});
      const failed = result.outcomes.filter((o) => o.status === 'failed' || o.status === 'retrying');
      const summary = t('sent', { count: result.outcomes.filter((o) => o.status === 'sent').length, failed: failed.length });
      return failed.length ? `${summary} ${failed.map((o) => `${o.recipient}: ${o.error ?? o.status}`).join('; ')}` : summary;
    });

  async function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const provider = String(f.get('provider') ?? '');
    const body = {
      name: String(f.get('name') ?? ''),
      cron: String(f.get('cron') ?? ''),
      timeZone: String(f.get('timeZone') ?? ''),
      recipients: String(f.get('recipients') ?? '')
        .split(/[\s,;]+/)
        .filter(Boolean),
      roles: ROLES.filter((r) => f.get(`role-${r}`) === 'on'),
      scope: provider ? { provider } : {},
      locale: String(f.get('locale') ?? 'fr-FR'),
      currency: String(f.get('currency') ?? '').toUpperCase(),
      attachCsv: f.get('attachCsv') === 'on',
      enabled: f.get('enabled') === 'on',
    };
    const target = editing;
    await run('save', async () => {
      if (target === 'new') await callApi('POST', '/api/v1/report-schedules', body);
      else if (target) await callApi('PATCH', `/api/v1/report-schedules/${target.id}`, body);
      setEditing(null);
      return t('saved');
    });
  }

  const who = (s: TScheduleRow) => [...s.recipients, ...s.roles.map((r) => tr(r as TRole))].join(', ');

  return (
    <div className="space-y-4" id="reports">
      {!smtpConfigured && (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {t('smtpMissing')}
        </p>
      )}
      {schedules.length === 0 ? (
        <p className="text-sm text-slate-500">{t('none')}</p>
      ) : (
        <div className={TABLE_SCROLL}>
          <table className={`${TABLE} min-w-[52rem]`} data-testid="report-schedules">
            <thead className={HEAD}>
              <tr>
                <th scope="col" className={`${STICKY_CELL} py-2`}>{t('name')}</th>
                <th scope="col" className="px-2">{t('when')}</th>
                <th scope="col" className="px-2">{t('recipients')}</th>
                <th scope="col" className="px-2">{t('scope')}</th>
                <th scope="col" className="px-2">{t('language')}</th>
                <th scope="col" className="px-2"><span className="sr-only">{t('actions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {schedules.map((s) => (
                <tr key={s.id} data-schedule={s.name}>
                  <td className={`${STICKY_CELL} py-2 font-medium`}>
                    {s.name}
                    {!s.enabled && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('off')}</span>}
                  </td>
                  <td className="px-2 whitespace-nowrap">
                    <code className="text-xs">{s.cron}</code> <span className="text-xs text-slate-500">{s.timeZone}</span>
                    {s.nextRunAt && <div className="text-xs text-slate-500">{t('nextRun', { when: fmt.dateTime(s.nextRunAt) })}</div>}
                  </td>
                  <td className="px-2 max-w-[16rem] break-words">{who(s)}</td>
                  <td className="px-2 whitespace-nowrap">{s.scope.provider ?? t('scopeAll')}</td>
                  <td className="px-2 whitespace-nowrap">{t(`languages.${s.locale as (typeof LOCALES)[number]}`)} · {s.currency}</td>
                  <td className="px-2 py-2">
                    <div className="flex min-w-[15rem] flex-wrap justify-end gap-x-3 gap-y-1 text-xs font-medium">
                      <button type="button" disabled={busy !== null} onClick={() => send(s)} className="text-brand-700 hover:underline disabled:opacity-50">
                        {busy === `send:${s.id}:` ? t('working') : t('sendNow')}
                      </button>
                      {myEmail && (
                        <button type="button" disabled={busy !== null} onClick={() => send(s, myEmail)} className="text-brand-700 hover:underline disabled:opacity-50">
                          {t('sendTest')}
                        </button>
                      )}
                      <a href={`/reports/preview?schedule=${s.id}`} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
                        {t('preview')}
                      </a>
                      <button type="button" disabled={busy !== null} onClick={() => run(`toggle:${s.id}`, async () => (await callApi('PATCH', `/api/v1/report-schedules/${s.id}`, { enabled: !s.enabled }), t('saved')))} className="text-slate-700 hover:underline disabled:opacity-50">
                        {s.enabled ? t('disable') : t('enable')}
                      </button>
                      <button type="button" onClick={() => setEditing(s)} className="text-slate-700 hover:underline">
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        disabled={busy !== null}
                        onClick={() => window.confirm(t('confirmDelete', { name: s.name })) && run(`delete:${s.id}`, async () => (await callApi('DELETE', `/api/v1/report-schedules/${s.id}`), null))}
                        className="text-red-600 hover:underline disabled:opacity-50"
                      >
                        {t('delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {status && (
        <p role="status" className="text-sm text-emerald-800" data-testid="report-status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {editing ? (
        <ScheduleForm key={editing === 'new' ? 'new' : editing.id} schedule={editing === 'new' ? null : editing} providers={providers} onSubmit={onSave} onCancel={() => setEditing(null)} busy={busy === 'save'} />
      ) : (
        <button type="button" onClick={() => setEditing('new')} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
          {t('create')}
        </button>
      )}
    </div>
  );
}

function ScheduleForm({ schedule, providers, onSubmit, onCancel, busy }: { schedule: TScheduleRow | null; providers: string[]; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; onCancel: () => void; busy: boolean }) {
  const t = useTranslations('reports.settings');
  const tr = useTranslations('roles');
  const label = 'block text-xs font-medium text-slate-600';
  return (
    <form onSubmit={onSubmit} className="grid gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-2" aria-label={schedule ? t('editForm', { name: schedule.name }) : t('createForm')}>
      <label className={label}>
        {t('name')}
        <input name="name" required defaultValue={schedule?.name ?? ''} className={INPUT} />
      </label>
      <label className={label}>
        {t('language')}
        <select name="locale" defaultValue={schedule?.locale ?? 'fr-FR'} className={INPUT}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t('cron')}
        <input name="cron" required defaultValue={schedule?.cron ?? '0 8 * * 1'} className={`${INPUT} font-mono`} aria-describedby="cron-hint" />
        <span id="cron-hint" className="mt-0.5 block font-normal text-slate-500">
          {t('cronHint')}
        </span>
      </label>
      <label className={label}>
        {t('timeZone')}
        <input name="timeZone" required defaultValue={schedule?.timeZone ?? 'Europe/Paris'} className={INPUT} />
      </label>
      <label className={`${label} sm:col-span-2`}>
        {t('recipients')}
        <textarea name="recipients" rows={2} defaultValue={schedule?.recipients.join('\n') ?? ''} className={INPUT} aria-describedby="recipients-hint" />
        <span id="recipients-hint" className="mt-0.5 block font-normal text-slate-500">
          {t('recipientsHint')}
        </span>
      </label>
      <fieldset className="text-xs">
        <legend className="font-medium text-slate-600">{t('roles')}</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {ROLES.map((r) => (
            <label key={r} className="flex items-center gap-1">
              <input type="checkbox" name={`role-${r}`} defaultChecked={schedule ? schedule.roles.includes(r) : r === 'admin'} />
              {tr(r)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className={label}>
        {t('scope')}
        <select name="provider" defaultValue={schedule?.scope.provider ?? ''} className={INPUT}>
          <option value="">{t('scopeAll')}</option>
          {providers.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t('currency')}
        <input name="currency" required defaultValue={schedule?.currency ?? 'EUR'} maxLength={3} className={`${INPUT} uppercase`} />
      </label>
      <div className="flex flex-col gap-1 text-sm sm:justify-end">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="attachCsv" defaultChecked={schedule?.attachCsv ?? false} />
          {t('attachCsv')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked={schedule?.enabled ?? true} />
          {t('enabled')}
        </label>
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" disabled={busy} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {t('save')}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 text-sm">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
