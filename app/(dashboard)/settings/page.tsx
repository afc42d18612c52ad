import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChannelsPanel } from '@/components/settings/channels-panel';
import { ConnectionsPanel } from '@/components/settings/connections-panel';
import { DeliveryLog } from '@/components/settings/delivery-log';
import { FocusUpload } from '@/components/settings/focus-upload';
import { ReportDeliveryLog } from '@/components/settings/report-delivery-log';
import { ReportsPanel } from '@/components/settings/reports-panel';
import { RunLog } from '@/components/settings/run-log';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from '@/components/settings/table-classes';
import { ThresholdsPanel } from '@/components/settings/thresholds-panel';
import { TokensPanel } from '@/components/settings/tokens-panel';
import { UsersPanel } from '@/components/settings/users-panel';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { listConnections } from '@/lib/connections/list-connections';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';
import { describeProviders } from '@/lib/connections/provider-fields';
import { getFormat } from '@/lib/i18n/server';
import { listApiTokens, listAudit, listUsers } from '@/lib/queries/list-access';
import { listChannels } from '@/lib/queries/list-channels';
import { listNotifications } from '@/lib/queries/list-notifications';
import { getCostDimensions } from '@/lib/queries/get-cost-dimensions';
import { listReportDeliveries } from '@/lib/queries/list-report-deliveries';
import { listReportSchedules } from '@/lib/queries/list-report-schedules';
import { smtpConfigured } from '@/lib/reports/mailer';
import { getRecommendationThresholds } from '@/lib/queries/get-recommendation-thresholds';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

// audit actions and entities as words; one added later shows as its code until it has some
const messageKey = (code: string) => code.replace(/[.-]/g, '_');

export default async function SettingsPage() {
  const actor = await getPageActor('admin');
  const [t, tn, tr, tt, fmt, connections, runs, users, tokens, auditRows, channels, deliveries, schedules, reportDeliveries, dimensions, thresholds] = await Promise.all([
    getTranslations('settings'),
    getTranslations('notifications'),
    getTranslations('reports.settings'),
    getTranslations('recommendationThresholds'),
    getFormat(),
    listConnections(),
    listSyncRuns({ limit: 15 }),
    listUsers(),
    listApiTokens(),
    listAudit(20),
    listChannels(),
    listNotifications({ limit: 30 }),
    listReportSchedules(),
    listReportDeliveries({ limit: 20 }),
    getCostDimensions(),
    getRecommendationThresholds(),
  ]);
  const actionLabel = (action: string) => {
    const key = `audit.actions.${messageKey(action)}` as 'audit.actions.user_create';
    return t.has(key) ? t(key) : action;
  };
  const entityLabel = (type: string) => {
    const key = `audit.entities.${messageKey(type)}` as 'audit.entities.user';
    return t.has(key) ? t(key) : type;
  };
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <Card title={t('connections.title')} subtitle={t('connections.subtitle')}>
          <ConnectionsPanel connections={connections} providers={describeProviders()} />
        </Card>
        <Card title={t('focus.title')} subtitle={t('focus.subtitle')}>
          <FocusUpload />
        </Card>
        <Card title={t('runs.title')} subtitle={t('runs.subtitle', { zone: fmt.zone() })}>
          <RunLog runs={runs} showSource />
        </Card>
        <div id="channels" className="scroll-mt-4">
          <Card title={tn('channels.title')} subtitle={tn('channels.subtitle')}>
            <ChannelsPanel channels={channels} />
          </Card>
        </div>
        <Card title={tn('log.title')} subtitle={tn('log.subtitle', { zone: fmt.zone() })}>
          <DeliveryLog rows={deliveries} />
        </Card>
        <Card title={tr('title')} subtitle={tr('subtitle')}>
          <ReportsPanel schedules={schedules} providers={dimensions.providers.map((p) => p.value)} myEmail={actor.email ?? null} smtpConfigured={smtpConfigured()} />
        </Card>
        <Card title={tr('log.title')} subtitle={tr('log.subtitle')}>
          <ReportDeliveryLog deliveries={reportDeliveries} />
        </Card>
        <div id="recommendation-thresholds" className="scroll-mt-4">
          <Card title={tt('title')} subtitle={tt('subtitle')}>
            <ThresholdsPanel thresholds={thresholds.thresholds} canEdit={actor.role === 'admin'} />
          </Card>
        </div>
        <Card title={t('people.title')} subtitle={t('people.subtitle')}>
          <UsersPanel users={users} selfId={actor.id} />
        </Card>
        <Card title={t('tokens.title')} subtitle={t('tokens.subtitle')}>
          <TokensPanel tokens={tokens} />
        </Card>
        <Card title={t('audit.title')} subtitle={t('audit.subtitle')}>
          {auditRows.length === 0 ? (
            <p className="text-sm text-slate-500">{t('audit.none')}</p>
          ) : (
            <div className={TABLE_SCROLL}>
              <table className={`${TABLE} min-w-[40rem]`}>
                <thead className={HEAD}>
                  <tr>
                    <th scope="col" className={`${STICKY_CELL} py-2`}>{t('audit.when')}</th>
                    <th scope="col" className="px-2">{t('audit.who')}</th>
                    <th scope="col" className="px-2">{t('audit.what')}</th>
                    <th scope="col" className="px-2">{t('audit.on')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {auditRows.map((r) => (
                    <tr key={r.id}>
                      <td className={`${STICKY_CELL} py-2 whitespace-nowrap`}>{fmt.dateTime(r.at)}</td>
                      <td className="px-2 whitespace-nowrap">{r.actorLabel ?? r.actorType}</td>
                      <td className="px-2" title={r.action}>{actionLabel(r.action)}</td>
                      <td className="px-2 whitespace-nowrap text-slate-600">
                        {entityLabel(r.entityType)}
                        {r.entityId ? <code className="ml-1 text-xs text-slate-400">{r.entityId.slice(0, 8)}</code> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
